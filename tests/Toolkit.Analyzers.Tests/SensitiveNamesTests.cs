using System.Collections.Immutable;
using Toolkit.Analyzers.Common;
using Xunit;

namespace Toolkit.Analyzers.Tests;

/// <summary>The name heuristic behind TK2001–TK2004: whole words, protected and metadata names left alone.</summary>
public sealed class SensitiveNamesTests
{
    private static readonly SensitiveNames s_default = SensitiveNames.Create(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    [Theory]
    [InlineData("password", "password")]
    [InlineData("newPassword", "password")]
    [InlineData("customerEmail", "email")]
    [InlineData("EmailAddress", "address")]
    [InlineData("api_key", "api key")]
    [InlineData("apikey", "apikey")]
    [InlineData("X-Api-Key", "api key")]
    [InlineData("refreshToken", "token")]
    [InlineData("BearerToken", "token")]
    [InlineData("cardNumber", "card number")]
    [InlineData("creditcard", "creditcard")]
    [InlineData("IBAN", "iban")]
    [InlineData("dateOfBirth", "date of birth")]
    [InlineData("phoneNumber", "phone")]
    [InlineData("connectionString", "connection string")]
    [InlineData("ssn", "ssn")]
    [InlineData("userName", "user name")]
    [InlineData("UserName", "user name")]
    [InlineData("username", "username")]
    [InlineData("login", "login")]
    [InlineData("principal", "principal")]
    [InlineData("homeAddress", "address")]
    [InlineData("shippingAddress", "address")]
    [InlineData("CustomerAddress", "address")]
    public void Matches_sensitive_names(string name, string keyword) => Assert.Equal(keyword, s_default.Match(name));

    [Theory]
    [InlineData("passwordHash")]
    [InlineData("hashedEmail")]
    [InlineData("maskedCardNumber")]
    [InlineData("passwordLength")]
    [InlineData("emailVerified")]
    [InlineData("tokenExpiry")]
    [InlineData("cancellationToken")]
    [InlineData("serverAddress")]
    [InlineData("tokenizer")]
    [InlineData("phoneme")]
    [InlineData("addressable")]
    [InlineData("passportless")]
    [InlineData("customerId")]
    [InlineData("orderTotal")]
    [InlineData("secretName")]
    [InlineData("address")]
    [InlineData("SiloAddress")]
    [InlineData("MyAddress")]
    [InlineData("TargetSiloAddress")]
    [InlineData("GatewayAddress")]
    [InlineData("server.address")]
    [InlineData("network.peer.address")]
    [InlineData("loginPath")]
    [InlineData("LoginUrl")]
    [InlineData("typeName")]
    public void Leaves_harmless_names_alone(string name) => Assert.Null(s_default.Match(name));

    [Theory]
    [InlineData("address")]
    [InlineData("TargetSiloAddress")]
    public void Bare_address_is_left_to_type_and_owner(string name)
    {
        Assert.Null(s_default.Match(name, out bool bareAddress));
        Assert.True(bareAddress);
    }

    [Fact]
    public void Options_add_words_and_exclusions()
    {
        var names = SensitiveNames.Create(ImmutableArray.Create("loyalty_number"), ImmutableArray.Create("email", "home address"));
        Assert.Equal("loyalty number", names.Match("customerLoyaltyNumber"));
        Assert.Null(names.Match("customerEmail"));
        Assert.Null(names.Match("homeAddress"));
        Assert.Equal("address", names.Match("billingAddress"));
        Assert.Equal("password", names.Match("password"));
    }
}
