using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;

namespace Toolkit.Tests.Prometheus;

/// <summary>
/// A real Prometheus on a free loopback port with its own temporary storage, scraping the given targets and
/// evaluating the given rule files. Disposing kills it and deletes its storage.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly BackgroundProcess _process;
    private readonly DirectoryInfo _directory;
    private readonly HttpClient _http;

    private PrometheusServer(BackgroundProcess process, DirectoryInfo directory, HttpClient http, Uri address)
    {
        _process = process;
        _directory = directory;
        _http = http;
        Address = address;
        Api = new PrometheusApi(http, address);
    }

    public Uri Address { get; }

    public PrometheusApi Api { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The command line and the last lines the server printed, for a failure message.</summary>
    public string Log => _process.Tail;

    /// <summary>Starts Prometheus, installing it first if needed, and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(PrometheusServerOptions options, CancellationToken cancellationToken = default)
    {
        string prometheus = Path.Combine(await PrometheusInstaller.DirectoryAsync().ConfigureAwait(false), "prometheus");
        var directory = Directory.CreateTempSubdirectory("toolkit-prometheus-");
        string config = Path.Combine(directory.FullName, "prometheus.yml");
        string interval = Duration(options.Interval);
        await File.WriteAllTextAsync(config, $$"""
            global:
              scrape_interval: {{interval}}
              evaluation_interval: {{interval}}
            rule_files:
            {{string.Join("\n", options.RuleFiles.Select(file => "  - " + JsonSerializer.Serialize(file)))}}
            scrape_configs:
              - job_name: {{JsonSerializer.Serialize(options.Job)}}
                static_configs:
                  - targets: [{{string.Join(", ", options.Targets.Select(target => JsonSerializer.Serialize(target)))}}]
            """, cancellationToken).ConfigureAwait(false);

        // timeout(1) bounds the server's life even if this process dies before disposing it.
        int port = LoopbackPort.Free();
        var process = BackgroundProcess.Start(
            "timeout",
            ["--kill-after=10", Duration(options.Lifetime), prometheus,
             $"--config.file={config}",
             $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
             $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"],
            directory.FullName);
        var server = new PrometheusServer(process, directory, new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, new Uri($"http://127.0.0.1:{port}"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            while (!await server.Api.IsReadyAsync(timeout.Token).ConfigureAwait(false))
            {
                if (server.HasExited)
                {
                    throw new InvalidOperationException($"Prometheus exited at start:\n{server.Log}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token).ConfigureAwait(false);
            }

            return server;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"Prometheus was not ready within {options.StartTimeout}:\n{server.Log}");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file the killed server had not quite let go of; the system cleans its temp folder eventually.
        }
    }

    // Whole seconds, as both Prometheus and timeout(1) read them: "1s", "600s".
    private static string Duration(TimeSpan span) => ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
}
