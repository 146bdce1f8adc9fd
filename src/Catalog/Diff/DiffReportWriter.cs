using System.Collections.Generic;
using System.Linq;
using System.Text;
using Toolkit.Contract;

namespace Toolkit.Catalog.Diff;

/// <summary>Writes a diff as Markdown for release notes and pull-request comments: breaking changes first.</summary>
internal static class DiffReportWriter
{
    public static string Write(TelemetrySnapshot old, TelemetrySnapshot current, IReadOnlyList<DiffEntry> entries)
    {
        var breaking = entries.Where(e => e.Change.IsBreaking).ToArray();
        var other = entries.Where(e => !e.Change.IsBreaking).ToArray();
        var md = new StringBuilder();
        md.AppendLine($"# Telemetry changes: {current.Manifest.Source.Source}");
        md.AppendLine();
        md.AppendLine($"From `{old.Path}` to `{current.Path}`: "
            + $"{Count(breaking.Length, "breaking change")}, {Count(other.Length, "other change")}.");

        if (breaking.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("## Breaking");
            md.AppendLine();
            md.AppendLine("| change | signal | what changed | generated panels and alerts that query it |");
            md.AppendLine("|---|---|---|---|");
            foreach (var entry in breaking)
            {
                string detail = entry.RenamedTo is { } renamed
                    ? $"probably renamed: now `{renamed.Key}`"
                    : entry.Change.Detail;
                string breaks = entry.Breaks.Count == 0 ? "none" : string.Join("<br>", entry.Breaks.Select(b => Escape(b)));
                md.AppendLine($"| {What(entry.Change)} | `{Escape(entry.Change.Old!.Signal.Key)}` | {Escape(detail)} | {breaks} |");
            }
        }

        if (!old.HasObjectives)
        {
            md.AppendLine();
            md.AppendLine("Alert rules come from `[Slo]` objectives, which a baseline file does not hold: pass the old assembly to check them.");
        }

        if (other.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("## Other changes");
            md.AppendLine();
            md.AppendLine("| change | signal |");
            md.AppendLine("|---|---|");
            foreach (var entry in other)
            {
                string what = entry.Change.Old is null ? "added" : Escape(entry.Change.Detail);
                md.AppendLine($"| {what} | `{Escape(entry.Change.New!.Line)}` |");
            }
        }

        return md.ToString();
    }

    private static string What(SignalChange change) => change.Kind switch
    {
        SignalChangeKind.Removed => "removed or renamed",
        SignalChangeKind.KindOrUnit => "kind or unit",
        SignalChangeKind.Keys => "tag keys",
        SignalChangeKind.EventId => "event id",
        _ => "changed",
    };

    private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? "" : "s");

    private static string Escape(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal);
}
