using System.Threading.Tasks;
using Xunit;
using HashFix = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer, Toolkit.Analyzers.CodeFixes.HashValueCodeFix>;
using ProtectFix = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer, Toolkit.Analyzers.CodeFixes.ProtectParameterCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class SensitiveDataInSpanTests
{
    [Fact]
    public Task SpanAttributesAndBaggage_AreHashed() =>
        HashFix.VerifyAsync(
            """
            using System.Diagnostics;

            public static class Checkout
            {
                public static void Tag(Activity activity, string customerEmail, string sessionToken, string value)
                {
                    activity.SetTag("customer", {|TK2004:customerEmail|});
                    activity.AddBaggage("session", {|TK2004:sessionToken|});
                    activity.SetTag("user.email", {|TK2004:value|});
                    activity.AddEvent(new ActivityEvent("login", tags: new ActivityTagsCollection { { "customer", {|TK2004:customerEmail|} } }));
                }
            }
            """,
            """
            using System.Diagnostics;
            using Toolkit;

            public static class Checkout
            {
                public static void Tag(Activity activity, string customerEmail, string sessionToken, string value)
                {
                    activity.SetTag("customer", TelemetryRedaction.Hash(customerEmail));
                    activity.AddBaggage("session", TelemetryRedaction.Hash(sessionToken));
                    activity.SetTag("user.email", TelemetryRedaction.Hash(value));
                    activity.AddEvent(new ActivityEvent("login", tags: new ActivityTagsCollection { { "customer", TelemetryRedaction.Hash(customerEmail) } }));
                }
            }
            """);

    [Fact]
    public Task TagParameter_IsMarkedHashed() =>
        ProtectFix.VerifyAsync(
            """
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.phone")] string {|TK2004:phone|}, [Tag("shop.region")] string region);

                private int PayCore(string phone, string region) => 1;
            }
            """,
            """
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.phone"), Hashed] string phone, [Tag("shop.region")] string region);

                private int PayCore(string phone, string region) => 1;
            }
            """,
            equivalenceKey: "Mark [Hashed]");

    [Fact]
    public Task Silent_OnIdsHashesFlagsAndProtectedTags() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics;
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.email")] [Hashed] string email, [Tag("order.id", SpanOnly = true)] string orderId);

                private int PayCore(string email, string orderId) => 1;

                public static void Tag(Activity? activity, string userId, string email, string method, bool emailVerified)
                {
                    activity?.SetTag("enduser.id", userId);
                    activity?.SetTag("http.request.method", method);
                    activity?.SetTag("user.email", TelemetryRedaction.Hash(email));
                    activity?.SetTag("user.email.verified", emailVerified);
                    activity?.SetTag("user.email.count", 3);
                    System.Console.WriteLine(email);
                }
            }
            """);
}
