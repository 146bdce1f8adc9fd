using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Orders;

namespace Shop.Simulation;

/// <summary>
/// Sends the service orders over HTTP, as shoppers would: a few hundred returning customers, mostly good cards,
/// one test card that is always declined, a limited edition that sells out, now and then an invalid request.
/// </summary>
internal sealed partial class TrafficSimulator(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<SimulationOptions> options,
    ILogger<TrafficSimulator> logger) : BackgroundService
{
    private const int MaxPending = 64;

    private static readonly string[] s_cards =
    [
        "4111 1111 1111 1111",
        "5500 0000 0000 0004",
        "3782 822463 10005",
        "4000 0000 0000 0002",
    ];

    private const string LimitedEdition = "LE-999";

    private static readonly string[] s_skus = [.. Catalog.Prices.Keys.Where(sku => sku != LimitedEdition)];

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private int _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        if (settings.DurationSeconds > 0)
        {
            _ = StopAfterAsync(TimeSpan.FromSeconds(settings.DurationSeconds), stoppingToken);
        }

        if (!settings.Enabled || settings.RequestsPerSecond <= 0)
        {
            return;
        }

        // The server stops listening before hosted services are stopped: stop sending as soon as shutdown begins.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;

        using var client = new HttpClient { BaseAddress = LocalAddress(), Timeout = TimeSpan.FromSeconds(10) };
        LogSimulating(logger, settings.RequestsPerSecond, client.BaseAddress);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / settings.RequestsPerSecond));
        long tick = 0;
        try
        {
            await WaitUntilReadyAsync(client, stoppingToken).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Fire and forget, bounded: slow answers overlap the way concurrent shoppers' do.
                if (Volatile.Read(ref _pending) < MaxPending)
                {
                    Interlocked.Increment(ref _pending);
                    _ = SendAsync(client, NextRequest(), stoppingToken);
                }

                // Every 20 seconds two more of the limited edition: about what sells at the default rate, so it runs out now and then.
                if (++tick % Math.Max(1, (long)(settings.RequestsPerSecond * 20)) == 0)
                {
                    await RestockAsync(client, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StopAfterAsync(TimeSpan duration, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(duration, stoppingToken).ConfigureAwait(false);
            LogStopping(logger, duration.TotalSeconds);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The first address the server listens on, with a wildcard host made concrete.
    private Uri LocalAddress()
    {
        string address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reports no address to send orders to.");
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), stoppingToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
        }
    }

#pragma warning disable CA5394 // Simulated shoppers; nothing here is security-sensitive.
    private static OrderRequest NextRequest()
    {
        var random = Random.Shared;
        var regions = Enum.GetValues<Region>();
        string customer = $"customer-{random.Next(1, 400):D5}";
        string card = random.NextDouble() < 0.06 ? s_cards[^1] : s_cards[random.Next(s_cards.Length - 1)];
        string sku = random.NextDouble() < 0.03 ? LimitedEdition : s_skus[random.Next(s_skus.Length)];
        int quantity = random.NextDouble() < 0.02 ? 0 : 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 4);
        return new OrderRequest(regions[random.Next(regions.Length)], customer, card, sku, quantity);
    }
#pragma warning restore CA5394

    private async Task SendAsync(HttpClient client, OrderRequest request, CancellationToken stoppingToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri("/orders", UriKind.Relative), request, s_json, stoppingToken).ConfigureAwait(false);
            LogOrderAnswered(logger, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (HttpRequestException e)
        {
            LogOrderFailed(logger, e.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task RestockAsync(HttpClient client, CancellationToken stoppingToken)
    {
        try
        {
            using var response = await client.PostAsync(new Uri($"/inventory/{LimitedEdition}/restock?quantity=2", UriKind.Relative), content: null, stoppingToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            LogOrderFailed(logger, e.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Simulating {Rate} orders per second against {Address}")]
    private static partial void LogSimulating(ILogger logger, double rate, Uri address);

    [LoggerMessage(2, LogLevel.Debug, "Order answered {StatusCode}")]
    private static partial void LogOrderAnswered(ILogger logger, int statusCode);

    [LoggerMessage(3, LogLevel.Warning, "Order request failed: {Message}")]
    private static partial void LogOrderFailed(ILogger logger, string message);

    [LoggerMessage(4, LogLevel.Information, "Stopping after {Seconds} seconds, as --duration asked")]
    private static partial void LogStopping(ILogger logger, double seconds);
}
