using System;
using System.Diagnostics;
using System.Linq;
using Toolkit.TestAssets;
using Toolkit.Testing;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>[Traced] methods observed through a real <see cref="ActivityListener"/>.</summary>
public sealed class TracingTests
{
    [Fact]
    public void Span_has_default_name_kind_source_and_code_attributes()
    {
        using var spans = new ActivityCollector();

        int result = new Shapes().Add(1, Region.Eu, "c-42");

        Assert.Equal(2, result);
        var span = spans.SingleStopped("Shapes.Add");
        Assert.Equal("Shapes.Add", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(TestSource.Name, span.Source.Name);
        Assert.Equal(TestSource.Version, span.Source.Version);
        Assert.Equal(TestSource.SchemaUrl, span.Source.TelemetrySchemaUrl);
        Assert.Equal("Toolkit.TestAssets.Shapes.Add", span.GetTagItem("code.function.name"));
        Assert.Null(span.GetTagItem("code.namespace")); // deprecated by semantic conventions v1.33, folded into code.function.name
        Assert.True(span.IsAllDataRequested);
        Assert.True(span.Recorded);
    }

    [Fact]
    public void Tag_parameters_are_on_the_span_with_enums_as_member_names_and_span_only_tags_included()
    {
        using var spans = new ActivityCollector();

        new Shapes().Add(1, Region.Apac, "c-42");

        var span = spans.SingleStopped("Shapes.Add");
        Assert.Equal("Apac", Assert.IsType<string>(span.GetTagItem("shop.region")));
        Assert.Equal("c-42", span.GetTagItem("customer.id"));
    }

    [Fact]
    public void Enum_tag_is_the_member_name_string()
    {
        using var spans = new ActivityCollector();

        new Shapes().Add(1, Region.Eu, "c-1");

        Assert.Equal("Eu", Assert.IsType<string>(spans.SingleStopped("Shapes.Add").GetTagItem("shop.region")));
    }

    [Fact]
    public void Custom_span_name_and_bool_tags_as_bools()
    {
        using var spans = new ActivityCollector();
        var shapes = new Shapes();

        shapes.Fire(flag: true, maybe: false);

        Assert.True(shapes.LastFire);
        var span = spans.SingleStopped("shapes.fire");
        Assert.Equal("shapes.fire", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("Toolkit.TestAssets.Shapes.Fire", span.GetTagItem("code.function.name"));
        Assert.True(Assert.IsType<bool>(span.GetTagItem("flag")));
        Assert.False(Assert.IsType<bool>(span.GetTagItem("maybe")));
    }

    [Fact]
    public void Null_nullable_tag_is_left_off_the_span()
    {
        using var spans = new ActivityCollector();

        new Shapes().Fire(flag: false, maybe: null);

        var span = spans.SingleStopped("shapes.fire");
        Assert.False(Assert.IsType<bool>(span.GetTagItem("flag")));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Key == "maybe");
    }

    [Fact]
    public void Successful_call_leaves_status_unset_and_adds_no_error_type()
    {
        using var spans = new ActivityCollector();

        new Shapes().Add(1, Region.Eu, "c-42");

        var span = spans.SingleStopped("Shapes.Add");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
    }

    [Fact]
    public void Failed_call_sets_error_status_and_error_type_but_never_the_message()
    {
        const string Secret = "secret-reason-1234";
        using var telemetry = TelemetryRecorder.Start();

        Assert.Throws<InvalidOperationException>(() => new Shapes().Fail(Secret));

        var span = telemetry.AssertSpan("Shapes.Fail")
            .AssertStatus(ActivityStatusCode.Error)
            .AssertTag("error.type", "System.InvalidOperationException");
        Assert.Null(span.StatusDescription);
        telemetry.AssertNoPii(Secret);
    }

    [Fact]
    public void Failed_call_rethrows_the_same_exception_with_the_core_frame_in_its_stack_trace()
    {
        using var spans = new ActivityCollector();
        var shapes = new Shapes();
        Exception? seenInside = null;

        // A first-chance handler sees the exception object as thrown by the Core, before the wrapper's filter runs.
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> handler = (_, args) =>
        {
            if (args.Exception is InvalidOperationException { Message: "boom" })
            {
                seenInside ??= args.Exception;
            }
        };
        AppDomain.CurrentDomain.FirstChanceException += handler;
        InvalidOperationException thrown;
        try
        {
            thrown = Assert.Throws<InvalidOperationException>(() => shapes.Fail("boom"));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= handler;
        }

        Assert.Same(seenInside, thrown);
        Assert.Equal("boom", thrown.Message);
        Assert.Contains("FailCore", thrown.StackTrace, StringComparison.Ordinal);
        Assert.Single(spans.Stopped);
    }

    [Fact]
    public void Span_is_a_child_of_the_current_activity()
    {
        using var spans = new ActivityCollector();
        using var outer = new Activity("outer").Start();

        new Shapes().Add(1, Region.Eu, "c-42");

        var span = spans.SingleStopped("Shapes.Add");
        Assert.Same(outer, span.Parent);
        Assert.Equal(outer.TraceId, span.TraceId);
        Assert.Equal(outer.SpanId, span.ParentSpanId);
        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public void Nested_generated_spans_share_the_trace()
    {
        using var spans = new ActivityCollector();
        var shapes = new Shapes();

        using (new Activity("outer").Start())
        {
            shapes.Add(1, Region.Eu, "c-1");
            shapes.Fire(true, null);
        }

        var add = spans.SingleStopped("Shapes.Add");
        var fire = spans.SingleStopped("shapes.fire");
        Assert.Equal(add.TraceId, fire.TraceId);
        Assert.Equal(add.ParentSpanId, fire.ParentSpanId);
        Assert.NotEqual(add.SpanId, fire.SpanId);
    }

    [Fact]
    public void Current_activity_is_restored_after_a_sync_call()
    {
        using var spans = new ActivityCollector();
        var shapes = new Shapes();
        var before = Activity.Current;

        shapes.Add(1, Region.Eu, "c-42");
        Assert.Same(before, Activity.Current);

        Assert.Throws<InvalidOperationException>(() => shapes.Fail("x"));
        Assert.Same(before, Activity.Current);

        using var outer = new Activity("outer").Start();
        shapes.Add(1, Region.Eu, "c-42");
        Assert.Same(outer, Activity.Current);
        Assert.Throws<InvalidOperationException>(() => shapes.Fail("x"));
        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public void Sampling_out_keeps_behaviour_and_records_nothing()
    {
        using var spans = new ActivityCollector(ActivitySamplingResult.None);

        Assert.Equal(2, new Shapes().Add(1, Region.Eu, "c-42"));
        Assert.Throws<InvalidOperationException>(() => new Shapes().Fail("x"));

        Assert.Empty(spans.Stopped);
    }

    [Fact]
    public void Propagation_only_span_gets_no_attributes()
    {
        using var spans = new ActivityCollector(ActivitySamplingResult.PropagationData);
        var before = Activity.Current;

        new Shapes().Add(1, Region.Eu, "c-42");

        var span = spans.SingleStopped("Shapes.Add");
        Assert.False(span.IsAllDataRequested);
        Assert.Empty(span.TagObjects);
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public void Other_shapes_are_named_after_their_declaring_type()
    {
        using var spans = new ActivityCollector();

        Assert.Equal(6, 3.Twice());
        Assert.Equal(90m, Accessors.Total(new Order(1, 100m), discounted: true));
        Assert.Equal(3, new Point { X = 1, Y = 2 }.Sum());
        new DerivedInner().CallRun();
        var repository = new Repository<string>();
        repository.Put(1, "one");
        Assert.Equal("one", repository.Find(1));
        Assert.Null(repository.Find(2));
        Assert.Equal("hi", new Shapes().Echo("hi"));
        Assert.Equal("ababab", new Shapes().Optional("ab"));
        Assert.True(Shapes.TryParse("12", out int parsed));
        Assert.Equal(12, parsed);
        int value = 1;
        new Shapes().Modify(ref value, 2, 3, 4);
        Assert.Equal(5, value);

        Assert.Equal("Toolkit.TestAssets.IntExtensions.Twice", spans.SingleStopped("IntExtensions.Twice").GetTagItem("code.function.name"));
        Assert.True(Assert.IsType<bool>(spans.SingleStopped("Order.Total").GetTagItem("order.discounted")));
        Assert.Equal("Toolkit.TestAssets.Point.Sum", spans.SingleStopped("Point.Sum").GetTagItem("code.function.name"));
        Assert.Equal("Toolkit.TestAssets.Outer.Inner.Run", spans.SingleStopped("Outer.Inner.Run").GetTagItem("code.function.name"));
        Assert.Equal(2, spans.Stopped.Count(a => a.OperationName == "Repository.Find"));
        Assert.Equal("hi", spans.SingleStopped("Shapes.Echo").GetTagItem("echo.value"));
        Assert.Single(spans.Stopped, a => a.OperationName == "Shapes.Optional");
        Assert.Single(spans.Stopped, a => a.OperationName == "Shapes.TryParse");
        Assert.Single(spans.Stopped, a => a.OperationName == "Shapes.Modify");
    }

    /// <summary>Outer.Inner.Run is protected internal: reach it as a derived type would.</summary>
    private sealed class DerivedInner : Outer.Inner
    {
        public void CallRun() => Run();
    }
}
