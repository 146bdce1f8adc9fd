using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Toolkit.Tests.Files;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The path docs/getting-started.md walks a newcomer through, step by step: a new console app, the package from a
/// feed, an annotated partial method, a build with warnings as errors that also writes the telemetry catalog,
/// dashboard and alerting rules, a run that prints spans, metrics and events.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NewcomerTests(PackedToolkit packed)
{
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task New_console_app_with_the_package_builds_warning_free_and_emits_telemetry()
    {
        using var work = new TempDirectory("toolkit-newcomer");
        string app = work.PathOf("Hello");
        Directory.CreateDirectory(app);

        // A package folder of its own: nothing cached by other builds on this machine can take part.
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = work.PathOf("packages") };

        await DotNet.RunAsync(app, environment, s_stepTimeout, "new", "console");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), NuGetConfig(packed.Feed));
        await DotNet.RunAsync(app, environment, s_stepTimeout, "add", "package", "Toolkit", "--version", packed.Version);
        await DotNet.RunAsync(app, environment, s_stepTimeout, "add", "package", "OpenTelemetry.Exporter.Console");
        foreach (string file in new[] { "Greeter.cs", "Program.cs" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Newcomer", file), Path.Combine(app, file), overwrite: true);
        }

        // The one property that turns on the catalog, dashboard and rules; the tool comes in the package.
        string project = Path.Combine(app, "Hello.csproj");
        var csproj = XDocument.Load(project);
        csproj.Root!.Add(new XElement("PropertyGroup", new XElement("ToolkitTelemetryArtifacts", "true")));
        csproj.Save(project);

        await DotNet.RunAsync(app, environment, s_stepTimeout, "build", "-warnaserror");

        string telemetry = Path.Combine(app, "bin", "Debug", "net10.0", "telemetry");
        foreach (string artifact in new[] { "Hello.telemetry.md", "Hello.dashboard.json", "Hello.rules.yml" })
        {
            Assert.True(File.Exists(Path.Combine(telemetry, artifact)), $"The build did not write {artifact}");
        }

        await PromtoolAssert.RulesPassAsync(Path.Combine(telemetry, "Hello.rules.yml"), 4);
        var run = await DotNet.RunAsync(app, environment, s_stepTimeout, "run");
        string output = run.Output;

        // What the program printed itself, then what the console exporters printed.
        Assert.Contains("Bonjour", output, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(output, @"Activity\.DisplayName:\s+Greeter\.Greet\r?\n"));
        Assert.Matches(@"greeting\.language: French", output);
        Assert.Matches(@"Metric Name: method\.duration, .*Unit: s, Metric Type: Histogram", output);
        Assert.Matches(@"Metric Name: method\.calls, ", output);
        Assert.Matches(@"Metric Name: business\.events, ", output);
        Assert.Matches(@"code\.function\.name: Hello\.Greeter\.Greet greeting\.language: English", output);
        Assert.Matches(@"LogRecord\.EventName:\s+greeting\.sent", output);

        // The user id reaches the log record and the span event only as its 8-hex hash.
        Assert.Matches(@"userId: [0-9a-f]{8}\r?\n", output);
        Assert.DoesNotContain("user-4242", output, StringComparison.Ordinal);
    }

    // The local feed beside the sources the machine already has (nuget.org or its mirror).
    private static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="toolkit-local" value="{feed}" />
          </packageSources>
        </configuration>
        """;
}
