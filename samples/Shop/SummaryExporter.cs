using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Shop;

/// <summary>
/// Prints one compact table per export: calls, errors and p95 latency of each instrumented method, then the business
/// values (measures, gauges, business events). A metric exporter of the OpenTelemetry SDK, driven by a
/// <see cref="PeriodicExportingMetricReader"/>, so it sees exactly what every other exporter sees.
/// </summary>
/// <param name="meterName">The meter whose metrics are summarized: the shop's telemetry source.</param>
/// <param name="output">Where to write; one write per table, so log lines do not split it.</param>
internal sealed class SummaryExporter(string meterName, TextWriter output) : BaseExporter<Metric>
{
    private const string Calls = "method.calls";
    private const string Duration = "method.duration";
    private const string Function = "code.function.name";

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var methods = new SortedDictionary<string, MethodRow>(StringComparer.Ordinal);
        var values = new List<(string Name, string Value)>();
        foreach (var metric in batch)
        {
            if (metric.MeterName != meterName)
            {
                continue;
            }

            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = Tags(point);
                switch (metric.Name)
                {
                    case Calls:
                        var calls = Row(methods, tags);
                        calls.Calls += point.GetSumLong();
                        calls.Errors += tags.ContainsKey("error.type") ? point.GetSumLong() : 0;
                        break;
                    case Duration:
                        Row(methods, tags).Latency.Add(point);
                        break;
                    default:
                        if (!metric.Name.StartsWith("method.", StringComparison.Ordinal))
                        {
                            values.Add((Label(metric, tags), Value(metric, point)));
                        }

                        break;
                }
            }
        }

        output.Write(Table(methods, values));
        return ExportResult.Success;
    }

    private static string Table(SortedDictionary<string, MethodRow> methods, List<(string Name, string Value)> values)
    {
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"── telemetry since start, {DateTime.UtcNow:HH:mm:ss}Z ").Append('─', 70).AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"method",-58} {"calls",8} {"errors",8} {"p95",10}");
        foreach (var (function, row) in methods)
        {
            long calls = row.Calls > 0 ? row.Calls : row.Latency.Count;
            string p95 = row.Latency.Count > 0 ? Seconds(row.Latency.Quantile(0.95)) : "—";
            table.AppendLine(CultureInfo.InvariantCulture, $"{function,-58} {calls,8} {row.Errors,8} {p95,10}");
        }

        if (values.Count > 0)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{"business value",-58} {"value",28}");
            foreach (var (name, value) in values.OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"{name,-58} {value,28}");
            }
        }

        return table.ToString();
    }

    private static MethodRow Row(SortedDictionary<string, MethodRow> methods, Dictionary<string, object?> tags)
    {
        string function = tags.TryGetValue(Function, out var name) ? name as string ?? "?" : "?";
        if (!methods.TryGetValue(function, out var row))
        {
            methods[function] = row = new MethodRow();
        }

        return row;
    }

    private static string Value(Metric metric, in MetricPoint point) => metric.MetricType switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString("N0", CultureInfo.InvariantCulture),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble().ToString("N2", CultureInfo.InvariantCulture),
        MetricType.LongGauge => point.GetGaugeLastValueLong().ToString("N0", CultureInfo.InvariantCulture),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble().ToString("N2", CultureInfo.InvariantCulture),
        MetricType.Histogram => Histogram(point),
        _ => metric.MetricType.ToString(),
    };

    private static string Histogram(in MetricPoint point)
    {
        var latency = new Buckets();
        latency.Add(point);
        long count = point.GetHistogramCount();
        return count == 0
            ? "n=0"
            : string.Create(CultureInfo.InvariantCulture, $"n={count} mean={point.GetHistogramSum() / count:N2} p95≈{latency.Quantile(0.95):N0}");
    }

    /// <summary>The metric's name, unit and tags other than the method's, e.g. <c>shop.inventory.stock{shop.product_group=Mice} {item}</c>.</summary>
    private static string Label(Metric metric, Dictionary<string, object?> tags)
    {
        var shown = tags.Where(t => t.Key != Function).Select(t => $"{t.Key}={t.Value}").ToArray();
        string unit = string.IsNullOrEmpty(metric.Unit) ? "" : " " + metric.Unit;
        return metric.Name + (shown.Length == 0 ? "" : "{" + string.Join(",", shown) + "}") + unit;
    }

    private static Dictionary<string, object?> Tags(in MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    private static string Seconds(double seconds) =>
        seconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:N0} ms") : string.Create(CultureInfo.InvariantCulture, $"{seconds:N2} s");

    private sealed class MethodRow
    {
        public long Calls { get; set; }

        public long Errors { get; set; }

        public Buckets Latency { get; } = new();
    }

    /// <summary>Histogram buckets summed over tag sets, read as Prometheus' <c>histogram_quantile</c> reads them.</summary>
    private sealed class Buckets
    {
        private readonly SortedDictionary<double, long> _counts = [];

        public long Count { get; private set; }

        public void Add(in MetricPoint point)
        {
            foreach (var bucket in point.GetHistogramBuckets())
            {
                _counts[bucket.ExplicitBound] = _counts.GetValueOrDefault(bucket.ExplicitBound) + bucket.BucketCount;
                Count += bucket.BucketCount;
            }
        }

        /// <summary>Linear within the bucket that holds the rank; the last finite bound when it falls in +Inf.</summary>
        public double Quantile(double quantile)
        {
            double rank = quantile * Count;
            double lower = 0;
            long seen = 0;
            foreach (var (bound, count) in _counts)
            {
                if (seen + count >= rank && count > 0)
                {
                    return double.IsPositiveInfinity(bound) ? lower : lower + ((bound - lower) * (rank - seen) / count);
                }

                seen += count;
                lower = double.IsPositiveInfinity(bound) ? lower : bound;
            }

            return lower;
        }
    }
}
