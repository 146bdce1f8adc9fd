using System;
using System.Collections.Generic;
using System.Linq;

namespace Toolkit.Contract;

/// <summary>
/// Turns the telemetry manifest the generator writes (<c>[assembly: TelemetryManifest(json)]</c> parts) into baseline
/// signals. The analyzers read the parts from the compilation, the catalog tool from a built assembly; both get the
/// same lines, so what the build warns about and what <c>toolkit-telemetry diff</c> reports cannot drift apart.
/// </summary>
internal static class ManifestSignals
{
    /// <summary>The signals of every instrumented method, merged per identity, in line order.</summary>
    /// <param name="assemblyName">Names the scope when no part names it, as the generator does.</param>
    /// <param name="parts">The manifest's JSON parts, in any order.</param>
    /// <exception cref="FormatException">A part is not JSON.</exception>
    public static IReadOnlyList<TelemetrySignal> From(string assemblyName, IEnumerable<string> parts)
    {
        var objects = parts.Select(ManifestJson.Parse).OfType<Dictionary<string, object?>>().ToList();
        string scope = objects.Select(o => Text(o, "source")).FirstOrDefault(s => s is not null) ?? assemblyName;

        var signals = new List<TelemetrySignal>();
        foreach (var part in objects)
        {
            foreach (var gauge in Objects(part, "gauges"))
            {
                signals.Add(Gauge(scope, gauge));
            }

            if (Text(part, "type") is not { } type)
            {
                continue;
            }

            foreach (var method in Objects(part, "methods"))
            {
                signals.AddRange(Method(scope, type, method));
            }
        }

        // Overloads share their code.function.name, so their series are one: their keys are the union.
        return signals
            .GroupBy(s => s.Key, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Aggregate(g.First(), (merged, next) => merged with
            {
                Keys = merged.Keys.Union(next.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            }))
            .OrderBy(s => s.Line, StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<TelemetrySignal> Method(string scope, string type, Dictionary<string, object?> method)
    {
        string name = Text(method, "name") ?? "";
        string function = Text(method, "function") ?? name;
        var origin = (type, name);
        var tags = Objects(method, "tags").ToArray();

        if (Object(method, "span") is { } span)
        {
            yield return new TelemetrySignal(
                TelemetrySignal.Span, Text(span, "name") ?? function, scope, function, Text(span, "kind"), null, null,
                Sorted(tags.Select(t => Text(t, "key"))))
            { Origin = origin };
        }

        foreach (string role in new[] { "duration", "calls", "active" })
        {
            if (Object(method, role) is not { } instrument)
            {
                continue;
            }

            // In-flight counts go up before the call returns: no error.type, no tag on the return value.
            string? kind = Text(instrument, "kind");
            bool measuresCompletion = kind != "updowncounter";
            var keys = tags
                .Where(t => Flag(t, "metric") && (measuresCompletion || Text(t, "source") != "return"))
                .Select(t => Text(t, "key"))
                .Append("code.function.name")
                .Concat(measuresCompletion ? ["error.type"] : []);
            yield return new TelemetrySignal(
                TelemetrySignal.Metric, Text(instrument, "name") ?? role, scope, function, kind, Text(instrument, "unit"), null, Sorted(keys))
            { Origin = origin };
        }

        // [Measure] values: recorded on success only, so no error.type; tagged like the method's other metrics.
        foreach (var measure in Objects(method, "measures"))
        {
            if (Object(measure, "instrument") is not { } instrument)
            {
                continue;
            }

            var keys = tags
                .Where(t => Flag(t, "metric") && Text(t, "source") != "return")
                .Select(t => Text(t, "key"))
                .Append("code.function.name");
            yield return new TelemetrySignal(
                TelemetrySignal.Metric, Text(instrument, "name") ?? "", scope, function, Text(instrument, "kind"), Text(instrument, "unit"), null, Sorted(keys))
            { Origin = origin };
        }

        if (Object(method, "event") is { } businessEvent)
        {
            yield return new TelemetrySignal(
                TelemetrySignal.Event, Text(businessEvent, "name") ?? "", scope, null, null, null,
                businessEvent.TryGetValue("id", out object? id) && id is double number ? (int)number : null,
                Sorted(Objects(businessEvent, "properties").Select(p => Text(p, "name"))))
            { Origin = origin };
        }
    }

    /// <summary>A <c>[Gauge]</c>: no method behind it, so its identity is its name and scope; its member is the origin.</summary>
    private static TelemetrySignal Gauge(string scope, Dictionary<string, object?> gauge)
    {
        string member = Text(gauge, "member") ?? "";
        int dot = member.LastIndexOf('.');
        return new TelemetrySignal(
            TelemetrySignal.Metric, Text(gauge, "name") ?? "", scope, null, Text(gauge, "kind"), Text(gauge, "unit"), null,
            Sorted(Objects(gauge, "tags").Select(t => Text(t, "key"))))
        { Origin = dot > 0 ? (member.Substring(0, dot), member.Substring(dot + 1)) : null };
    }

    private static string[] Sorted(IEnumerable<string?> keys) =>
        keys.OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    private static string? Text(Dictionary<string, object?> o, string name) => o.TryGetValue(name, out object? value) ? value as string : null;

    private static bool Flag(Dictionary<string, object?> o, string name) => o.TryGetValue(name, out object? value) && value is true;

    private static Dictionary<string, object?>? Object(Dictionary<string, object?> o, string name) =>
        o.TryGetValue(name, out object? value) ? value as Dictionary<string, object?> : null;

    private static IEnumerable<Dictionary<string, object?>> Objects(Dictionary<string, object?> o, string name) =>
        o.TryGetValue(name, out object? value) && value is List<object?> list ? list.OfType<Dictionary<string, object?>>() : [];
}
