using System;
using Toolkit.Catalog.Manifest;

namespace Toolkit.Catalog.Tests;

/// <summary>The compiled Toolkit.TestAssets and its manifest, read from the file as the tool reads it.</summary>
internal static class TestAssembly
{
    private static readonly Lazy<TelemetryManifest> s_manifest = new(() => ManifestReader.Read(Path));

    public static string Path => typeof(Toolkit.TestAssets.Shapes).Assembly.Location;

    public static TelemetryManifest Manifest => s_manifest.Value;

    /// <param name="function"><c>Type.Method</c> in <c>Toolkit.TestAssets</c>.</param>
    public static MethodPart Method(string function)
    {
        foreach (var method in Manifest.Methods)
        {
            if (method.Function == "Toolkit.TestAssets." + function)
            {
                return method;
            }
        }

        throw new InvalidOperationException($"{function} is not in the manifest.");
    }
}
