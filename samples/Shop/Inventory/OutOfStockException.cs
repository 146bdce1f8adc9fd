using System;

namespace Shop.Inventory;

/// <summary>Thrown when a reservation asks for more than the warehouse holds.</summary>
public sealed class OutOfStockException : Exception
{
    public OutOfStockException()
    {
    }

    public OutOfStockException(string message)
        : base(message)
    {
    }

    public OutOfStockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
