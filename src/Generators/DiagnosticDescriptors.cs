using Microsoft.CodeAnalysis;

namespace Toolkit.Generators;

/// <summary>Every diagnostic the generator reports. Ids are catalogued in docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Toolkit.Usage";

    public static readonly DiagnosticDescriptor MissingCore = Create(
        "TK1003",
        "Instrumented method needs a Core method holding its body",
        "'{0}' needs a method '{1}' (or '{0}Body' where '{1}' names another method) with the same type parameters, parameters and return type (static if the method is), holding the body that the generated code wraps",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AlreadyImplemented = Create(
        "TK1004",
        "Instrumented method already has an implementation",
        "'{0}' already has an implementing declaration; remove it and put the body in '{1}' so the generator can write the implementation",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AsyncVoidCore = Create(
        "TK1005",
        "Async void cannot be measured to completion",
        "'{0}' is 'async void': only the part before its first await is traced and timed; return Task or ValueTask instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedReturn = Create(
        "TK1006",
        "Return type cannot be instrumented",
        "'{0}' returns {1}, which the generated wrapper cannot hold; instrument a method that returns a value, a task or an IAsyncEnumerable",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidInstrumentName = Create(
        "TK1007",
        "Invalid metric instrument name",
        "'{0}' is not a valid OpenTelemetry instrument name: start with a letter, then up to 254 letters, digits, '_', '.', '-' or '/'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBuckets = Create(
        "TK1008",
        "Invalid histogram bucket boundaries",
        "The bucket boundaries of '{0}' must be a non-empty list of finite numbers in strictly ascending order",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTagTarget = Create(
        "TK1009",
        "[Tag] cannot be applied here",
        "[Tag] on {0} of '{1}' has no value to emit and is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSlo = Create(
        "TK1010",
        "Service-level objective cannot be measured",
        "The [Slo] of '{0}' cannot be measured: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingFlowAttribute = Create(
        "TK1011",
        "Core does not make the declaration's nullable-analysis promise",
        "'{0}' promises {1} on {2}, which the generated implementation can only keep when '{3}' promises it too; add the attribute to '{3}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "TK1012",
        "Parameter cannot be passed to the Core",
        "'{0}' cannot be instrumented: its parameter '{1}' is not supported, {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileLocalType = Create(
        "TK1013",
        "Instrumented method in a file-local type",
        "'{0}' is in the file-local type '{1}', whose parts must all be in one file, so generated code cannot implement it; make the type internal or private",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidGaugeMember = Create(
        "TK1201",
        "Member cannot be a gauge",
        "'{0}' cannot be a gauge: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMeasure = Create(
        "TK1202",
        "Value cannot be measured",
        "[Measure] on {0} of '{1}' cannot be recorded: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEventName = Create(
        "TK1101",
        "Business event needs a name",
        "The [BusinessEvent] on '{0}' needs a non-empty name, for example \"order.placed\"",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnboundPlaceholder = Create(
        "TK1102",
        "Message template placeholder matches no parameter",
        "The placeholder '{{{0}}}' in the message of '{1}' matches no logged parameter or return value",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ValueNotInTemplate = Create(
        "TK1103",
        "Logged value missing from the message template",
        "'{0}' of '{1}' is logged as a property but not in the message template; add it to the template or mark it [NotLogged]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ComplexEventValue = Create(
        "TK1104",
        "Value of a complex type is not logged",
        "'{0}' of '{1}' has type '{2}', whose text could carry anything, so it is not logged; mark it [LogProperties] to log its simple properties, [Hashed] to log its hash, or [NotLogged] to say so",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AmbiguousLogger = Create(
        "TK1105",
        "More than one logger to choose from",
        "'{0}' has several ILogger members ('{1}'), so business events use the process-wide logger factory; keep one",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedEventShape = Create(
        "TK1106",
        "Business event cannot be written from this method",
        "[BusinessEvent] on '{0}' is not supported: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventIdCollision = Create(
        "TK1107",
        "Two business events share an event id",
        "The event id {0} of '{1}' is also the id of '{2}' in this source; give one of them an explicit EventId",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "TK1020",
        "Instrumented methods need C# 9 or later",
        "'{0}' is compiled as C# {1}, but partial methods that return values or have access modifiers need C# 9; set <LangVersion>9</LangVersion> or later in the project (netstandard2.0 and .NET Framework projects default to C# 7.3)",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true);
}
