using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// Decides from a name alone whether a value probably holds a secret or personal data. Matching is by whole words
/// (<see cref="IdentifierWords"/>), so <c>customerEmail</c> and <c>api_key</c> match while <c>tokenizer</c>,
/// <c>phoneme</c> and <c>addressable</c> don't; names that say the value is already protected (<c>passwordHash</c>,
/// <c>maskedCardNumber</c>) or is about the data rather than the data (<c>passwordLength</c>, <c>emailVerified</c>)
/// are left alone.
/// </summary>
internal sealed class SensitiveNames
{
    public const string AdditionalOption = "additional_sensitive_names";
    public const string ExcludedOption = "excluded_sensitive_names";

    // Each entry is a word sequence; a multi-word entry also matches its words run together ("apikey").
    private static readonly string[] s_defaults =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "api key", "bearer", "cookie", "cookies",
        "authorization", "credential", "credentials", "private key", "connection string", "ssn", "social security",
        "passport", "card number", "credit card", "debit card", "cvv", "cvc", "iban", "phone", "mobile number",
        "msisdn", "date of birth", "dob", "birth date", "birthday", "address", "email", "e mail", "tax id", "national id",
        "user name", "login", "principal",
    ];

    // "address" alone is as often a network endpoint (a server's, a silo's, a gateway's) as a person's: it counts only
    // next to a word that makes it a person's, and SensitiveData decides the rest from the value's type and owner.
    private const string Address = "address";

    private static readonly string[] s_personalAddressWords =
    [
        "email", "mail", "postal", "street", "home", "billing", "shipping", "mailing", "delivery", "residential",
        "physical", "customer", "user", "contact", "person", "patient", "employee", "member", "recipient", "sender",
    ];

    // Words that say the value is protected already, or is metadata about the data rather than the data.
    private static readonly string[] s_excludedWords =
    [
        "hash", "hashed", "hmac", "digest", "redact", "redacted", "mask", "masked", "encrypt", "encrypted", "cipher",
        "protected", "obfuscated", "anonymized", "pseudonymized", "fingerprint", "length", "count", "policy", "type",
        "kind", "expiry", "expires", "expiration", "verified", "valid", "enabled", "required", "format", "name", "provider",
        "url", "uri", "path", "page", "endpoint", "attempt", "attempts", "status", "result", "scheme", "description",
        "lifetime", "timeout", "duration", "ttl",
    ];

    // Word sequences that contain a keyword but name infrastructure, not people or secrets.
    private static readonly string[] s_excludedPhrases =
    [
        "server address", "host address", "endpoint address", "base address", "listen address", "cancellation token",
        "continuation token", "page token", "token endpoint", "email template",
    ];

    private static readonly HashSet<string> s_personalAddressWordSet = new(s_personalAddressWords, StringComparer.Ordinal);

    private static readonly SensitiveNames s_default = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    private readonly string[][] _phrases;
    private readonly HashSet<string> _joined;
    private readonly string[][] _excludedPhrases;
    private readonly HashSet<string> _excludedWords;
    private const int MaxRemembered = 20_000;
    // Values are a class: the package's ReadyToRun image cannot hold the framework's dictionary code over a struct of
    // ours, which the runtime would then compile in every compiler process.
    private readonly ConcurrentDictionary<string, Verdict> _matches = new(StringComparer.Ordinal);
    private int _remembered;

    private SensitiveNames(ImmutableArray<string> additional, ImmutableArray<string> excluded)
    {
        _phrases = s_defaults.Select(SplitPhrase).Concat(additional.Select(SplitPhrase)).Where(p => p.Length > 0).ToArray();
        _joined = new HashSet<string>(_phrases.Where(p => p.Length > 1).Select(p => string.Concat(p)), StringComparer.Ordinal);
        _excludedWords = new HashSet<string>(s_excludedWords, StringComparer.Ordinal);
        var excludedPhrases = new List<string[]>(s_excludedPhrases.Select(SplitPhrase));
        foreach (string entry in excluded)
        {
            string[] words = SplitPhrase(entry);
            if (words.Length == 1)
            {
                _excludedWords.Add(words[0]);
            }
            else if (words.Length > 1)
            {
                excludedPhrases.Add(words);
            }
        }

        _excludedPhrases = excludedPhrases.ToArray();
    }

    public static SensitiveNames Create(ImmutableArray<string> additional, ImmutableArray<string> excluded) =>
        additional.IsEmpty && excluded.IsEmpty ? s_default : new SensitiveNames(additional, excluded);

    /// <summary>The matched keyword phrase (e.g. "email"), or <see langword="null"/> when the name looks harmless.</summary>
    public string? Match(string name) => Match(name, out _);

    /// <summary>
    /// Like <see cref="Match(string)"/>; <paramref name="bareAddress"/> says the name has "address" without a word that
    /// makes it a person's (<c>address</c>, <c>TargetSiloAddress</c>), which only the value's type or owner can settle.
    /// </summary>
    public string? Match(string name, out bool bareAddress)
    {
        // The same few hundred names (clientId, token, request...) come up at every call in a compilation. The default
        // instance lives as long as the compiler server, so what it remembers is capped.
        if (!_matches.TryGetValue(name, out var result))
        {
            result = Compute(name);
            if (Interlocked.Increment(ref _remembered) <= MaxRemembered)
            {
                _matches.TryAdd(name, result);
            }
        }

        bareAddress = result.BareAddress;
        return result.Match;
    }

    private sealed class Verdict(string? match, bool bareAddress)
    {
        public static readonly Verdict Harmless = new(null, bareAddress: false);
        public static readonly Verdict BareAddressOnly = new(null, bareAddress: true);

        public string? Match { get; } = match;

        public bool BareAddress { get; } = bareAddress;

        public static Verdict Of(string? match, bool bareAddress) =>
            match is not null ? new Verdict(match, bareAddress) : bareAddress ? BareAddressOnly : Harmless;
    }

    private Verdict Compute(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0 || ContainsPhrase(words, _excludedPhrases))
        {
            return Verdict.Of(null, bareAddress: false);
        }

        bool bareAddress = false;
        foreach (string[] phrase in _phrases)
        {
            if (IndexOf(words, phrase) >= 0)
            {
                // An exclusion that is part of a longer phrase ("name" in "user name") doesn't undo it.
                foreach (string word in words)
                {
                    if (_excludedWords.Contains(word) && (phrase.Length == 1 || Array.IndexOf(phrase, word) < 0))
                    {
                        return Verdict.Of(null, bareAddress);
                    }
                }

                if (phrase.Length == 1 && phrase[0] == Address && !ContainsAny(words, s_personalAddressWordSet))
                {
                    bareAddress = true;
                    continue;
                }

                return Verdict.Of(string.Join(" ", phrase), bareAddress);
            }
        }

        if (ContainsAny(words, _excludedWords))
        {
            return Verdict.Of(null, bareAddress);
        }

        foreach (string word in words)
        {
            if (_joined.Contains(word))
            {
                return Verdict.Of(word, bareAddress);
            }
        }

        return Verdict.Of(null, bareAddress);
    }

    /// <summary>Whether a type or member name says it belongs to a person (<c>Customer</c>, <c>UserProfile</c>).</summary>
    public static bool IsPersonal(string name) => ContainsAny(IdentifierWords.Split(name), s_personalAddressWordSet);

    /// <summary>Whether the name says the value is protected or is metadata (<c>emailHash</c>, <c>tokenExpiry</c>).</summary>
    public bool IsExcluded(string name)
    {
        var words = IdentifierWords.Split(name);
        return ContainsAny(words, _excludedWords) || ContainsPhrase(words, _excludedPhrases);
    }

    private static bool ContainsAny(List<string> words, HashSet<string> set)
    {
        foreach (string word in words)
        {
            if (set.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(List<string> words, string[][] phrases)
    {
        foreach (string[] phrase in phrases)
        {
            if (IndexOf(words, phrase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] SplitPhrase(string phrase) => IdentifierWords.Split(phrase).ToArray();

    private static int IndexOf(List<string> words, string[] phrase)
    {
        for (int start = 0; start + phrase.Length <= words.Count; start++)
        {
            int i = 0;
            while (i < phrase.Length && words[start + i] == phrase[i])
            {
                i++;
            }

            if (i == phrase.Length)
            {
                return start;
            }
        }

        return -1;
    }
}
