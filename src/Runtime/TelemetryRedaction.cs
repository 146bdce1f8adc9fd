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

    private static byte[] s_key = RandomNumberGenerator.GetBytes(32);

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

        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = max > StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackLimit];
            int length = Encoding.UTF8.GetBytes(value, utf8);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(Volatile.Read(ref s_key), utf8[..length], mac);
            return Convert.ToHexStringLower(mac[..4]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The keyed hash of a value's invariant text; see <see cref="Hash(string?)"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to hash.</param>
    /// <returns>The hash.</returns>
    public static string? Hash<T>(T value) =>
        value is null ? null : Hash(value is IFormattable formattable
            ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString());
}
