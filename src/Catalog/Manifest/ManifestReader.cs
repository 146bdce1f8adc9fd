using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Catalog.Manifest;

/// <summary>
/// Reads the <c>[assembly: TelemetryManifest]</c> parts of a built assembly from its metadata, without loading it:
/// no user code runs and the assembly's dependencies need not be present.
/// </summary>
internal static class ManifestReader
{
    private const string AttributeNamespace = "Toolkit.Internal";
    private const string AttributeName = "TelemetryManifestAttribute";
    private const int SupportedSchema = 1;

    public static TelemetryManifest Read(string assemblyPath)
    {
        var (assemblyName, parts) = ReadParts(assemblyPath);
        return Parse(assemblyName, parts);
    }

    /// <summary>The assembly's simple name and its manifest parts as the generator wrote them.</summary>
    public static (string AssemblyName, IReadOnlyList<string> Parts) ReadParts(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new InvalidDataException($"{assemblyPath} is not a .NET assembly.");
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new InvalidDataException($"{assemblyPath} is a module, not an assembly.");
        }

        string assemblyName = metadata.GetString(metadata.GetAssemblyDefinition().Name);
        return (assemblyName, Parts(metadata).ToArray());
    }

    /// <summary>Builds the manifest from its JSON parts, in any order.</summary>
    public static TelemetryManifest Parse(string assemblyName, IEnumerable<string> parts)
    {
        SourcePart? source = null;
        var types = new List<TypePart>();
        var gauges = new List<GaugePart>();
        foreach (string json in parts)
        {
            var part = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.PartJson)
                ?? throw new InvalidDataException("A telemetry manifest part is empty.");
            if (part.Schema != SupportedSchema)
            {
                throw new InvalidDataException(
                    $"{assemblyName} was built with a telemetry manifest of schema {part.Schema}; this tool reads schema {SupportedSchema}. Use the tool from the same Toolkit version.");
            }

            if (part.Source is not null)
            {
                source = new SourcePart(part.Source, part.Version, part.Traced, part.Instruments ?? []);
            }
            else if (part.Type is not null)
            {
                types.Add(new TypePart(part.Type, part.Methods ?? []));
            }
            else if (part.Gauges is not null)
            {
                gauges.AddRange(part.Gauges);
            }
        }

        if (source is null && types.Count == 0 && gauges.Count == 0)
        {
            throw new InvalidDataException($"{assemblyName} has no telemetry manifest: it was not built with the Toolkit generator, or nothing in it is instrumented.");
        }

        // Without a holder (only [Logged] methods), the source is named for the assembly, as the generator does.
        source ??= new SourcePart(assemblyName, null, false, []);
        types.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
        gauges.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Member, b.Member));
        return new TelemetryManifest(assemblyName, source, types) { Gauges = gauges };
    }

    private static IEnumerable<string> Parts(MetadataReader metadata)
    {
        var provider = new StringArgumentProvider();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsManifestAttribute(metadata, attribute))
            {
                continue;
            }

            var value = attribute.DecodeValue(provider);
            if (value.FixedArguments is [{ Value: string json }])
            {
                yield return json;
            }
        }
    }

    private static bool IsManifestAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        StringHandle name;
        StringHandle ns;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var reference = metadata.GetTypeReference((TypeReferenceHandle)parent);
                (name, ns) = (reference.Name, reference.Namespace);
                break;
            case HandleKind.MethodDefinition:
                var definition = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
                (name, ns) = (definition.Name, definition.Namespace);
                break;
            default:
                return false;
        }

        return metadata.StringComparer.Equals(name, AttributeName) && metadata.StringComparer.Equals(ns, AttributeNamespace);
    }

    /// <summary>Decodes attribute blobs far enough to read a string argument; types are named, never resolved.</summary>
    private sealed class StringArgumentProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
            throw new BadImageFormatException($"The manifest attribute has no enum arguments, but one of type {type} was found.");

        public bool IsSystemType(string type) => type == "System.Type";
    }
}

/// <summary>One manifest part as written: a source part, a type part or the gauges part.</summary>
internal sealed record PartJson(
    int Schema,
    string? Source,
    string? Version,
    bool Traced,
    IReadOnlyList<InstrumentPart>? Instruments,
    string? Type,
    IReadOnlyList<MethodPart>? Methods,
    IReadOnlyList<GaugePart>? Gauges = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = false)]
[JsonSerializable(typeof(PartJson))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
