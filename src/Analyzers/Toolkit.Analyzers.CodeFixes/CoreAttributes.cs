using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>Where "Make instrumentable" puts each attribute once a method is split into its declaration and its Core.</summary>
internal enum Placement
{
    /// <summary>Describes the method to its callers (<c>[Tag]</c>, docs, the toolkit's own): stays on the declaration.</summary>
    Declaration,

    /// <summary>Matters to callers and governs the body too: on both, so the body keeps compiling as it did.</summary>
    Both,

    /// <summary>Says how the body is compiled or run: moves to the Core, the generated wrapper has its own shape.</summary>
    Core,
}

internal static class CoreAttributes
{
    private static readonly HashSet<string> s_both =
    [
        "System.ObsoleteAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
        "System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessageAttribute",
        "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
        "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute",
        "System.Diagnostics.CodeAnalysis.MemberNotNullAttribute",
        "System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute",
        "System.Runtime.Versioning.RequiresPreviewFeaturesAttribute",
        "System.Runtime.Versioning.SupportedOSPlatformAttribute",
        "System.Runtime.Versioning.UnsupportedOSPlatformAttribute",
        "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerNonUserCodeAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",
        "System.Diagnostics.StackTraceHiddenAttribute",
    ];

    private static readonly HashSet<string> s_core =
    [
        "System.Runtime.CompilerServices.MethodImplAttribute",
        "System.Runtime.CompilerServices.SkipLocalsInitAttribute",
        "System.Runtime.CompilerServices.AsyncMethodBuilderAttribute",
    ];

    /// <summary>An attribute on the method itself.</summary>
    public static Placement OfMethod(INamedTypeSymbol? attribute)
    {
        string? name = attribute?.ToDisplayString();
        return name is null ? Placement.Declaration
            : s_both.Contains(name) ? Placement.Both
            : s_core.Contains(name) ? Placement.Core
            : Placement.Declaration;
    }

    /// <summary>
    /// An attribute on a parameter or the return value: nullable and flow annotations (<c>[MaybeNullWhen]</c>,
    /// <c>[NotNull]</c>, <c>[DynamicallyAccessedMembers]</c>...) state what the body promises, so the Core keeps them;
    /// so does <c>[EnumeratorCancellation]</c>, which must sit on the iterator. Caller info and tags stay with callers.
    /// </summary>
    public static bool KeptOnCore(INamedTypeSymbol? attribute) =>
        attribute is not null
        && (attribute.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis"
            || attribute.ToDisplayString() == "System.Runtime.CompilerServices.EnumeratorCancellationAttribute");
}
