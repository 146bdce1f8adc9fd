using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Toolkit.EndToEnd.Tests;

/// <summary>One series of an instant query: its labels and its value.</summary>
internal sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out string? value) ? value : "";

    public override string ToString() =>
        $"{Label("__name__")}{{{string.Join(", ", Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
}

/// <summary>The few calls of Prometheus' HTTP API the test needs.</summary>
internal sealed class PrometheusApi(HttpClient http, Uri address)
{
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await http.GetAsync(new Uri(address, "/-/ready")).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary><c>GET /api/v1/query</c>: the instant vector <paramref name="query"/> evaluates to now.</summary>
    public async Task<IReadOnlyList<Sample>> QueryAsync(string query)
    {
        using var document = await GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}").ConfigureAwait(false);
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => new Sample(
                Labels(series.GetProperty("metric")),
                double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary><c>GET /api/v1/series</c>: the label sets of every series <paramref name="match"/> selects.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match)
    {
        using var document = await GetAsync($"/api/v1/series?match[]={Uri.EscapeDataString(match)}").ConfigureAwait(false);
        return document.RootElement.GetProperty("data").EnumerateArray().Select(Labels).ToList();
    }

    private static Dictionary<string, string> Labels(JsonElement metric) =>
        metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private async Task<JsonDocument> GetAsync(string pathAndQuery)
    {
        using var response = await http.GetAsync(new Uri(address, pathAndQuery)).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{pathAndQuery}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }
}
