using System.Runtime.CompilerServices;
using Toolkit.TestAssets;

namespace Toolkit.Behavior.Tests;

/// <summary>Calls into members of Toolkit.TestAssets that are not public, without InternalsVisibleTo.</summary>
internal static class Accessors
{
    /// <summary>The generated (instrumented) <c>internal</c> method <see cref="Order"/>.Total.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Total")]
    public static extern decimal Total(Order order, bool discounted);

    /// <summary>The private, uninstrumented Core of <see cref="Shapes.ValueAsync"/>.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ValueAsyncCore")]
    public static extern System.Threading.Tasks.ValueTask<int> ValueAsyncCore(Shapes shapes, int x, bool yield);

    /// <summary>The private, uninstrumented Core of <see cref="Shapes.ComputeAsync"/>.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ComputeAsyncCore")]
    public static extern System.Threading.Tasks.Task<int> ComputeAsyncCore(Shapes shapes, int x, bool yield);
}
