using System.Linq;
using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>One type declaration in the chain from the namespace to the instrumented methods.</summary>
/// <param name="Declaration">What the partial declaration says before the name, e.g. <c>partial record struct</c>.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Repository&lt;T&gt;</c>.</param>
internal sealed record ContainingTypeSpec(string Declaration, string Name);

/// <summary>Where instrumented methods live: the unit of one generated file.</summary>
/// <param name="MetadataName">A unique key for the innermost type.</param>
/// <param name="Types">Outermost first.</param>
internal sealed record TypeLocation(string MetadataName, string Namespace, EquatableArray<ContainingTypeSpec> Types);

/// <summary>The instrumented methods of one type, emitted as one file.</summary>
internal sealed record TypeSpec(TypeLocation Location, EquatableArray<MethodSpec> Methods)
{
    public string HintName => Identifiers.SanitizeHintName(Location.MetadataName) + ".Toolkit.g.cs";

    /// <summary>The enums whose tag helpers the type needs, each once.</summary>
    public EnumSpec[] Enums() =>
        Methods.SelectMany(m => m.Parameters.Select(p => p.Tag).Append(m.ReturnTag))
            .Select(t => t?.Enum)
            .OfType<EnumSpec>()
            .Distinct()
            .ToArray();
}
