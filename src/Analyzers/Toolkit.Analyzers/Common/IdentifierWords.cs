using System.Collections.Generic;
using System.Text;

namespace Toolkit.Analyzers.Common;

/// <summary>Splits identifiers and tag keys into lowercase words, so rules match words rather than substrings.</summary>
internal static class IdentifierWords
{
    /// <summary>
    /// <c>customerEmail</c> → customer, email; <c>APIKey</c> → api, key; <c>date_of_birth</c>, <c>user.id</c>,
    /// <c>x-api-key</c> and <c>line2</c> split on the separators and between letters and digits.
    /// </summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < identifier.Length; i++)
        {
            char c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0)
            {
                char previous = identifier[i - 1];
                bool lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                bool acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
                bool digitEdge = char.IsDigit(c) != char.IsDigit(previous);
                if (lowerToUpper || acronymEnd || digitEdge)
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
