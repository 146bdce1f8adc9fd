using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Reads the assembly's <c>[TelemetrySource]</c>, falling back to its name and informational version.</summary>
internal static class SourceParser
{
    public static SourceSpec Parse(Compilation compilation)
    {
        string name = compilation.AssemblyName ?? "Assembly";
        string? version = null;
        string? informationalVersion = null;
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            // Runs on every compilation change: names compared in place, no display strings.
            if (Symbols.Find([attribute], AttributeNames.TelemetrySource) is not null)
            {
                if (attribute.ConstructorArguments.FirstOrDefault().Value is string { Length: > 0 } explicitName)
                {
                    name = explicitName;
                }

                version = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Version").Value.Value as string;
            }
            else if (Symbols.Find([attribute], "System.Reflection.AssemblyInformationalVersionAttribute") is not null)
            {
                informationalVersion = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            }
        }

        return new SourceSpec(name, version ?? informationalVersion, SourceSpec.HolderNamespaceFor(compilation.AssemblyName));
    }
}
