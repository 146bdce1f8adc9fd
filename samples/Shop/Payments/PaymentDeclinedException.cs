using System;

namespace Shop.Payments;

/// <summary>Thrown when the card processor declines a charge; the order is not placed.</summary>
public sealed class PaymentDeclinedException : Exception
{
    public PaymentDeclinedException()
    {
    }

    public PaymentDeclinedException(string reason)
        : base($"Payment declined: {reason}.") => Reason = reason;

    public PaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The processor's reason code, such as <c>insufficient_funds</c>.</summary>
    public string? Reason { get; }
}
