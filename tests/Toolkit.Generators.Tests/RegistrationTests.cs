using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>Instrumented libraries are marked in metadata, and assemblies that reference them register their sources.</summary>
public sealed class RegistrationTests
{
    private const string Library = """
        using Toolkit;

        [assembly: TelemetrySource("Shop.Payments")]

        namespace Shop.Payments;

        public partial class Gateway
        {
            [Traced]
            public partial void Charge();

            private void ChargeCore() { }
        }
        """;

    [Fact]
    public void Instrumented_assembly_carries_its_source_name_in_metadata()
    {
        var result = GeneratorRunner.Run(GeneratorRunner.Compile("Shop.Payments", [], Library)).AssertClean();

        Assert.Contains(
            "[assembly: global::Toolkit.Internal.InstrumentedSourceAttribute(global::Toolkit.Generated.Shop_Payments.Telemetry.Name)]",
            result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Fact]
    public void Application_registers_the_sources_of_its_instrumented_references()
    {
        var application = GeneratorRunner.Compile("Shop.Api", [CompileLibrary()], """
            public static class Program
            {
                public static void Main() => new Shop.Payments.Gateway().Charge();
            }
            """);

        var result = GeneratorRunner.Run(application).AssertClean();

        Snapshot.Verify("Referenced_sources", result.Sources["Toolkit.ReferencedSources.g.cs"]);
        Assert.DoesNotContain("Toolkit.Telemetry.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void Assembly_without_instrumented_references_gets_no_registration()
    {
        var result = GeneratorRunner.Run("public class Plain { }").AssertClean();

        Assert.Empty(result.Sources);
    }

    private static MetadataReference CompileLibrary()
    {
        var library = GeneratorRunner.Compile("Shop.Payments", [], Library);
        GeneratorRunner.CreateDriver().RunGeneratorsAndUpdateCompilation(library, out var output, out _);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
