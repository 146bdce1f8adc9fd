using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>
/// What parsing one annotated method yields: a spec to emit (or none when it cannot be expanded) and the
/// diagnostics, kept as real <see cref="Diagnostic"/>s with their source locations so that
/// <c>#pragma warning disable</c> and suppressions apply to them.
/// </summary>
internal sealed record MethodResult(TypeLocation Location, MethodSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The business event's identity and where its attribute is, for the collision check across methods.</summary>
    public EventKey? Event { get; init; }
}

/// <summary>An event's name and id, with its attribute's real location so a collision can be reported there.</summary>
internal sealed record EventKey(string Name, int Id, Location Location);

/// <summary>An equatable wrapper; <see cref="Diagnostic"/> compares by descriptor, location and arguments.</summary>
internal sealed record DiagnosticInfo(Diagnostic Diagnostic);
