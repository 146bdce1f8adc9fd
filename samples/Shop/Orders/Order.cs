namespace Shop.Orders;

/// <summary>A placed order.</summary>
public sealed record Order(string Id, string Sku, int Quantity, decimal Total, string AuthorizationId);
