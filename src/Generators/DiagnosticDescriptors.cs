using Microsoft.CodeAnalysis;

namespace Toolkit.Generators;

/// <summary>Every diagnostic the generator reports. Ids are catalogued in docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Toolkit.Usage";

    public static readonly DiagnosticDescriptor MethodNotPartial = Create(
        "TK1001",
        "Instrumented method must be a partial declaration",
        "'{0}' has [{1}] but is not a partial method declaration without a body, so it cannot be instrumented: declare it 'partial' and move its body to '{2}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "TK1002",
        "Containing type must be partial",
        "'{0}' is instrumented but its containing type '{1}' is not declared 'partial'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingCore = Create(
        "TK1003",
        "Instrumented method needs a Core method holding its body",
        "'{0}' needs a method '{1}' with the same type parameters, parameters and return type (static if the method is), holding the body that the generated code wraps",
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

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true);
}
