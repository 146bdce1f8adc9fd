using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>What <c>dotnet pack</c> puts in the one Toolkit package.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackedToolkit packed)
{
    [Fact]
    public void Package_holds_the_library_per_framework_the_roslyn_components_and_the_build_targets()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        // netstandard2.0 serves .NET Framework and every netstandard2.0 library; net8.0 and net10.0 get their own build.
        foreach (string framework in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/Toolkit.Runtime.dll", entries);
            Assert.Contains($"lib/{framework}/Toolkit.Runtime.xml", entries);
        }

        Assert.Equal(6, entries.Count(e => e.StartsWith("lib/", System.StringComparison.Ordinal)));
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Toolkit.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);

        // Build files only under a framework folder: one at a folder root would fit every framework, and a project the
        // library cannot serve would restore without an error and then fail to compile.
        string[] build = [.. entries.Where(e => e.StartsWith("build", System.StringComparison.Ordinal)).Order(System.StringComparer.Ordinal)];
        Assert.Equal(
            [
                "build/netstandard2.0/Toolkit.Catalog.targets",
                "build/netstandard2.0/Toolkit.targets",
                "buildTransitive/netstandard2.0/Toolkit.Catalog.targets",
                "buildTransitive/netstandard2.0/Toolkit.targets",
            ],
            build);

        // toolkit-telemetry where Toolkit.Catalog.targets looks by default, with what 'dotnet exec' needs to run it.
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.dll", entries);
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.runtimeconfig.json", entries);
        Assert.Contains("tools/net10.0/any/Toolkit.Catalog.deps.json", entries);
        Assert.Equal(3, entries.Count(e => e.StartsWith("tools/net10.0/", System.StringComparison.Ordinal)));

        // ReadyToRun images of the generator and analyzers per platform, outside analyzers/ where NuGet would add them.
        string[] readyToRun = [.. entries.Where(e => e.StartsWith("tools/r2r/", System.StringComparison.Ordinal)).Order(System.StringComparer.Ordinal)];
        Assert.Equal(
            [.. new[] { "linux-arm64", "linux-x64", "osx-arm64", "osx-x64" }.SelectMany(rid => new[] { $"tools/r2r/{rid}/Toolkit.Analyzers.dll", $"tools/r2r/{rid}/Toolkit.Generators.dll" })],
            readyToRun);
        Assert.Equal(3 + readyToRun.Length, entries.Count(e => e.StartsWith("tools/", System.StringComparison.Ordinal)));

        // Roslyn components are loaded by the compiler, never referenced: nothing of theirs under lib/.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && !e.Contains("Toolkit.Runtime.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Build_targets_reach_direct_and_transitive_consumers_alike()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);

        // NuGet imports Toolkit.targets after the project, which imports the catalog targets beside it, for both kinds of consumer.
        string targets = Read(package, "build/netstandard2.0/Toolkit.targets");
        Assert.Equal(targets, Read(package, "buildTransitive/netstandard2.0/Toolkit.targets"));
        var imports = XDocument.Parse(targets).Descendants().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Project")?.Value);
        Assert.Equal(["$(MSBuildThisFileDirectory)Toolkit.Catalog.targets"], imports);

        // No interceptor opt-in: the generator emits none. PolySharp leaves [ModuleInitializer] to the generator.
        Assert.DoesNotContain("Interceptors", targets, System.StringComparison.Ordinal);
        Assert.Equal(
            "$(PolySharpExcludeGeneratedTypes);System.Runtime.CompilerServices.ModuleInitializerAttribute",
            XDocument.Parse(targets).Descendants().Single(e => e.Name.LocalName == "PolySharpExcludeGeneratedTypes").Value);
        string catalog = Read(package, "build/netstandard2.0/Toolkit.Catalog.targets");
        Assert.Equal(catalog, Read(package, "buildTransitive/netstandard2.0/Toolkit.Catalog.targets"));
        Assert.Contains(
            "$([MSBuild]::NormalizePath('$(MSBuildThisFileDirectory)', '..', '..', 'tools', 'net10.0', 'any', 'Toolkit.Catalog.dll'))",
            catalog,
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

        // Per framework group; netstandard2.0 adds the BCL packages that .NET has in the box.
        string[] Dependencies(string framework) =>
        [
            .. metadata.Descendants()
                .Single(e => e.Name.LocalName == "group" && e.Attribute("targetFramework")?.Value == framework)
                .Elements().Select(e => e.Attribute("id")!.Value)
                .Order(System.StringComparer.Ordinal),
        ];
        string[] common = ["Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "OpenTelemetry.Api"];
        Assert.Equal(common, Dependencies("net10.0"));
        Assert.Equal(common, Dependencies("net8.0"));
        Assert.Equal(
            ["Microsoft.Bcl.AsyncInterfaces", .. common, "System.Collections.Immutable"],
            Dependencies(".NETStandard2.0"));
    }

    [Theory]
    [InlineData("linux-x64", Machine.Amd64)]
    [InlineData("linux-arm64", Machine.Arm64)]
    [InlineData("osx-x64", Machine.Amd64)]
    [InlineData("osx-arm64", Machine.Arm64)]
    public void ReadyToRun_images_hold_native_code_for_their_platform_and_the_same_assemblies_as_the_IL(string rid, Machine machine)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);

        foreach (string component in new[] { "Toolkit.Analyzers", "Toolkit.Generators" })
        {
            using var image = ReadPortableExecutable(package, $"tools/r2r/{rid}/{component}.dll");
            using var il = ReadPortableExecutable(package, $"analyzers/dotnet/cs/{component}.dll");

            // A ReadyToRun image has a native header; its machine is the platform's, XOR-ed with a per-OS value.
            Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{rid}/{component} is not ReadyToRun.");
            Assert.False(il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{component} under analyzers/ is not IL only.");
            ushort os = rid.StartsWith("linux", System.StringComparison.Ordinal) ? (ushort)0x7B79 : (ushort)0x4644;
            Assert.Equal((ushort)machine, (ushort)((ushort)image.PEHeaders.CoffHeader.Machine ^ os));

            // The same assembly, so the compiler treats either as the component it is: name, version and public types.
            var imageMetadata = image.GetMetadataReader();
            var ilMetadata = il.GetMetadataReader();
            Assert.Equal(ilMetadata.GetString(ilMetadata.GetAssemblyDefinition().Name), imageMetadata.GetString(imageMetadata.GetAssemblyDefinition().Name));
            Assert.Equal(ilMetadata.GetAssemblyDefinition().Version, imageMetadata.GetAssemblyDefinition().Version);
            Assert.Equal(ilMetadata.TypeDefinitions.Count, imageMetadata.TypeDefinitions.Count);
        }
    }

    private static PEReader ReadPortableExecutable(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return new PEReader(copy);
    }

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
