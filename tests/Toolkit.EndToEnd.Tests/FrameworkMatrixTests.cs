using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// Every .NET a team runs, from the packed package: a library using every attribute builds warning-free at C# 9 for
/// netstandard2.0, net8.0, net9.0, net10.0 and net48, an unsupported framework fails restore with NU1202, and the same
/// calls record the same spans, measurements and events on .NET 8, on .NET 10 from the netstandard2.0 build, and
/// under NativeAOT. Builds are shared between cases; the slow ones publish one small app each.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class FrameworkMatrixTests(PackedToolkit packed, MatrixWorkspace workspace) : IClassFixture<MatrixWorkspace>
{
    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net8.0")]
    [InlineData("net9.0")]
    [InlineData("net10.0")]
    [InlineData("net48")]
    public async Task Library_using_every_attribute_builds_warning_free_at_CSharp_9(string framework)
    {
        var build = await workspace.LibraryBuildAsync(packed);

        Assert.True(File.Exists(workspace.PathOf("Library", "bin", "Debug", framework, "Library.dll")), build.ToString());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);

        // The package's build targets, under build/netstandard2.0/, reach every framework and find the tool.
        foreach (string artifact in new[] { "telemetry.md", "dashboard.json", "rules.yml" })
        {
            Assert.True(File.Exists(workspace.PathOf("Library", "bin", "Debug", framework, "telemetry", $"Matrix.Orders.{artifact}")), build.ToString());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("-p:ToolkitReadyToRun=false")]
    [InlineData("-p:DesignTimeBuild=true")]
    public async Task Compiler_gets_the_ReadyToRun_images_on_their_platform_unless_turned_off_or_in_the_IDE(string? property)
    {
        // Images for the platforms the package lists; any other host, a project that turns them off and the IDE's
        // design-time builds keep the IL.
        string[] platforms = ["linux-x64", "linux-arm64", "osx-x64", "osx-arm64"];
        string folder = property is null && platforms.Contains(RuntimeInformation.RuntimeIdentifier)
            ? $"tools/r2r/{RuntimeInformation.RuntimeIdentifier}/"
            : "analyzers/dotnet/cs/";
        await workspace.LibraryBuildAsync(packed);

        var items = await workspace.RunAsync(
            packed,
            "Library",
            ["msbuild", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-p:TargetFramework=net10.0", .. property is null ? Array.Empty<string>() : [property]]);
        string[] analyzers =
        [
            .. JsonDocument.Parse(items.Output).RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
                .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
                .Where(path => path.Contains($"/toolkit/{packed.Version}/", StringComparison.OrdinalIgnoreCase)),
        ];

        // The code fixes stay IL: only the IDE loads them, and it keeps every component IL.
        Assert.Equal(3, analyzers.Length);
        Assert.Single(analyzers, path => path.EndsWith("/analyzers/dotnet/cs/Toolkit.Analyzers.CodeFixes.dll", StringComparison.Ordinal));
        Assert.Single(analyzers, path => path.EndsWith(folder + "Toolkit.Generators.dll", StringComparison.Ordinal));
        Assert.Single(analyzers, path => path.EndsWith(folder + "Toolkit.Analyzers.dll", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("net45")]
    [InlineData("netstandard1.6")]
    public async Task Unsupported_framework_fails_restore_with_NU1202(string framework)
    {
        // Restore needs no reference assemblies, and the package feed has none for net45.
        var restore = await workspace.TryRunAsync(packed, "Library", "restore", $"-p:TargetFrameworks={framework}", "-p:AutomaticallyUseReferenceAssemblyPackages=false");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains($"NU1202: Package Toolkit {packed.Version} is not compatible with {framework} (", restore.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_8_app_published_self_contained_records_what_dotnet_10_records()
    {
        string baseline = await workspace.BaselineAsync(packed);
        string output = workspace.PathOf("publish-net8");

        // The .NET 8 runtime pack from the package feed, whatever runtimes the machine has installed.
        await workspace.RunAsync(packed, "App", "publish", "-p:AppFramework=net8.0", "-r", "linux-x64", "--self-contained", "-o", output);
        var run = await Command(Path.Combine(output, "App"));

        Assert.StartsWith("runtime: .NET 8.0.", MatrixWorkspace.Runtime(run), StringComparison.Ordinal);
        Assert.EndsWith("library: .NETCoreApp,Version=v8.0", MatrixWorkspace.Runtime(run), StringComparison.Ordinal);
        AssertSameTelemetry(baseline, run);
    }

    [Fact]
    public async Task Dotnet_10_app_loading_the_netstandard20_library_records_the_same()
    {
        string baseline = await workspace.BaselineAsync(packed);

        var run = await workspace.RunAsync(packed, "App", "run", "-p:LibraryFramework=netstandard2.0");

        Assert.Equal("runtime: .NET 10.0", MatrixWorkspace.Runtime(run.Output)[..18]);
        Assert.EndsWith("library: .NETStandard,Version=v2.0", MatrixWorkspace.Runtime(run.Output), StringComparison.Ordinal);
        Assert.EndsWith("library: .NETCoreApp,Version=v10.0", MatrixWorkspace.Runtime(baseline), StringComparison.Ordinal);
        AssertSameTelemetry(baseline, run.Output);
    }

    [Theory]
    [InlineData(9, "netstandard2.0")]
    [InlineData(12, "net8.0")]
    public async Task Generator_runs_under_the_dotnet_9_era_compiler(int languageVersion, string framework)
    {
        // A folder of its own: the compiler package changes what the library restores.
        string folder = "OldCompiler";
        if (!Directory.Exists(workspace.PathOf(folder)))
        {
            CopyDirectory(workspace.PathOf("Library"), workspace.PathOf(folder));
        }

        var build = await workspace.RunAsync(
            packed,
            folder,
            "build",
            "-f", framework,
            "-p:CompilerToolset=4.14.0",
            "-p:RoslynCompilerType=Custom",
            $"-p:LangVersion={languageVersion}",
            "-v:n");

        // The compiler that ran is the package's, not the SDK's.
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/", build.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(workspace.PathOf(folder, "bin", "Debug", framework, "Library.dll")), build.ToString());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeAot_publish_has_no_warnings_and_records_what_the_jit_records()
    {
        string baseline = await workspace.BaselineAsync(packed);
        await NativeToolchain.EnsureAsync();
        string output = workspace.PathOf("publish-aot");

        var publish = await workspace.RunAsync(packed, "App", "publish", "-p:NativeAot=true", "-r", "linux-x64", "-o", output);
        var run = await Command(Path.Combine(output, "App"));

        Assert.DoesNotContain(": warning ", publish.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "App.dll")), "The publish was not ahead-of-time compiled.");
        Assert.Equal(MatrixWorkspace.Runtime(baseline), MatrixWorkspace.Runtime(run));
        AssertSameTelemetry(baseline, run);
    }

    private static void AssertSameTelemetry(string expected, string actual)
    {
        string[] lines = MatrixWorkspace.Telemetry(expected);

        // The baseline itself covers every signal: spans, measurements, event records, results.
        foreach (string kind in new[] { "span ", "measurement ", "log ", "result " })
        {
            Assert.Contains(lines, line => line.StartsWith(kind, StringComparison.Ordinal));
        }

        Assert.Equal(string.Join('\n', lines), string.Join('\n', MatrixWorkspace.Telemetry(actual)));
    }

    private static async Task<string> Command(string executable)
    {
        var result = await Toolkit.Tests.Processes.Command.RunAsync(executable, [], Path.GetDirectoryName(executable)!, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
