using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.Catalog.Tests.Prometheus;

/// <summary>
/// Finds <c>promtool</c> and <c>prometheus</c>, installing Debian's <c>prometheus</c> package when they are missing
/// and the tests run as root (as in CI), so <c>dotnet test</c> passes on a machine that has only the .NET SDK.
/// </summary>
internal static class PrometheusTools
{
    private static readonly Lazy<string> s_directory = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Promtool => Path.Combine(s_directory.Value, "promtool");

    public static string Prometheus => Path.Combine(s_directory.Value, "prometheus");

    /// <summary>Runs <c>promtool check rules</c> on a file; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) CheckRules(string path) => Run(Promtool, "check", "rules", path);

    /// <summary>
    /// Checks PromQL expressions with <c>promtool</c> by writing each as a recording rule of a throwaway rule file;
    /// Grafana's <c>$__rate_interval</c> becomes the duration it stands for.
    /// </summary>
    public static (int ExitCode, string Output) CheckQueries(IReadOnlyList<string> expressions)
    {
        var rules = new StringBuilder("groups:\n  - name: queries\n    rules:\n");
        for (int i = 0; i < expressions.Count; i++)
        {
            string expression = expressions[i].Replace(DashboardWriter.RateInterval, "5m", StringComparison.Ordinal);
            rules.Append(CultureInfo.InvariantCulture, $"      - record: query:{i}\n        expr: {JsonSerializer.Serialize(expression)}\n");
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory("toolkit-promql-").FullName, "queries.yml");
        File.WriteAllText(path, rules.ToString());
        return CheckRules(path);
    }

    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Locate()
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                "promtool and prometheus are needed by these tests and were not found on PATH. Install them " +
                "(Debian/Ubuntu: sudo apt-get install -y --no-install-recommends prometheus) or run the tests as root to install them automatically.");
        }

        // Another install may hold the dpkg lock for a while; retry rather than fail.
        string log = "";
        for (int attempt = 0; attempt < 20 && Find() is null; attempt++)
        {
            var (updateCode, update) = Run("/usr/bin/apt-get", "update");
            var (code, install) = updateCode == 0
                ? Run("/usr/bin/apt-get", "install", "-y", "--no-install-recommends", "prometheus")
                : (updateCode, "");
            log = update + install;
            if (code == 0)
            {
                break;
            }

            Task.Delay(TimeSpan.FromSeconds(15)).Wait();
        }

        return Find() ?? throw new InvalidOperationException("Installing Debian's prometheus package failed:" + Environment.NewLine + log);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/bin")
            .FirstOrDefault(directory => directory.Length > 0
                && File.Exists(Path.Combine(directory, "promtool"))
                && File.Exists(Path.Combine(directory, "prometheus")));
}
