using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shop.Inventory;
using Shop.Payments;

namespace Shop.Orders;

/// <summary>The shop's HTTP API.</summary>
public static class OrderEndpoints
{
    /// <summary>Maps <c>POST /orders</c>, <c>GET /inventory/{sku}</c> and <c>POST /inventory/{sku}/restock</c>.</summary>
    public static IEndpointRouteBuilder MapShop(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/orders", PlaceOrderAsync);
        endpoints.MapGet("/inventory/{sku}", (string sku, InventoryService inventory) =>
            inventory.Available(sku) is int available ? Results.Ok(new { sku, available }) : Results.NotFound());
        endpoints.MapPost("/inventory/{sku}/restock", (string sku, int quantity, InventoryService inventory) =>
        {
            if (!Catalog.Prices.ContainsKey(sku) || quantity <= 0)
            {
                return Results.BadRequest();
            }

            inventory.Restock(sku, quantity);
            return Results.NoContent();
        });
        return endpoints;
    }

    private static async Task<IResult> PlaceOrderAsync(
        OrderRequest request, OrderService orders, InventoryService inventory, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (!inventory.IsLoaded)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }

        try
        {
            var order = await orders.PlaceOrderAsync(
                request.Region, request.CustomerId, request.CardNumber, request.Sku, request.Quantity, cancellationToken).ConfigureAwait(false);
            return Results.Created($"/orders/{order.Id}", order);
        }
        catch (OutOfStockException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Out of stock");
        }
        catch (PaymentDeclinedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status402PaymentRequired, title: "Payment declined", detail: e.Reason);
        }
        catch (TimeoutException)
        {
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Payment processor timed out");
        }
    }

    private static Dictionary<string, string[]> Validate(OrderRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Enum.IsDefined(request.Region))
        {
            errors[nameof(request.Region)] = ["Unknown region."];
        }

        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            errors[nameof(request.CustomerId)] = ["Required."];
        }

        if (string.IsNullOrWhiteSpace(request.CardNumber))
        {
            errors[nameof(request.CardNumber)] = ["Required."];
        }

        if (request.Sku is null || !Catalog.Prices.ContainsKey(request.Sku))
        {
            errors[nameof(request.Sku)] = ["Unknown SKU."];
        }

        if (request.Quantity is < 1 or > 10)
        {
            errors[nameof(request.Quantity)] = ["Between 1 and 10."];
        }

        return errors;
    }
}
