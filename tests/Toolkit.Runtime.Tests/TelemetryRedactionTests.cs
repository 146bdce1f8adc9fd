using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Toolkit.Runtime.Tests;

public sealed class TelemetryRedactionTests
{
    [Fact]
    public void Hash_is_eight_lowercase_hex_characters_stable_within_the_process()
    {
        string? first = TelemetryRedaction.Hash("customer-42");
        string? second = TelemetryRedaction.Hash("customer-42");

        Assert.NotNull(first);
        Assert.Matches("^[0-9a-f]{8}$", first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, TelemetryRedaction.Hash("customer-43"));
    }

    [Fact]
    public void Hash_is_the_keyed_hmac_sha256_prefix()
    {
        byte[] key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        TelemetryRedaction.SetHashKey(key);

        byte[] expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("customer-42"));

        Assert.Equal(Convert.ToHexStringLower(expected, 0, 4), TelemetryRedaction.Hash("customer-42"));
    }

    [Fact]
    public void Same_key_gives_the_same_hash_and_another_key_another()
    {
        TelemetryRedaction.SetHashKey(new byte[32]);
        string? withZeros = TelemetryRedaction.Hash("customer-42");
        TelemetryRedaction.SetHashKey(new byte[32]);
        Assert.Equal(withZeros, TelemetryRedaction.Hash("customer-42"));

        TelemetryRedaction.SetHashKey(Enumerable.Repeat((byte)7, 32).ToArray());
        Assert.NotEqual(withZeros, TelemetryRedaction.Hash("customer-42"));
    }

    [Fact]
    public void Short_keys_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TelemetryRedaction.SetHashKey(new byte[15]));
    }

    [Fact]
    public void Null_hashes_to_null_and_long_values_hash_like_short_ones()
    {
        Assert.Null(TelemetryRedaction.Hash(null));
        string longValue = new('é', 10_000);
        Assert.Matches("^[0-9a-f]{8}$", TelemetryRedaction.Hash(longValue));
        Assert.Equal(TelemetryRedaction.Hash(longValue), TelemetryRedaction.Hash(new string('é', 10_000)));
    }

    [Fact]
    public void Non_string_values_hash_their_invariant_text()
    {
        Assert.Equal(TelemetryRedaction.Hash("1234.5"), TelemetryRedaction.Hash(1234.5m));
        Assert.Null(TelemetryRedaction.Hash<object?>(null));
    }
}
