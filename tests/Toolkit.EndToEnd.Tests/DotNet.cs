using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;

namespace Toolkit.EndToEnd.Tests;

/// <summary>The dotnet CLI that runs these tests, driven as a user drives it.</summary>
internal static class DotNet
{
    /// <summary>The host the SDK runs under (set by the SDK for the processes it starts), else the one on PATH.</summary>
    public static string Executable { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and fails with its output unless it exits with 0.</summary>
    public static async Task<ProcessResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] arguments)
    {
        var result = await Command.RunAsync(Executable, arguments, workingDirectory, timeout, environment).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return result;
    }
}
