using System;
using System.Collections.Generic;
using System.Linq;

namespace Toolkit.Tests.Prometheus;

/// <summary>One series of an instant query: its labels and its value.</summary>
internal sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out string? value) ? value : "";

    public override string ToString() =>
        $"{Label("__name__")}{{{string.Join(", ", Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
}
