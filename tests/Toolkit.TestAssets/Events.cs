using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Toolkit.TestAssets;

/// <summary>Business events on every shape: wrapped sync and async methods and bodiless event methods.</summary>
public sealed partial class Checkout(ILogger<Checkout> logger)
{
    [Traced]
    [BusinessEvent("order.placed")]
    public partial Task<string> PlaceAsync([Tag("shop.region")] Region region, [Hashed] string customerId, [Redacted] string cardNumber, decimal amount, bool yield);

    private static async Task<string> PlaceAsyncCore(Region region, string customerId, string cardNumber, decimal amount, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return "order-" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [BusinessEvent("payment.declined", Level = LogLevel.Warning, Message = "Payment declined for {CustomerId}: {reason}")]
    public partial void PaymentDeclined([Hashed] string? customerId, string reason);

    [BusinessEvent("order.rejected")]
    public partial int Reject(string reason);

    private static int RejectCore(string reason) => throw new InvalidOperationException(reason);

    [BusinessEvent("cart.updated", EventId = 4242, Level = LogLevel.Debug)]
    public partial ValueTask<int> UpdateCartAsync(int items, [NotLogged] string sessionToken, bool yield);

    private static async ValueTask<int> UpdateCartAsyncCore(int items, string sessionToken, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return items * 2;
    }

    [BusinessEvent("parcel.weighed")]
    public partial void Weighed([Hashed] Parcel parcel, [Redacted] Parcel secret, double kilograms);
}

/// <summary>A value whose text is broken: writing an event with it must not fail the call.</summary>
public sealed class Parcel(bool throwing)
{
    public override string ToString() => throwing ? throw new FormatException("broken ToString") : "parcel";
}

/// <summary>No logger of its own: events go through <see cref="ToolkitLogging.LoggerFactory"/>.</summary>
public static partial class Audit
{
    [BusinessEvent("audit.login", Message = "User {userName} signed in from {country}")]
    public static partial void Login([Hashed] string userName, [Redacted] string password, string country);
}

/// <summary>A logger in a field.</summary>
public sealed partial class Shipping
{
    private readonly ILogger _logger;

    public Shipping(ILogger logger) => _logger = logger;

    [Timed]
    [BusinessEvent("shipment.sent")]
    public partial Task SendAsync(string carrier, bool yield);

    private static async Task SendAsyncCore(string carrier, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }
    }
}

/// <summary>[Logged] on sync, async and iterator shapes, alone and with a span and a histogram, with the logger in a field.</summary>
public sealed partial class Jobs(ILogger logger)
{
    [Logged]
    public partial int Run(int input);

    private static int RunCore(int input) => input >= 0 ? input : throw new ArgumentOutOfRangeException(nameof(input));

    [Logged]
    [Timed]
    public partial Task<int> RunAsync(int input, bool yield, System.Threading.CancellationToken cancellationToken);

    private static async Task<int> RunAsyncCore(int input, bool yield, System.Threading.CancellationToken cancellationToken)
    {
        if (yield)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return input >= 0 ? input : throw new ArgumentOutOfRangeException(nameof(input));
    }

    [Traced]
    [Timed]
    [Logged]
    public partial int Measure(int input);

    private static int MeasureCore(int input) => input;

    [Logged]
    public partial System.Collections.Generic.IAsyncEnumerable<int> ListAsync(int count);

    private static async System.Collections.Generic.IAsyncEnumerable<int> ListAsyncCore(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}

public sealed record Address(string Street, string City);

/// <summary>A complex value whose chosen properties are logged, with their own protection.</summary>
public sealed record ShippedOrder(
    string Id,
    decimal Total,
    [property: Hashed] string CustomerEmail,
    [property: Redacted] string CardNumber,
    [property: NotLogged] string InternalNote,
    Address Shipping);

#pragma warning disable TK1009 // The redacted tag is the point of the test: it must be dropped.
public sealed partial class Dispatch(ILogger<Dispatch> logger)
{
    [BusinessEvent("order.shipped")]
    public partial void Shipped([LogProperties] ShippedOrder? order, [LogProperties] TimeSpan took);

    [Traced]
    [Counted]
    public partial void Track([Tag("customer.id")] [Hashed] string customerId, [Tag("card.number", SpanOnly = true)] [Redacted] string cardNumber);

    private static void TrackCore(string customerId, string cardNumber)
    {
    }
}
#pragma warning restore TK1009
