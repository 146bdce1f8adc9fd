using System;
using System.Diagnostics.Tracing;

namespace Toolkit.Internal;

/// <summary>
/// Toolkit's own diagnostics, for <c>dotnet-trace</c> or an <see cref="EventListener"/>, like the OpenTelemetry SDK's
/// self-diagnostics: problems with telemetry are reported here instead of thrown into business code.
/// </summary>
[EventSource(Name = "Toolkit-Telemetry")]
internal sealed class ToolkitEventSource : EventSource
{
    public static readonly ToolkitEventSource Log = new();

    private ToolkitEventSource()
    {
    }

    [NonEvent]
    public void TelemetryFailed(Exception exception)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            TelemetryFailed(exception.GetType().FullName ?? exception.GetType().Name, exception.Message);
        }
    }

    [Event(1, Level = EventLevel.Warning, Message = "Writing telemetry failed with {0}: {1}")]
    public void TelemetryFailed(string exceptionType, string message) => WriteEvent(1, exceptionType, message);
}
