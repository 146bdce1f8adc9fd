using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The Shop sample under its own simulated traffic, scraped by a real Prometheus server on loopback: the generated
/// instruments arrive under the names the OpenTelemetry Prometheus exporter gives them, with the labels dashboards
/// group by, and no label carries a customer id or a card number.
/// </summary>
public sealed partial class PrometheusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_scrapeTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prometheus_scrapes_the_generated_metrics_without_personal_data()
    {
        string prometheus = await PrometheusServer.EnsureInstalledAsync();
        using var work = new TempDirectory("toolkit-prometheus");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        int shopPort = FreePort();
        int prometheusPort = FreePort();

        // The sample as built with these tests; --duration bounds it even if this process dies before disposing it.
        string shopDirectory = Repository.PathOf("samples", "Shop", "bin", Repository.Configuration, "net10.0");
        await using var shop = BackgroundProcess.Start(
            DotNet.Executable,
            [Path.Combine(shopDirectory, "Shop.dll"), "--urls", $"http://127.0.0.1:{shopPort}", "--rate", "10", "--duration", "300"],
            shopDirectory,
            new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Warning" });
        await WaitUntilAsync(() => IsOkAsync(http, new Uri($"http://127.0.0.1:{shopPort}/health/ready")), s_startTimeout, shop);

        string config = work.PathOf("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: shop
                static_configs:
                  - targets: ['127.0.0.1:{shopPort}']
            """);

        // timeout(1) bounds the server the same way.
        await using var server = BackgroundProcess.Start(
            "timeout",
            ["--kill-after=10", "600", prometheus,
             $"--config.file={config}",
             $"--storage.tsdb.path={work.PathOf("data")}",
             $"--web.listen-address=127.0.0.1:{prometheusPort}"],
            work.FullName);
        var api = new PrometheusApi(http, new Uri($"http://127.0.0.1:{prometheusPort}"));
        await WaitUntilAsync(api.IsReadyAsync, s_startTimeout, server);

        // Enough scrapes for every outcome the traffic produces: placed, declined, timed out.
        await WaitUntilAsync(
            async () => (await api.QueryAsync("""method_calls_total{job="shop",code_function_name="OrderService.PlaceOrderAsync",error_type="Shop.Payments.PaymentDeclinedException"}""")).Count > 0
                && (await api.QueryAsync("""business_events_total{job="shop",event_name="payment.declined"}""")).Count > 0,
            s_scrapeTimeout,
            shop);

        // [Timed]: a histogram in seconds, the bucket advice as le, the method and its [Tag] as labels.
        var buckets = await api.QueryAsync("""method_duration_seconds_bucket{job="shop",code_function_name="OrderService.PlaceOrderAsync",error_type=""}""");
        await QueryAsync(api, """sum by (code_function_name, le) (method_duration_seconds_bucket{job="shop",code_function_name="OrderService.PlaceOrderAsync"})""");
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Equal("Shop", b.Label("otel_scope_name")));
        Assert.Equal(
            ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf"],
            buckets.Where(b => b.Label("shop_region") == buckets[0].Label("shop_region")).Select(b => b.Label("le")).OrderBy(BucketBound));
        Assert.Equal(
            ["AsiaPacific", "Europe", "NorthAmerica", "SouthAmerica"],
            buckets.Select(b => b.Label("shop_region")).Distinct().Order(StringComparer.Ordinal));
        var durations = await QueryAsync(api, """sum by (code_function_name) (method_duration_seconds_count{job="shop"})""");
        Assert.Contains(durations, d => d.Label("code_function_name") == "PaymentGateway.AuthorizeAsync" && d.Value > 0);

        // [Counted]: one counter for all methods, failures told apart by error.type.
        var calls = await QueryAsync(api, """sum by (code_function_name, error_type) (method_calls_total{job="shop"})""");
        foreach (string method in new[] { "OrderService.PlaceOrderAsync", "PaymentService.ChargeAsync", "PaymentGateway.AuthorizeAsync", "InventoryService.Reserve" })
        {
            Assert.Contains(calls, c => c.Label("code_function_name") == method && c.Label("error_type") == "" && c.Value > 0);
        }

        Assert.Contains(calls, c => c.Label("code_function_name") == "OrderService.PlaceOrderAsync" && c.Label("error_type") == "Shop.Payments.PaymentDeclinedException");

        // [InFlight]: a gauge of calls in progress.
        Assert.NotEmpty(await QueryAsync(api, """method_active{job="shop",code_function_name="PaymentGateway.AuthorizeAsync"}"""));

        // [BusinessEvent]: one counter, the event's name as a label.
        var events = await QueryAsync(api, """business_events_total{job="shop"}""");
        Assert.Contains(events, e => e.Label("event_name") == "order.placed" && e.Value > 0);
        Assert.Contains(events, e => e.Label("event_name") == "payment.declined" && e.Value > 0);

        // Every label of every series the sample exposes: no customer id, no card number, not even as a label name.
        var series = await api.SeriesAsync("""{job="shop"}""");
        output.WriteLine($"{series.Count} series scraped from the sample");
        Assert.NotEmpty(series);
        foreach (var labels in series)
        {
            foreach (var (name, value) in labels)
            {
                Assert.DoesNotMatch("(?i)customer|card", name);
                Assert.DoesNotMatch(CustomerId(), value);
                Assert.DoesNotMatch(CardNumber(), value);
            }
        }
    }

    private async Task<IReadOnlyList<Sample>> QueryAsync(PrometheusApi api, string query)
    {
        var samples = await api.QueryAsync(query);
        output.WriteLine($"> {query}");
        foreach (var sample in samples.OrderBy(s => s.ToString(), StringComparer.Ordinal))
        {
            output.WriteLine(sample.ToString());
        }

        return samples;
    }

    private static double BucketBound(string le) => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, BackgroundProcess watched)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (watched.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not there after {timeout}{(watched.HasExited ? " (the process exited)" : "")}:\n{watched.Tail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<bool> IsOkAsync(HttpClient http, Uri address)
    {
        try
        {
            using var response = await http.GetAsync(address);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The simulator's customers are customer-00001 to customer-00399.
    [GeneratedRegex(@"customer-\d+")]
    private static partial Regex CustomerId();

    // Twelve to nineteen digits, grouped or not, standing alone (not inside a commit hash): a card number.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d[ -]?){11,18}\d(?![0-9A-Za-z])")]
    private static partial Regex CardNumber();
}
