using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Toolkit.Generators.Helpers;

/// <summary>An immutable array with value equality, so pipeline models compare by content.</summary>
/// <remarks>
/// A class, not a struct: the pipeline's values instantiate Roslyn's generic node tables, and over a struct every
/// instantiation is JIT-compiled in each compiler process (no ReadyToRun image can hold code for another assembly's
/// generics over our structs), while over classes they share the code the compiler already has.
/// </remarks>
internal sealed class EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly T[]? _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefaultOrEmpty ? null : items.ToArray();

    internal EquatableArray(T[] items, bool owned) => _items = items.Length == 0 ? null : owned ? items : (T[])items.Clone();

    public EquatableArray(IEnumerable<T> items)
    {
        var array = items.ToArray();
        _items = array.Length == 0 ? null : array;
    }

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => _items![index];

    public bool Equals(EquatableArray<T>? other) => other is not null && AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (T item in AsSpan())
        {
            hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
        }

        return hash;
    }

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan();

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T>? left, EquatableArray<T>? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(EquatableArray<T>? left, EquatableArray<T>? right) => !(left == right);
}

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);

    /// <summary>Wraps <paramref name="items"/> without copying it; the caller gives up the array.</summary>
    public static EquatableArray<T> Of<T>(T[] items)
        where T : IEquatable<T> => new(items, owned: true);
}
