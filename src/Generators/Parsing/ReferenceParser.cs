using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Parsing;

/// <summary>Finds the telemetry sources of referenced assemblies that Toolkit instrumented.</summary>
internal static class ReferenceParser
{
    public static EquatableArray<string> Parse(Compilation compilation) =>
        compilation.SourceModule.ReferencedAssemblySymbols
            .SelectMany(static assembly => assembly.GetAttributes())
            .Where(static a => a.AttributeClass?.ToDisplayString() == AttributeNames.InstrumentedSource)
            .Select(static a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .OfType<string>()
            .Distinct()
            .OrderBy(static name => name, System.StringComparer.Ordinal)
            .ToEquatableArray();
}
