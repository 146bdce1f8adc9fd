using Toolkit.Analyzers.Common;
using Xunit;

namespace Toolkit.Analyzers.Tests;

public sealed class IdentifierWordsTests
{
    [Theory]
    [InlineData("orderId", "order,id")]
    [InlineData("OrderId", "order,id")]
    [InlineData("APIKey", "api,key")]
    [InlineData("userIPAddress", "user,ip,address")]
    [InlineData("session_key", "session,key")]
    [InlineData("trace-ids", "trace,ids")]
    [InlineData("user.id", "user,id")]
    [InlineData("http.response.status_code", "http,response,status,code")]
    [InlineData("sha256Hash", "sha,256,hash")]
    [InlineData("_id", "id")]
    [InlineData("ID", "id")]
    [InlineData("paid", "paid")]
    [InlineData("", "")]
    public void Split(string identifier, string expected) =>
        Assert.Equal(expected, string.Join(",", IdentifierWords.Split(identifier)));
}
