using System;
using System.ComponentModel;

namespace Toolkit.Internal;

/// <summary>
/// Marks an assembly whose generated code uses the named telemetry source. The generator reads it from referenced
/// assemblies at compile time, so an application registers its libraries' sources before they are first used.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class InstrumentedSourceAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="name">The source and meter name.</param>
    public InstrumentedSourceAttribute(string name) => Name = name;

    /// <summary>The source and meter name.</summary>
    public string Name { get; }
}
