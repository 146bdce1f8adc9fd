using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Generators.Helpers;

internal static class Identifiers
{
    /// <summary>Prefixes C# keywords with <c>@</c> so a parameter named <c>@event</c> round-trips.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? "@" + name
            : name;

    /// <summary>Turns any text into a valid identifier fragment: letters, digits and underscores.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A file name for <c>AddSource</c>: a type's display name with dots kept and generic brackets flattened.</summary>
    public static string SanitizeHintName(string typeName)
    {
        var builder = new StringBuilder(typeName.Length);
        foreach (char c in typeName)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' ? c : c == ' ' ? "" : "_");
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value) =>
        SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A stable FNV-1a hash rendered as 8 hex digits; never <see cref="object.GetHashCode"/>, which varies per process.</summary>
    public static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
