using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.Tests.Processes;

/// <summary>Runs a program to completion, with a deadline after which it is killed with its children.</summary>
internal static class Command
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = StartInfo(fileName, arguments, workingDirectory, environment);
        string command = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            throw new TimeoutException(
                $"{command} did not finish within {timeout}.\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }

        return new ProcessResult(command, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    public static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Quiet dotnet invocations that leave no MSBuild node or compiler server running once they are done.
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
