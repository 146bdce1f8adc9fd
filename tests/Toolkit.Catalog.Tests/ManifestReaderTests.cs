using System.IO;
using System.Linq;
using Toolkit.Catalog.Manifest;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>The manifest read back from the compiled Toolkit.TestAssets, without loading it.</summary>
public sealed class ManifestReaderTests
{
    [Fact]
    public void Source_name_version_and_instruments()
    {
        var source = TestAssembly.Manifest.Source;

        Assert.Equal("Toolkit.TestAssets", source.Source);
        Assert.Equal("1.2.3", source.Version);
        Assert.True(source.Traced);
        var custom = Assert.Single(source.Instruments, i => i.Name == "shapes.custom.duration");
        Assert.Equal(("histogram", "s"), (custom.Kind, custom.Unit));
        Assert.Equal([0.001, 0.01, 0.1], custom.Buckets);
        Assert.Contains(source.Instruments, i => i is { Name: "business.events", Kind: "counter", Unit: "{event}" });
        Assert.Contains(source.Instruments, i => i is { Name: "method.active", Kind: "updowncounter" });
    }

    [Fact]
    public void Method_with_span_instruments_tags_and_objectives()
    {
        var add = TestAssembly.Method("Shapes.Add");

        Assert.Equal(("Add", "Toolkit.TestAssets"), (add.Name, add.Namespace));
        Assert.Equal(new SpanPart("Shapes.Add", "Client"), add.Span);
        Assert.Equal("method.duration", add.Duration!.Name);
        Assert.Contains(0.25, add.Duration.Buckets!);
        Assert.Equal("method.calls", add.Calls!.Name);
        Assert.Equal("method.active", add.Active!.Name);
        Assert.Equal(
            [new TagPart("shop.region", "region", true, "none"), new TagPart("customer.id", "customerId", false, "none")],
            add.Tags);
        Assert.Equal(["shop.region"], add.MetricTags.Select(t => t.Key));

        var slo = add.Slo!;
        Assert.Equal(new LatencyPart(0.95, 0.25, "250ms"), Assert.Single(slo.Latency));
        Assert.Equal(0.01, slo.ErrorRate);
        Assert.Equal(30, slo.WindowDays);
        Assert.Equal(7, TestAssembly.Method("Shapes.Fail").Slo!.WindowDays);
        Assert.Null(TestAssembly.Method("Shapes.Echo").Slo);
    }

    [Fact]
    public void Business_events_carry_each_property_classification()
    {
        var login = TestAssembly.Method("Audit.Login").Event!;

        Assert.Equal(("audit.login", "Information"), (login.Name, login.Level));
        Assert.Equal(
            [("userName", "hashed"), ("password", "redacted"), ("country", "none")],
            login.Properties.Select(p => (p.Name, p.Classification)));
        Assert.Equal(4242, TestAssembly.Method("Checkout.UpdateCartAsync").Event!.Id);
        Assert.Contains(
            TestAssembly.Method("Dispatch.Shipped").Event!.Properties,
            p => p is { Name: "order.CardNumber", Source: "order", Classification: "redacted" });
    }

    [Fact]
    public void Hashed_tags_and_logged_methods()
    {
        Assert.Contains(TestAssembly.Method("Dispatch.Track").Tags, t => t is { Key: "customer.id", Classification: "hashed" });
        Assert.True(TestAssembly.Method("Jobs.Run").Logged);
        Assert.False(TestAssembly.Method("Shapes.Add").Logged);
    }

    [Fact]
    public void Every_instrumented_type_contributes_its_part()
    {
        var types = TestAssembly.Manifest.Types.Select(t => t.Type).ToArray();

        Assert.Contains("Toolkit.TestAssets.Shapes", types);
        Assert.Contains("Toolkit.TestAssets.Outer.Inner", types);
        Assert.Equal(types.Length, types.Distinct().Count());
        Assert.Equal(2, TestAssembly.Manifest.Methods.Count(m => m.Function == "Toolkit.TestAssets.Shapes.Overload"));
    }

    [Fact]
    public void An_assembly_without_a_manifest_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => ManifestReader.Read(typeof(ToolkitSources).Assembly.Location));

        Assert.Contains("no telemetry manifest", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_of_another_schema_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => ManifestReader.Parse("Future", ["""{"schema":2,"source":"Future","instruments":[]}"""]));

        Assert.Contains("schema 2", error.Message, System.StringComparison.Ordinal);
    }
}
