using System.Collections.Generic;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// The holes of a message template, <c>{name}</c>, <c>{name:format}</c> and <c>{name,alignment}</c>, where <c>{{</c>
/// and <c>}}</c> are literal braces. Shared by the generator and the code fixes that rewrite templates.
/// </summary>
internal static class MessageTemplates
{
    /// <summary>Where each hole is, its braces included.</summary>
    public static List<(int Start, int Length)> Holes(string template)
    {
        var holes = new List<(int Start, int Length)>();
        for (int i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            int end = template.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            holes.Add((i, end - i + 1));
            i = end;
        }

        return holes;
    }

    /// <summary>The names in the holes, in order.</summary>
    public static List<string> Names(string template)
    {
        var names = new List<string>();
        foreach (var (start, length) in Holes(template))
        {
            names.Add(Split(template.Substring(start + 1, length - 2)).Name);
        }

        return names;
    }

    /// <summary>A hole's name and what follows it, <c>:format</c> or <c>,alignment</c>, from the text between its braces.</summary>
    public static (string Name, string Suffix) Split(string hole)
    {
        int cut = hole.IndexOfAny([':', ',']);
        return cut < 0 ? (hole.Trim(), "") : (hole.Substring(0, cut).Trim(), hole.Substring(cut));
    }
}
