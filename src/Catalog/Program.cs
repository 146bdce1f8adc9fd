using System;
using System.Collections.Generic;
using System.IO;
using Toolkit.Catalog;
using Toolkit.Catalog.Manifest;

// toolkit-telemetry <assembly.dll> [--out <dir>] [--catalog] [--dashboard] [--rules]
// Writes <source>.telemetry.md, <source>.dashboard.json and <source>.rules.yml; all three unless some are chosen.
// toolkit-telemetry diff <old assembly or baseline> <new assembly or baseline>: the telemetry contract's changes (Contract.cs).
// toolkit-telemetry baseline <assembly.dll>: the assembly's baseline lines, to start a Telemetry.Shipped.txt.
const string Usage = "usage: toolkit-telemetry <assembly.dll> [--out <directory>] [--catalog] [--dashboard] [--rules]\n"
    + "       toolkit-telemetry diff <old.dll|Telemetry.Shipped.txt> <new.dll|baseline> [--out <report.md>]\n"
    + "       toolkit-telemetry baseline <assembly.dll>";

if (args is ["diff", .. var diffArguments])
{
    return Contract.Diff(diffArguments, Usage);
}

if (args is ["baseline", .. var baselineArguments])
{
    return Contract.Baseline(baselineArguments, Usage);
}

string? assembly = null;
string output = ".";
var outputs = new HashSet<string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" or "-o" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--catalog" or "--dashboard" or "--rules":
            outputs.Add(args[i][2..]);
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        case var path when !path.StartsWith('-') && assembly is null:
            assembly = path;
            break;
        default:
            Console.Error.WriteLine($"toolkit-telemetry: unexpected argument '{args[i]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (assembly is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

TelemetryManifest manifest;
try
{
    manifest = ManifestReader.Read(assembly);
}
catch (Exception e) when (e is IOException or InvalidDataException or BadImageFormatException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"toolkit-telemetry: {e.Message}");
    return 1;
}

Directory.CreateDirectory(output);
foreach (var artifact in Artifacts.For(manifest))
{
    if (outputs.Count == 0 || outputs.Contains(artifact.Kind))
    {
        string path = Path.Combine(output, artifact.FileName);
        Artifacts.WriteIfChanged(path, artifact.Content);
        Console.WriteLine(path);
    }
}

return 0;
