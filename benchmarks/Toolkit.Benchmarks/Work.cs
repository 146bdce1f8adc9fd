using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Toolkit.Benchmarks;

public enum Region
{
    Europe,
    Americas,
}

/// <summary>The tiny method every variant instruments, kept out of line so each variant pays for one real call.</summary>
internal static class Work
{
    public static readonly Task<int> Completed = Task.FromResult(42);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run(int x) => x + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task<int> RunTask(int x) => Completed;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ValueTask<int> RunValueTask(int x) => new(x + 1);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int RunTagged(int x, Region region, bool express, string channel) => x + 1;
}
