using System.Linq;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>
/// Writes the telemetry manifest as <c>[assembly: TelemetryManifest(json)]</c> parts: one for the source and its
/// instruments, in the holder's file, and one per type, in the type's file, so an edit rewrites only its own part.
/// </summary>
/// <remarks>The JSON schema is read by <c>Toolkit.Catalog</c>; change both together.</remarks>
internal static class ManifestEmitter
{
    public const int SchemaVersion = 1;

    /// <summary>The default duration buckets, which the runtime holds; the manifest states them so tools need not know.</summary>
    private static readonly double[] s_defaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>The OpenTelemetry SDK's default histogram boundaries, which a <c>[Measure]</c> without <c>Buckets</c> gets.</summary>
    private static readonly double[] s_sdkDefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static void WriteAttribute(SourceWriter writer, string json) =>
        writer.WriteLine($"[assembly: global::Toolkit.Internal.TelemetryManifestAttribute({Identifiers.Literal(json)})]");

    public static string SourcePart(SourceSpec source, SourceUsage usage)
    {
        var json = new JsonWriter().StartObject()
            .Number("schema", SchemaVersion)
            .String("source", source.Name)
            .String("version", source.Version)
            .Bool("traced", usage.Traced)
            .StartArray("instruments");
        foreach (var instrument in usage.Instruments)
        {
            json.StartObject()
                .String("name", instrument.Name)
                .String("kind", KindName(instrument.Kind))
                .String("unit", instrument.Unit)
                .String("description", instrument.Description);
            if (instrument.Kind is InstrumentKind.Histogram or InstrumentKind.ValueHistogram)
            {
                Buckets(json, instrument);
            }

            json.EndObject();
        }

        return json.EndArray().EndObject().ToString();
    }

    /// <summary>The <c>[Gauge]</c> members, in their own part: an edit to one rewrites only the gauges' file.</summary>
    public static string GaugePart(EquatableArray<GaugeSpec> gauges)
    {
        var json = new JsonWriter().StartObject()
            .Number("schema", SchemaVersion)
            .StartArray("gauges");
        foreach (var gauge in gauges)
        {
            json.StartObject()
                .String("name", gauge.Name)
                .String("kind", gauge.Kind switch { "Counter" => "observablecounter", "UpDownCounter" => "observableupdowncounter", _ => "observablegauge" })
                .String("unit", gauge.Unit)
                .String("description", gauge.Description)
                .String("member", gauge.Member)
                .Bool("instance", gauge.InstanceType is not null);
            if (gauge.AlertBelow is { } below)
            {
                json.Number("alertBelow", below);
            }

            if (gauge.AlertAbove is { } above)
            {
                json.Number("alertAbove", above);
            }

            json.StartArray("tags");
            foreach (var tag in gauge.Tags)
            {
                json.StartObject().String("key", tag.Key).String("source", tag.Property).EndObject();
            }

            json.EndArray().EndObject();
        }

        return json.EndArray().EndObject().ToString();
    }

    public static string TypePart(TypeSpec type)
    {
        var json = new JsonWriter().StartObject()
            .Number("schema", SchemaVersion)
            .String("type", type.Location.MetadataName)
            .StartArray("methods");
        foreach (var method in type.Methods)
        {
            Method(json, method);
        }

        return json.EndArray().EndObject().ToString();
    }

    private static void Method(JsonWriter json, MethodSpec method)
    {
        json.StartObject()
            .String("name", method.Name.TrimStart('@'))
            .String("function", method.FunctionName)
            .String("namespace", method.Namespace);
        if (method.Trace is { } trace)
        {
            json.StartObject("span").String("name", trace.SpanName).String("kind", trace.Kind).EndObject();
        }

        Instrument(json, "duration", method.Duration);
        Instrument(json, "calls", method.Calls);
        Instrument(json, "active", method.Active);

        json.StartArray("tags");
        foreach (var parameter in method.Parameters.Where(p => p.Tag is not null))
        {
            Tag(json, parameter.Tag!, parameter.Name.TrimStart('@'));
        }

        if (method.ReturnTag is { } returnTag)
        {
            Tag(json, returnTag, "return");
        }

        json.EndArray();

        if (method.Event is { } businessEvent)
        {
            json.StartObject("event")
                .String("name", businessEvent.Name)
                .Number("id", businessEvent.Id)
                .String("level", businessEvent.Level)
                .String("template", businessEvent.Template)
                .StartArray("properties");
            foreach (var value in businessEvent.Values)
            {
                json.StartObject()
                    .String("name", value.Property)
                    .String("source", value.Source == "__result" ? "return" : value.Source.TrimStart('@'))
                    .String("classification", Classification(value.Protection))
                    .EndObject();
            }

            json.EndArray().EndObject();
        }

        if (method.Logged is not null)
        {
            json.Bool("logged", true);
        }

        if (!method.Measures.IsEmpty)
        {
            json.StartArray("measures");
            foreach (var measure in method.Measures)
            {
                json.StartObject().String("source", measure.Source == "__result" ? "return" : measure.Source.TrimStart('@'));
                Instrument(json, "instrument", measure.Instrument);
                json.EndObject();
            }

            json.EndArray();
        }

        if (method.Slo is { } slo)
        {
            json.StartObject("slo").StartArray("latency");
            foreach (var objective in slo.Latency)
            {
                json.StartObject()
                    .Number("percentile", objective.Percentile)
                    .Number("seconds", objective.Seconds)
                    .String("text", objective.Text)
                    .EndObject();
            }

            json.EndArray();
            if (slo.ErrorRate is { } errorRate)
            {
                json.Number("errorRate", errorRate);
            }

            json.Number("windowDays", slo.WindowDays).EndObject();
        }

        json.EndObject();
    }

    private static void Instrument(JsonWriter json, string role, InstrumentSpec? instrument)
    {
        if (instrument is null)
        {
            return;
        }

        json.StartObject(role).String("name", instrument.Name).String("kind", KindName(instrument.Kind)).String("unit", instrument.Unit);
        if (instrument.Kind is InstrumentKind.Histogram or InstrumentKind.ValueHistogram)
        {
            Buckets(json, instrument);
        }

        json.EndObject();
    }

    private static void Buckets(JsonWriter json, InstrumentSpec instrument)
    {
        json.StartArray("buckets");
        var defaults = instrument.Kind == InstrumentKind.ValueHistogram ? s_sdkDefaultBuckets : s_defaultBuckets;
        foreach (double bound in instrument.Buckets.IsEmpty ? defaults : instrument.Buckets.ToArray())
        {
            json.Number(bound);
        }

        json.EndArray();
    }

    private static void Tag(JsonWriter json, TagSpec tag, string source) =>
        json.StartObject()
            .String("key", tag.Key)
            .String("source", source)
            .Bool("metric", !tag.SpanOnly)
            .String("classification", tag.ValueKind == TagValueKind.Hashed ? "hashed" : "none")
            .EndObject();

    private static string Classification(Protection protection) => protection switch
    {
        Protection.Hashed => "hashed",
        Protection.Redacted => "redacted",
        _ => "none",
    };

    private static string KindName(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Histogram or InstrumentKind.ValueHistogram => "histogram",
        InstrumentKind.Counter or InstrumentKind.ValueSum => "counter",
        _ => "updowncounter",
    };
}
