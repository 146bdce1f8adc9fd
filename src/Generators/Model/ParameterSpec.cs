namespace Toolkit.Generators.Model;

/// <summary>A parameter of the instrumented method, as the implementation must redeclare it.</summary>
/// <param name="Name">The name, escaped when it is a keyword.</param>
/// <param name="Type">The fully qualified type, with nullable annotations.</param>
/// <param name="Modifiers">The declaration's modifiers with a trailing space (<c>this </c>, <c>ref </c>, <c>params </c>...).</param>
/// <param name="ArgumentPrefix">What passing it on needs: <c>ref </c>, <c>out </c>, <c>in </c> or nothing.</param>
internal sealed record ParameterSpec(string Name, string Type, string Modifiers, string ArgumentPrefix, TagSpec? Tag);
