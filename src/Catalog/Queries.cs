using System.Globalization;
using Toolkit.Catalog.Manifest;

namespace Toolkit.Catalog;

/// <summary>The PromQL that the dashboards and the alerting rules share, over the exporter's names.</summary>
internal static class Queries
{
    /// <summary>What alert expressions aggregate by, so each alert names its source and method.</summary>
    public const string AlertGrouping = PrometheusNames.ScopeLabel + ", " + PrometheusNames.FunctionLabel;

    public static string Scope(SourcePart source) => $"{PrometheusNames.ScopeLabel}={PrometheusNames.Quote(source.Source)}";

    public static string Method(SourcePart source, MethodPart method) =>
        $"{Scope(source)}, {PrometheusNames.FunctionLabel}={PrometheusNames.Quote(method.Function)}";

    /// <summary>The series that count a method's calls: its counter when it has one, else its histogram's count.</summary>
    public static string? CallsMetric(MethodPart method) =>
        method.Calls is { } calls ? PrometheusNames.Counter(calls)
        : method.Duration is { } duration ? PrometheusNames.Count(duration)
        : null;

    public static string Failed(string selector) => $"{selector}, {PrometheusNames.ErrorLabel}!=\"\"";

    /// <summary>The per-second rate of <paramref name="metric"/> over <paramref name="window"/>, summed per <paramref name="grouping"/>.</summary>
    public static string Rate(string metric, string selector, string window, string grouping) =>
        $"sum by ({grouping}) (rate({metric}{{{selector}}}[{window}]))";

    /// <summary>A Grafana legend naming each series by <paramref name="label"/>.</summary>
    public static string Legend(string label) => "{{" + label + "}}";

    /// <summary>The fraction of calls that failed over <paramref name="window"/>, per <paramref name="grouping"/>.</summary>
    /// <param name="zeroFill">
    /// Whether groups without failures show 0 rather than nothing, as a graph should; an alert needs no series for them.
    /// </param>
    public static string ErrorRatio(string metric, string selector, string window, string grouping, bool zeroFill = false)
    {
        string failed = Rate(metric, Failed(selector), window, grouping);
        string all = Rate(metric, selector, window, grouping);
        return zeroFill ? $"({failed} or 0 * {all}) / {all}" : $"{failed} / {all}";
    }

    /// <summary>The fraction of calls slower than <paramref name="bound"/>, which must be a bucket boundary.</summary>
    public static string SlowRatio(InstrumentPart histogram, string selector, double bound, string window, string grouping) =>
        $"1 - ({Rate(PrometheusNames.Bucket(histogram), $"{selector}, le={PrometheusNames.Quote(PrometheusNames.BucketBound(bound))}", window, grouping)}"
        + $" / {Rate(PrometheusNames.Count(histogram), selector, window, grouping)})";

    public static string Quantile(double quantile, InstrumentPart histogram, string selector, string window, string grouping) =>
        $"histogram_quantile({Number(quantile)}, sum by ({grouping}, le) (rate({PrometheusNames.Bucket(histogram)}{{{selector}}}[{window}])))";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
