using System.Text.RegularExpressions;

namespace Toolkit.Generators.Parsing;

/// <summary>OpenTelemetry's instrument name syntax (TK1007).</summary>
internal static class InstrumentNames
{
    private static readonly Regex s_syntax = new("^[A-Za-z][A-Za-z0-9_./-]{0,254}$", RegexOptions.CultureInvariant);

    public static bool IsValid(string name) => s_syntax.IsMatch(name);
}
