using System;
using Microsoft.Extensions.Logging;

namespace Toolkit;

/// <summary>
/// Writes a structured log record, a span event and a <c>business.events</c> count when the annotated method
/// succeeds; on a bodiless <c>partial void</c> method with no <c>Core</c>, calling the method writes the event.
/// </summary>
/// <remarks>
/// Parameters (and the return value) become named properties of the record. <see cref="HashedAttribute"/>,
/// <see cref="RedactedAttribute"/> and <see cref="NotLoggedAttribute"/> decide what of them leaves the process.
/// The logger is the containing type's <see cref="ILogger"/> field, property or primary-constructor parameter, or
/// else one from <see cref="ToolkitLogging.LoggerFactory"/>; with neither, no record is written.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class BusinessEventAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The event name, for example <c>order.placed</c>: the log record's event name and the span event's name.</param>
    public BusinessEventAttribute(string name) => Name = name;

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>
    /// A message template whose <c>{placeholders}</c> name parameters; validated at compile time. Defaults to the
    /// event name followed by each logged parameter.
    /// </summary>
    public string? Message { get; set; }

    /// <summary>The log level; <see cref="LogLevel.Information"/> by default.</summary>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>The event id; by default a stable id derived from <see cref="Name"/>, the same on every build and machine.</summary>
    public int EventId { get; set; }
}
