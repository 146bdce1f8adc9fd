using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;

namespace Toolkit.Tests.Prometheus;

/// <summary>Checks rule files and PromQL expressions with <c>promtool</c>.</summary>
internal static class Promtool
{
    // Grafana's variable for the range of rate(); promtool knows nothing of Grafana.
    private const string GrafanaRateInterval = "$__rate_interval";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>The line promtool prints for a file whose <paramref name="rules"/> rules all passed.</summary>
    public static string RulesFound(int rules) => $"SUCCESS: {rules} rules found";

    /// <summary>Runs <c>promtool check rules</c> on a file.</summary>
    public static async Task<ProcessResult> CheckRulesAsync(string path)
    {
        string promtool = Path.Combine(await PrometheusInstaller.DirectoryAsync().ConfigureAwait(false), "promtool");
        return await Command.RunAsync(promtool, ["check", "rules", path], Path.GetTempPath(), s_timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks PromQL expressions by writing each as a recording rule of a throwaway rule file; Grafana's
    /// <c>$__rate_interval</c> becomes the duration it stands for.
    /// </summary>
    public static async Task<ProcessResult> CheckQueriesAsync(IReadOnlyList<string> expressions)
    {
        var rules = new StringBuilder("groups:\n  - name: queries\n    rules:\n");
        for (int i = 0; i < expressions.Count; i++)
        {
            string expression = expressions[i].Replace(GrafanaRateInterval, "5m", StringComparison.Ordinal);
            rules.Append(CultureInfo.InvariantCulture, $"      - record: query:{i}\n        expr: {JsonSerializer.Serialize(expression)}\n");
        }

        string directory = Directory.CreateTempSubdirectory("toolkit-promql-").FullName;
        try
        {
            string path = Path.Combine(directory, "queries.yml");
            await File.WriteAllTextAsync(path, rules.ToString()).ConfigureAwait(false);
            return await CheckRulesAsync(path).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
