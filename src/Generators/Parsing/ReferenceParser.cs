using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Parsing;

/// <summary>Finds the telemetry sources of referenced assemblies that Toolkit instrumented.</summary>
internal static class ReferenceParser
{
    private const string RuntimeAssembly = "Toolkit.Runtime";

    /// <remarks>
    /// Runs on every compilation change. Only an assembly that references Toolkit.Runtime can carry the attribute, and
    /// its reference list is read without decoding any attribute, so the framework's assemblies cost next to nothing.
    /// </remarks>
    public static EquatableArray<string> Parse(Compilation compilation) =>
        compilation.SourceModule.ReferencedAssemblySymbols
            .Where(static assembly => assembly.Modules.Any(static module => module.ReferencedAssemblies.Any(static r => r.Name == RuntimeAssembly)))
            .SelectMany(static assembly => assembly.GetAttributes())
            .Where(static a => Symbols.Is(a, AttributeNames.InstrumentedSource))
            .Select(static a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .OfType<string>()
            .Distinct()
            .OrderBy(static name => name, System.StringComparer.Ordinal)
            .ToEquatableArray();
}
