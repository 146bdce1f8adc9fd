using System;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QuickStart;
using Toolkit;

// Ordinary OpenTelemetry SDK setup; AddToolkitSources/AddToolkitMeters subscribe to everything Toolkit generated.
var resource = ResourceBuilder.CreateDefault().AddService("quickstart");
using var tracing = Sdk.CreateTracerProviderBuilder()
    .SetResourceBuilder(resource)
    .AddToolkitSources()
    .AddConsoleExporter()
    .Build();
var metrics = Sdk.CreateMeterProviderBuilder()
    .SetResourceBuilder(resource)
    .AddToolkitMeters()
    .AddConsoleExporter()
    .Build();
using var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
{
    options.SetResourceBuilder(resource);
    options.IncludeFormattedMessage = true;
    options.AddConsoleExporter();
}));

var orders = new OrderService(logging.CreateLogger<OrderService>());
orders.Reserve("sku-42", quantity: 2);

// Business events show the customer id only as a keyed hash and the card number not at all.
var receipt = await orders.PlaceOrderAsync(Region.Europe, "order-1001", "customer-8812", "4111 1111 1111 1111", 100m, default);
Console.WriteLine($"Placed {receipt.OrderId}: {receipt.Total}");
await orders.PlaceOrderAsync(Region.Americas, "order-1002", "customer-1234", "5500 0000 0000 0004", 40m, default);
orders.PaymentDeclined("customer-1234", "card expired");

try
{
    await orders.PlaceOrderAsync(Region.Americas, "order-1003", "customer-1234", "5500 0000 0000 0004", -1m, default);
}
catch (ArgumentOutOfRangeException e)
{
    // The exception reaches the caller unchanged; the span and the metrics carry error.type.
    Console.WriteLine($"Rejected: {e.Message}");
}

// Disposing the meter provider collects and prints the metrics once.
metrics.Dispose();
