using System;
using System.Diagnostics;

namespace Toolkit;

/// <summary>
/// Wraps every call of the annotated <c>partial</c> method in an <see cref="Activity"/>.
/// </summary>
/// <remarks>
/// The span is named <c>Type.Method</c> unless <see cref="Name"/> says otherwise. A failed call sets the status
/// to <see cref="ActivityStatusCode.Error"/> and the <c>error.type</c> attribute to the exception's full type name;
/// the exception message is never copied.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TracedAttribute : Attribute
{
    /// <summary>The span name; defaults to <c>Type.Method</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The span kind; defaults to <see cref="ActivityKind.Internal"/>.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Internal;
}
