using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Toolkit.Catalog.Manifest;

namespace Toolkit.Catalog;

/// <summary>
/// The names the OpenTelemetry .NET Prometheus exporter (1.20) gives to instruments and tags: invalid characters
/// become underscores, the unit becomes a suffix (<c>s</c> → <c>_seconds</c>; annotations such as <c>{call}</c> are
/// dropped), counters end in <c>_total</c>, and every series carries the meter as <c>otel_scope_name</c>.
/// </summary>
internal static class PrometheusNames
{
    public const string ScopeLabel = "otel_scope_name";
    public const string FunctionLabel = "code_function_name";
    public const string ErrorLabel = "error_type";
    public const string EventLabel = "event_name";

    private static readonly Dictionary<string, string> s_units = new()
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["%"] = "percent",
    };

    /// <summary>The metric family name: what a counter's samples add <c>_total</c> to is <see cref="Counter"/>.</summary>
    public static string Family(InstrumentPart instrument)
    {
        string name = Sanitize(instrument.Name);
        string? unit = UnitSuffix(instrument.Unit, instrument.Kind);
        return unit is null || name.EndsWith("_" + unit, System.StringComparison.Ordinal) ? name : name + "_" + unit;
    }

    /// <summary>The sample name of a counter.</summary>
    public static string Counter(InstrumentPart instrument) => Family(instrument) + "_total";

    /// <summary>The sample name of an up-down counter, which Prometheus sees as a gauge.</summary>
    public static string Gauge(InstrumentPart instrument) => Family(instrument);

    public static string Bucket(InstrumentPart histogram) => Family(histogram) + "_bucket";

    public static string Count(InstrumentPart histogram) => Family(histogram) + "_count";

    public static string Sum(InstrumentPart histogram) => Family(histogram) + "_sum";

    /// <summary>The label a tag key becomes.</summary>
    public static string Label(string key)
    {
        string label = Sanitize(key);
        return char.IsDigit(label[0]) ? "key_" + label : label;
    }

    /// <summary>
    /// A bucket boundary as Prometheus stores it in <c>le</c>: OpenMetrics' canonical float, <c>0.3</c>, <c>1.0</c>.
    /// Prometheus asks the exporter for OpenMetrics, in which whole numbers keep their <c>.0</c> (Prometheus 3 also
    /// rewrites the classic format's <c>1</c> to <c>1.0</c>), so a rule naming <c>le="1"</c> would select nothing.
    /// </summary>
    public static string BucketBound(double bound)
    {
        string text = bound.ToString("R", CultureInfo.InvariantCulture);
        return double.IsInteger(bound) && !text.Contains('E', System.StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>A PromQL string literal.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"";

    private static string? UnitSuffix(string unit, string kind)
    {
        // Annotations ({call}) carry no unit; a dimensionless "1" is a ratio only on gauges.
        unit = StripAnnotations(unit);
        if (unit.Length == 0)
        {
            return null;
        }

        if (unit == "1")
        {
            return kind == "updowncounter" ? "ratio" : null;
        }

        int slash = unit.IndexOf('/', System.StringComparison.Ordinal);
        if (slash > 0)
        {
            string per = unit[(slash + 1)..];
            per = per switch { "s" => "second", "m" => "minute", "h" => "hour", "d" => "day", _ => s_units.GetValueOrDefault(per, per) };
            return Sanitize(s_units.GetValueOrDefault(unit[..slash], unit[..slash]) + "_per_" + per);
        }

        return Sanitize(s_units.GetValueOrDefault(unit, unit));
    }

    private static string StripAnnotations(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        int depth = 0;
        foreach (char c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':' ? c : '_');
        }

        return builder.ToString();
    }
}
