using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Toolkit.Catalog.Manifest;

namespace Toolkit.Catalog;

/// <summary>
/// Writes Prometheus alerting rules from the manifest's service-level objectives: multi-window, multi-burn-rate
/// alerts where the objective is a ratio the metrics measure exactly (error rate; latency at a bucket boundary),
/// a plain threshold otherwise; and from the thresholds of <c>[Gauge]</c> members (<c>AlertBelow</c>, <c>AlertAbove</c>).
/// </summary>
internal static class AlertRulesWriter
{
    /// <summary>How long a threshold must hold before its alert fires; burn-rate alerts need none, their short window confirms.</summary>
    public const string ThresholdFor = "10m";

    private const string ThresholdWindow = "5m";

    private static readonly JsonSerializerOptions s_yamlStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The burn-rate alerts of the SRE workbook: a page when 2% of the budget burns in an hour or 5% in six hours,
    /// a ticket when 10% burns in three days; each confirmed by a window a twelfth as long, so it resets quickly.
    /// </summary>
    private static readonly BurnWindow[] s_windows =
    [
        new("page", "1h", "5m", TimeSpan.FromHours(1), 0.02),
        new("page", "6h", "30m", TimeSpan.FromHours(6), 0.05),
        new("ticket", "3d", "6h", TimeSpan.FromDays(3), 0.10),
    ];

    public static IReadOnlyList<AlertRule> Rules(TelemetryManifest manifest)
    {
        var rules = new List<AlertRule>();
        foreach (var method in manifest.Methods.Where(m => m.Slo is not null))
        {
            var slo = method.Slo!;
            string selector = Queries.Method(manifest.Source, method);
            string prefix = AlertPrefix(method.LocalName);

            if (slo.ErrorRate is { } budget && Queries.CallsMetric(method) is { } metric)
            {
                string objective = $"at most {Percent(budget)} of calls to {method.Function} fail over {slo.WindowDays} days";
                rules.AddRange(Burn(
                    prefix + "ErrorBudgetBurn", method.Function, "error-rate", objective, budget, slo.WindowDays,
                    window => Queries.ErrorRatio(metric, selector, window, Queries.AlertGrouping),
                    "The error ratio"));
            }

            foreach (var latency in slo.Latency)
            {
                var histogram = method.Duration!;
                string percentile = "P" + Math.Round(latency.Percentile * 100).ToString(CultureInfo.InvariantCulture);
                string objective = $"{Percent(latency.Percentile)} of calls to {method.Function} complete within {latency.Text}";
                string sloLabel = "latency-" + percentile.ToLowerInvariant();

                // A ratio of slow calls is exact only when the threshold is a bucket boundary.
                if (histogram.Buckets?.Contains(latency.Seconds) == true)
                {
                    rules.AddRange(Burn(
                        prefix + "Latency" + percentile + "BudgetBurn", method.Function, sloLabel, objective, Math.Round(1 - latency.Percentile, 6), slo.WindowDays,
                        window => Queries.SlowRatio(histogram, selector, latency.Seconds, window, Queries.AlertGrouping),
                        $"The fraction of calls slower than {latency.Text}"));
                }
                else
                {
                    rules.Add(new AlertRule(
                        method.Function,
                        prefix + "Latency" + percentile + "High",
                        $"{Queries.Quantile(latency.Percentile, histogram, selector, ThresholdWindow, Queries.AlertGrouping)} > {Queries.Number(latency.Seconds)}",
                        ThresholdFor,
                        "page",
                        sloLabel,
                        $"{method.Function} {percentile.ToLowerInvariant()} latency above {latency.Text}",
                        $"The {percentile.ToLowerInvariant()} latency of {method.Function} is {{{{ $value | humanizeDuration }}}}, over the objective: {objective}. "
                        + $"{latency.Text} is not a bucket boundary of {histogram.Name}, so the quantile is interpolated; make it one for burn-rate alerts."));
                }
            }
        }

        foreach (var gauge in manifest.Gauges)
        {
            if (gauge.AlertBelow is { } below)
            {
                rules.Add(GaugeRule(manifest, gauge, below, above: false));
            }

            if (gauge.AlertAbove is { } above)
            {
                rules.Add(GaugeRule(manifest, gauge, above, above: true));
            }
        }

        return rules;
    }

    /// <summary>
    /// A gauge reading that stays past its threshold: per tracked instance (its tags), the lowest or highest reading
    /// of the scope's series, so one instance running low alerts even while the others are fine.
    /// </summary>
    private static AlertRule GaugeRule(TelemetryManifest manifest, GaugePart gauge, double threshold, bool above)
    {
        var labels = new[] { PrometheusNames.ScopeLabel }.Concat((gauge.Tags ?? []).Select(t => PrometheusNames.Label(t.Key)));
        string by = string.Join(", ", labels.Distinct(StringComparer.Ordinal));
        string series = $"{PrometheusNames.Gauge(gauge.Instrument)}{{{Queries.Scope(manifest.Source)}}}";
        string comparison = above ? ">" : "<";
        string direction = above ? "above" : "below";
        string unit = string.IsNullOrEmpty(gauge.Unit) ? "" : " " + gauge.Unit;
        string instance = gauge.Tags is { Count: > 0 } tags
            ? " for " + string.Join(", ", tags.Select(t => $"{t.Key} {{{{ $labels.{PrometheusNames.Label(t.Key)} }}}}"))
            : "";
        return new AlertRule(
            gauge.Member,
            AlertPrefix(gauge.Name) + (above ? "High" : "Low"),
            $"{(above ? "max" : "min")} by ({by}) ({series}) {comparison} {Queries.Number(threshold)}",
            ThresholdFor,
            "ticket",
            "gauge-" + direction,
            $"{gauge.Name} {direction} {Queries.Number(threshold)}{unit}",
            $"{gauge.Name}{instance} is {{{{ $value }}}}{unit}, {direction} the threshold of {Queries.Number(threshold)} set on {gauge.Member} for {ThresholdFor}.");
    }

