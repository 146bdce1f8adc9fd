using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop;
using Shop.Inventory;
using Shop.Orders;
using Shop.Payments;
using Shop.Simulation;
using Toolkit;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--simulate"] = "Simulation:Enabled",
    ["--rate"] = "Simulation:RequestsPerSecond",
    ["--duration"] = "Simulation:DurationSeconds",
    ["--console"] = "Shop:Console",
});

// Loopback unless told otherwise (--urls, ASPNETCORE_URLS): a sample should not listen on the network.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddShopTelemetry();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddSingleton<InventoryService>();
builder.Services.AddSingleton<PaymentGateway>();
builder.Services.AddSingleton<PaymentService>();
builder.Services.AddSingleton<OrderService>();
builder.Services.AddGaugeTracking<OrderService>(); // publishes OrderService.OpenOrders while the host runs
builder.Services.AddHostedService<InventoryLoader>();
builder.Services.AddHealthChecks().AddCheck<InventoryReadyCheck>("inventory", tags: ["ready"]);
builder.Services.Configure<SimulationOptions>(builder.Configuration.GetSection("Simulation"));
builder.Services.AddHostedService<TrafficSimulator>();

var app = builder.Build();
app.MapShop();
app.MapPrometheusScrapingEndpoint();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();
