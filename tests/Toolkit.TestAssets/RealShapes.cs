using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.TestAssets;

/// <summary>A base whose generic method's constraint the override inherits.</summary>
public abstract class Picker
{
    public abstract T Max<T>(T a, T b)
        where T : IComparable<T>;
}

/// <summary>Method shapes found in real libraries: each must compile warning-free under this project's settings.</summary>
public sealed unsafe partial class RealShapes : Picker
{
    /// <summary>Set by <see cref="NullTask"/>'s Core, to show the ambient value survives the call.</summary>
    public static readonly AsyncLocal<string?> Ambient = new();

    private string? _loaded;

    [Traced, Timed]
    public override partial T Max<T>(T a, T b);

    private static T MaxCore<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

#if NET9_0_OR_GREATER // by-ref-like generics need the .NET 9 runtime
    [Traced, Timed]
    public static partial int Measure<T>(T value, Func<T, int> measure)
        where T : allows ref struct;

    private static int MeasureCore<T>(T value, Func<T, int> measure)
        where T : allows ref struct => measure(value);
#endif

    [Traced, Counted]
    public static partial int Sum(int* values, int count);

    /// <summary>Calls <see cref="Sum"/> for tests that do not compile unsafe code.</summary>
    public static int SumOf(int[] values)
    {
        fixed (int* first = values)
        {
            return Sum(first, values.Length);
        }
    }

    private static int SumCore(int* values, int count)
    {
        int sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    [Traced, Timed]
    [DoesNotReturn]
    public static partial void Fail(string message);

    [DoesNotReturn]
    private static void FailCore(string message) => throw new InvalidOperationException(message);

    [Traced]
    public static partial T NotNull<T>([NotNull] T? input)
        where T : class;

    private static T NotNullCore<T>([NotNull] T? input)
        where T : class => input ?? throw new ArgumentNullException(nameof(input));

    [Traced, Counted]
    [return: Tag("found")]
    public static partial bool TryGet(int key, [NotNullWhen(true)] out string? value);

    private static bool TryGetCore(int key, [NotNullWhen(true)] out string? value)
    {
        value = key > 0 ? "v" + key : null;
        return value is not null;
    }

    [Traced]
    [MemberNotNull(nameof(_loaded))]
    public partial void Load();

    [MemberNotNull(nameof(_loaded))]
    private void LoadCore() => _loaded = "loaded";

    public string Loaded => _loaded ?? "";

    [Traced, Timed]
    public static partial string Describe(dynamic value, [Tag] int depth);

    private static string DescribeCore(dynamic value, int depth) => depth + ":" + (value is string text ? text : "other");

#nullable disable
    [Traced]
    public static partial IEnumerable<object> Legacy(string filter);
#nullable restore

    private static IEnumerable<object> LegacyCore(string filter) => [filter];

    [Traced, Timed]
    public static partial Task NullTask();

    private static Task NullTaskCore()
    {
        Ambient.Value = "set by the core";
        return null!;
    }

    [Traced, Counted]
    public static partial Task<int> NullResultAsync();

    private static Task<int> NullResultAsyncCore() => null!;

    /// <summary>A task method with a pointer parameter: its generated await lives outside the unsafe part.</summary>
    [Traced, Timed]
    public static partial Task<int> SumLaterAsync(int* values, [Tag("count")] int count);

    /// <summary>Calls <see cref="SumLaterAsync"/> for tests that do not compile unsafe code.</summary>
    public static Task<int> SumLaterOf(int[] values)
    {
        fixed (int* first = values)
        {
            return SumLaterAsync(first, values.Length);
        }
    }

    private static Task<int> SumLaterAsyncCore(int* values, int count)
    {
        int sum = SumCore(values, count);

        // Pending when returned (no await here: this type is unsafe, and so is everything in it).
        return Task.Delay(10).ContinueWith(_ => sum, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
