using System;
using System.ComponentModel;

namespace Toolkit.Internal;

/// <summary>
/// One part of the assembly's telemetry manifest, as compact JSON: the source and its instruments, or the
/// instrumented methods of one type. The generator writes one per generated file, so an edit rewrites one part;
/// tools read them from metadata without running the assembly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TelemetryManifestAttribute : Attribute
{
    /// <summary>Creates the part.</summary>
    /// <param name="json">The part's JSON.</param>
    public TelemetryManifestAttribute(string json) => Json = json;

    /// <summary>The part's JSON.</summary>
    public string Json { get; }
}
