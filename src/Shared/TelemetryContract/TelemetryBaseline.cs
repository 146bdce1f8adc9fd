using System;
using System.Collections.Generic;
using System.Linq;

namespace Toolkit.Contract;

/// <summary>
/// A project's declared telemetry: <c>Telemetry.Shipped.txt</c>, what released versions emit, and
/// <c>Telemetry.Unshipped.txt</c>, what changed since, where <c>*REMOVED*</c> before a shipped line accepts its removal.
/// Lines starting with <c>#</c> and blank lines are comments.
/// </summary>
internal sealed class TelemetryBaseline
{
    public const string ShippedFileName = "Telemetry.Shipped.txt";
    public const string UnshippedFileName = "Telemetry.Unshipped.txt";
    public const string RemovedPrefix = "*REMOVED*";

    private TelemetryBaseline(IReadOnlyList<BaselineLine> shipped, IReadOnlyList<BaselineLine> unshipped)
    {
        Shipped = shipped;
        Unshipped = unshipped;
    }

    public IReadOnlyList<BaselineLine> Shipped { get; }

    public IReadOnlyList<BaselineLine> Unshipped { get; }

    public static TelemetryBaseline Parse(string? shipped, string? unshipped) => new(Lines(shipped), Lines(unshipped));

    /// <summary>A baseline that declares exactly <paramref name="signals"/> as shipped: an older build, for a diff.</summary>
    public static TelemetryBaseline Of(IEnumerable<TelemetrySignal> signals) =>
        new(signals.Select((s, i) => new BaselineLine(s, i, Removed: false)).ToArray(), []);

    /// <summary>What differs between the declared telemetry and <paramref name="current"/>, ordered by line.</summary>
    public IReadOnlyList<SignalChange> Compare(IEnumerable<TelemetrySignal> current)
    {
        var removedAccepted = new HashSet<string>(Unshipped.Where(l => l.Removed).Select(l => l.Signal.Line), StringComparer.Ordinal);
        var shipped = ByKey(Shipped.Where(l => !removedAccepted.Contains(l.Signal.Line)));
        var unshipped = ByKey(Unshipped.Where(l => !l.Removed));
        var currentKeys = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<SignalChange>();

        foreach (var signal in current)
        {
            currentKeys.Add(signal.Key);
            bool inShipped = shipped.TryGetValue(signal.Key, out var old);
            if (inShipped && old!.Signal.Line == signal.Line)
            {
                continue;
            }

            if (unshipped.TryGetValue(signal.Key, out var draft) && draft.Signal.Line == signal.Line)
            {
                continue;
            }

            if (inShipped)
            {
                changes.AddRange(Differences(old!, signal));
            }
            else
            {
                // Unshipped lines may change freely: nothing was released with them.
                changes.Add(new SignalChange(SignalChangeKind.Undeclared, draft, signal, draft is null ? "not in the telemetry baseline" : "differs from its unshipped baseline line"));
            }
        }

        foreach (var line in shipped.Values.Where(l => !currentKeys.Contains(l.Signal.Key)))
        {
            changes.Add(new SignalChange(SignalChangeKind.Removed, line, null, "is no longer emitted"));
        }

        return changes.OrderBy(c => (c.New ?? c.Old!.Signal).Line, StringComparer.Ordinal).ThenBy(c => c.Kind).ToArray();
    }

