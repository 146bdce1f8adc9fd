namespace Shop.Orders;

/// <summary>The body of <c>POST /orders</c>.</summary>
public sealed record OrderRequest(Region Region, string CustomerId, string CardNumber, string Sku, int Quantity);
