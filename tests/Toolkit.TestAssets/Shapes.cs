using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

[assembly: Toolkit.TelemetrySource("Toolkit.TestAssets", Version = "1.2.3")]

namespace Toolkit.TestAssets;

public enum Region
{
    Eu,
    Us,
    Apac,
}

/// <summary>Every method shape the generator supports, with bodies simple enough to assert on.</summary>
public sealed partial class Shapes
{
    [Traced(Kind = ActivityKind.Client)]
    [Timed]
    [Counted]
    [InFlight]
    [Slo(LatencyP95 = "250ms", ErrorRate = 0.01)]
    public partial int Add(int x, [Tag("shop.region")] Region region, [Tag("customer.id", SpanOnly = true)] string customerId);

    private int AddCore(int x, Region region, string customerId) => x + 1;

    [Traced(Name = "shapes.fire")]
    public partial void Fire([Tag] bool flag, [Tag("maybe")] bool? maybe);

    private void FireCore(bool flag, bool? maybe) => LastFire = flag;

    public bool LastFire { get; private set; }

    [Traced]
    [Timed]
    [Counted]
    [Slo(ErrorRate = 0.05, WindowDays = 7)]
    public partial int Fail(string reason);

    private int FailCore(string reason) => throw new InvalidOperationException(reason);

    [Traced]
    [Timed]
    [Slo(LatencyP95 = "10ms")]
    public partial Task DelayAsync(int milliseconds, CancellationToken cancellationToken);

    private async Task DelayAsyncCore(int milliseconds, CancellationToken cancellationToken) =>
        await Task.Delay(milliseconds, cancellationToken).ConfigureAwait(false);

    [Traced]
    [Timed]
    [Counted]
    [return: Tag("result.size")]
    public partial Task<int> ComputeAsync(int x, bool yield);

    private async Task<int> ComputeAsyncCore(int x, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return x * 2;
    }

    [Traced]
    public partial Task<int> FailAsync(bool yield);

    private async Task<int> FailAsyncCore(bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        throw new FormatException("bad input");
    }

    [Timed]
    [Counted]
    public partial ValueTask<int> ValueAsync(int x, bool yield);

    private async ValueTask<int> ValueAsyncCore(int x, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return x + 1;
    }

    [Traced]
    [InFlight]
    public partial ValueTask NothingAsync(bool yield);

    private async ValueTask NothingAsyncCore(bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }
    }

    [Traced]
    [Counted]
    public partial IAsyncEnumerable<int> StreamAsync(int count, [Tag("stream.kind")] Region region, CancellationToken cancellationToken);

    private async IAsyncEnumerable<int> StreamAsyncCore(int count, Region region, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [Traced]
    [Timed]
    public static partial bool TryParse(string text, out int value);

    private static bool TryParseCore(string text, out int value) => int.TryParse(text, out value);

    [Traced]
    public partial void Modify(ref int value, in int delta, params int[] rest);

    private void ModifyCore(ref int value, in int delta, params int[] rest) => value += delta + rest.Length;

    [Traced]
    public partial T Echo<T>([Tag("echo.value")] T value)
        where T : notnull;

    private T EchoCore<T>(T value)
        where T : notnull => value;

    [Traced]
    public partial string Optional(string text, int count = 3);

    private string OptionalCore(string text, int count) => string.Concat(System.Linq.Enumerable.Repeat(text, count));

    [Traced]
    public partial int Overload(int x);

    private int OverloadCore(int x) => x;

    [Traced]
    public partial int Overload(string text);

    private int OverloadCore(string text) => text.Length;

    [Traced]
    [Counted]
    public partial Task<int> CancelAsync(CancellationToken cancellationToken);

    private async Task<int> CancelAsyncCore(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    [Traced]
    [Counted]
    public partial Task<int> AbortAsync(bool yield);

    // Cancels itself without any token: the task ends Canceled either way.
    private static async Task<int> AbortAsyncCore(bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        throw new OperationCanceledException();
    }

    [Timed("shapes.custom.duration", Buckets = [0.001, 0.01, 0.1])]
    [Counted("shapes.custom.calls")]
    [Slo(LatencyP99 = "50ms")]
    public partial int Custom(int x);

    private int CustomCore(int x) => x;
}

public static partial class IntExtensions
{
    [Traced]
    public static partial int Twice(this int x);

    private static int TwiceCore(this int x) => x * 2;
}

public partial record Order(int Id, decimal Amount)
{
    [Traced]
    [Counted]
    internal partial decimal Total([Tag("order.discounted")] bool discounted);

    private decimal TotalCore(bool discounted) => discounted ? Amount * 0.9m : Amount;
}

public partial struct Point
{
    public int X { get; set; }

    public int Y { get; set; }

    [Traced]
    public readonly partial int Sum();

    private readonly int SumCore() => X + Y;
}

public partial record struct Money(decimal Amount)
{
    [Timed]
    public readonly partial decimal Doubled();

    private readonly decimal DoubledCore() => Amount * 2;
}

public partial class Outer
{
    public partial class Inner
    {
        [Traced]
        protected internal partial void Run();

        private void RunCore()
        {
        }
    }
}

public partial class Repository<T>
    where T : class
{
    private readonly Dictionary<int, T> _items = new();

    public void Put(int id, T item) => _items[id] = item;

    [Traced]
    [Counted]
    public partial T? Find(int id);

    private T? FindCore(int id) => _items.TryGetValue(id, out var item) ? item : null;
}
