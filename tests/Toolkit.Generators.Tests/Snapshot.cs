using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Toolkit.Generators.Tests;

/// <summary>
/// Compares generated text with <c>Snapshots/&lt;name&gt;.verified.cs</c> (or another extension). Set <c>TOOLKIT_ACCEPT_SNAPSHOTS=1</c>
/// to write the received text as the new verified file; otherwise a mismatch fails and leaves a
/// <c>.received.cs</c> beside it to diff.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "TOOLKIT_ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string received, string extension = "cs", [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        string verifiedPath = Path.Combine(directory, name + ".verified." + extension);
        string receivedPath = Path.Combine(directory, name + ".received." + extension);
        received = Normalize(received);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        string reason = verified is null ? "no verified snapshot exists" : FirstDifference(verified, received);
        throw new XunitException(
            $"Snapshot '{name}' does not match: {reason}.{Environment.NewLine}" +
            $"Compare {receivedPath} with {verifiedPath}; run with {AcceptVariable}=1 to accept.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? left = i < e.Length ? e[i] : null;
            string? right = i < a.Length ? a[i] : null;
            if (left != right)
            {
                return $"line {i + 1} expected `{left?.Trim()}` but was `{right?.Trim()}`";
            }
        }

        return "they differ";
    }
}
