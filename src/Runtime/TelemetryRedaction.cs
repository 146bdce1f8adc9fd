using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Toolkit;

/// <summary>
/// How <see cref="RedactedAttribute"/> and <see cref="HashedAttribute"/> values are emitted.
/// </summary>
/// <remarks>
/// Hashes are the first four bytes of an HMAC-SHA256 of the value's UTF-8 bytes, as 8 lowercase hex characters.
/// The key is process-wide. Until <see cref="SetHashKey"/> is called it is 32 random bytes made at start-up, so
/// hashes correlate records within one process and link nothing across processes or restarts. To correlate across
/// instances and deployments, set the same secret key everywhere from configuration at start-up.
/// </remarks>
public static class TelemetryRedaction
{
    /// <summary>What logs show in place of a <see cref="RedactedAttribute"/> value.</summary>
    public const string Placeholder = "[REDACTED]";

    private const int StackLimit = 256;

    private const int HashSize = 32;

    private static byte[] s_key = NewKey();

    /// <summary>Sets the process-wide hash key. Call it once at start-up, before telemetry is written.</summary>
    /// <param name="key">A secret of at least 16 bytes, for example from a secret store.</param>
    public static void SetHashKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("A hash key needs at least 16 bytes.", nameof(key));
        }

        Volatile.Write(ref s_key, key.ToArray());
    }

    /// <summary>The keyed 8-hex-character hash of <paramref name="value"/>, or <see langword="null"/> for <see langword="null"/>.</summary>
    /// <param name="value">The value to hash.</param>
    /// <returns>The hash.</returns>
    public static string? Hash(string? value)
    {
        if (value is null)
        {
            return null;
        }

#if NET
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = max > StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackLimit];
            int length = Encoding.UTF8.GetBytes(value, utf8);
            Span<byte> mac = stackalloc byte[HashSize];
            HMACSHA256.HashData(Volatile.Read(ref s_key), utf8[..length], mac);
            return ToHexLower(mac[..4]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
#else
        // netstandard2.0 has no span-based HMAC: this path allocates the UTF-8 bytes, the HMAC and its result.
        using var hmac = new HMACSHA256(Volatile.Read(ref s_key));
        byte[] mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        return ToHexLower(mac.AsSpan(0, 4));
#endif
    }

    /// <summary>The keyed hash of a value's invariant text; see <see cref="Hash(string?)"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to hash.</param>
    /// <returns>The hash.</returns>
    public static string? Hash<T>(T value) =>
        value is null ? null : Hash(value is IFormattable formattable
            ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString());

    private static byte[] NewKey()
    {
#if NET
        return RandomNumberGenerator.GetBytes(HashSize);
#else
        byte[] key = new byte[HashSize];
        using var random = RandomNumberGenerator.Create();
        random.GetBytes(key);
        return key;
#endif
    }

    private static string ToHexLower(ReadOnlySpan<byte> bytes)
    {
#if NET9_0_OR_GREATER
        return Convert.ToHexStringLower(bytes);
#else
        Span<char> chars = stackalloc char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigit(bytes[i] >> 4);
            chars[(2 * i) + 1] = HexDigit(bytes[i] & 0xF);
        }

        return chars.ToString();
#endif
    }

#if !NET9_0_OR_GREATER
    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
#endif
}
