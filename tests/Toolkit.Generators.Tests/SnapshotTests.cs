using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>The generated source for every supported shape, compared with its verified snapshot and compiled warning-free.</summary>
public sealed class SnapshotTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using Toolkit;

        """;

    [Fact]
    public void Sync_method_with_every_attribute_and_tags()
    {
        var result = GeneratorRunner.Run(Usings + """
            [assembly: TelemetrySource("Shop.Orders", Version = "2.0.0")]

            namespace Shop;

            public enum Region { Eu, Us, Apac, Default = 0 }

            public sealed partial class OrderService
            {
                [Traced(Kind = ActivityKind.Client)]
                [Timed]
                [Counted]
                [InFlight]
                public partial int Place([Tag("shop.region")] Region region, [Tag("order.id", SpanOnly = true)] string orderId, [Tag] bool express, int quantity);

                private int PlaceCore(Region region, string orderId, bool express, int quantity) => quantity;
            }
            """).AssertClean();

        Snapshot.Verify("Sync_every_attribute", result.Sources["Shop.OrderService.Toolkit.g.cs"]);
        Snapshot.Verify("Sync_every_attribute.Telemetry", result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Fact]
    public void Void_method_traced_with_custom_name()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Notifier
            {
                [Traced(Name = "notify.send")]
                public partial void Send(string channel, [Tag("notify.urgent")] bool? urgent);

                private void SendCore(string channel, bool? urgent) { }
            }
            """).AssertClean();

        Snapshot.Verify("Void_traced", result.Sources["Shop.Notifier.Toolkit.g.cs"]);
    }

    [Fact]
    public void Task_of_T_with_return_tag_and_cancellation_token()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Inventory
            {
                [Traced, Timed, Counted]
                [return: Tag("inventory.count")]
                public partial Task<int> CountAsync(string sku, CancellationToken cancellationToken);

                private async Task<int> CountAsyncCore(string sku, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return sku.Length;
                }
            }
            """).AssertClean();

        Snapshot.Verify("Task_of_T", result.Sources["Shop.Inventory.Toolkit.g.cs"]);
    }

    [Fact]
    public void Task_and_ValueTask_shapes()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Payments
            {
                [Traced, Timed]
                public partial Task CaptureAsync(decimal amount);

                private Task CaptureAsyncCore(decimal amount) => Task.CompletedTask;

                [Timed, Counted]
                public partial ValueTask<decimal> QuoteAsync(decimal amount);

                private ValueTask<decimal> QuoteAsyncCore(decimal amount) => new(amount);

                [Traced, InFlight]
                public partial ValueTask RefundAsync(decimal amount);

                private ValueTask RefundAsyncCore(decimal amount) => default;
            }
            """).AssertClean();

        Snapshot.Verify("Task_and_ValueTask", result.Sources["Shop.Payments.Toolkit.g.cs"]);
    }

    [Fact]
    public void Async_enumerable()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public enum Feed { Orders, Returns }

            public partial class Exporter
            {
                [Traced, Counted]
                public partial IAsyncEnumerable<string> ExportAsync([Tag("export.feed")] Feed feed, CancellationToken cancellationToken);

                private async IAsyncEnumerable<string> ExportAsyncCore(Feed feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    yield return feed.ToString();
                }
            }
            """).AssertClean();

        Snapshot.Verify("Async_enumerable", result.Sources["Shop.Exporter.Toolkit.g.cs"]);
    }

    [Fact]
    public void Static_extension_and_parameter_modifiers()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public static partial class Parsing
            {
                [Traced, Timed]
                public static partial bool TryParse(string text, out int value);

                private static bool TryParseCore(string text, out int value) => int.TryParse(text, out value);

                [Traced]
                internal static partial int Sum(this int[] values, ref int carry, in int offset, params int[] more);

                private static int SumCore(this int[] values, ref int carry, in int offset, params int[] more) => carry += offset;

                [Traced]
                private static partial string Pad(string @event, int width = 8);

                private static string PadCore(string @event, int width) => @event.PadLeft(width);
            }
            """).AssertClean();

        Snapshot.Verify("Static_extension_modifiers", result.Sources["Shop.Parsing.Toolkit.g.cs"]);
    }

    [Fact]
    public void Generic_method_in_generic_type_with_constraints()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Repository<TEntity, TKey>
                where TEntity : class
                where TKey : notnull
            {
                [Traced, Counted]
                public partial TEntity? Find(TKey key);

                private TEntity? FindCore(TKey key) => null;

                [Traced]
                public partial TResult Map<TResult>([Tag("map.input")] TEntity entity, Func<TEntity, TResult> map)
                    where TResult : struct, IComparable<TResult>;

                private TResult MapCore<TResult>(TEntity entity, Func<TEntity, TResult> map)
                    where TResult : struct, IComparable<TResult> => map(entity);
            }
            """).AssertClean();

        Snapshot.Verify("Generic", result.Sources["Shop.Repository_TEntity_TKey_.Toolkit.g.cs"]);
    }

    [Fact]
    public void Nested_record_and_struct_containing_types()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Outer
            {
                protected partial record Inner(int Id)
                {
                    [Traced]
                    internal partial int Twice();

                    private int TwiceCore() => Id * 2;
                }

                public readonly partial record struct Point(int X, int Y)
                {
                    [Timed]
                    public partial int Sum();

                    private int SumCore() => X + Y;
                }
            }
            """).AssertClean();

        Snapshot.Verify("Nested_record", result.Sources["Shop.Outer.Inner.Toolkit.g.cs"]);
        Snapshot.Verify("Nested_record_struct", result.Sources["Shop.Outer.Point.Toolkit.g.cs"]);
    }

    [Fact]
    public void Global_namespace_custom_instruments_and_default_source()
    {
        var result = GeneratorRunner.Run(Usings + """
            [assembly: System.Reflection.AssemblyInformationalVersion("3.1.4+abc")]

            public partial class Checkout
            {
                [Timed("checkout.duration", Buckets = new[] { 0.1, 0.5, 1.0 })]
                [Counted("checkout.attempts")]
                [InFlight("checkout.active")]
                public partial void Run();

                private void RunCore() { }
            }
            """).AssertClean();

        Snapshot.Verify("Global_namespace", result.Sources["Checkout.Toolkit.g.cs"]);
        Snapshot.Verify("Global_namespace.Telemetry", result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Fact]
    public void No_annotated_methods_generate_nothing()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Plain
            {
                public int Work() => 1;
            }
            """).AssertClean();

        Assert.Empty(result.Sources);
    }
}
