using System;
using System.Diagnostics;
using Toolkit.Internal;
using Xunit;

namespace Toolkit.Runtime.Tests;

/// <summary>What the span helper sets, for code generated now and for code an earlier generator wrote.</summary>
public sealed class InstrumentationTests
{
    [Fact]
    public void The_span_carries_the_fully_qualified_function_name_and_no_code_namespace()
    {
        using var source = new ActivitySource("Toolkit.Runtime.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = Listen(source);

        using var activity = Instrumentation.StartActivity(source, "Orders.Place", ActivityKind.Internal, "Shop.Orders.Place");

        Assert.NotNull(activity);
        Assert.Equal("Shop.Orders.Place", activity.GetTagItem("code.function.name"));
        Assert.Null(activity.GetTagItem("code.namespace"));
    }

    [Theory]
    [InlineData("Shop", "Shop.Orders.Place")]
    [InlineData(null, "Orders.Place")]
    public void Code_from_an_earlier_generator_gets_one_fully_qualified_name(string? codeNamespace, string expected)
    {
        using var source = new ActivitySource("Toolkit.Runtime.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = Listen(source);

        using var activity = Instrumentation.StartActivity(source, "Orders.Place", ActivityKind.Internal, "Orders.Place", codeNamespace);

        Assert.NotNull(activity);
        Assert.Equal(expected, activity.GetTagItem("code.function.name"));
        Assert.Null(activity.GetTagItem("code.namespace"));
    }

    [Fact]
    public void Without_listeners_no_span_starts()
    {
        using var source = new ActivitySource("Toolkit.Runtime.Tests." + Guid.NewGuid().ToString("N"));

        Assert.Null(Instrumentation.StartActivity(source, "Orders.Place", ActivityKind.Internal, "Shop.Orders.Place"));
    }

    private static ActivityListener Listen(ActivitySource source)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
