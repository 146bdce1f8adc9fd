using System.Linq;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>
/// Writes the assembly's <c>[Gauge]</c> instruments: created from a module initializer, so they exist before any code
/// of the assembly runs, each with a static callback that reads its member and allocates nothing for a static one.
/// </summary>
internal static class GaugeEmitter
{
    public const string HintName = "Toolkit.Gauges.g.cs";

    private const string ClassName = "GaugeInstruments";
    private const string Runtime = "global::Toolkit.Internal.Gauges";

    public static string Emit(SourceSpec source, EquatableArray<GaugeSpec> gauges)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        ManifestEmitter.WriteAttribute(writer, ManifestEmitter.GaugePart(gauges));
        writer.WriteLine();
        writer.OpenBlock("namespace " + source.HolderNamespace);
        writer.WriteLine("/// <summary>The observable instruments of this assembly's <c>[Gauge]</c> members.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"internal static class {ClassName}");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.OpenBlock("internal static void Create()");
        writer.WriteLine($"var meter = {SourceSpec.HolderClassName}.Meter;");
        foreach (var gauge in gauges)
        {
            Create(writer, gauge);
        }

        writer.CloseBlock();
        foreach (var gauge in gauges)
        {
            writer.WriteLine();
            Reader(writer, gauge);
        }

        foreach (var type in gauges.Where(g => !g.Tags.IsEmpty).GroupBy(g => g.InstanceType!))
        {
            writer.WriteLine();
            writer.WriteLine($"private static global::System.Collections.Generic.KeyValuePair<string, object?>[] {TagsName(type.Key)}({type.Key} instance) =>");
            writer.WriteLine($"    new global::System.Collections.Generic.KeyValuePair<string, object?>[] {{ {string.Join(", ", type.First().Tags.Select(tag => $"new({Identifiers.Literal(tag.Key)}, {tag.Read})"))} }};");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void Create(SourceWriter writer, GaugeSpec gauge)
    {
        string common = $"meter, global::Toolkit.GaugeKind.{gauge.Kind}, {Identifiers.Literal(gauge.Name)}, {Literal(gauge.Unit)}, {Literal(gauge.Description)}, {ReaderName(gauge)}";
        writer.WriteLine(gauge.InstanceType is { } type
            ? $"{Runtime}.CreateTracked<{type}, {gauge.ValueType}>({common}, {(gauge.Tags.IsEmpty ? "null" : TagsName(type))});"
            : $"{Runtime}.Create<{gauge.ValueType}>({common});");
    }

    /// <summary>The method that reads the member; <see langword="false"/> when a nullable value is <see langword="null"/>.</summary>
    private static void Reader(SourceWriter writer, GaugeSpec gauge)
    {
        string instance = gauge.InstanceType is { } type ? type + " instance, " : "";
        writer.OpenBlock($"private static bool {ReaderName(gauge)}({instance}out {gauge.ValueType} value)");
        string cast = gauge.Cast ? $"({gauge.ValueType})" : "";
        if (gauge.Nullable)
        {
            writer.WriteLine($"var read = {gauge.Read};");
            writer.WriteLine($"value = {cast}read.GetValueOrDefault();");
            writer.WriteLine("return read.HasValue;");
        }
        else
        {
            writer.WriteLine($"value = {cast}{gauge.Read};");
            writer.WriteLine("return true;");
        }

        writer.CloseBlock();
    }

    private static string ReaderName(GaugeSpec gauge) => "Read_" + Identifiers.Sanitize(gauge.Member);

    private static string TagsName(string type) => "Tags_" + Identifiers.Sanitize(type.Replace("global::", ""));

    private static string Literal(string? value) => value is null ? "null" : Identifiers.Literal(value);
}
