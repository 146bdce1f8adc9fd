using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Analyzers.Common;
using Xunit;

namespace Toolkit.Analyzers.Tests;

/// <summary>The merged-namespace lookup must answer exactly as <see cref="Compilation.GetTypeByMetadataName"/>.</summary>
public sealed class TypeLookupTests
{
    private static readonly string[] s_names =
    [
        "System.Guid",
        "System.Diagnostics.Activity",
        "System.Diagnostics.Metrics.Counter`1",
        "System.Diagnostics.Metrics.Counter", // wrong arity
        "System.Collections.Generic.KeyValuePair`2",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.LoggerMessageAttribute",
        "Toolkit.TracedAttribute",
        "Toolkit.HashedAttribute",
        "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute", // namespace not referenced
        "System.Diagnostics.NoSuchType",
        "NoSuchNamespace.Type",
        "Mine.Widget",
        "Mine.Generic`1",
        "Mine.Nested.Deeper.Thing",
        "System.Net.IPAddress", // declared again in this compilation: its own wins
    ];

    [Fact]
    public void AnswersAsGetTypeByMetadataName()
    {
        var compilation = Compile("""
            namespace Mine { public class Widget { } public class Generic<T> { } }
            namespace Mine.Nested.Deeper { public class Thing { } }
            namespace System.Net { public class IPAddress { } }
            """);

        foreach (string name in s_names)
        {
            var expected = compilation.GetTypeByMetadataName(name);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, TypeLookup.Find(compilation, name)), name);
        }

        Assert.NotNull(TypeLookup.Find(compilation, "System.Diagnostics.Metrics.Counter`1"));
        Assert.Equal(compilation.Assembly, TypeLookup.Find(compilation, "System.Net.IPAddress")!.ContainingAssembly);
    }

    [Fact]
    public void TypeDeclaredByTwoReferencesIsAmbiguous()
    {
        var first = Compile("namespace Shared { public class Twice { } }", "First").ToMetadataReference();
        var second = Compile("namespace Shared { public class Twice { } }", "Second").ToMetadataReference();
        var compilation = Compile("class C { }", "Third", first, second);

        Assert.Null(compilation.GetTypeByMetadataName("Shared.Twice"));
        Assert.Null(TypeLookup.Find(compilation, "Shared.Twice"));
    }

    private static CSharpCompilation Compile(string source, string name = "Test", params MetadataReference[] references) =>
        CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
