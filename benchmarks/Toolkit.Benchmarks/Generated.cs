using System.Threading.Tasks;

[assembly: Toolkit.TelemetrySource("Bench.Generated")]

namespace Toolkit.Benchmarks;

/// <summary>Trace + duration histogram + call counter, written by the generator.</summary>
public sealed partial class Generated
{
    [Traced, Timed, Counted]
    public partial int Sync(int x);

    private static int SyncCore(int x) => Work.Run(x);

    [Traced, Timed, Counted]
    public partial Task<int> TaskAsync(int x);

    private static Task<int> TaskAsyncCore(int x) => Work.RunTask(x);

    [Traced, Timed, Counted]
    public partial ValueTask<int> ValueTaskAsync(int x);

    private static ValueTask<int> ValueTaskAsyncCore(int x) => Work.RunValueTask(x);

    [Traced, Timed, Counted]
    public partial int Tagged(int x, [Tag("shop.region")] Region region, [Tag("shop.express")] bool express, [Tag("shop.channel")] string channel);

    private static int TaggedCore(int x, Region region, bool express, string channel) => Work.RunTagged(x, region, express, channel);
}
