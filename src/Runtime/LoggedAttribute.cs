using System;

namespace Toolkit;

/// <summary>
/// Logs every call of the annotated <c>partial</c> method: a <c>Debug</c> record when it completes, with its
/// duration and outcome, and an <c>Error</c> record carrying the exception when it fails.
/// </summary>
/// <remarks>
/// The failure record is where the exception is recorded, as current OpenTelemetry semantic conventions place
/// exceptions in logs rather than span events. The logger is chosen as for <see cref="BusinessEventAttribute"/>.
/// Parameters are not logged: use <see cref="BusinessEventAttribute"/> for records with data.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LoggedAttribute : Attribute
{
}
