using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Toolkit.Tests.Files;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The Toolkit package, packed once from this repository into a temporary local feed. Its version is unique to the
/// run, so a package cached by an earlier run can never stand in for it.
/// </summary>
public sealed class PackedToolkit : IAsyncLifetime
{
    private readonly TempDirectory _feed = new("toolkit-feed");

    public string Feed => _feed.FullName;

    public string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"0.1.0-local.{DateTime.UtcNow:yyyyMMddHHmmssfff}");

    public string PackagePath => Path.Combine(Feed, $"Toolkit.{Version}.nupkg");

    public async Task InitializeAsync() =>
        await DotNet.RunAsync(
            Repository.Root,
            environment: null,
            TimeSpan.FromMinutes(5),
            "pack", Repository.PathOf("src", "Runtime", "Toolkit.Runtime.csproj"),
            "--configuration", "Release",
            "--output", Feed,
            $"-p:PackageVersion={Version}").ConfigureAwait(false);

    public Task DisposeAsync()
    {
        _feed.Dispose();
        return Task.CompletedTask;
    }
}
