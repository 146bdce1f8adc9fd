using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit;

namespace Shop.Payments;

/// <summary>Charges customers through the card processor.</summary>
public sealed partial class PaymentService(PaymentGateway gateway, ILogger<PaymentService> logger)
{
    [Traced]
    [Timed]
    [Counted]
    public partial Task<string> ChargeAsync(
        [Hashed] string customerId,
        [Redacted] string cardNumber,
        // On every successful charge: the distribution of order amounts, and revenue as a running sum.
        [Measure("shop.order.amount", Unit = "{USD}", Description = "The amounts of paid orders.", Buckets = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000])]
        [Measure("shop.revenue", Unit = "{USD}", Description = "The revenue of paid orders.", Sum = true)]
        decimal amount,
        CancellationToken cancellationToken);

    private async Task<string> ChargeAsyncCore(string customerId, string cardNumber, decimal amount, CancellationToken cancellationToken)
    {
        var authorization = await gateway.AuthorizeAsync(cardNumber, amount, cancellationToken).ConfigureAwait(false);
        if (!authorization.Approved)
        {
            PaymentDeclined(customerId, authorization.DeclineReason!);
            throw new PaymentDeclinedException(authorization.DeclineReason!);
        }

        return authorization.Id!;
    }

    [BusinessEvent("payment.declined", Level = LogLevel.Warning, Message = "Payment declined for {customerId}: {reason}")]
    public partial void PaymentDeclined([Hashed] string customerId, string reason);
}
