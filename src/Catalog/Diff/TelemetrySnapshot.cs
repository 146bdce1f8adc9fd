using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Toolkit.Catalog.Manifest;
using Toolkit.Contract;

namespace Toolkit.Catalog.Diff;

/// <summary>
/// One side of a diff: the signals of a built assembly (with its manifest, so its generated dashboard and alert rules
/// are known), or of a baseline file (<c>Telemetry.Shipped.txt</c>), whose dashboard is rebuilt from its lines.
/// </summary>
internal sealed record TelemetrySnapshot(string Path, IReadOnlyList<TelemetrySignal> Signals, TelemetryManifest Manifest, bool HasObjectives)
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The assembly has no manifest, or the file no baseline lines.</exception>
    public static TelemetrySnapshot Load(string path)
    {
        if (IsAssembly(path))
        {
            var (assemblyName, parts) = ManifestReader.ReadParts(path);
            var manifest = ManifestReader.Parse(assemblyName, parts);
            var signals = ManifestSignals.From(assemblyName, parts);
            return new TelemetrySnapshot(path, signals, manifest, HasObjectives: true);
        }

        var baseline = TelemetryBaseline.Parse(File.ReadAllText(path), null);
        var declared = baseline.Shipped.Where(l => !l.Removed).Select(l => l.Signal).ToArray();
        if (declared.Length == 0)
        {
            throw new InvalidDataException($"{path} is neither an assembly nor a telemetry baseline with signal lines.");
        }

        return new TelemetrySnapshot(path, declared, Reconstruct(System.IO.Path.GetFileNameWithoutExtension(path), declared), HasObjectives: false);
    }

    private static bool IsAssembly(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A manifest with what a baseline holds: enough for the dashboard, whose panels depend on instruments and
    /// methods only. Objectives (and so alert rules) are not in a baseline.
    /// </summary>
    private static TelemetryManifest Reconstruct(string name, IReadOnlyList<TelemetrySignal> signals)
    {
        string scope = signals[0].Scope;
        var methods = signals
            .Where(s => s.Scope == scope)
            .GroupBy(s => s.Function ?? "event " + s.Name, StringComparer.Ordinal)
            .Select(g => Method(g.Key, g.ToArray()))
            .ToArray();
        var instruments = methods
            .SelectMany(m => new[] { m.Duration, m.Calls, m.Active })
            .OfType<InstrumentPart>()
            .Concat(methods.Any(m => m.Event is not null) ? [new InstrumentPart("business.events", "counter", "{event}", null, null)] : [])
            .GroupBy(i => i.Name)
            .Select(g => g.First())
            .ToArray();
        return new TelemetryManifest(name, new SourcePart(scope, null, methods.Any(m => m.Span is not null), instruments), [new TypePart(scope, methods)]);
    }

    private static MethodPart Method(string function, TelemetrySignal[] signals)
    {
        InstrumentPart? Instrument(string kind) =>
            signals.FirstOrDefault(s => s.Type == TelemetrySignal.Metric && s.Kind == kind) is { } s ? new InstrumentPart(s.Name, kind, s.Unit ?? "", null, null) : null;

        var span = signals.FirstOrDefault(s => s.Type == TelemetrySignal.Span);
        var tags = signals
            .Where(s => s.Type == TelemetrySignal.Metric)
            .SelectMany(s => s.Keys)
            .Where(k => k is not ("code.function.name" or "error.type"))
            .Distinct()
            .Select(k => new TagPart(k, k, true, "none"))
            .ToArray();
        var businessEvent = signals.FirstOrDefault(s => s.Type == TelemetrySignal.Event);
        return new MethodPart(
            function.Substring(function.LastIndexOf('.') + 1),
            function,
            "",
            span is null ? null : new SpanPart(span.Name, span.Kind ?? "Internal"),
            Instrument("histogram"),
            Instrument("counter"),
            Instrument("updowncounter"),
            tags,
            businessEvent is null ? null : new EventPart(businessEvent.Name, businessEvent.Id ?? 0, "Information", "", []),
            false,
            null);
    }
}
