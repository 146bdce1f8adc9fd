using System.Text.RegularExpressions;

namespace Toolkit.Generators.Parsing;

/// <summary>OpenTelemetry's instrument name syntax (TK1007).</summary>
internal static class InstrumentNames
{
    private static readonly Regex s_syntax = new("^[A-Za-z][A-Za-z0-9_./-]{0,254}$", RegexOptions.CultureInvariant);

    public static bool IsValid(string name) => s_syntax.IsMatch(name);

    /// <summary>Histogram bucket boundaries: finite, strictly ascending, at least one (TK1008).</summary>
    public static bool AreValidBuckets(Helpers.EquatableArray<double> buckets)
    {
        if (buckets.IsEmpty)
        {
            return false;
        }

        for (int i = 0; i < buckets.Count; i++)
        {
            if (double.IsNaN(buckets[i]) || double.IsInfinity(buckets[i]) || (i > 0 && buckets[i] <= buckets[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
