using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// Reads the assembly's <c>[TelemetrySource]</c>, falling back to its name and informational version without build
/// metadata: the version becomes Prometheus's <c>otel_scope_version</c> label, and a <c>+commit</c> suffix would
/// start new series on every deploy.
/// </summary>
internal static class SourceParser
{
    public static SourceSpec Parse(Compilation compilation)
    {
        string name = compilation.AssemblyName ?? "Assembly";
        string? version = null;
        string? informationalVersion = null;
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            // Runs on every compilation change: names compared in place, no display strings.
            if (Symbols.Is(attribute, AttributeNames.TelemetrySource))
            {
                if (attribute.ConstructorArguments.FirstOrDefault().Value is string { Length: > 0 } explicitName)
                {
                    name = explicitName;
                }

                version = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Version").Value.Value as string;
            }
            else if (Symbols.Is(attribute, "System.Reflection.AssemblyInformationalVersionAttribute"))
            {
                informationalVersion = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            }
        }

        return new SourceSpec(
            name,
            version ?? WithoutBuildMetadata(informationalVersion),
            SourceSpec.HolderNamespaceFor(compilation.AssemblyName),
            HasSchemaUrl(compilation));
    }

    /// <summary>SemVer 2.0 build metadata follows the first <c>+</c> and does not take part in version precedence.</summary>
    private static string? WithoutBuildMetadata(string? version)
    {
        int plus = version?.IndexOf('+') ?? -1;
        return plus >= 0 ? version!.Substring(0, plus) : version;
    }

    /// <summary>Whether the referenced DiagnosticSource (.NET 10, or its package on older targets) takes a schema URL.</summary>
    private static bool HasSchemaUrl(Compilation compilation) =>
        HasProperty(compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySourceOptions"), "TelemetrySchemaUrl")
        && HasProperty(compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.MeterOptions"), "TelemetrySchemaUrl");

    private static bool HasProperty(INamedTypeSymbol? type, string name) =>
        type is not null && type.GetMembers(name).Any(m => m is IPropertySymbol { SetMethod: not null });
}
