using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.AnalyzerVerifier<Toolkit.Analyzers.Rules.ActivityNameFromDataAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class ActivityNameFromDataTests
{
    [Fact]
    public Task Warns_OnNamesBuiltFromData() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public void Place(string customer, int id, string[] parts)
                {
                    using var a = Source.StartActivity({|TK4001:$"order {customer}"|});
                    using var b = Source.StartActivity({|TK4001:"order " + id|}, ActivityKind.Server);
                    using var c = Source.CreateActivity({|TK4001:string.Format("order {0}", id)|}, ActivityKind.Internal);
                    using var d = Source.StartActivity(kind: ActivityKind.Client, name: {|TK4001:string.Concat("get ", customer)|});
                    using var e = new Activity({|TK4001:string.Join("/", parts)|});
                    if (a is not null)
                    {
                        a.DisplayName = {|TK4001:$"GET /orders/{id}"|};
                    }
                }
            }
            """);

    [Fact]
    public Task Silent_OnConstantsPassThroughNamesAndCallerMemberName() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics;
            using System.Runtime.CompilerServices;

            public class OrderService
            {
                private const string Prefix = "orders.";
                private static readonly ActivitySource Source = new("Shop");
                private readonly string _name = "orders.list";

                public void Place(string operation)
                {
                    using var a = Source.StartActivity("orders.place");
                    using var b = Source.StartActivity(Prefix + "cancel");
                    using var c = Source.StartActivity($"{Prefix}refund");
                    using var d = Source.StartActivity(nameof(Place));
                    using var e = Source.StartActivity(operation);
                    using var f = Source.StartActivity(_name);
                    using var g = Source.StartActivity();
                    using var h = Source.StartActivity(ActivityKind.Server);
                    using var i = new Activity("orders.activity");
                    if (a is not null)
                    {
                        a.DisplayName = "GET /orders/{id}";
                        a.SetTag("order.operation", $"{operation} {operation}");
                    }
                }

                // A wrapper helper: the name is its caller's decision.
                public static Activity? Start([CallerMemberName] string name = "") => Source.StartActivity(name);
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public void Place(int id)
                {
                    using var a = Source.StartActivity($"order {id}");
                }
            }
            """,
            "dotnet_diagnostic.TK4001.severity = none");

    [Fact]
    public Task Silent_OnNamesBuiltFromBoundedParts() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics;

            public enum JournalOperation { Append, Truncate }

            public class Journal
            {
                private static readonly ActivitySource Source = new("Journal");

                public void Run<TContext>(JournalOperation kind, string databaseName, string operation)
                {
                    var name = kind switch
                    {
                        JournalOperation.Append => "append",
                        _ => "truncate",
                    };
                    using var a = Source.StartActivity($"journal {name}");
                    using var b = Source.StartActivity($"migrate {typeof(TContext).Name}");
                    using var c = Source.StartActivity("CONNECT " + databaseName);
                    using var d = Source.StartActivity($"{operation} {databaseName}");
                    using var e = Source.StartActivity($"journal {kind}");
                    using var f = Source.StartActivity("handle " + GetType().Name);
                }
            }
            """);

    [Fact]
    public Task Warns_OnIdsUrlsNumbersAndPeopleInParts() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Diagnostics;

            public class Orders
            {
                private static readonly ActivitySource Source = new("Shop");

                public void Run(string orderId, Uri url, string path, Guid tenant, long page, string userName, string sql)
                {
                    using var a = Source.StartActivity({|TK4001:$"order {orderId}"|});
                    using var b = Source.StartActivity({|TK4001:"GET " + path|});
                    using var c = Source.StartActivity({|TK4001:$"fetch {url}"|});
                    using var d = Source.StartActivity({|TK4001:$"tenant {tenant}"|});
                    using var e = Source.StartActivity({|TK4001:$"page {page}"|});
                    using var f = Source.StartActivity({|TK4001:"profile " + userName|});
                    using var g = Source.StartActivity({|TK4001:"query " + sql|});
                }
            }
            """);
}
