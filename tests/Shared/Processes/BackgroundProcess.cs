using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Toolkit.Tests.Processes;

/// <summary>
/// A server started for a test: its output is drained (a full pipe would stall it) and its last lines kept for
/// failure messages; disposing kills it with its children and waits for it to be gone.
/// </summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private BackgroundProcess(Process process, string command)
    {
        _process = process;
        Command = command;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Command { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it printed, for a failure message.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return $"{Command}\n{string.Join('\n', _tail)}";
            }
        }
    }

    public static BackgroundProcess Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = Processes.Command.StartInfo(fileName, arguments, workingDirectory, environment);
        string command = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}.");
        return new BackgroundProcess(process, command);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
