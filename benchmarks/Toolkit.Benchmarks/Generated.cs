using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

[assembly: Toolkit.TelemetrySource("Bench.Generated")]

namespace Toolkit.Benchmarks;

/// <summary>Trace + duration histogram + call counter + business event, written by the generator.</summary>
public sealed partial class Generated(ILogger logger)
{
    private readonly ILogger _logger = logger;

    [Traced, Timed, Counted, BusinessEvent("work.done", EventId = Events.WorkDoneId)]
    public partial int Sync(int x);

    private static int SyncCore(int x) => Work.Run(x);

    [Traced, Timed, Counted, BusinessEvent("work.done", EventId = Events.WorkDoneId)]
    public partial Task<int> TaskAsync(int x);

    private static Task<int> TaskAsyncCore(int x) => Work.RunTask(x);

    [Traced, Timed, Counted, BusinessEvent("work.done", EventId = Events.WorkDoneId)]
    public partial ValueTask<int> ValueTaskAsync(int x);

    private static ValueTask<int> ValueTaskAsyncCore(int x) => Work.RunValueTask(x);

    [Traced, Timed, Counted, BusinessEvent("work.done", EventId = Events.WorkDoneId)]
    public partial int Tagged(int x, [Tag("shop.region")] Region region, [Tag("shop.express")] bool express, [Tag("shop.channel")] string channel);

    private static int TaggedCore(int x, Region region, bool express, string channel) => Work.RunTagged(x, region, express, channel);

    /// <summary>The business event alone, the method that logs it bodiless.</summary>
    [BusinessEvent("work.done", EventId = Events.WorkDoneId)]
    public partial void Done(int x);
}