    /// <summary>
    /// The unshipped file with <paramref name="signals"/> declared: each replaces an unshipped line of the same identity
    /// and marks a differing shipped one <c>*REMOVED*</c>. Comments stay on top; entries are sorted.
    /// </summary>
    public static string Declare(string? shippedText, string? unshippedText, IEnumerable<TelemetrySignal> signals)
    {
        var shipped = ByKey(Lines(shippedText));
        var raw = (unshippedText ?? "").Replace("\r\n", "\n").Split('\n');
        var header = raw.TakeWhile(l => l.TrimStart().StartsWith("#", StringComparison.Ordinal)).ToList();
        var entries = Lines(unshippedText).Select(l => l.Text).ToList();
        foreach (var signal in signals)
        {
            entries.RemoveAll(e => !e.StartsWith(RemovedPrefix, StringComparison.Ordinal) && TelemetrySignal.Parse(e)?.Key == signal.Key);
            if (shipped.TryGetValue(signal.Key, out var old) && old.Signal.Line != signal.Line)
            {
                entries.Add(RemovedPrefix + old.Signal.Line);
            }

            if (!(shipped.TryGetValue(signal.Key, out old) && old.Signal.Line == signal.Line))
            {
                entries.Add(signal.Line);
            }
        }

        var lines = header.Concat(entries.Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal));
        return string.Join("\n", lines) + "\n";
    }

    private static SignalChange[] Differences(BaselineLine old, TelemetrySignal signal)
    {
        var was = old.Signal;
        var changes = new List<SignalChange>();
        if (was.Kind != signal.Kind || was.Unit != signal.Unit)
        {
            string what = was.Kind != signal.Kind ? $"kind {was.Kind} → {signal.Kind}" : "";
            string unit = was.Unit != signal.Unit ? $"unit {was.Unit} → {signal.Unit}" : "";
            changes.Add(new SignalChange(SignalChangeKind.KindOrUnit, old, signal, string.Join(", ", new[] { what, unit }.Where(s => s.Length > 0))));
        }

        if (was.Id != signal.Id)
        {
            changes.Add(new SignalChange(SignalChangeKind.EventId, old, signal, $"event id {was.Id} → {signal.Id}"));
        }

        var removed = was.Keys.Except(signal.Keys, StringComparer.Ordinal).ToArray();
        var added = signal.Keys.Except(was.Keys, StringComparer.Ordinal).ToArray();

        // Every key a query filters or groups by must stay; a metric tag added splits every series, so it breaks too.
        if (removed.Length > 0 || (added.Length > 0 && signal.Type == TelemetrySignal.Metric))
        {
            string detail = string.Join(", ", new[]
            {
                removed.Length > 0 ? $"{was.KeysName} removed: {string.Join(", ", removed)}" : "",
                added.Length > 0 ? $"{was.KeysName} added: {string.Join(", ", added)}" : "",
            }.Where(s => s.Length > 0));
            changes.Add(new SignalChange(SignalChangeKind.Keys, old, signal, detail));
        }

        return changes.Count > 0
            ? changes.ToArray()
            : [new SignalChange(SignalChangeKind.Undeclared, old, signal, $"{was.KeysName} added: {string.Join(", ", added)}")];
    }

    private static Dictionary<string, BaselineLine> ByKey(IEnumerable<BaselineLine> lines)
    {
        var result = new Dictionary<string, BaselineLine>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            result[line.Signal.Key] = line;
        }

        return result;
    }

    private static BaselineLine[] Lines(string? text)
    {
        var result = new List<BaselineLine>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            bool removed = line.StartsWith(RemovedPrefix, StringComparison.Ordinal);
            if (TelemetrySignal.Parse(removed ? line.Substring(RemovedPrefix.Length) : line) is { } signal)
            {
                result.Add(new BaselineLine(signal, i, removed));
            }
        }

        return result.ToArray();
    }
}

/// <summary>A signal as a baseline file declares it.</summary>
/// <param name="LineNumber">Zero-based, in its file.</param>
/// <param name="Removed">The line is <c>*REMOVED*</c>: the shipped signal's removal is accepted.</param>
internal sealed record BaselineLine(TelemetrySignal Signal, int LineNumber, bool Removed)
{
    public string Text => (Removed ? TelemetryBaseline.RemovedPrefix : "") + Signal.Line;
}

/// <summary>How a signal differs from its baseline. All but <see cref="Undeclared"/> break someone's query.</summary>
internal enum SignalChangeKind
{
    /// <summary>A shipped signal is gone: removed, renamed, or its method renamed.</summary>
    Removed,

    /// <summary>A shipped span's kind, or an instrument's kind or unit, changed.</summary>
    KindOrUnit,

    /// <summary>A shipped signal lost a key, or a metric gained a tag.</summary>
    Keys,

    /// <summary>A shipped business event's id changed.</summary>
    EventId,

    /// <summary>A signal in neither file, or one that differs from its unshipped line, or gained a harmless key.</summary>
    Undeclared,
}

/// <summary>One difference. <paramref name="Old"/> is the baseline line, <paramref name="New"/> what the code emits now.</summary>
internal sealed record SignalChange(SignalChangeKind Kind, BaselineLine? Old, TelemetrySignal? New, string Detail)
{
    public bool IsBreaking => Kind != SignalChangeKind.Undeclared;
}
