using System.Collections.Generic;

namespace Toolkit.Analyzers.Common;

/// <summary>Splits identifiers and tag keys into the words a naming rule looks at.</summary>
internal static class IdentifierWords
{
    /// <summary>
    /// The lowercase words of <paramref name="identifier"/>: camelCase and PascalCase humps (an acronym is one word,
    /// <c>APIKey</c> is <c>api</c>, <c>key</c>), runs of digits, and anything between separators such as <c>_</c>,
    /// <c>-</c>, <c>.</c> or <c>@</c>.
    /// </summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i < identifier.Length; i++)
        {
            char c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, words);
                continue;
            }

            if (start >= 0 && StartsWord(identifier, i))
            {
                Flush(identifier, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words);
        return words;
    }

    private static bool StartsWord(string s, int i)
    {
        char previous = s[i - 1];
        char c = s[i];
        if (char.IsDigit(c) != char.IsDigit(previous))
        {
            return true;
        }

        if (!char.IsUpper(c))
        {
            return false;
        }

        // "orderId": a capital after a lowercase letter; "APIKey": the last capital of an acronym that a lowercase letter follows.
        return char.IsLower(previous)
            || (char.IsUpper(previous) && i + 1 < s.Length && char.IsLower(s[i + 1]));
    }

    private static void Flush(string s, ref int start, int end, List<string> words)
    {
        if (start >= 0)
        {
            words.Add(s.Substring(start, end - start).ToLowerInvariant());
            start = -1;
        }
    }
}
