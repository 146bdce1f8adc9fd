using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>
/// What parsing one annotated method yields: a spec to emit (or none when it cannot be expanded) and the
/// diagnostics, kept as real <see cref="Diagnostic"/>s with their source locations so that
/// <c>#pragma warning disable</c> and suppressions apply to them.
/// </summary>
internal sealed record MethodResult(TypeLocation Location, MethodSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>An equatable wrapper; <see cref="Diagnostic"/> compares by descriptor, location and arguments.</summary>
internal sealed record DiagnosticInfo(Diagnostic Diagnostic);
