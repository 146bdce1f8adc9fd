namespace Toolkit.Tests.Processes;

/// <summary>How a finished process ended and what it printed.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    public override string ToString() => $"{Command} exited with {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
