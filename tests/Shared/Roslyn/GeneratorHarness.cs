using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Generators;

namespace Toolkit.Tests.Roslyn;

/// <summary>
/// What running <see cref="TelemetryGenerator"/> outside a build takes: the framework's references, the compilation
/// options, a driver, and a text edit to run it again over. Each caller keeps its own language version.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Every assembly of the running framework.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A library with nullable reference types on.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>A driver for the generator alone.</summary>
    /// <param name="parseOptions">The options the generated sources are parsed with.</param>
    /// <param name="trackSteps">Records every step's inputs and outputs, for asserting or counting what ran again.</param>
    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions, bool trackSteps) => CSharpGeneratorDriver.Create(
        [new TelemetryGenerator().AsSourceGenerator()],
        parseOptions: parseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The compilation with the first <paramref name="from"/> of its first file replaced by <paramref name="to"/>.</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string from, string to)
    {
        var first = compilation.SyntaxTrees.First();
        var text = first.GetText();
        int at = text.ToString().IndexOf(from, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(first, first.WithChangedText(text.Replace(at, from.Length, to)));
    }
}
