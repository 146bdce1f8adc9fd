using System;
using OpenTelemetry;
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

var orders = new OrderService();
orders.Reserve("sku-42", quantity: 2);
var receipt = await orders.PlaceOrderAsync(Region.Europe, "order-1001", 100m, default);
Console.WriteLine($"Placed {receipt.OrderId}: {receipt.Total}");
await orders.PlaceOrderAsync(Region.Americas, "order-1002", 40m, default);

try
{
    await orders.PlaceOrderAsync(Region.Americas, "order-1003", -1m, default);
}
catch (ArgumentOutOfRangeException e)
{
    // The exception reaches the caller unchanged; the span and the metrics carry error.type.
    Console.WriteLine($"Rejected: {e.Message}");
}

// Disposing the meter provider collects and prints the metrics once.
metrics.Dispose();
