using System.Linq;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>Bad attribute usage is reported at the method, with a message that says what to do, and no broken code is emitted.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Toolkit;

        """;

    [Fact]
    public void Non_partial_method_or_type_is_left_to_the_analyzer()
    {
        // TK1001/TK1002 come from NotInstrumentableAnalyzer, which offers the fix; the generator just expands nothing.
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                public int Work() => 1;
            }

            public class Outer
            {
                public partial class Inner
                {
                    [Traced]
                    public partial int Work();

                    private int WorkCore() => 1;
                }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Core_name_used_by_another_method_falls_back_to_Body()
    {
        // The Save/SaveCore pattern: SaveCore is the extensibility point, so the body lives in SaveBody.
        var result = GeneratorRunner.Run(Usings + """
            public partial class Document
            {
                [Traced]
                public partial bool Save();

                private bool SaveBody() => SaveCore(force: false);

                protected virtual bool SaveCore(bool force) => force;

                [Traced]
                public partial int Load();

                private int LoadCore() => 1;

                private int LoadBody() => 2;
            }
            """).AssertClean();

        string source = result.Sources["Document.Toolkit.g.cs"];
        Assert.Contains("SaveBody()", source);
        Assert.DoesNotContain("SaveCore(", source);
        Assert.Contains("LoadCore()", source); // a matching Core wins over a Body
        Assert.DoesNotContain("LoadBody(", source);
    }

    [Fact]
    public void Missing_core_message_names_the_Body_fallback()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Document
            {
                [Traced]
                public partial bool Save();

                protected virtual bool SaveCore(bool force) => force;
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1003", diagnostic.Id);
        Assert.StartsWith("'Save' needs a method 'SaveCore' (or 'SaveBody' where 'SaveCore' names another method)", diagnostic.GetMessage());
    }

    [Fact]
    public void Pragma_suppresses_generator_diagnostics()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
            #pragma warning disable TK1003
                [Traced]
                public partial int Work();
            #pragma warning restore TK1003
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1003", diagnostic.Id);
        Assert.True(diagnostic.IsSuppressed);
    }

    [Theory]
    [InlineData("private int WorkCore(long x) => 1;")]
    [InlineData("private long WorkCore(int x) => 1;")]
    [InlineData("private int WorkCore(ref int x) => 1;")]
    [InlineData("private int OtherCore(int x) => 1;")]
    public void Missing_or_mismatched_core_is_reported(string core)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Service
            {
                [Timed]
                public partial int Work(int x);

                {{core}}
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1003", diagnostic.Id);
        Assert.Equal("Work", SourceAt(diagnostic));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Instance_core_of_static_method_is_reported_but_static_core_of_instance_method_is_fine()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                public static partial int Shared();

                private int SharedCore() => 1;

                [Traced]
                public partial int Own();

                private static int OwnCore() => 2;
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1003", diagnostic.Id);
        Assert.Equal("Shared", SourceAt(diagnostic));
        Assert.Contains("partial int Own()", result.Sources["Service.Toolkit.g.cs"]);
        Assert.DoesNotContain("Shared", result.Sources["Service.Toolkit.g.cs"]);
    }

    [Fact]
    public void User_written_implementation_is_reported()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                public partial int Work();

                public partial int Work() => 1;

                private int WorkCore() => 1;
            }
            """);

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "TK1004");
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Async_void_core_is_a_warning_and_still_expanded()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                public partial void Fire();

                private async void FireCore() => await Task.Yield();
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1005", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("Service.Toolkit.g.cs", result.Sources.Keys);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("public partial ref int Work();", "private ref int WorkCore() => throw null!;", "by reference")]
    [InlineData("public partial Span<int> Work();", "private Span<int> WorkCore() => default;", "ref struct 'Span'")]
    public void Unsupported_returns_are_reported(string declaration, string core, string expected)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Service
            {
                [Traced]
                {{declaration}}

                {{core}}
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1006", diagnostic.Id);
        Assert.Contains(expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[Timed(\"1bad\")]")]
    [InlineData("[Counted(\"has space\")]")]
    [InlineData("[InFlight(\"\")]")]
    public void Invalid_instrument_names_are_reported_at_the_attribute(string attribute)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Service
            {
                {{attribute}}
                public partial void Work();

                private void WorkCore() { }
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1007", diagnostic.Id);
        Assert.Equal(attribute.Trim('[', ']'), SourceAt(diagnostic));
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("new double[0]")]
    [InlineData("new[] { 1.0, 0.5 }")]
    [InlineData("new[] { 0.1, 0.1 }")]
    [InlineData("new[] { 0.1, double.NaN }")]
    public void Invalid_buckets_are_reported(string buckets)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Service
            {
                [Timed(Buckets = {{buckets}})]
                public partial void Work();

                private void WorkCore() { }
            }
            """);

        Assert.Equal("TK1008", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Tag_without_a_value_is_reported_and_ignored()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                [return: Tag("nothing")]
                public partial void Work([Tag] out int value);

                private void WorkCore(out int value) => value = 1;
            }
            """);

        Assert.Equal(["TK1009", "TK1009"], result.GeneratorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Redacted_tags_are_reported_and_dropped_and_hashed_tags_emit_the_hash()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced, Counted]
                public partial void Work([Tag("card")] [Redacted] string card, [Tag("customer.id")] [Hashed] string customerId);

                private void WorkCore(string card, string customerId) { }
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1009", diagnostic.Id);
        Assert.Contains("the redacted parameter 'card'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        string source = result.Sources["Service.Toolkit.g.cs"];
        Assert.DoesNotContain("\"card\"", source);
        Assert.Contains("__activity.SetTag(\"customer.id\", global::Toolkit.TelemetryRedaction.Hash(customerId));", source);
        Assert.Contains("__tags.Add(\"customer.id\", global::Toolkit.TelemetryRedaction.Hash(customerId));", source);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Method_with_several_attributes_is_expanded_once()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [InFlight, Counted, Timed, Traced]
                public partial void Work();

                private void WorkCore() { }
            }
            """).AssertClean();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Sources["Service.Toolkit.g.cs"], "partial void Work"));
    }

    private static string SourceAt(Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
