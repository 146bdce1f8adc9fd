using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.Catalog.Tests.Prometheus;

/// <summary>
/// A real Prometheus on a loopback port that scrapes the given targets every second and evaluates the given rule
/// files every second, so that burn-rate alerts settle within seconds. Point it at any <c>/metrics</c> endpoint.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private PrometheusServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Http { get; } = new();

    /// <summary>Starts Prometheus and waits until it is ready.</summary>
    /// <param name="targets">Scrape targets as <c>host:port</c>; each is scraped at <c>/metrics</c>.</param>
    /// <param name="ruleFiles">Rule files to load.</param>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, IEnumerable<string> ruleFiles, CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("toolkit-prometheus-").FullName;
        var rules = ruleFiles.Select((file, i) =>
        {
            string copy = Path.Combine(directory, $"rules-{i}.yml");
            File.Copy(file, copy);
            return copy;
        }).ToArray();

        string config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $$"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
            {{string.Join("\n", rules.Select(r => "  - " + JsonSerializer.Serialize(r)))}}
            scrape_configs:
              - job_name: toolkit
                static_configs:
                  - targets: [{{string.Join(", ", targets.Select(t => JsonSerializer.Serialize(t)))}}]
            """);

        int port = FreePort();
        var info = new ProcessStartInfo(PrometheusTools.Prometheus) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("Prometheus exited at start:" + Environment.NewLine + server.Log);
            }

            try
            {
                using var response = await server.Http.GetAsync(new Uri(server.Address, "-/ready"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await server.DisposeAsync();
                throw new TimeoutException("Prometheus was not ready within 30 s:" + Environment.NewLine + server.Log);
            }

            await Task.Delay(200, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The alerts from <c>/api/v1/alerts</c>, each with its name and state (<c>pending</c> or <c>firing</c>).</summary>
    public async Task<IReadOnlyList<(string Name, string State)>> AlertsAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Address, "api/v1/alerts"), cancellationToken));
        return document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => (a.GetProperty("labels").GetProperty("alertname").GetString()!, a.GetProperty("state").GetString()!))
            .ToArray();
    }

    /// <summary>The rules as Prometheus loaded them, with their health (<c>ok</c>, or <c>err</c> with an error when evaluation fails).</summary>
    public async Task<IReadOnlyList<(string Name, string Health, string? Error)>> RulesAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Address, "api/v1/rules"), cancellationToken));
        return document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("health").GetString()!, r.TryGetProperty("lastError", out var e) ? e.GetString() : null))
            .ToArray();
    }

    /// <summary>Runs an instant query and returns the number of series in the result.</summary>
    public async Task<int> CountSeriesAsync(string query, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Address, "api/v1/query?query=" + Uri.EscapeDataString(query)), cancellationToken));
        return document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The TSDB may still be closing; the temporary directory is left behind.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
