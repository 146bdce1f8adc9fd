using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Reads which newer APIs and language features the consumer's compilation has, by looking, not by its target framework's name.</summary>
internal static class TargetParser
{
    public static TargetSpec Parse(Compilation compilation)
    {
        bool csharp10 = compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp10 };
        var stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        return new TargetSpec(
            HasModuleInitializer: IsUsable(compilation, compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute")),
            HasElapsedTime: stopwatch is not null
                && stopwatch.GetMembers("GetElapsedTime").Any(static m => m is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 1 }),
            HasTaskCompletedSuccessfully: task is not null && !task.GetMembers("IsCompletedSuccessfully").IsEmpty,
            HasInterpolatedStringHandler: csharp10
                && IsUsable(compilation, compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.DefaultInterpolatedStringHandler")));
    }

    private static bool IsUsable(Compilation compilation, INamedTypeSymbol? type) =>
        type is not null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
}
