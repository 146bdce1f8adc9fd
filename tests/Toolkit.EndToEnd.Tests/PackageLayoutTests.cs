using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>What <c>dotnet pack</c> puts in the one Toolkit package.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackedToolkit packed)
{
    [Fact]
    public void Package_holds_the_library_the_roslyn_components_and_the_build_props()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/Toolkit.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/Toolkit.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/Toolkit.props", entries);
        Assert.Contains("buildTransitive/Toolkit.props", entries);
        Assert.Contains("build/Toolkit.targets", entries);
        Assert.Contains("buildTransitive/Toolkit.targets", entries);
        Assert.Contains("build/Toolkit.Catalog.targets", entries);
        Assert.Contains("buildTransitive/Toolkit.Catalog.targets", entries);
        Assert.Contains("README.md", entries);

        // toolkit-telemetry where Toolkit.Catalog.targets looks by default, with what 'dotnet exec' needs to run it.
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.dll", entries);
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.runtimeconfig.json", entries);
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.deps.json", entries);

        // Roslyn components are loaded by the compiler, never referenced: nothing of theirs under lib/.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && !e.Contains("Toolkit.Runtime.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Build_props_and_targets_reach_direct_and_transitive_consumers_alike()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);
        string direct = Read(package, "build/Toolkit.props");

        Assert.Equal(direct, Read(package, "buildTransitive/Toolkit.props"));
        var properties = XDocument.Parse(direct).Descendants().Where(e => e.Name.LocalName.StartsWith("Interceptors", System.StringComparison.Ordinal));
        Assert.All(properties, p => Assert.EndsWith(";Toolkit.Generated", p.Value, System.StringComparison.Ordinal));
        Assert.Equal(["InterceptorsNamespaces", "InterceptorsPreviewNamespaces"], properties.Select(p => p.Name.LocalName));

        // NuGet imports Toolkit.targets after the project, which imports the catalog targets beside it, for both kinds of consumer.
        string targets = Read(package, "build/Toolkit.targets");
        Assert.Equal(targets, Read(package, "buildTransitive/Toolkit.targets"));
        var imports = XDocument.Parse(targets).Descendants().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Project")?.Value);
        Assert.Equal(["$(MSBuildThisFileDirectory)Toolkit.Catalog.targets"], imports);
        Assert.Equal(Read(package, "build/Toolkit.Catalog.targets"), Read(package, "buildTransitive/Toolkit.Catalog.targets"));
        Assert.Contains(
            "$([MSBuild]::NormalizePath('$(MSBuildThisFileDirectory)', '..', 'tools', 'net10.0', 'any', 'Toolkit.Catalog.dll'))",
            Read(package, "build/Toolkit.Catalog.targets"),
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_has_metadata_and_depends_only_on_packages_users_can_get()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);
        using var stream = package.GetEntry("Toolkit.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("Toolkit", Value("id"));
        Assert.Equal(packed.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value)
            .Order(System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            ["Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "OpenTelemetry.Api"],
            dependencies);
    }

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
