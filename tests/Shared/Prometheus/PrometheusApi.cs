using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.Tests.Prometheus;

/// <summary>The few calls of Prometheus' HTTP API the tests need.</summary>
internal sealed class PrometheusApi(HttpClient http, Uri address)
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(address, "/-/ready"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary><c>GET /api/v1/query</c>: the instant vector <paramref name="query"/> evaluates to now.</summary>
    public async Task<IReadOnlyList<Sample>> QueryAsync(string query, CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}", cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => new Sample(
                Labels(series.GetProperty("metric")),
                double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary><c>GET /api/v1/series</c>: the label sets of every series <paramref name="match"/> selects.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match, CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync($"/api/v1/series?match[]={Uri.EscapeDataString(match)}", cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("data").EnumerateArray().Select(Labels).ToList();
    }

    /// <summary><c>GET /api/v1/alerts</c>: the alerts now pending or firing.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync("/api/v1/alerts", cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(alert => new Alert(
                alert.GetProperty("labels").GetProperty("alertname").GetString()!,
                alert.GetProperty("state").GetString()!,
                alert.GetProperty("value").GetString()!))
            .ToList();
    }

    /// <summary><c>GET /api/v1/rules</c>: every loaded rule, its state and whether it evaluates without error.</summary>
    public async Task<IReadOnlyList<Rule>> RulesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync("/api/v1/rules", cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray())
            .Select(rule => new Rule(
                rule.GetProperty("name").GetString()!,
                rule.TryGetProperty("state", out var state) ? state.GetString()! : "",
                rule.GetProperty("health").GetString()!,
                rule.TryGetProperty("lastError", out var error) ? error.GetString() : null))
            .ToList();
    }

    private static Dictionary<string, string> Labels(JsonElement metric) =>
        metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(address, pathAndQuery), cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{pathAndQuery}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }
}
