using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Toolkit.Testing.Internal;

/// <summary>How captured values are compared with expected ones and shown in failure messages.</summary>
internal static class Values
{
    /// <summary>
    /// Equal by <see cref="object.Equals(object, object)"/>, or by invariant text: so <c>12.5m</c> matches <c>12.5</c>,
    /// an enum matches its member name and a boxed <see langword="long"/> matches an <see langword="int"/>.
    /// </summary>
    public static bool Match(object? actual, object? expected) =>
        Equals(actual, expected) || (actual is not null && expected is not null && Text(actual) == Text(expected));

    /// <summary>True when <paramref name="actual"/> holds every expected pair.</summary>
    public static bool Contains(IReadOnlyDictionary<string, object?> actual, (string Key, object? Value)[] expected) =>
        expected.All(e => actual.TryGetValue(e.Key, out var value) && Match(value, e.Value));

    /// <summary>The invariant text of a value; a sequence's items joined by commas.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        _ => Text(value),
    };

    public static string Format(IEnumerable<KeyValuePair<string, object?>> tags) =>
        "{" + string.Join(", ", tags.Select(t => t.Key + "=" + Format(t.Value))) + "}";

    public static string Format((string Key, object? Value)[] tags) =>
        Format(tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));

    /// <summary>One item per line, indented, at most 50 of them.</summary>
    public static string List<T>(IReadOnlyCollection<T> items, Func<T, string> describe)
    {
        const int Limit = 50;
        if (items.Count == 0)
        {
            return "  (none)";
        }

        var lines = items.Take(Limit).Select(item => "  " + describe(item));
        return string.Join(Environment.NewLine, items.Count > Limit ? lines.Append($"  ... and {items.Count - Limit} more") : lines);
    }
}