    public static string Write(TelemetryManifest manifest)
    {
        var rules = Rules(manifest);
        var yaml = new StringBuilder();
        yaml.AppendLine($"# Alerting rules for the telemetry source {manifest.Source.Source}, generated from the manifest of {manifest.Assembly} by toolkit-telemetry.");
        yaml.AppendLine("# Do not edit: change the [Slo] and [Gauge] attributes and rebuild.");
        yaml.AppendLine("groups:");
        yaml.AppendLine($"  - name: {YamlString(manifest.Source.Source + ".slo")}");
        if (rules.Count == 0)
        {
            yaml.AppendLine("    rules: []");
            return yaml.ToString();
        }

        yaml.AppendLine("    rules:");
        foreach (var rule in rules)
        {
            yaml.AppendLine($"      - alert: {rule.Name}");
            yaml.AppendLine("        expr: |-");
            foreach (string line in rule.Expression.Split('\n'))
            {
                yaml.AppendLine("          " + line);
            }

            if (rule.For is not null)
            {
                yaml.AppendLine($"        for: {rule.For}");
            }

            yaml.AppendLine("        labels:");
            yaml.AppendLine($"          severity: {rule.Severity}");
            yaml.AppendLine($"          slo: {rule.Slo}");
            yaml.AppendLine("        annotations:");
            yaml.AppendLine($"          summary: {YamlString(rule.Summary)}");
            yaml.AppendLine($"          description: {YamlString(rule.Description)}");
        }

        return yaml.ToString();
    }

    private static IEnumerable<AlertRule> Burn(
        string name, string subject, string slo, string objective, double budget, int windowDays, Func<string, string> ratio, string measured)
    {
        var period = TimeSpan.FromDays(windowDays);
        var usable = s_windows
            .Select(w => (Window: w, Factor: Math.Round(w.BudgetSpent * period / w.Span, 2)))
            // A burn rate under 1 would never exhaust the budget; a ratio above 1 can never be reached.
            .Where(w => w.Factor >= 1 && w.Factor * budget < 1)
            .ToArray();

        if (usable.Length == 0)
        {
            yield return new AlertRule(
                subject,
                name,
                $"({ratio(ThresholdWindow)}) > {Queries.Number(budget)}",
                ThresholdFor,
                "page",
                slo,
                $"{subject}: {slo} over budget",
                $"{measured} is {{{{ $value | humanizePercentage }}}} over {ThresholdWindow}; the objective is that {objective}.");
            yield break;
        }

        foreach (var severity in usable.GroupBy(w => w.Window.Severity))
        {
            string expression = string.Join("\nor\n", severity.Select(w =>
            {
                string threshold = $"({Queries.Number(w.Factor)} * {Queries.Number(budget)})";
                return $"(\n  ({ratio(w.Window.Long)}) > {threshold}\n  and\n  ({ratio(w.Window.Short)}) > {threshold}\n)";
            }));

            string windows = string.Join(" or ", severity.Select(w => $"{Queries.Number(w.Factor)}x over {w.Window.Long}"));
            yield return new AlertRule(
                subject,
                name + (severity.Key == "page" ? "" : "Slow"),
                expression,
                null,
                severity.Key,
                slo,
                $"{subject}: {slo} budget burning at {windows}",
                $"{measured} is {{{{ $value | humanizePercentage }}}}, burning the error budget of the objective that {objective} at {windows}.");
        }
    }

    private static string AlertPrefix(string function)
    {
        var builder = new StringBuilder(function.Length);
        bool upper = true;
        foreach (char c in function)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string YamlString(string value) => JsonSerializer.Serialize(value, s_yamlStrings);

    /// <param name="Long">The long window, as PromQL writes it.</param>
    /// <param name="Span">The long window's length.</param>
    /// <param name="BudgetSpent">The fraction of the budget that burning for <paramref name="Span"/> at the alert's rate spends.</param>
    private sealed record BurnWindow(string Severity, string Long, string Short, TimeSpan Span, double BudgetSpent);
}

/// <summary>One alerting rule.</summary>
/// <param name="For">How long the condition must hold, or <see langword="null"/> to fire at once.</param>
/// <param name="Slo">Which objective it guards: <c>error-rate</c>, <c>latency-p95</c>...</param>
internal sealed record AlertRule(string Function, string Name, string Expression, string? For, string Severity, string Slo, string Summary, string Description);
