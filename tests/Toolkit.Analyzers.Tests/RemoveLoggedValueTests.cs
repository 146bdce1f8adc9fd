using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer, Toolkit.Analyzers.CodeFixes.RemoveLoggedValueCodeFix>;

namespace Toolkit.Analyzers.Tests;

/// <summary>TK2001's second fix: the value and its placeholder leave the call together.</summary>
public sealed class RemoveLoggedValueTests
{
    [Fact]
    public Task ValueAndPlaceholder_AreRemoved_FixAllTakesBothOfOneCall() =>
        Verify.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Accounts
            {
                public static void SignIn(ILogger logger, string email, string password, string region, System.Exception error)
                {
                    logger.LogInformation("Signed in {Email} from {Region} with {Password}", {|TK2001:email|}, region, {|TK2001:password|});
                    logger.LogError(error, "{Email} failed {{literal}}", {|TK2001:email|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;

            public static class Accounts
            {
                public static void SignIn(ILogger logger, string email, string password, string region, System.Exception error)
                {
                    logger.LogInformation("Signed in from {Region} with", region);
                    logger.LogError(error, "failed {{literal}}");
                }
            }
            """,
            equivalenceKey: "Remove the value from the log");

    [Fact]
    public Task NoFix_InsideInterpolations_OrWhenTemplateAndArgumentsDisagree() =>
        Verify.VerifyNoFixAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Accounts
            {
                public static void SignIn(ILogger logger, string email, string prefix)
                {
                    logger.LogInformation($"Signed in {{|TK2001:email|}}");
                    logger.LogInformation("Signed in {Email} {Extra}", {|TK2001:email|});
                    logger.LogInformation(prefix + "{Email}", {|TK2001:email|});
                }
            }
            """);
}
