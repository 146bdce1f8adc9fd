using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Threading;

namespace Toolkit;

/// <summary>
/// The names of every <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// that generated code has registered in this process.
/// </summary>
/// <remarks>
/// Each instrumented assembly registers its source from a module initializer, which runs when the assembly is
/// loaded. An assembly that is loaded only after the OpenTelemetry providers were built is not seen by them:
/// load it first, or add its source by name.
/// </remarks>
public static class ToolkitSources
{
    private static ImmutableArray<string> s_names = ImmutableArray<string>.Empty;

    /// <summary>The registered source names, in registration order, without duplicates.</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <summary>Registers a source name. Called by generated code; idempotent and thread-safe.</summary>
    /// <param name="name">The source name.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ImmutableInterlocked.Update(ref s_names, static (names, n) => names.Contains(n) ? names : names.Add(n), name);
    }
}
