using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>
/// Shapes found in real libraries that the generated part must repeat exactly: inherited constraints, <c>allows ref
/// struct</c>, pointers, nullable-analysis attributes, <c>dynamic</c>, oblivious signatures. Each compiles warning-free,
/// or is refused with a TK diagnostic and no code.
/// </summary>
public sealed class RealShapeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using Toolkit;

        """;

    [Fact]
    public void Override_inherits_its_constraints_and_restates_only_what_it_wrote()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public abstract class Picker
            {
                public abstract T Max<T>(T a, T b) where T : IComparable<T>;

                public abstract T? First<T>(IEnumerable<T> items) where T : class;
            }

            public sealed partial class TimedPicker : Picker
            {
                [Traced]
                public override partial T Max<T>(T a, T b);

                [Traced]
                public override partial T? First<T>(IEnumerable<T> items) where T : class;

                private static T MaxCore<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

                private static T? FirstCore<T>(IEnumerable<T> items) where T : class => System.Linq.Enumerable.FirstOrDefault(items);
            }
            """).AssertClean();

        Snapshot.Verify("Override_constraints", result.Sources["Shop.TimedPicker.Toolkit.g.cs"]);
    }

    [Fact]
    public void Allows_ref_struct_is_repeated_and_the_value_is_never_boxed()
    {
        var result = GeneratorRunner.RunLatest(Usings + """
            namespace Shop;

            public static partial class Spans
            {
                [Traced, Timed]
                public static partial int Length<T>(T value, Func<T, int> measure) where T : allows ref struct;

                private static int LengthCore<T>(T value, Func<T, int> measure) where T : allows ref struct => measure(value);

                [Traced]
                public static partial TResult Map<TSource, TResult>(TSource value, Func<TSource, TResult> map)
                    where TSource : struct, allows ref struct
                    where TResult : allows ref struct;

                private static TResult MapCore<TSource, TResult>(TSource value, Func<TSource, TResult> map)
                    where TSource : struct, allows ref struct
                    where TResult : allows ref struct => map(value);
            }
            """).AssertClean();

        Snapshot.Verify("Allows_ref_struct", result.Sources["Shop.Spans.Toolkit.g.cs"]);
    }

    [Fact]
    public void Tag_on_a_type_parameter_that_allows_ref_struct_is_reported()
    {
        var result = GeneratorRunner.RunLatest(Usings + """
            public static partial class Spans
            {
                [Traced]
                public static partial void Use<T>([Tag] T value) where T : allows ref struct;

                private static void UseCore<T>(T value) where T : allows ref struct { }
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1009", diagnostic.Id);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Pointer_parameters_in_an_unsafe_type_get_an_unsafe_generated_part()
    {
        var result = GeneratorRunner.RunLatest(Usings + """
            namespace Shop;

            public unsafe partial struct Buffer
            {
                [Traced, Timed]
                public partial int Sum(int* values, int count);

                private int SumCore(int* values, int count)
                {
                    int sum = 0;
                    for (int i = 0; i < count; i++)
                    {
                        sum += values[i];
                    }

                    return sum;
                }

                [Traced]
                public static partial delegate*<int, int> Pick(bool twice);

                private static int Once(int x) => x;

                private static delegate*<int, int> PickCore(bool twice) => &Once;
            }
            """).AssertClean();

        Snapshot.Verify("Unsafe_pointers", result.Sources["Shop.Buffer.Toolkit.g.cs"]);
    }

    [Fact]
    public void Task_methods_with_pointer_parameters_await_outside_the_unsafe_part()
    {
        var result = GeneratorRunner.RunLatest(Usings + """
            namespace Shop;

            public unsafe partial class Reader
            {
                [Traced, Timed]
                [return: Measure("shop.reader.sum")]
                public partial Task<int> SumAsync(int* values, [Tag("count")] int count);

                private Task<int> SumAsyncCore(int* values, int count)
                {
                    int sum = 0;
                    for (int i = 0; i < count; i++)
                    {
                        sum += values[i];
                    }

                    return Task.FromResult(sum);
                }

                [Traced]
                public partial ValueTask FlushAsync(byte* buffer);

                [Traced, Counted]
                public unsafe partial Task<int> CountAsync(int* values, [Tag("count")] int count);

                private Task<int> CountAsyncCore(int* values, int count) => Task.FromResult(values[0] + count);

                private ValueTask FlushAsyncCore(byte* buffer) => default;

                [Traced, Timed, InFlight]
                public partial IAsyncEnumerable<int> ReadAll(int* values, [Tag("count")] int count);

                private IAsyncEnumerable<int> ReadAllCore(int* values, int count) => Numbers(values[0], count);

                private static async IAsyncEnumerable<int> Numbers(int first, int count)
                {
                    for (int i = 0; i < count; i++)
                    {
                        await Task.Yield();
                        yield return first + i;
                    }
                }
            }
            """).AssertClean();

        Snapshot.Verify("Unsafe_pointers_task", result.Sources["Shop.Reader.Toolkit.g.cs"]);
    }

    [Fact]
    public void Flow_attributes_are_kept_when_the_core_has_them()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Guard
            {
                private string? _name;

                [Traced, Timed]
                [DoesNotReturn]
                public partial void Fail(string message);

                [DoesNotReturn]
                private void FailCore(string message) => throw new InvalidOperationException(message);

                [Traced]
                public partial T NotNull<T>([NotNull] T? input) where T : class;

                private T NotNullCore<T>([NotNull] T? input) where T : class => input ?? throw new ArgumentNullException(nameof(input));

                [Traced, Counted]
                public partial bool TryGet(int key, [NotNullWhen(true)] out string? value);

                private bool TryGetCore(int key, [NotNullWhen(true)] out string? value)
                {
                    value = key > 0 ? "v" : null;
                    return value is not null;
                }

                [Traced]
                [return: Tag("found")]
                public partial bool TryFind(int key, [MaybeNullWhen(false)] out string value);

                private bool TryFindCore(int key, [MaybeNullWhen(false)] out string value)
                {
                    value = key > 0 ? "v" : null;
                    return value is not null;
                }

                [Traced]
                [MemberNotNull(nameof(_name))]
                public partial void Load();

                [MemberNotNull(nameof(_name))]
                private void LoadCore() => _name = "loaded";

                [Traced]
                [return: NotNullIfNotNull(nameof(text))]
                public partial string? Trim(string? text);

                [return: NotNullIfNotNull(nameof(text))]
                private string? TrimCore(string? text) => text?.Trim();

                public string Name => _name ?? "";
            }
            """).AssertClean();

        Snapshot.Verify("Flow_attributes", result.Sources["Shop.Guard.Toolkit.g.cs"]);
    }

    [Theory]
    [InlineData("[DoesNotReturn] public partial void Fail();", "private void FailCore() => throw new InvalidOperationException();", "[DoesNotReturn] on the method")]
    [InlineData("public partial T NotNull<T>([NotNull] T? input) where T : class;", "private T NotNullCore<T>(T? input) where T : class => input!;", "[NotNull] on the parameter 'input'")]
    [InlineData("public partial bool TryGet([NotNullWhen(true)] out string? value);", "private bool TryGetCore(out string? value) { value = null; return false; }", "[NotNullWhen(true)] on the parameter 'value'")]
    [InlineData("public partial void Set([AllowNull] string value);", "private void SetCore(string value) { }", "[AllowNull] on the parameter 'value'")]
    public void Flow_attribute_missing_on_the_core_is_reported_instead_of_a_warning_in_generated_code(string declaration, string core, string expected)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Guard
            {
                [Traced]
                {{declaration}}

                {{core}}
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1011", diagnostic.Id);
        Assert.Contains(expected, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.Sources.Keys, key => key.StartsWith("Guard", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Nullable_core_parameter_takes_the_place_of_AllowNull()
    {
        GeneratorRunner.Run(Usings + """
            public partial class Settings
            {
                [Traced]
                public partial void Set([AllowNull] string value);

                private void SetCore(string? value) { }
            }
            """).AssertClean();
    }

    [Fact]
    public void Dynamic_parameters_are_passed_on_without_binding_at_run_time()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Scripting
            {
                [Traced, Timed]
                public partial string Describe(dynamic value, [Tag] int depth);

                private string DescribeCore(dynamic value, int depth) => depth + ":" + (string)value.ToString();
            }
            """).AssertClean();

        Snapshot.Verify("Dynamic_parameter", result.Sources["Shop.Scripting.Toolkit.g.cs"]);
        var tree = result.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Shop.Scripting.Toolkit.g.cs", System.StringComparison.Ordinal));
        var model = result.Compilation.GetSemanticModel(tree);
        var dynamicOperations = tree.GetRoot().DescendantNodes()
            .Select(node => model.GetOperation(node))
            .Where(operation => operation is IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation)
            .ToList();
        Assert.Empty(dynamicOperations);
    }

    [Theory]
    [InlineData("public partial void Use(ref dynamic value);", "private void UseCore(ref dynamic value) { }", "TK1012")]
    [InlineData("public partial void Use([Tag] dynamic value);", "private void UseCore(dynamic value) { }", "TK1009")]
    public void Dynamic_by_reference_or_as_a_tag_is_reported(string declaration, string core, string id)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Scripting
            {
                [Traced]
                {{declaration}}

                {{core}}
            }
            """);

        Assert.Equal(id, Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Signature_written_with_nullable_annotations_off_stays_oblivious()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Legacy
            {
            #nullable disable
                [Traced]
                public partial IEnumerable<object> Items(string filter, int? limit);

                [Traced]
                public partial Task<string> NameAsync(object key);
            #nullable enable

                private IEnumerable<object> ItemsCore(string filter, int? limit) => [filter];

                private Task<string> NameAsyncCore(object key) => Task.FromResult(key.ToString() ?? "");

                [Traced]
                public partial string? Annotated(string text);

                private string? AnnotatedCore(string text) => text;
            }
            """).AssertClean();

        Snapshot.Verify("Nullable_oblivious", result.Sources["Shop.Legacy.Toolkit.g.cs"]);
        var type = result.Compilation.GetTypeByMetadataName("Shop.Legacy")!;
        foreach (string name in new[] { "Items", "NameAsync" })
        {
            var implementation = type.GetMembers(name).OfType<IMethodSymbol>().Single().PartialImplementationPart!;
            Assert.Equal(NullableAnnotation.None, implementation.ReturnType.NullableAnnotation);
            Assert.All(implementation.Parameters.Where(p => p.Type.IsReferenceType), p => Assert.Equal(NullableAnnotation.None, p.NullableAnnotation));
        }

        var annotated = type.GetMembers("Annotated").OfType<IMethodSymbol>().Single().PartialImplementationPart!;
        Assert.Equal(NullableAnnotation.Annotated, annotated.ReturnType.NullableAnnotation);
    }

    [Fact]
    public void Optional_parameters_keep_PublicApiAnalyzers_quiet_on_the_implementation_only()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Api
            {
                [Traced]
                public partial int Work(int x, string? name = null);

                private int WorkCore(int x, string? name) => x;

                [Traced]
                public partial int Plain(int x);

                private int PlainCore(int x) => x;
            }
            """).AssertClean();

        // dotnet/roslyn-analyzers#7356: only the signature with defaults, which the implementation cannot repeat.
        string source = result.Sources["Shop.Api.Toolkit.g.cs"];
        Assert.Contains("#pragma warning disable RS0016\n        public partial int Work(", source.Replace("\r\n", "\n", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
        Assert.Equal(1, source.Split("#pragma warning disable RS0016").Length - 1);
        Assert.Equal(1, source.Split("#pragma warning restore RS0016").Length - 1);
    }

    [Fact]
    public void File_local_type_is_reported_instead_of_generating_into_another_file()
    {
        var result = GeneratorRunner.Run(Usings + """
            file partial class Hidden
            {
                [Traced]
                public partial int Work();

                private int WorkCore() => 1;
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "TK1013");
        Assert.Contains("file-local type 'Hidden'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.Sources.Keys, key => key.Contains("Hidden", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Null_task_from_the_core_is_returned_as_it_is()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Jobs
            {
                [Traced, Timed]
                public partial Task NullTask();

                private Task NullTaskCore() => null!;

                [Traced]
                [return: Tag("job.size")]
                public partial Task<int> NullResult();

                private Task<int> NullResultCore() => null!;
            }
            """).AssertClean();

        Snapshot.Verify("Null_task", result.Sources["Shop.Jobs.Toolkit.g.cs"]);
    }
}
