using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Toolkit.Catalog.Manifest;
using Toolkit.Contract;

namespace Toolkit.Catalog.Diff;

/// <summary>One difference between two builds, and what of the old build's generated artifacts it breaks.</summary>
/// <param name="RenamedTo">For a removed signal, the added one that looks like its new name.</param>
/// <param name="Breaks">Dashboard panels (<c>Row / Title</c>) and alert rule names that select the old signal.</param>
internal sealed record DiffEntry(SignalChange Change, TelemetrySignal? RenamedTo, IReadOnlyList<string> Breaks);

/// <summary>
/// Compares two builds' telemetry with the rules the TK5xxx analyzers apply, treating the old build as shipped, and
/// finds the panels of the old build's dashboard and its alert rules that query each changed signal.
/// </summary>
internal static class TelemetryDiff
{
    private static readonly Regex s_functionRegex = new($"{PrometheusNames.FunctionLabel}=~\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);

    public static IReadOnlyList<DiffEntry> Compare(TelemetrySnapshot old, TelemetrySnapshot current)
    {
        var changes = TelemetryBaseline.Of(old.Signals).Compare(current.Signals);
        var artifacts = DashboardWriter.PanelQueries(old.Manifest)
            .Select(p => (Name: "panel " + p.Panel, p.Expressions))
            .Concat(old.HasObjectives
                ? AlertRulesWriter.Rules(old.Manifest).GroupBy(r => r.Name).Select(g => (Name: "alert " + g.Key, Expressions: (IReadOnlyList<string>)g.Select(r => r.Expression).ToArray()))
                : [])
            .ToArray();
        var added = changes.Where(c => c.Kind == SignalChangeKind.Undeclared && c.Old is null).Select(c => c.New!).ToList();
        var renames = Renames(changes.Where(c => c.Kind == SignalChangeKind.Removed).Select(c => c.Old!.Signal), added);

        return changes
            .Select(change => new DiffEntry(
                change,
                change.Kind == SignalChangeKind.Removed ? renames.GetValueOrDefault(change.Old!.Signal.Line) : null,
                change.IsBreaking ? artifacts.Where(a => a.Expressions.Any(e => Breaks(change, e))).Select(a => a.Name).ToArray() : []))
            .ToArray();
    }

    /// <summary>
    /// Pairs each removed signal with an added one alike in all but its function: the same function in a namespace
    /// (a build before names were fully qualified), a method renamed in its type, or a span keeping its name.
    /// </summary>
    private static Dictionary<string, TelemetrySignal> Renames(IEnumerable<TelemetrySignal> removed, List<TelemetrySignal> added)
    {
        var pairs = new Dictionary<string, TelemetrySignal>(StringComparer.Ordinal);
        var unpaired = new List<TelemetrySignal>(added);
        Func<TelemetrySignal, TelemetrySignal, bool>[] tests =
        [
            (old, now) => now.Function is not null && now.Function.EndsWith("." + old.Function, StringComparison.Ordinal),
            (old, now) => old.Type == TelemetrySignal.Span && now.Name == old.Name,
            (old, now) => TypeOf(now.Function) == TypeOf(old.Function),
        ];
        foreach (var test in tests)
        {
            foreach (var old in removed.Where(r => !pairs.ContainsKey(r.Line)))
            {
                var match = unpaired.FirstOrDefault(now => Alike(old, now) && test(old, now));
                if (match is not null)
                {
                    pairs[old.Line] = match;
                    unpaired.Remove(match);
                }
            }
        }

        return pairs;
    }

    private static bool Alike(TelemetrySignal old, TelemetrySignal now) =>
        now.Type == old.Type && now.Scope == old.Scope && now.Kind == old.Kind && now.Unit == old.Unit && now.Keys.SequenceEqual(old.Keys)
        && (old.Type == TelemetrySignal.Span || now.Name == old.Name);

    private static string? TypeOf(string? function)
    {
        int dot = function?.LastIndexOf('.') ?? -1;
        return dot < 0 ? function : function![..dot];
    }

    /// <summary>Whether the query <paramref name="expression"/> selects what the change takes away.</summary>
    private static bool Breaks(SignalChange change, string expression)
    {
        var signal = change.Old!.Signal;
        if (!expression.Contains($"{PrometheusNames.ScopeLabel}={PrometheusNames.Quote(signal.Scope)}", StringComparison.Ordinal))
        {
            return false;
        }

        switch (signal.Type)
        {
            case TelemetrySignal.Event:
                // Logs are selected by id outside Prometheus; the event's count is business_events_total{event_name}.
                return change.Kind == SignalChangeKind.Removed
                    && expression.Contains(PrometheusNames.Counter(new InstrumentPart("business.events", "counter", "{event}", null, null)) + "{", StringComparison.Ordinal);
            case TelemetrySignal.Metric:
                var instrument = new InstrumentPart(signal.Name, signal.Kind ?? "", signal.Unit ?? "", null, null);
                string[] samples = signal.Kind switch
                {
                    "counter" => [PrometheusNames.Counter(instrument)],
                    "histogram" => [PrometheusNames.Bucket(instrument), PrometheusNames.Count(instrument), PrometheusNames.Sum(instrument)],
                    _ => [PrometheusNames.Gauge(instrument)],
                };
                if (!samples.Any(s => expression.Contains(s + "{", StringComparison.Ordinal)) || !SelectsFunction(expression, signal.Function!))
                {
                    return false;
                }

                // Generated queries aggregate by code.function.name: a removed tag breaks only those that name it, an added one none.
                var removedKeys = signal.Keys.Except(change.New?.Keys ?? [], StringComparer.Ordinal);
                return change.Kind != SignalChangeKind.Keys
                    || removedKeys.Any(k => expression.Contains(PrometheusNames.Label(k), StringComparison.Ordinal));
            default:
                return false; // spans are queried in a tracing back end, not in the generated artifacts
        }
    }

    /// <summary>The query keeps the method's series: it names the function, matches it by regex, or selects no function.</summary>
    private static bool SelectsFunction(string expression, string function)
    {
        if (expression.Contains($"{PrometheusNames.FunctionLabel}={PrometheusNames.Quote(function)}", StringComparison.Ordinal))
        {
            return true;
        }

        if (s_functionRegex.Match(expression) is { Success: true } match)
        {
            string pattern = match.Groups[1].Value.Replace("\\\\", "\\", StringComparison.Ordinal);
            return Regex.IsMatch(function, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
        }

        return !expression.Contains(PrometheusNames.FunctionLabel + "=", StringComparison.Ordinal);
    }
}
