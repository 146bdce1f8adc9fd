using System;
using System.IO;
using System.Linq;
using Toolkit.Catalog.Diff;
using Toolkit.Catalog.Manifest;
using Toolkit.Contract;

namespace Toolkit.Catalog;

/// <summary>The telemetry-contract commands: <c>diff</c> for release notes and CI, <c>baseline</c> to start a baseline.</summary>
internal static class Contract
{
    /// <summary>Exit code of <c>diff</c> when a change breaks a shipped signal, for CI.</summary>
    public const int Breaking = 1;

    /// <summary>Exit code for bad arguments or unreadable inputs.</summary>
    public const int Failed = 2;

    public static int Diff(string[] args, string usage)
    {
        string? output = null;
        var paths = new System.Collections.Generic.List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else if (!args[i].StartsWith('-'))
            {
                paths.Add(args[i]);
            }
            else
            {
                return UsageError($"unexpected argument '{args[i]}'", usage);
            }
        }

        if (paths.Count != 2)
        {
            return UsageError("diff takes an old and a new assembly or baseline", usage);
        }

        TelemetrySnapshot old, current;
        try
        {
            old = TelemetrySnapshot.Load(paths[0]);
            current = TelemetrySnapshot.Load(paths[1]);
        }
        catch (Exception e) when (IsInputError(e))
        {
            Console.Error.WriteLine($"toolkit-telemetry: {e.Message}");
            return Failed;
        }

        var entries = TelemetryDiff.Compare(old, current);
        string report = DiffReportWriter.Write(old, current, entries);
        if (output is null)
        {
            Console.Write(report);
        }
        else
        {
            Artifacts.WriteIfChanged(output, report);
        }

        return entries.Any(e => e.Change.IsBreaking) ? Breaking : 0;
    }

    public static int Baseline(string[] args, string usage)
    {
        if (args is not [var assembly] || assembly.StartsWith('-'))
        {
            return UsageError("baseline takes one assembly", usage);
        }

        try
        {
            var (assemblyName, parts) = ManifestReader.ReadParts(assembly);
            foreach (var signal in ManifestSignals.From(assemblyName, parts))
            {
                Console.Out.Write(signal.Line + "\n");
            }

            return 0;
        }
        catch (Exception e) when (IsInputError(e))
        {
            Console.Error.WriteLine($"toolkit-telemetry: {e.Message}");
            return Failed;
        }
    }

    private static bool IsInputError(Exception e) =>
        e is IOException or InvalidDataException or BadImageFormatException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException;

    private static int UsageError(string message, string usage)
    {
        Console.Error.WriteLine($"toolkit-telemetry: {message}");
        Console.Error.WriteLine(usage);
        return Failed;
    }
}
