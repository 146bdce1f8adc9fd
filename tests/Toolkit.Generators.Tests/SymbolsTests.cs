using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Generators.Parsing;
using Toolkit.Tests.Roslyn;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>The parser's shortcuts must write exactly what the display visitor writes.</summary>
public sealed class SymbolsTests
{
    [Fact]
    public void DisplayType_WritesWhatTheDisplayVisitorWrites()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class Shapes<T>
            {
                public bool A; public byte B; public sbyte C; public short D; public ushort E; public int F; public uint G;
                public long H; public ulong I; public float J; public double K; public decimal L; public char M;
                public string N = ""; public string? O; public object P = new(); public object? Q;
                public int? R; public bool? S; public nint U; public nuint V; public dynamic W = 0; public T X = default!; public T? Y;
                public Task<int> Z = null!; public List<string?> AA = null!; public int[] AB = null!; public string?[]? AC;
                public (int Count, string? Name) AD; public Task<string?> AE = null!; public Task<int>? AF; public ValueTask<object?> AG;
                public ValueTask<int?> AH; public Task<T?> AI = null!; public Task<List<string?>> AJ = null!; public Task<Task<bool>> AK = null!;
                public Task<(int A, string B)> AL = null!; public Task AM = null!; public ValueTask AN;
            #nullable disable
                public string Oblivious; public object ObliviousObject; public List<string> ObliviousList; public Task<string> ObliviousTask;
            #nullable restore
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Shapes",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            GeneratorHarness.References,
            GeneratorHarness.CompilationOptions);
        var fields = compilation.GetTypeByMetadataName("Shapes`1")!.GetMembers().OfType<IFieldSymbol>().ToArray();

        Assert.Equal(43, fields.Length);
        Assert.All(fields, field => Assert.Equal(field.Type.ToDisplayString(Symbols.TypeFormat), Symbols.DisplayType(field.Type)));
    }
}
