using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Toolkit.Catalog.Manifest;

namespace Toolkit.Catalog;

/// <summary>The files written for one assembly, named for its telemetry source.</summary>
internal static class Artifacts
{
    public static IEnumerable<Artifact> For(TelemetryManifest manifest)
    {
        string name = FileName(manifest.Source.Source);
        yield return new Artifact("catalog", name + ".telemetry.md", CatalogWriter.Write(manifest));
        yield return new Artifact("dashboard", name + ".dashboard.json", DashboardWriter.Write(manifest));
        yield return new Artifact("rules", name + ".rules.yml", AlertRulesWriter.Write(manifest));
    }

    /// <summary>Leaves an identical file untouched, so incremental builds and file watchers see no change.</summary>
    public static void WriteIfChanged(string path, string content)
    {
        content = content.ReplaceLineEndings("\n");
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string FileName(string source)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(source.Select(c => invalid.Contains(c) || c == ' ' ? '_' : c).ToArray());
    }
}

/// <summary>One output file. <paramref name="Kind"/> is <c>catalog</c>, <c>dashboard</c> or <c>rules</c>.</summary>
internal sealed record Artifact(string Kind, string FileName, string Content);
