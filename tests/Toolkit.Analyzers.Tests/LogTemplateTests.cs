using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.LogTemplateAnalyzer, Toolkit.Analyzers.CodeFixes.LogTemplateCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class LogTemplateTests
{
    [Fact]
    public Task Interpolation_BecomesATemplateWithArguments() =>
        Verify.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, decimal Total);

            public static class Orders
            {
                public static void Shipped(ILogger logger, Order order, string city, System.Exception error)
                {
                    logger.LogInformation({|TK2003:$"Order {order.Id} shipped to {city} ({order.Total:C}, {{literal}})"|});
                    logger.LogError(error, {|TK2003:$@"Failed {order.Id,5} in {city}\n"|});
                    logger.LogDebug({|TK2003:$"{city}{city}{order.Id + 1}"|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;

            public sealed record Order(int Id, decimal Total);

            public static class Orders
            {
                public static void Shipped(ILogger logger, Order order, string city, System.Exception error)
                {
                    logger.LogInformation("Order {OrderId} shipped to {City} ({OrderTotal:C}, {{literal}})", order.Id, city, order.Total);
                    logger.LogError(error, @"Failed {OrderId,5} in {City}\n", order.Id, city);
                    logger.LogDebug("{City}{City2}{Value}", city, city, order.Id + 1);
                }
            }
            """);

    [Fact]
    public Task Concatenation_AndFormat_AreReported_WithoutAFix() =>
        Verify.VerifyNoFixAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Orders
            {
                public static void Shipped(ILogger logger, string city, int id)
                {
                    logger.LogInformation({|TK2003:"Shipped to " + city|});
                    logger.LogInformation({|TK2003:string.Format("Shipped {0}", id)|});
                    using var scope = logger.BeginScope({|TK2003:$"Order {id}"|}, id);
                }
            }
            """);

    [Fact]
    public Task Silent_OnTemplatesAndConstants() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.LogTemplateAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Orders
            {
                private const string Prefix = "Orders: ";

                public static void Shipped(ILogger logger, string city)
                {
                    logger.LogInformation("Shipped to {City}", city);
                    logger.LogInformation(Prefix + "shipped to {City}", city);
                    logger.LogInformation($"Constant {nameof(Orders)}");
                    string message = $"Not a log call {city}";
                    System.Console.WriteLine($"Not a log call {city}");
                }
            }
            """);

    [Fact]
    public Task FixedText_StaysSilent_DataDoesNot() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.LogTemplateAnalyzer>.VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class Backplane(ILogger<Backplane> logger)
            {
                private static readonly string Prefix = "[BP] ";

                public void Connected(bool reconnected, string action, string path)
                {
                    logger.LogInformation("backplane " + (reconnected ? "re-connected" : "connected"));
                    logger.LogWarning("Locale too long." + Environment.NewLine + "{@Details}", path);
                    logger.LogInformation(Prefix + "ready");
                    logger.LogError({|TK2003:"Error deleting file: " + path|});
                    logger.LogTrace({|TK2003:"before " + action|});
                    logger.LogTrace({|TK2003:"backplane " + (reconnected ? action : "connected")|});
                }
            }
            """);
}
