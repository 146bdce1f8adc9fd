using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Tests.Roslyn;

namespace Toolkit.Benchmarks;

/// <summary>
/// A synthetic project for the generator: annotated methods, ten to a type and one type to a file, and the same
/// project after one method body was edited.
/// </summary>
internal sealed class GeneratorWorkload
{
    private const int MethodsPerType = 10;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    public GeneratorWorkload(int methods)
    {
        var trees = Enumerable.Range(0, (methods + MethodsPerType - 1) / MethodsPerType)
            .Select(type => CSharpSyntaxTree.ParseText(Type(type, Math.Min(MethodsPerType, methods - (type * MethodsPerType))), s_parseOptions, path: $"Type{type}.cs"))
            .ToArray();
        Compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            GeneratorHarness.References,
            GeneratorHarness.CompilationOptions);

        // One edit changes a method body, which the generator does not read; the other renames a tag, which
        // changes the first type's generated file and no other.
        BodyEdited = GeneratorHarness.Edit(Compilation, "x + 0", "x - 1");
        TagRenamed = GeneratorHarness.Edit(Compilation, "\"shop.region\"", "\"shop.zone\"");
    }

    /// <summary>The project before the edit.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The project with one method body edited.</summary>
    public CSharpCompilation BodyEdited { get; }

    /// <summary>The project with one method's tag renamed.</summary>
    public CSharpCompilation TagRenamed { get; }

    /// <summary>A driver as the compiler and the IDE create it.</summary>
    /// <param name="trackSteps">Records every step's inputs and outputs, for counting what ran again; it costs about three times the incremental run itself, so timed runs leave it off.</param>
    public static GeneratorDriver CreateDriver(bool trackSteps = false) => GeneratorHarness.CreateDriver(s_parseOptions, trackSteps);

    /// <summary>
    /// Runs the generator cold, then over the edit: how many source outputs ran again (step reason New or Modified,
    /// not Cached or Unchanged) and how many generated files have a different text.
    /// </summary>
    public (int Outputs, int Rerun, int Files, int Changed) MeasureIncrementalOutput(CSharpCompilation edited)
    {
        var cold = CreateDriver(trackSteps: true).RunGenerators(Compilation);
        var before = cold.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var after = cold.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = after.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToArray();
        int rerun = outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        int changed = after.GeneratedSources.Count(s => !before.TryGetValue(s.HintName, out var text) || text != s.SourceText.ToString());
        return (outputs.Length, rerun, after.GeneratedSources.Length, changed);
    }

    private static string Type(int type, int methods)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("using Toolkit;");
        source.AppendLine("namespace Synthetic;");
        source.AppendLine($"public sealed partial class Service{type}");
        source.AppendLine("{");
        for (int i = 0; i < methods; i++)
        {
            int n = (type * MethodsPerType) + i;
            if (i % 2 == 0)
            {
                source.AppendLine($"    [Traced, Timed, Counted] public partial int Run{n}(int x, [Tag(\"shop.region\")] string region);");
                source.AppendLine($"    private static int Run{n}Core(int x, string region) => x + {i};");
            }
            else
            {
                source.AppendLine($"    [Traced, Timed, Counted] public partial Task<int> Run{n}Async(int x, [Tag(\"shop.express\")] bool express);");
                source.AppendLine($"    private static Task<int> Run{n}AsyncCore(int x, bool express) => Task.FromResult(x + {i});");
            }
        }

        source.AppendLine("}");
        return source.ToString();
    }
}
