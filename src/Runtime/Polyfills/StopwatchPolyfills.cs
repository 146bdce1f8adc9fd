#if !NET
using System;
using System.Diagnostics;

namespace Toolkit;

/// <summary><see cref="Stopwatch"/>'s .NET 7 elapsed-time reading, for netstandard2.0.</summary>
internal static class StopwatchPolyfills
{
    private static readonly double s_tickFrequency = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            new((long)((Stopwatch.GetTimestamp() - startingTimestamp) * s_tickFrequency));
    }
}
#endif
