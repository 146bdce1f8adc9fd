using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Toolkit.Tests.Files;
using Toolkit.Tests.Processes;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The instrumented library and app of <c>Matrix/</c>, copied once into a temporary folder that restores the packed
/// Toolkit package, and what every matrix case shares: one build of the library for all its frameworks, and the
/// app's output on .NET 10 with the JIT, which every other runtime must reproduce.
/// </summary>
public sealed class MatrixWorkspace : IDisposable
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private readonly TempDirectory _work = new("toolkit-matrix");
    private readonly object _gate = new();
    private Task<ProcessResult>? _libraryBuild;
    private Task<string>? _baseline;
    private string? _version;

    public MatrixWorkspace()
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Matrix"), "*", SearchOption.AllDirectories))
        {
            string target = _work.PathOf(Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Matrix"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string PathOf(params string[] parts) => _work.PathOf(parts);

    /// <summary>
    /// The library built once for netstandard2.0, net8.0, net9.0, net10.0 and net48 at C# 9, warnings as errors, with
    /// the telemetry artifacts the package's targets write.
    /// </summary>
    internal Task<ProcessResult> LibraryBuildAsync(PackedToolkit packed) =>
        Once(packed, ref _libraryBuild, () => RunAsync(packed, "Library", "build", "-p:ToolkitTelemetryArtifacts=true"));

    /// <summary>What the app prints on .NET 10 under the JIT, with the library's net10.0 build.</summary>
    public Task<string> BaselineAsync(PackedToolkit packed) =>
        Once(packed, ref _baseline, async () => (await RunAsync(packed, "App", "run").ConfigureAwait(false)).Output);

    /// <summary>Runs <c>dotnet</c> in a folder of the workspace with the packed package's version, failing on a non-zero exit.</summary>
    internal Task<ProcessResult> RunAsync(PackedToolkit packed, string folder, params string[] arguments)
    {
        Prepare(packed);
        return DotNet.RunAsync(PathOf(folder), environment: null, StepTimeout, [.. arguments, $"-p:ToolkitVersion={packed.Version}"]);
    }

    /// <summary>Runs <c>dotnet</c> like <see cref="RunAsync"/>, returning the result whatever the exit code.</summary>
    internal Task<ProcessResult> TryRunAsync(PackedToolkit packed, string folder, params string[] arguments)
    {
        Prepare(packed);
        return Command.RunAsync(DotNet.Executable, [.. arguments, $"-p:ToolkitVersion={packed.Version}"], PathOf(folder), StepTimeout, environment: null);
    }

    /// <summary>The telemetry lines of an app's output: everything after the line saying where it ran.</summary>
    public static string[] Telemetry(string output) =>
        [.. output.Split('\n').Select(line => line.TrimEnd('\r')).SkipWhile(line => !line.StartsWith("runtime: ", StringComparison.Ordinal)).Skip(1)];

    /// <summary>The line saying which runtime ran the app and which build of the library it loaded.</summary>
    public static string Runtime(string output) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Single(line => line.StartsWith("runtime: ", StringComparison.Ordinal));

    public void Dispose()
    {
        _work.Dispose();

        // The run's own package version, extracted into the machine's package folder by these restores: not kept.
        if (_version is not null)
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
                ? folder
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string extracted = Path.Combine(packages, "toolkit", _version.ToLowerInvariant());
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    private Task<T> Once<T>(PackedToolkit packed, ref Task<T>? task, Func<Task<T>> start)
    {
        Prepare(packed);
        lock (_gate)
        {
            return task ??= start();
        }
    }

    private void Prepare(PackedToolkit packed)
    {
        lock (_gate)
        {
            if (_version is null)
            {
                _version = packed.Version;
                File.WriteAllText(PathOf("nuget.config"), NuGetConfig(packed.Feed));
            }
        }
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
