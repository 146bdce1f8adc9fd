using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

[assembly: Toolkit.TelemetrySource("Toolkit.Testing.Tests")]

namespace Toolkit.Testing.Tests;

/// <summary>An annotated service, as users write them. <c>gate</c> holds a call open until a test releases it.</summary>
public sealed partial class OrderService(ILogger<OrderService> logger)
{
    [Traced]
    [Timed]
    [Counted]
    [BusinessEvent("order.placed")]
    public partial Task<string> PlaceAsync([Tag("shop.tenant")] string tenant, [Hashed] string customerId, [Redacted] string cardNumber, decimal amount, [NotLogged] Task gate);

    private static async Task<string> PlaceAsyncCore(string tenant, string customerId, string cardNumber, decimal amount, Task gate)
    {
        await gate.ConfigureAwait(false);
        return tenant + "-order";
    }

    [Traced]
    [Counted]
    public partial int Refund([Tag("shop.tenant")] string tenant, decimal amount);

    private static int RefundCore(string tenant, decimal amount) =>
        amount > 0 ? 1 : throw new System.ArgumentOutOfRangeException(nameof(amount), "a refund is positive");
}

/// <summary>No logger of its own: its events go through <see cref="ToolkitLogging.LoggerFactory"/>.</summary>
public static partial class Notifications
{
    [BusinessEvent("customer.notified")]
    public static partial void Notified(string tenant, [Hashed] string email);
}
