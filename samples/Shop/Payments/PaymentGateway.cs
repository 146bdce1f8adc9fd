using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Toolkit;

namespace Shop.Payments;

/// <summary>
/// The client of the card processor. The processor is simulated with the behaviour of a real one: tens of
/// milliseconds per call with a long tail, a few percent of declines and the occasional timeout.
/// </summary>
public sealed partial class PaymentGateway
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    [Traced(Kind = ActivityKind.Client)]
    [Timed]
    [Counted]
    [InFlight]
    // The processor's contract: an answer, approval or decline, to 19 calls in 20, and 95% of them within 1 s. Only
    // its timeouts (about 2% of calls) miss either, so these alerts stay quiet under the simulated traffic.
    [Slo(ErrorRate = 0.05, LatencyP95 = "1s")]
    public partial Task<Authorization> AuthorizeAsync([Redacted] string cardNumber, decimal amount, CancellationToken cancellationToken);

#pragma warning disable CA5394 // Simulated latency and outcomes; nothing here is security-sensitive.
    private static async Task<Authorization> AuthorizeAsyncCore(string cardNumber, decimal amount, CancellationToken cancellationToken)
    {
        var random = Random.Shared;
        var latency = TimeSpan.FromMilliseconds(30 + (random.NextDouble() * 90));
        if (random.NextDouble() < 0.05)
        {
            latency += TimeSpan.FromMilliseconds(200 + (random.NextDouble() * 600));
        }

        if (random.NextDouble() < 0.02)
        {
            latency = s_timeout;
        }

        await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        if (latency >= s_timeout)
        {
            throw new TimeoutException("The card processor did not answer in time.");
        }

        // The processors' test cards: one ending in 0002 is always declined.
        if (cardNumber.EndsWith("0002", StringComparison.Ordinal))
        {
            return new Authorization(null, "insufficient_funds");
        }

        if (amount > 1000m || random.NextDouble() < 0.04)
        {
            return new Authorization(null, "do_not_honor");
        }

        return new Authorization($"auth_{random.Next():x8}", null);
    }
#pragma warning restore CA5394
}
