using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Toolkit.Catalog.Tests;

/// <summary>
/// A small web host exposing the given meters through the OpenTelemetry Prometheus exporter at <c>/metrics</c>,
/// as an instrumented service would: the names the tests check are the exporter's, not our guess of them.
/// </summary>
internal sealed class MetricsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The scrape target, <c>host:port</c>.</summary>
    public string Target => Address.Authority;

    public static async Task<MetricsHost> StartAsync(params string[] meters)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(meters).AddPrometheusExporter());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsHost(app, new Uri(url));
    }

    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        // What Prometheus asks for: in OpenMetrics, whole-number bucket bounds are written 1.0, not 1.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        return await http.GetStringAsync(new Uri(Address, "/metrics"), cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
