using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer, Toolkit.Analyzers.CodeFixes.HashValueCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class SensitiveDataLoggedTests
{
    [Fact]
    public Task Argument_IsHashed_AndTheUsingAdded() =>
        Verify.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Accounts(ILogger<Accounts> logger)
            {
                public void SignIn(string customerEmail, string password)
                {
                    logger.LogInformation("Signed in {Email} with {Secret}", {|TK2001:customerEmail|}, {|TK2001:password|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public sealed class Accounts(ILogger<Accounts> logger)
            {
                public void SignIn(string customerEmail, string password)
                {
                    logger.LogInformation("Signed in {Email} with {Secret}", TelemetryRedaction.Hash(customerEmail), TelemetryRedaction.Hash(password));
                }
            }
            """);

    [Fact]
    public Task InterpolatedHoles_MemberAccess_AndScopes() =>
        Verify.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public sealed record User(string Name, string PhoneNumber, string ApiKey);

            public static class Audit
            {
                public static void Record(ILogger logger, User user)
                {
                    logger.LogWarning($"Calling {user.Name} on {{{{|TK2001:user.PhoneNumber|}}}}");
                    using var scope = logger.BeginScope("Key {Key}", {|TK2001:user.ApiKey.Trim()|});
                }
            }
            """,
            """
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public sealed record User(string Name, string PhoneNumber, string ApiKey);

            public static class Audit
            {
                public static void Record(ILogger logger, User user)
                {
                    logger.LogWarning($"Calling {user.Name} on {{{TelemetryRedaction.Hash(user.PhoneNumber)}}}");
                    using var scope = logger.BeginScope("Key {Key}", TelemetryRedaction.Hash(user.ApiKey.Trim()));
                }
            }
            """);

    [Fact]
    public Task SensitiveTypes_AndClassifiedValues() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using System.Net;
            using System.Security;
            using System.Security.Claims;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            namespace Microsoft.Extensions.Compliance.Classification
            {
                public class DataClassificationAttribute : System.Attribute { }
                public sealed class PrivateDataAttribute : DataClassificationAttribute { }
            }

            public sealed class Customer
            {
                [PrivateData] public string Nickname { get; set; } = "";
            }

            public static class Audit
            {
                public static void Record(ILogger logger, SecureString pin, NetworkCredential login, ClaimsPrincipal principal, Customer customer)
                {
                    logger.LogDebug("{A} {B} {C} {D}", {|TK2001:pin|}, {|TK2001:login|}, {|TK2001:principal|}, {|TK2001:customer.Nickname|});
                }
            }
            """);

    [Fact]
    public Task ValueFlowingIntoALoggingMethodParameter_ThatDoesNotProtectIt() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public sealed record Customer(string Email, string Id);

            public partial class Shop(ILogger<Shop> logger)
            {
                [BusinessEvent("customer.seen")]
                public partial void Seen(string value, [Hashed] string who);

                public void Visit(Customer customer)
                {
                    Seen({|TK2001:customer.Email|}, customer.Email);
                    Seen(customer.Id, customer.Id);
                    Shown(logger, {|TK2001:customer.Email|});
                }

                [LoggerMessage(1, LogLevel.Information, "Shown {Value}")]
                static partial void Shown(ILogger logger, string value);
            }
            """);

    [Fact]
    public Task LoggingMethodOfAReferencedAssembly_IsFoundAmongItsOtherMethods()
    {
        // A compiled library, as a package holds it: its [LoggerMessage] method is a logging method (its parameter does
        // not look sensitive, so the call is TK2001's, not TK2002's); its other methods, void or not, generic or not, are not.
        var library = CSharpCompilation.Create(
            "Logging.Library",
            [CSharpSyntaxTree.ParseText(
                """
                using Microsoft.Extensions.Logging;

                namespace Library;

                public static class Log
                {
                    [LoggerMessage(1, LogLevel.Information, "Signed in {Value}")]
                    public static void SignedIn(ILogger logger, string value) { }

                    public static void Remember(ILogger logger, string value) { }

                    public static int Count(ILogger logger, string value) => value.Length;

                    public static void Keep<T>(ILogger logger, T value) { }
                }
                """)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        return AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Accounts(ILogger<Accounts> logger)
            {
                public void SignIn(string email)
                {
                    Library.Log.SignedIn(logger, {|TK2001:email|});
                    Library.Log.Remember(logger, email);
                    _ = Library.Log.Count(logger, email);
                    Library.Log.Keep(logger, email);
                }
            }
            """,
            [MetadataReference.CreateFromImage(image.ToArray())]);
    }

    [Fact]
    public Task Silent_OnHashesFlagsMetadataAndLookalikeWords() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Threading;
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public static class Audit
            {
                public static void Record(ILogger logger, string passwordHash, bool emailVerified, string tokenizer, CancellationToken cancellationToken,
                    string email, string maskedCardNumber, int passwordLength, string customerId, string serverAddress, [Hashed] string phone, Exception error)
                {
                    logger.LogInformation("{A} {B} {C} {D}", passwordHash, emailVerified, tokenizer, cancellationToken);
                    logger.LogInformation("{A} {B} {C}", TelemetryRedaction.Hash(email), maskedCardNumber, passwordLength);
                    logger.LogInformation("{A} {B} {C} {D}", customerId, serverAddress, phone, email.Length);
                    logger.LogError(error, "Failed for {Customer}", customerId);
                    logger.LogInformation("Constant " + "password");
                    Console.WriteLine(email);
                }
            }
            """);

    [Fact]
    public Task Options_AddAndExcludeNames() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Audit
            {
                public static void Record(ILogger logger, string email, string loyaltyNumber)
                {
                    logger.LogInformation("{A} {B}", email, {|TK2001:loyaltyNumber|});
                }
            }
            """,
            """
            dotnet_code_quality.TK2001.additional_sensitive_names = loyalty_number
            dotnet_code_quality.TK2001.excluded_sensitive_names = email
            """);

    [Fact]
    public Task ExpressionBodiedMember_IsFixed() =>
        Verify.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public static class Audit
            {
                public static void Record(ILogger logger, string iban) => logger.LogInformation("{Iban}", {|TK2001:iban|});
            }
            """,
            """
            using Microsoft.Extensions.Logging;
            using Toolkit;

            public static class Audit
            {
                public static void Record(ILogger logger, string iban) => logger.LogInformation("{Iban}", TelemetryRedaction.Hash(iban));
            }
            """);

    [Fact]
    public Task NetworkAddresses_AreInfrastructure() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Net;
            using Microsoft.Extensions.Logging;

            public sealed class SiloAddress
            {
                public IPEndPoint Endpoint { get; } = new(IPAddress.Loopback, 11111);
                public int Generation { get; }
            }

            public sealed class Gateway(ILogger<Gateway> logger)
            {
                public SiloAddress MyAddress { get; } = new();
                public string GatewayAddress { get; } = "gw:30000";

                public void Connect(string address, SiloAddress targetSiloAddress, IPEndPoint endpoint, EndPoint remote, Uri serverAddress, SocketAddress socketAddress)
                {
                    logger.LogInformation("Connecting {Address} {Target} {EndPoint} {Remote}", address, targetSiloAddress, endpoint, remote);
                    logger.LogInformation("From {Mine} via {Gateway} to {Server} {Socket}", MyAddress, GatewayAddress, serverAddress, socketAddress);
                }
            }
            """);

    [Fact]
    public Task PersonalAddresses_AreDecidedByTypeAndOwner() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Address
            {
                public string Street { get; set; } = "";
                public string City { get; set; } = "";
            }

            public sealed class Customer
            {
                public string Address { get; set; } = "";
                public string Email { get; set; } = "";
            }

            public sealed class Shipping(ILogger<Shipping> logger)
            {
                public void Ship(Customer customer, string billingAddress, Address destination, string emailAddress)
                {
                    logger.LogInformation("Shipping to {Address}", {|TK2001:customer.Address|});
                    logger.LogInformation("Billing {Billing} {Email}", {|TK2001:billingAddress|}, {|TK2001:emailAddress|});
                    logger.LogInformation("Destination {Destination}", {|TK2001:destination|});
                }
            }
            """);

    [Fact]
    public Task CoalesceAndConditionalOperands_AreFollowed() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Auth(ILogger<Auth> logger)
            {
                public void Refresh(string? token, bool hasSecret, string secret, string? region, bool eu)
                {
                    logger.LogInformation("Token {Token}", {|TK2001:token|} ?? string.Empty);
                    logger.LogInformation("Secret {Secret}", hasSecret ? {|TK2001:secret|} : "");
                    logger.LogInformation("Region {Region} {Zone}", region ?? "none", eu ? "eu" : "us");
                }
            }
            """);

    [Fact]
    public Task UserNamesLoginsAndPrincipals_AreSensitive() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class SignIn(ILogger<SignIn> logger)
            {
                public void Attempt(string userName, string login, string principal, string typeName, string loginPath)
                {
                    logger.LogWarning("Failed for {User} {Login} {Principal}", {|TK2001:userName|}, {|TK2001:login|}, {|TK2001:principal|});
                    logger.LogWarning("Handler {Type} at {Path}", typeName, loginPath);
                }
            }
            """);

    [Fact]
    public Task DestructuredObjectsAndBodies_AreCheckedWhole() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Customer
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
            }

            public sealed record Contact(string Name, string PhoneNumber);

            public sealed class Order
            {
                public int Id { get; set; }
                public decimal Total { get; set; }
            }

            public sealed class Handler(ILogger<Handler> logger)
            {
                public void Handle(Customer customer, Contact contact, Order order, string requestBody, int bodyLength)
                {
                    logger.LogInformation("Customer {@Customer}", {|TK2001:customer|});
                    logger.LogInformation("Contact {Contact}", {|TK2001:contact|});
                    logger.LogInformation("Received {Body}", {|TK2001:requestBody|});
                    logger.LogInformation("Order {@Order} for {Customer} ({Length} bytes)", order, customer, bodyLength);
                }
            }
            """);

    [Fact]
    public Task MetadataAboutSecrets_StaysSilent() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataLoggedAnalyzer>.VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            public sealed class Options
            {
                public string CookieAuthenticationScheme { get; set; } = "cookies";
                public int AbsoluteRefreshTokenLifetime { get; set; }
            }

            public sealed class Validator(ILogger<Validator> logger)
            {
                public void Validate(Options options, string secretDescription, string clientSecret)
                {
                    logger.LogInformation("Scheme {Scheme}, lifetime {Lifetime}", options.CookieAuthenticationScheme, options.AbsoluteRefreshTokenLifetime);
                    logger.LogInformation("Secret {Description} is invalid", secretDescription);
                    logger.LogInformation("Secret {Secret} is invalid", {|TK2001:clientSecret|});
                }
            }
            """);
}
