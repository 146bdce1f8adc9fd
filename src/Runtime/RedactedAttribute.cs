using System;

namespace Toolkit;

/// <summary>
/// The value never leaves the process: it is left out of span attributes, span events and metric tags, and logs
/// show <see cref="TelemetryRedaction.Placeholder"/> in its place. Its <see cref="object.ToString"/> is never called.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class RedactedAttribute : Attribute
{
}
