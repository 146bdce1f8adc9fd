using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>What made a value look sensitive, for the message, and the operation to point at.</summary>
internal readonly record struct SensitiveValue(IOperation Operation, string Name, string Reason);

/// <summary>
/// Finds values that hold secrets or personal data: by name (<see cref="SensitiveNames"/>), by type (credentials,
/// claims, HTTP headers, cookies, forms) and by data classification (Microsoft.Extensions.Compliance). Built once per
/// compilation; the name lists are read once per rule and syntax tree.
/// </summary>
internal sealed class SensitiveData
{
    private static readonly string[] s_sensitiveTypes =
    [
        "System.Security.SecureString",
        "System.Net.NetworkCredential",
        "System.Net.ICredentials",
        "System.Security.Claims.ClaimsPrincipal",
        "System.Security.Claims.ClaimsIdentity",
        "System.Security.Claims.Claim",
        "System.Net.Http.Headers.HttpHeaders",
        "System.Net.Http.HttpRequestMessage",
        "System.Net.Cookie",
        "System.Net.CookieCollection",
        "System.Collections.Specialized.NameValueCollection",
        "Microsoft.AspNetCore.Http.HttpRequest",
        "Microsoft.AspNetCore.Http.IHeaderDictionary",
        "Microsoft.AspNetCore.Http.IFormCollection",
        "Microsoft.AspNetCore.Http.IQueryCollection",
        "Microsoft.AspNetCore.Http.IRequestCookieCollection",
        "Microsoft.AspNetCore.Http.IResponseCookies",
    ];

    private readonly KnownSymbols _known;
    private readonly ImmutableHashSet<INamedTypeSymbol> _types;
    // Per rule, then per tree: keys of reference types only, which the ReadyToRun image's code can use as they are.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<SyntaxTree, SensitiveNames>> _names = new(System.StringComparer.Ordinal);

    private SensitiveData(KnownSymbols known)
    {
        _known = known;
        var types = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (string name in s_sensitiveTypes)
        {
            if (TypeLookup.Find(known.Compilation, name) is { } type)
            {
                types.Add(type);
            }
        }

        _types = types.ToImmutable();
    }

    public KnownSymbols Known => _known;

    // Shared by the TK2xxx rules of one compilation, like KnownSymbols.
    private static readonly ConditionalWeakTable<Compilation, SensitiveData> s_cache = new();

    public static SensitiveData Create(KnownSymbols known) => s_cache.GetValue(known.Compilation, _ => new SensitiveData(known));

    public SensitiveNames NamesFor(AnalyzerOptions options, SyntaxTree tree, string ruleId)
    {
        if (!_names.TryGetValue(ruleId, out var byTree))
        {
            byTree = _names.GetOrAdd(ruleId, static _ => new ConcurrentDictionary<SyntaxTree, SensitiveNames>());
        }

        return byTree.TryGetValue(tree, out var names) ? names : byTree.GetOrAdd(tree, ReadNames(options, tree, ruleId));
    }

    private static SensitiveNames ReadNames(AnalyzerOptions options, SyntaxTree tree, string ruleId) =>
        SensitiveNames.Create(
            RuleOptions.GetList(options, tree, ruleId, SensitiveNames.AdditionalOption),
            RuleOptions.GetList(options, tree, ruleId, SensitiveNames.ExcludedOption));

