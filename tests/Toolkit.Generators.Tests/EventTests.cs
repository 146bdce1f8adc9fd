using System.Linq;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>Business events: the generated writer and state, and the diagnostics for templates, values and loggers.</summary>
public sealed class EventTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Toolkit;

        """;

    [Fact]
    public void Wrapped_async_event_with_hashed_redacted_and_primary_constructor_logger()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public enum Region { Eu, Us }

            public sealed partial class Orders(ILogger<Orders> logger)
            {
                [Traced]
                [BusinessEvent("order.placed")]
                public partial Task<string> PlaceAsync([Tag("shop.region")] Region region, [Hashed] string customerId, [Redacted] string cardNumber, decimal amount, CancellationToken cancellationToken);

                private static Task<string> PlaceAsyncCore(Region region, string customerId, string cardNumber, decimal amount, CancellationToken cancellationToken) => Task.FromResult("order-1");
            }
            """).AssertClean();

        Snapshot.Verify("Event_wrapped_async", result.Sources["Shop.Orders.Toolkit.g.cs"]);
        Snapshot.Verify("Event_wrapped_async.Telemetry", result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Fact]
    public void Event_method_with_template_and_fallback_logger()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public static partial class Payments
            {
                [BusinessEvent("payment.declined", Level = LogLevel.Warning, Message = "Declined {{card}} for {CustomerId}: {reason} ({amount:F2})")]
                public static partial void Declined([Hashed] string customerId, string reason, decimal amount, [NotLogged] string sessionId);
            }
            """).AssertClean();

        Snapshot.Verify("Event_method", result.Sources["Shop.Payments.Toolkit.g.cs"]);
    }

    [Fact]
    public void Sync_event_with_field_logger_and_logged_result()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Stock
            {
                private readonly ILogger _logger;

                public Stock(ILogger logger) => _logger = logger;

                [BusinessEvent("stock.reserved", EventId = 17)]
                public partial int Reserve(string sku, int quantity);

                private int ReserveCore(string sku, int quantity) => quantity;
            }
            """).AssertClean();

        string source = result.Sources["Shop.Stock.Toolkit.g.cs"];
        Assert.Contains("var __logger = this._logger;", source);
        Assert.Contains("new global::Microsoft.Extensions.Logging.EventId(17, \"stock.reserved\")", source);
        Assert.Contains("\"stock.reserved sku={sku} quantity={quantity} result={result}\"", source);
    }

    [Fact]
    public void Logged_sync_and_async_methods()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public partial class Jobs(ILogger<Jobs> logger)
            {
                [Logged]
                public partial int Run(int input);

                private static int RunCore(int input) => input;

                [Logged, Traced]
                public partial ValueTask RunAsync(CancellationToken cancellationToken);

                private static ValueTask RunAsyncCore(CancellationToken cancellationToken) => default;
            }
            """).AssertClean();

        Snapshot.Verify("Logged", result.Sources["Shop.Jobs.Toolkit.g.cs"]);
    }

    [Fact]
    public void Events_sharing_an_id_are_reported_but_one_event_from_two_methods_is_not()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [BusinessEvent("order.placed", EventId = 7)]
                public partial void Placed(string id);

                [BusinessEvent("order.placed", EventId = 7)]
                public partial void PlacedAgain(string id);

                [Traced]
                [BusinessEvent("order.cancelled", EventId = 7)]
                public partial void Cancel(string id);

                private void CancelCore(string id) { }
            }
            """);

        // The first event by name keeps the id; each place the other one is written is reported.
        Assert.Equal(2, result.GeneratorDiagnostics.Length);
        Assert.All(result.GeneratorDiagnostics, diagnostic =>
        {
            Assert.Equal("TK1107", diagnostic.Id);
            Assert.Contains("id 7 of 'order.placed' is also the id of 'order.cancelled'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("order.placed", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        });
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Log_properties_expands_simple_properties_at_compile_time()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public sealed record Customer(string Name, [property: Hashed] string Email, int Orders, Customer? Referrer);

            public partial struct Point { public int X { get; set; } public int Y { get; set; } }

            public static partial class Crm
            {
                [BusinessEvent("customer.seen", Message = "Seen {customer.Name} with {customer.Orders} orders")]
                public static partial void Seen([LogProperties] Customer customer, [LogProperties] Point at);
            }
            """);

        Assert.Equal(["TK1103", "TK1103", "TK1103"], result.GeneratorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(result.CompilationDiagnostics);
        Snapshot.Verify("Event_log_properties", result.Sources["Shop.Crm.Toolkit.g.cs"]);
    }

    [Fact]
    public void Event_id_defaults_to_a_stable_hash_of_the_name()
    {
        Assert.Equal(Parsing.EventParser.StableId("order.placed"), Parsing.EventParser.StableId("order.placed"));
        Assert.NotEqual(Parsing.EventParser.StableId("order.placed"), Parsing.EventParser.StableId("order.cancelled"));
        Assert.InRange(Parsing.EventParser.StableId("order.placed"), 1, int.MaxValue);
    }

    [Theory]
    [InlineData("[BusinessEvent(\"\")]", "TK1101")]
    [InlineData("[BusinessEvent(\"e\", Message = \"{missing}\")]", "TK1102")]
    public void Invalid_events_are_errors_and_not_expanded(string attribute, string id)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Service
            {
                {{attribute}}
                public partial void Happened(string what);
            }
            """);

        Assert.Equal(id, Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Value_missing_from_an_explicit_template_is_a_warning_and_still_logged()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [BusinessEvent("e", Message = "Happened {what}")]
                public partial void Happened(string what, int count);
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1103", diagnostic.Id);
        Assert.Contains("'count'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("new global::System.Collections.Generic.KeyValuePair<string, object?>(\"count\", _v1)", result.Sources["Service.Toolkit.g.cs"]);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Complex_values_are_not_logged_unless_hashed()
    {
        var result = GeneratorRunner.Run(Usings + """
            public sealed record Customer(string Name, string Email);

            public partial class Service
            {
                [BusinessEvent("e")]
                public partial void Happened(Customer customer, [Hashed] Customer hashed, [NotLogged] Customer quiet);
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1104", diagnostic.Id);
        Assert.Contains("'customer'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        string source = result.Sources["Service.Toolkit.g.cs"];
        Assert.Contains("\"e hashed={hashed}\"", source);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void Data_classified_values_are_redacted()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Microsoft.Extensions.Compliance.Classification
            {
                public abstract class DataClassificationAttribute : System.Attribute { }
            }

            public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }

            public partial class Service
            {
                [BusinessEvent("e")]
                public partial void Happened([PrivateData] string email, string country);
            }
            """).AssertClean();

        string source = result.Sources["Service.Toolkit.g.cs"];
        Assert.Contains("(\"email\", global::Toolkit.TelemetryRedaction.Placeholder)", source);
        Assert.DoesNotContain("__tags.Add(\"email\"", source);
    }

    [Fact]
    public void Several_loggers_fall_back_to_the_factory_with_a_warning()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                private readonly ILogger _first = null!;
                private readonly ILogger _second = null!;

                [BusinessEvent("e")]
                public partial void Happened(string what);
            }
            """);

        Assert.Equal("TK1105", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Contains("__ToolkitLogger.Logger", result.Sources["Service.Toolkit.g.cs"]);
    }

    [Fact]
    public void Async_enumerable_events_are_not_supported()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [BusinessEvent("e")]
                public partial IAsyncEnumerable<int> StreamAsync();

                private static async IAsyncEnumerable<int> StreamAsyncCore() { await Task.Yield(); yield return 1; }
            }
            """);

        Assert.Equal("TK1106", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Bodiless_method_with_other_attributes_still_needs_a_core()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                [BusinessEvent("e")]
                public partial void Happened(string what);
            }
            """);

        Assert.Equal("TK1003", Assert.Single(result.GeneratorDiagnostics).Id);
    }
}
