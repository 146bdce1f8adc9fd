using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.UnprotectedLogParameterAnalyzer, Toolkit.Analyzers.CodeFixes.ProtectParameterCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class UnprotectedLogParameterTests
{
    private const string Source = """
        using Toolkit;

        public partial class Payments
        {
            [BusinessEvent("payment.declined")]
            public partial void Declined(string {|TK2002:customerEmail|}, [Tag("reason")] string {|TK2002:cardNumber|}, string reason);
        }
        """;

    [Fact]
    public Task BusinessEventParameter_MarkedHashed() =>
        Verify.VerifyAsync(
            Source,
            """
            using Toolkit;

            public partial class Payments
            {
                [BusinessEvent("payment.declined")]
                public partial void Declined([Hashed] string customerEmail, [Tag("reason"), Hashed] string cardNumber, string reason);
            }
            """,
            equivalenceKey: "Mark [Hashed]");

    [Fact]
    public Task BusinessEventParameter_MarkedRedacted() =>
        Verify.VerifyAsync(
            Source,
            """
            using Toolkit;

            public partial class Payments
            {
                [BusinessEvent("payment.declined")]
                public partial void Declined([Redacted] string customerEmail, [{|TK1009:Tag("reason")|}, Redacted] string cardNumber, string reason);
            }
            """,
            equivalenceKey: "Mark [Redacted]");

    [Fact]
    public Task LoggerMessageParameter_IsReported_WithoutAToolkitFix() =>
        Verify.VerifyNoFixAsync(
            """
            using Microsoft.Extensions.Logging;

            internal static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Reset for {Email} with {Password}")]
                static partial void PasswordReset(ILogger logger, string {|TK2002:email|}, string {|TK2002:password|});
            }
            """);

    [Fact]
    public Task Silent_WhenProtected_Harmless_OrNotALoggingMethod() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.UnprotectedLogParameterAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;
            using Toolkit;

            namespace Microsoft.Extensions.Compliance.Classification
            {
                public class DataClassificationAttribute : System.Attribute { }
            }

            public sealed class PiiAttribute : DataClassificationAttribute { }

            public partial class Payments
            {
                [BusinessEvent("payment.declined")]
                public partial void Declined([Hashed] string customerEmail, [Redacted] string cardNumber, [NotLogged] string password, bool emailOptIn, string orderId);

                [LoggerMessage(2, LogLevel.Information, "Sent to {Email}")]
                static partial void Sent(ILogger logger, [Pii] string email);

                public void Plain(string email, string password) { }
            }
            """);

    [Fact]
    public Task Severity_And_ExcludedNames_AreConfigurable() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.UnprotectedLogParameterAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Mailer
            {
                [BusinessEvent("mail.sent")]
                public partial void Sent(string email);
            }
            """,
            "dotnet_code_quality.TK2002.excluded_sensitive_names = email");
}