    /// <summary>
    /// The sensitive part of a value written to telemetry, looking through conversions, <c>ToString()</c>,
    /// interpolations and concatenations; <see langword="null"/> for constants, hashes and protected symbols.
    /// </summary>
    public SensitiveValue? Find(IOperation? operation, SensitiveNames names)
    {
        operation = TelemetryCalls.Unwrap(operation);
        if (operation is null || operation.ConstantValue.HasValue)
        {
            return null;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && Find(hole.Expression, names) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Find(binary.LeftOperand, names) ?? Find(binary.RightOperand, names);

            // token ?? string.Empty, hasSecret ? secret : "": either operand may be what gets written.
            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, names) ?? Find(coalesce.WhenNull, names);

            case IConditionalOperation { WhenFalse: not null } conditional:
                return Find(conditional.WhenTrue, names) ?? Find(conditional.WhenFalse, names);

            case IParameterReferenceOperation parameter:
                return Check(operation, parameter.Parameter, parameter.Parameter.Name, parameter.Type, names);

            case ILocalReferenceOperation local:
                return Check(operation, local.Local, local.Local.Name, local.Type, names);

            case IFieldReferenceOperation field:
                return Check(operation, field.Field, field.Field.Name, field.Type, names);

            case IPropertyReferenceOperation property:
                return Check(operation, property.Property, property.Property.Name, property.Type, names);

            case IInvocationOperation invocation:
                if (KnownSymbols.Is(invocation.TargetMethod.ContainingType, _known.TelemetryRedaction))
                {
                    return null;
                }

                // password.ToString(), email.Trim(): the receiver decides; GetEmail(): the method's name does.
                if (invocation.Instance is not null
                    && (invocation.TargetMethod.Name == "ToString" || invocation.Instance.Type?.SpecialType == SpecialType.System_String))
                {
                    return Find(invocation.Instance, names) is { } inner ? inner with { Operation = operation } : null;
                }

                string name = invocation.TargetMethod.Name;
                return Check(operation, invocation.TargetMethod, name.StartsWith("Get", System.StringComparison.Ordinal) ? name.Substring(3) : name, invocation.Type, names);

            default:
                return null;
        }
    }

    /// <summary>Why a declared parameter (of a logging method, or a span tag) would carry sensitive data.</summary>
    public string? ReasonFor(IParameterSymbol parameter, SensitiveNames names) =>
        _known.IsProtected(parameter) || IsHarmlessType(parameter.Type) ? null : TypeReason(parameter.Type) ?? NameReason(parameter, parameter.Name, parameter.Type, names);

    private SensitiveValue? Check(IOperation operation, ISymbol symbol, string name, ITypeSymbol? type, SensitiveNames names)
    {
        if (type is null || IsHarmlessType(type) || KnownSymbols.Find(symbol, _known.Hashed) is not null
            || KnownSymbols.Find(symbol, _known.Redacted) is not null || KnownSymbols.Find(symbol, _known.NotLogged) is not null)
        {
            return null;
        }

        // A classified value is redacted only by a logging method that knows its classification, not on its way into one.
        foreach (var attribute in symbol.GetAttributes())
        {
            if (_known.IsDataClassification(attribute.AttributeClass))
            {
                return new SensitiveValue(operation, symbol.Name, "it is classified " + attribute.AttributeClass!.Name.Replace("Attribute", string.Empty));
            }
        }

        string? reason = TypeReason(type) ?? NameReason(symbol, name, type, names);
        return reason is null ? null : new SensitiveValue(operation, symbol.Name, reason);
    }

    /// <summary>Why a value of this type is personal whatever it is called: a postal address, or a type that holds one or a secret.</summary>
    public string? ReasonForType(ITypeSymbol type, SensitiveNames names) => IsHarmlessType(type) ? null : TypeReason(type) ?? SensitiveMember(type, names);

    private string? TypeReason(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition is INamedTypeSymbol definition && _types.Contains(definition))
            {
                return "its type is " + current.Name;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (_types.Contains(implemented.OriginalDefinition))
            {
                return "its type is " + implemented.Name;
            }
        }

        return IsPostalAddress(type) ? "its type " + type.Name + " is a postal address" : null;
    }

    /// <summary>
    /// A name that says so; a bare "address" only when its type is a postal address (checked by the caller) or it is
    /// a string owned by a person-like type (<c>Customer.Address</c>): a silo's, server's or endpoint's address
    /// (an <c>IPEndPoint</c>, a <c>Uri</c>, a <c>SiloAddress</c>) is infrastructure.
    /// </summary>
    private static string? NameReason(ISymbol symbol, string name, ITypeSymbol? type, SensitiveNames names)
    {
        if (names.Match(name, out bool bareAddress) is { } match)
        {
            return "its name says '" + match + "'";
        }

        return bareAddress && type?.SpecialType == SpecialType.System_String && symbol.ContainingType is { } owner && SensitiveNames.IsPersonal(owner.Name)
            ? "it is the address of a " + owner.Name
            : null;
    }

    // A class with street and city (or postal code) members holds somebody's postal address.
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _postal = new(SymbolEqualityComparer.Default);

    private bool IsPostalAddress(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct && !InSystemNamespace(type)
        && _postal.GetOrAdd(type, static t =>
        {
            bool street = false, place = false;
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic)
                {
                    var words = IdentifierWords.Split(member.Name);
                    street |= words.Contains("street") || words.Contains("line1") || (words.Contains("line") && words.Contains("1"));
                    place |= words.Contains("city") || words.Contains("zip") || words.Contains("postcode") || (words.Contains("postal") && words.Contains("code"));
                }
            }

            return street && place;
        });

    /// <summary>
    /// Whether the type's namespace starts with "System" (<c>System.Net</c>, also <c>SystemWeb</c>): its outermost
    /// namespace's name says so without the string the namespace's display would make at every call.
    /// </summary>
    private static bool InSystemNamespace(ITypeSymbol type)
    {
        var outermost = type.ContainingNamespace;
        while (outermost?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        return outermost is { IsGlobalNamespace: false } && outermost.Name.StartsWith("System", System.StringComparison.Ordinal);
    }

    /// <summary>The first public property of a type that holds a secret or personal data, for a destructured <c>{@Customer}</c>.</summary>
    private string? SensitiveMember(ITypeSymbol type, SensitiveNames names)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || InSystemNamespace(type))
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, GetMethod: not null } property
                && !_known.IsProtected(property) && !IsHarmlessType(property.Type)
                && (TypeReason(property.Type) ?? NameReason(property, property.Name, property.Type, names)) is not null)
            {
                return "its type " + type.Name + " has the property " + property.Name;
            }
        }

        return null;
    }

    // Flags, enums, numbers of things, tokens of cancellation, exceptions and delegates say nothing about a person.
    private bool IsHarmlessType(ITypeSymbol type)
    {
        type = KnownSymbols.Underlying(type)!;
        return type.SpecialType == SpecialType.System_Boolean
            || type.TypeKind is TypeKind.Enum or TypeKind.Delegate
            || KnownSymbols.Is(type, _known.CancellationToken)
            || KnownSymbols.DerivesFrom(type, _known.Exception);
    }
}
