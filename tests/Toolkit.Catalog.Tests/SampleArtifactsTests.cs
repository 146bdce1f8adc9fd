using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Toolkit.Catalog.Manifest;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>The samples' builds leave their catalog, dashboard and rules next to their output, current and valid.</summary>
public sealed class SampleArtifactsTests
{
    private static string Output(string sample) => typeof(SampleArtifactsTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == sample + "Output").Value!;

    private static string Artifact(string sample, string name) => Path.Combine(Output(sample), "telemetry", sample + "." + name);

    private static TelemetryManifest Manifest(string sample) => ManifestReader.Read(Path.Combine(Output(sample), sample + ".dll"));

    [Theory]
    [InlineData("QuickStart")]
    [InlineData("Shop")]
    public void The_build_wrote_the_three_artifacts_from_the_current_assembly(string sample)
    {
        var artifacts = Artifacts.For(Manifest(sample)).ToList();

        Assert.Equal(3, artifacts.Count);
        foreach (var artifact in artifacts)
        {
            string path = Path.Combine(Output(sample), "telemetry", artifact.FileName);
            Assert.True(File.Exists(path), $"{path} was not written by the build");
            Assert.Equal(artifact.Content.ReplaceLineEndings("\n"), File.ReadAllText(path));
        }
    }

    [Theory]
    [InlineData("QuickStart", 6)]
    [InlineData("Shop", 9)]
    public async Task The_sample_rules_pass_promtool(string sample, int rules)
    {
        Assert.Equal(rules, AlertRulesWriter.Rules(Manifest(sample)).Count);

        await PromtoolAssert.RulesPassAsync(Artifact(sample, "rules.yml"), rules);
    }

    [Theory]
    [InlineData("QuickStart")]
    [InlineData("Shop")]
    public async Task The_sample_dashboard_queries_pass_promtool(string sample)
    {
        var expressions = DashboardTests.Queries(JsonNode.Parse(File.ReadAllText(Artifact(sample, "dashboard.json")))!);

        Assert.NotEmpty(expressions);
        await PromtoolAssert.QueriesPassAsync(expressions);
    }
}
