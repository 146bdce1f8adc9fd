using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using Toolkit.Catalog.Manifest;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>The QuickStart sample's build leaves its catalog, dashboard and rules next to its output, current and valid.</summary>
public sealed class SampleArtifactsTests
{
    private static readonly string s_output = typeof(SampleArtifactsTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "QuickStartOutput").Value!;

    private static string Artifact(string name) => Path.Combine(s_output, "telemetry", "QuickStart." + name);

    [Fact]
    public void The_build_wrote_the_three_artifacts_from_the_current_assembly()
    {
        var manifest = ManifestReader.Read(Path.Combine(s_output, "QuickStart.dll"));

        foreach (var artifact in Artifacts.For(manifest))
        {
            string path = Path.Combine(s_output, "telemetry", artifact.FileName);
            Assert.True(File.Exists(path), $"{path} was not written by the build");
            Assert.Equal(artifact.Content.ReplaceLineEndings("\n"), File.ReadAllText(path));
        }
    }

    [Fact]
    public void The_sample_rules_pass_promtool()
    {
        var (exitCode, output) = Prometheus.PrometheusTools.CheckRules(Artifact("rules.yml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 6 rules found", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_dashboard_queries_pass_promtool()
    {
        var expressions = JsonNode.Parse(File.ReadAllText(Artifact("dashboard.json")))!["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]?.AsArray() ?? [])
            .Select(target => (string)target!["expr"]!)
            .ToArray();
        var (exitCode, output) = Prometheus.PrometheusTools.CheckQueries(expressions);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"SUCCESS: {expressions.Length} rules found", output, System.StringComparison.Ordinal);
    }
}
