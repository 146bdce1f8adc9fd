using System;

namespace Toolkit;

/// <summary>
/// The value is emitted only as a stable, keyed, 8-hex-character hash (see <see cref="TelemetryRedaction.Hash(string?)"/>),
/// so records about the same customer correlate without the value being readable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class HashedAttribute : Attribute
{
}
