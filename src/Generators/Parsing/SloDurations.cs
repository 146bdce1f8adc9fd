using System.Globalization;

namespace Toolkit.Generators.Parsing;

/// <summary>Parses the durations <c>[Slo]</c> takes: a number followed by <c>ms</c>, <c>s</c> or <c>m</c>.</summary>
internal static class SloDurations
{
    public static bool TryParse(string text, out double seconds)
    {
        text = text.Trim();
        (string unit, double scale) = text.EndsWith("ms", System.StringComparison.Ordinal) ? ("ms", 0.001)
            : text.EndsWith("s", System.StringComparison.Ordinal) ? ("s", 1.0)
            : text.EndsWith("m", System.StringComparison.Ordinal) ? ("m", 60.0)
            : ("", 0.0);
        if (unit.Length > 0
            && double.TryParse(text.Substring(0, text.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            && value > 0)
        {
            // Rounded so that "300ms" is 0.3 exactly as written in a bucket boundary, not 0.30000000000000004.
            seconds = System.Math.Round(value * scale, 9);
            return true;
        }

        seconds = 0;
        return false;
    }
}
