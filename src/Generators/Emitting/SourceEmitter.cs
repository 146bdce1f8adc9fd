using System.Globalization;
using System.Linq;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>Writes the assembly's telemetry holder: the <c>ActivitySource</c>, the <c>Meter</c> and the instruments methods share.</summary>
internal static class SourceEmitter
{
    public const string HintName = "Toolkit.Telemetry.g.cs";

    public static string Emit(SourceSpec source, SourceUsage usage)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.WriteLine($"[assembly: global::Toolkit.Internal.InstrumentedSourceAttribute(global::{source.HolderNamespace}.{SourceSpec.HolderClassName}.Name)]");
        ManifestEmitter.WriteAttribute(writer, ManifestEmitter.SourcePart(source, usage));
        writer.WriteLine();
        writer.OpenBlock("namespace " + source.HolderNamespace);
        writer.WriteLine("/// <summary>The telemetry source of this assembly's generated instrumentation.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"internal static class {SourceSpec.HolderClassName}");
        writer.WriteLine($"public const string Name = {Identifiers.Literal(source.Name)};");
        writer.WriteLine($"public const string? Version = {(source.Version is null ? "null" : Identifiers.Literal(source.Version))};");
        if (source.HasSchemaUrl)
        {
            writer.WriteLine($"public const string SchemaUrl = {Identifiers.Literal(SourceSpec.SchemaUrl)};");
        }

        if (usage.Traced)
        {
            writer.WriteLine();
            writer.WriteLine(source.HasSchemaUrl
                ? "public static readonly global::System.Diagnostics.ActivitySource ActivitySource = new(new global::System.Diagnostics.ActivitySourceOptions(Name) { Version = Version, TelemetrySchemaUrl = SchemaUrl });"
                : "public static readonly global::System.Diagnostics.ActivitySource ActivitySource = new(Name, Version);");
        }

        if (usage.HasMeter)
        {
            writer.WriteLine();
            writer.WriteLine(source.HasSchemaUrl
                ? "public static readonly global::System.Diagnostics.Metrics.Meter Meter = new(new global::System.Diagnostics.Metrics.MeterOptions(Name) { Version = Version, TelemetrySchemaUrl = SchemaUrl });"
                : "public static readonly global::System.Diagnostics.Metrics.Meter Meter = new(Name, Version);");
            foreach (var instrument in usage.Instruments)
            {
                writer.WriteLine();
                writer.WriteLine($"public static readonly {instrument.TypeName} {instrument.FieldName} = {Create(instrument)};");
            }
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Makes the source known to <c>AddToolkitSources</c> and <c>AddToolkitMeters</c> as soon as the assembly loads.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.WriteLine("internal static void Register() => global::Toolkit.ToolkitSources.Register(Name);");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string Buckets(InstrumentSpec instrument) =>
        "new double[] { " + string.Join(", ", instrument.Buckets.Select(b => b.ToString("R", CultureInfo.InvariantCulture))) + " }";

    private static string Create(InstrumentSpec instrument)
    {
        string common = $"{Identifiers.Literal(instrument.Name)}, {Identifiers.Literal(instrument.Unit)}, {Identifiers.Literal(instrument.Description)}";
        switch (instrument.Kind)
        {
            case InstrumentKind.Histogram:
                string buckets = instrument.Buckets.IsEmpty
                    ? "global::Toolkit.Internal.Instrumentation.DefaultDurationBuckets"
                    : Buckets(instrument);
                return $"Meter.CreateHistogram<double>({common}, tags: null, advice: new global::System.Diagnostics.Metrics.InstrumentAdvice<double> {{ HistogramBucketBoundaries = {buckets} }})";
            case InstrumentKind.ValueHistogram when instrument.Buckets.IsEmpty:
                return $"Meter.CreateHistogram<double>({common})";
            case InstrumentKind.ValueHistogram:
                return $"Meter.CreateHistogram<double>({common}, tags: null, advice: new global::System.Diagnostics.Metrics.InstrumentAdvice<double> {{ HistogramBucketBoundaries = {Buckets(instrument)} }})";
            case InstrumentKind.ValueSum:
                return $"Meter.CreateCounter<double>({common})";
            case InstrumentKind.Counter:
                return $"Meter.CreateCounter<long>({common})";
            default:
                return $"Meter.CreateUpDownCounter<long>({common})";
        }
    }
}
