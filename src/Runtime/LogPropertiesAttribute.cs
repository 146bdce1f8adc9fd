using System;

namespace Toolkit;

/// <summary>
/// Logs the public properties of a complex parameter (or return value) as <c>parameter.Property</c> values of a
/// business event, chosen at compile time: properties of simple types only (numbers, strings, enums, dates, ids),
/// one level deep. <see cref="HashedAttribute"/>, <see cref="RedactedAttribute"/> and <see cref="NotLoggedAttribute"/>
/// on a property apply to it. Nothing is read by reflection at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class LogPropertiesAttribute : Attribute
{
}
