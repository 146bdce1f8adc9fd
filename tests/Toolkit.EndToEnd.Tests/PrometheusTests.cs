using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;
using Toolkit.Tests.Prometheus;
using Xunit;
using Xunit.Abstractions;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The Shop sample under its own simulated traffic, scraped by a real Prometheus server on loopback: the generated
/// instruments arrive under the names the OpenTelemetry Prometheus exporter gives them, with the labels dashboards
/// group by, and no label carries a customer id or a card number. The alerting rules the sample's build generated
/// from its <c>[Slo]</c>s are loaded as they ship: the objective the traffic breaks alerts, the ones it keeps do not.
/// </summary>
public sealed partial class PrometheusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_scrapeTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_alertTimeout = TimeSpan.FromSeconds(120);

    // Enough orders in Prometheus' windows that a 2% share of timeouts can no longer look like a 5% one.
    private const int JudgedOrders = 300;

    // Declines, sell-outs and timeouts fail about a tenth of the orders (8-11% of those a run of this length counts, as
    // rate() drops each new series' first increment): the 0.5% error objective burns at over 6x, whose threshold is 3%.
    private static readonly string[] s_mustFire = ["OrderServicePlaceOrderAsyncErrorBudgetBurn", "OrderServicePlaceOrderAsyncErrorBudgetBurnSlow"];

    // Only timeouts, about 2% of calls, miss these objectives, whose budgets are 5%.
    private static readonly string[] s_mustStayQuiet =
    [
        "OrderServicePlaceOrderAsyncLatencyP95BudgetBurn",
        "OrderServicePlaceOrderAsyncLatencyP95BudgetBurnSlow",
        "PaymentGatewayAuthorizeAsyncErrorBudgetBurn",
        "PaymentGatewayAuthorizeAsyncErrorBudgetBurnSlow",
        "PaymentGatewayAuthorizeAsyncLatencyP95BudgetBurn",
        "PaymentGatewayAuthorizeAsyncLatencyP95BudgetBurnSlow",
    ];

    // From [Gauge(AlertBelow = 10)] on the stock per product group: the limited editions start at 5 and sell out.
    private const string LowStock = "ShopInventoryStockLow";

    [Fact]
    public async Task Prometheus_scrapes_the_generated_metrics_without_personal_data_and_fires_the_generated_alerts()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        int shopPort = LoopbackPort.Free();

        // The sample as built with these tests; --duration bounds it even if this process dies before disposing it.
        string shopDirectory = Repository.PathOf("samples", "Shop", "bin", Repository.Configuration, "net10.0");
        await using var shop = BackgroundProcess.Start(
            DotNet.Executable,
            [Path.Combine(shopDirectory, "Shop.dll"), "--urls", $"http://127.0.0.1:{shopPort}", "--rate", "10", "--duration", "300"],
            shopDirectory,
            new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Warning" });
        await WaitUntilAsync(() => IsOkAsync(http, new Uri($"http://127.0.0.1:{shopPort}/health/ready")), s_startTimeout, shop);

        // The rules exactly as the build wrote them. Evaluated every second rather than every minute, so a burn-rate
        // alert (no 'for:') settles in seconds; the windows stay as shipped, rate() reads what the run has so far.
        string rules = Path.Combine(shopDirectory, "telemetry", "Shop.rules.yml");
        Assert.True(File.Exists(rules), $"The sample's build did not write {rules}");
        await using var server = await PrometheusServer.StartAsync(new()
        {
            Job = "shop",
            Targets = [$"127.0.0.1:{shopPort}"],
            RuleFiles = [rules],
            Interval = TimeSpan.FromSeconds(1),
            StartTimeout = s_startTimeout,
            Lifetime = TimeSpan.FromMinutes(10),
        });
        var api = server.Api;

        // Enough scrapes for every outcome the traffic produces: placed, declined, timed out.
        await WaitUntilAsync(
            async () => (await api.QueryAsync("""method_calls_total{job="shop",code_function_name="Shop.Orders.OrderService.PlaceOrderAsync",error_type="Shop.Payments.PaymentDeclinedException"}""")).Count > 0
                && (await api.QueryAsync("""business_events_total{job="shop",event_name="payment.declined"}""")).Count > 0,
            s_scrapeTimeout,
            shop);

        // [Timed]: a histogram in seconds, the bucket advice as le, the method and its [Tag] as labels.
        var buckets = await api.QueryAsync("""method_duration_seconds_bucket{job="shop",code_function_name="Shop.Orders.OrderService.PlaceOrderAsync",error_type=""}""");
        await QueryAsync(api, """sum by (code_function_name, le) (method_duration_seconds_bucket{job="shop",code_function_name="Shop.Orders.OrderService.PlaceOrderAsync"})""");
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Equal("Shop", b.Label("otel_scope_name")));
        Assert.Equal(
            ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf"],
            buckets.Where(b => b.Label("shop_region") == buckets[0].Label("shop_region")).Select(b => b.Label("le")).OrderBy(BucketBound));
        Assert.Equal(
            ["AsiaPacific", "Europe", "NorthAmerica", "SouthAmerica"],
            buckets.Select(b => b.Label("shop_region")).Distinct().Order(StringComparer.Ordinal));
        var durations = await QueryAsync(api, """sum by (code_function_name) (method_duration_seconds_count{job="shop"})""");
        Assert.Contains(durations, d => d.Label("code_function_name") == "Shop.Payments.PaymentGateway.AuthorizeAsync" && d.Value > 0);

        // [Counted]: one counter for all methods, failures told apart by error.type.
        var calls = await QueryAsync(api, """sum by (code_function_name, error_type) (method_calls_total{job="shop"})""");
        foreach (string method in new[] { "Shop.Orders.OrderService.PlaceOrderAsync", "Shop.Payments.PaymentService.ChargeAsync", "Shop.Payments.PaymentGateway.AuthorizeAsync", "Shop.Inventory.InventoryService.Reserve" })
        {
            Assert.Contains(calls, c => c.Label("code_function_name") == method && c.Label("error_type") == "" && c.Value > 0);
        }

        Assert.Contains(calls, c => c.Label("code_function_name") == "Shop.Orders.OrderService.PlaceOrderAsync" && c.Label("error_type") == "Shop.Payments.PaymentDeclinedException");

        // [InFlight]: a gauge of calls in progress.
        Assert.NotEmpty(await QueryAsync(api, """method_active{job="shop",code_function_name="Shop.Payments.PaymentGateway.AuthorizeAsync"}"""));

        // [BusinessEvent]: one counter, the event's name as a label.
        var events = await QueryAsync(api, """business_events_total{job="shop"}""");
        Assert.Contains(events, e => e.Label("event_name") == "order.placed" && e.Value > 0);
        Assert.Contains(events, e => e.Label("event_name") == "payment.declined" && e.Value > 0);

        // [Measure]: order amounts as a histogram with their bucket advice, revenue as a counter, both per successful charge.
        var amounts = await QueryAsync(api, """shop_order_amount_bucket{job="shop",code_function_name="Shop.Payments.PaymentService.ChargeAsync"}""");
        Assert.Equal(
            ["10.0", "25.0", "50.0", "100.0", "250.0", "500.0", "1000.0", "2500.0", "5000.0", "+Inf"],
            amounts.Select(b => b.Label("le")).OrderBy(BucketBound));
        var revenue = Assert.Single(await QueryAsync(api, """shop_revenue_total{job="shop",code_function_name="Shop.Payments.PaymentService.ChargeAsync"}"""));
        var amountSum = Assert.Single(await QueryAsync(api, """shop_order_amount_sum{job="shop",code_function_name="Shop.Payments.PaymentService.ChargeAsync"}"""));
        Assert.True(revenue.Value > 0);
        Assert.True(amountSum.Value > 0);

        // [Gauge]: the stock of each product group (a tracked instance per group), and the open orders of the service.
        var stock = await QueryAsync(api, """shop_inventory_stock{job="shop"}""");
        Assert.Equal(
            ["Cables", "Headsets", "Keyboards", "LimitedEditions", "Mice", "Monitors"],
            stock.Select(s => s.Label("shop_product_group")).Order(StringComparer.Ordinal));
        Assert.Contains(stock, s => s.Label("shop_product_group") == "Cables" && s.Value is > 0 and <= 1000);
        Assert.Single(await QueryAsync(api, """shop_orders_open{job="shop"}"""));

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

        await AssertAlertsAsync(api, await File.ReadAllTextAsync(rules), shop);
    }

    private async Task AssertAlertsAsync(PrometheusApi api, string rules, BackgroundProcess shop)
    {
        // Every series the rules select exists, so a quiet rule is quiet on data, not for want of it (a bucket bound
        // written 1 where Prometheus stores 1.0 would select nothing, and its alert could never fire).
        string[] selectors = [.. RuleSelector().Matches(rules).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
        Assert.NotEmpty(selectors);
        string orders = """sum(increase(method_calls_total{job="shop",code_function_name="Shop.Orders.OrderService.PlaceOrderAsync"}[1h]))""";
        IReadOnlyList<Alert> alerts = [];
        await WaitUntilAsync(
            async () =>
            {
                alerts = await api.AlertsAsync();
                if (!s_mustFire.All(name => alerts.Any(a => a.Name == name && a.State == "firing"))
                    || (await api.QueryAsync(orders)).SingleOrDefault()?.Value is not >= JudgedOrders)
                {
                    return false;
                }

                foreach (string selector in selectors)
                {
                    if ((await api.QueryAsync(selector)).Count == 0)
                    {
                        return false;
                    }
                }

                return true;
            },
            s_alertTimeout,
            shop,
            () => $"firing: {string.Join(", ", alerts)}; selectors: {string.Join(", ", selectors)}");

        // A few more evaluations over the same traffic.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await QueryAsync(api, orders);
        var lowest = await QueryAsync(api, """min(shop_inventory_stock{job="shop"})""");
        alerts = await api.AlertsAsync();
        var loaded = await api.RulesAsync();
        output.WriteLine("> /api/v1/alerts");
        foreach (var alert in alerts)
        {
            output.WriteLine($"{alert.Name} {alert.State} {alert.Value}");
        }

        output.WriteLine("> /api/v1/rules");
        foreach (var rule in loaded)
        {
            output.WriteLine($"{rule.Name} {rule.State} health={rule.Health}{(rule.LastError is { Length: > 0 } e ? " " + e : "")}");
        }

        Assert.Equal(
            [.. s_mustFire, .. s_mustStayQuiet, LowStock],
            RuleName().Matches(rules).Select(m => m.Groups[1].Value));
        Assert.Equal(RuleName().Matches(rules).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal), loaded.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(loaded, rule => Assert.True(rule.Health == "ok", $"{rule.Name}: {rule.Health} {rule.LastError}"));
        Assert.All(s_mustFire, name => Assert.Contains(alerts, a => a.Name == name && a.State == "firing"));
        Assert.DoesNotContain(alerts, a => s_mustStayQuiet.Contains(a.Name));
        Assert.All(loaded.Where(r => s_mustStayQuiet.Contains(r.Name)), rule => Assert.Equal("inactive", rule.State));

        // The gauge's threshold: some group under 10 items, so its rule is active (pending for its first ten minutes).
        Assert.True(Assert.Single(lowest).Value < 10, "No product group ran low; the simulator's limited editions should");
        Assert.Contains(alerts, a => a.Name == LowStock && a.State is "pending" or "firing");
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

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, BackgroundProcess watched, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (watched.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not there after {timeout}{(watched.HasExited ? " (the process exited)" : "")}: {state?.Invoke()}\n{watched.Tail}");
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

    // A series selector inside a range query of an alert expression: metric{labels}[window].
    [GeneratedRegex(@"([a-z_:]+\{[^}]*\})\[")]
    private static partial Regex RuleSelector();

    [GeneratedRegex(@"^\s*- alert: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RuleName();

    // The simulator's customers are customer-00001 to customer-00399.
    [GeneratedRegex(@"customer-\d+")]
    private static partial Regex CustomerId();

    // Twelve to nineteen digits, grouped or not, standing alone (not inside a commit hash): a card number.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d[ -]?){11,18}\d(?![0-9A-Za-z])")]
    private static partial Regex CardNumber();
}
