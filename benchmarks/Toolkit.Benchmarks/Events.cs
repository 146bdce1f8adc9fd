namespace Toolkit.Benchmarks;

/// <summary>The business event every variant writes when the method succeeds.</summary>
internal static class Events
{
    public const string Name = "work.done";

    public const int WorkDoneId = 1;
}
