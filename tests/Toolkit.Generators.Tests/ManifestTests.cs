using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>The telemetry manifest: one part per generated type file and one for the source, snapshotted as JSON.</summary>
public sealed class ManifestTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Toolkit;

        """;

    private static readonly Regex s_part = new(@"^\[assembly: global::Toolkit\.Internal\.TelemetryManifestAttribute\((?<literal>"".*"")\)\]$", RegexOptions.Multiline);

    [Fact]
    public void Every_signal_its_tags_protection_and_objectives()
    {
        var result = GeneratorRunner.Run(Usings + """
            [assembly: TelemetrySource("Shop.Orders", Version = "2.0.0")]

            namespace Shop;

            public enum Region { Eu, Us }

            public sealed partial class Orders(ILogger<Orders> logger)
            {
                [Traced(Kind = ActivityKind.Server)]
                [Timed, Counted, InFlight]
                [BusinessEvent("order.placed")]
                [Slo(LatencyP95 = "300ms", LatencyP99 = "1.5s", ErrorRate = 0.01)]
                [return: Tag("order.total")]
                public partial Task<decimal> PlaceAsync(
                    [Tag("shop.region")] Region region,
                    [Tag("order.id", SpanOnly = true)] string orderId,
                    [Tag("customer.id")] [Hashed] string customerId,
                    [Redacted] string cardNumber,
                    [NotLogged] string note,
                    decimal amount,
                    CancellationToken cancellationToken);

                private Task<decimal> PlaceAsyncCore(Region region, string orderId, string customerId, string cardNumber, string note, decimal amount, CancellationToken cancellationToken) =>
                    Task.FromResult(amount);

                [BusinessEvent("payment.declined", Level = LogLevel.Warning, EventId = 7)]
                public partial void PaymentDeclined([Hashed] string customerId, string reason);
            }

            public static partial class Jobs
            {
                [Logged]
                [Timed("jobs.duration", Buckets = [0.1, 1, 10])]
                [Slo(LatencyP50 = "2m", WindowDays = 7)]
                public static partial void Run(string name);

                private static void RunCore(string name) { }
            }
            """).AssertClean();

        Assert.Equal(3, result.Sources.Count);
        Assert.Equal(["Shop.Jobs.Toolkit.g.cs", "Shop.Orders.Toolkit.g.cs", "Toolkit.Telemetry.g.cs"], result.Sources.Keys.Order(System.StringComparer.Ordinal));
        var parts = result.Sources.OrderBy(s => s.Key, System.StringComparer.Ordinal).Select(s => Assert.Single(Parts(s.Value))).ToArray();
        Snapshot.Verify("Manifest_every_signal", Pretty(parts), "json");
    }

    [Fact]
    public void Parts_are_valid_json_of_schema_1_whatever_the_names_hold()
    {
        var result = GeneratorRunner.Run(Usings + """
            [assembly: TelemetrySource("Odd \"quoted\" \\ source")]

            public partial class Service
            {
                [Traced(Name = "line\nbreak\ttab \u0001")]
                [BusinessEvent("odd", Message = "Said \"{text}\"")]
                public partial void Say(string text);

                private void SayCore(string text) { }
            }
            """).AssertClean();

        var source = JsonNode.Parse(Assert.Single(Parts(result.Sources["Toolkit.Telemetry.g.cs"])))!;
        var type = JsonNode.Parse(Assert.Single(Parts(result.Sources["Service.Toolkit.g.cs"])))!;
        Assert.Equal(1, (int)source["schema"]!);
        Assert.Equal("Odd \"quoted\" \\ source", (string)source["source"]!);
        Assert.Equal("line\nbreak\ttab \u0001", (string)type["methods"]![0]!["span"]!["name"]!);
        Assert.Equal("Said \"{text}\"", (string)type["methods"]![0]!["event"]!["template"]!);
    }

    [Fact]
    public void Unmeasurable_objectives_are_reported_and_left_out()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Service
            {
                [Traced]
                [Slo(LatencyP95 = "300ms", ErrorRate = 0.01)]
                public partial void Untimed();

                private void UntimedCore() { }

                [Timed]
                [Slo(LatencyP95 = "fast", ErrorRate = 1.5, WindowDays = 0)]
                public partial void Malformed();

                private void MalformedCore() { }
            }
            """);

        string[] messages = result.GeneratorDiagnostics
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Order(System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "TK1010: The [Slo] of 'Malformed' cannot be measured: 'fast' is not a positive duration such as \"300ms\", \"1.5s\" or \"2m\"",
                "TK1010: The [Slo] of 'Malformed' cannot be measured: ErrorRate must be a fraction between 0 and 1, e.g. 0.01",
                "TK1010: The [Slo] of 'Malformed' cannot be measured: WindowDays must be positive",
                "TK1010: The [Slo] of 'Untimed' cannot be measured: a latency objective needs [Timed]",
                "TK1010: The [Slo] of 'Untimed' cannot be measured: an error-rate objective needs [Timed] or [Counted]",
            ],
            messages);
        Assert.Empty(result.CompilationDiagnostics);
        Assert.DoesNotContain("\"slo\"", string.Concat(Parts(result.Sources["Service.Toolkit.g.cs"])), System.StringComparison.Ordinal);
    }

    private static IEnumerable<string> Parts(string source) =>
        s_part.Matches(source).Select(m => ((LiteralExpressionSyntax)SyntaxFactory.ParseExpression(m.Groups["literal"].Value)).Token.ValueText);

    private static string Pretty(IEnumerable<string> parts) =>
        new JsonArray(parts.Select(p => JsonNode.Parse(p)).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
