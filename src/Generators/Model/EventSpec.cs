using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>What leaves the process of a logged value.</summary>
internal enum Protection
{
    None,
    Hashed,
    Redacted,
}

/// <summary>A <c>[BusinessEvent]</c>: one log record, one span event and one count per successful call.</summary>
/// <param name="Level">The <c>LogLevel</c> member name.</param>
/// <param name="Template">The message template, explicit or derived.</param>
/// <param name="StateName">The generated state struct's name, unique in its type.</param>
internal sealed record EventSpec(
    string Name,
    string Level,
    int Id,
    string Template,
    EquatableArray<EventValue> Values,
    LoggerSpec Logger,
    string StateName);

/// <summary>One property of the record.</summary>
/// <param name="Property">The property name: the template's placeholder when it names the value, else the parameter's name.</param>
/// <param name="Source">The parameter that carries it: a parameter name, or <c>__result</c>.</param>
/// <param name="Type">The value's type.</param>
/// <param name="Read">How to read the value from <paramref name="Source"/>: the source itself, or a property of it.</param>
/// <param name="SourceType">The source's type, when the value is one of its properties.</param>
internal sealed record EventValue(string Property, string Source, string Type, Protection Protection, string Read, string? SourceType = null)
{
    public EventValue(string property, string source, string type, Protection protection)
        : this(property, source, type, protection, source)
    {
    }
}

/// <summary>Where the record's logger comes from.</summary>
/// <param name="Member">How to read the type's <c>ILogger</c> field, property or primary-constructor parameter; <see langword="null"/> for the process-wide fallback.</param>
/// <param name="Category">The fallback logger's category: the type's full name.</param>
internal sealed record LoggerSpec(string? Member, string Category);
