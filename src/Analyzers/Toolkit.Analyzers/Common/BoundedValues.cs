using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// What makes a metric tag high-cardinality: a value type with unbounded distinct values, or a key or variable
/// name that says the value identifies something (an id, an email, a url...). Shared by the TK3xxx rules.
/// </summary>
internal static class BoundedValues
{
    /// <summary>
    /// Keys whose values are bounded by convention although their type or name would say otherwise (OpenTelemetry
    /// semantic conventions that are metric attributes, as instrumentation libraries set them). <c>url.full</c>,
    /// <c>url.path</c> and <c>client.address</c> are left out on purpose: a request or a client makes up new ones.
    /// </summary>
    public static readonly ImmutableHashSet<string> DefaultAllowedKeys = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "error.type",
        "http.request.method",
        "http.response.status_code",
        "http.route",
        "url.scheme",
        "network.protocol.name",
        "network.protocol.version",
        "network.transport",
        "network.type",
        "server.port",
        "server.address",
        "network.peer.address",
        "network.peer.port",
        "db.system",
        "db.system.name",
        "db.namespace",
        "db.collection.name",
        "db.response.status_code",
        "messaging.destination.name",
        "db.operation.name",
        "rpc.system",
        "rpc.service",
        "rpc.method",
        "messaging.system",
        "messaging.operation.name",
        "messaging.operation.type");

    // Last words that make a name an identifier ("orderId", "user.id", "session_key", "trace-ids").
    private static readonly ImmutableHashSet<string> IdentifierEndings = ImmutableHashSet.Create(
        StringComparer.Ordinal, "id", "ids", "guid", "uuid", "key", "keys");

    // Words that make a name unbounded wherever they appear ("emailAddress", "request.path", "client.ip").
    private static readonly ImmutableHashSet<string> UnboundedWords = ImmutableHashSet.Create(
        StringComparer.Ordinal, "email", "url", "uri", "path", "query", "ip", "session", "trace", "span", "timestamp", "message");

    // Last words that make a name about a kind of thing rather than the thing ("messageType", "urlScheme", "sessionCount").
    private static readonly ImmutableHashSet<string> KindEndings = ImmutableHashSet.Create(
        StringComparer.Ordinal, "type", "types", "kind", "label", "name", "count", "length", "size", "version", "scheme", "format", "category", "status", "code");

    public const string AllowedTagKeysOption = "allowed_tag_keys";

    /// <summary>Whether <paramref name="key"/> is allow-listed by default or by the rule's <c>allowed_tag_keys</c> option.</summary>
    public static bool IsAllowedKey(string key, ImmutableArray<string> configured) =>
        DefaultAllowedKeys.Contains(key) || configured.Contains(key);

    /// <summary>Whether a tag key, parameter or variable name says its value identifies something.</summary>
    public static bool IsUnboundedName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        if (IdentifierEndings.Contains(words[words.Count - 1]))
        {
            return true;
        }

        if (KindEndings.Contains(words[words.Count - 1]))
        {
            return false;
        }

        foreach (string word in words)
        {
            if (UnboundedWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Type.Name</c>, <c>FullName</c>, <c>Namespace</c> and <c>MemberInfo.Name</c> (<c>typeof(T).Name</c>,
    /// <c>GetType().Name</c>): bounded by the code's types, not by the data.
    /// </summary>
    public static bool IsCodeName(IPropertySymbol property, KnownSymbols known) =>
        property.Name is "Name" or "FullName" or "Namespace"
        && KnownSymbols.DerivesFrom(property.ContainingType, known.MemberInfo);

    /// <summary><c>bool</c>, enums and their nullables: a handful of values whatever they are called.</summary>
    public static bool IsBoundedType(ITypeSymbol? type)
    {
        type = KnownSymbols.Underlying(type);
        return type is not null && (type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Enum);
    }

    /// <summary>
    /// Types whose values are unbounded: <c>string</c>, <c>object</c>, floating point, <c>Guid</c>, dates and times,
    /// <c>Uri</c>, IP addresses (and their nullables).
    /// </summary>
    public static bool IsUnboundedType(ITypeSymbol? type, KnownSymbols known)
    {
        type = KnownSymbols.Underlying(type);
        if (type is null)
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        return KnownSymbols.Is(type, known.Guid) || KnownSymbols.Is(type, known.DateTimeOffset)
            || KnownSymbols.Is(type, known.DateOnly) || KnownSymbols.Is(type, known.TimeOnly)
            || KnownSymbols.Is(type, known.TimeSpan) || KnownSymbols.Is(type, known.Uri)
            || KnownSymbols.Is(type, known.IPAddress) || KnownSymbols.Is(type, known.IPEndPoint);
    }
}
