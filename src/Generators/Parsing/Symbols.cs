using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Symbol helpers the parsers share, and the analyzers with them (linked into Toolkit.Analyzers).</summary>
internal static class Symbols
{
    /// <summary>Fully qualified with nullable annotations: what generated declarations must repeat exactly.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// The type as <see cref="TypeFormat"/> writes it. The keyword types most parameters have are written without
    /// running the display visitor: the parser does this for every annotated method on every edit.
    /// </summary>
    public static string DisplayType(ITypeSymbol type)
    {
        string? keyword = type.SpecialType switch
        {
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Byte => "byte",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Char => "char",
            SpecialType.System_String => "string",
            SpecialType.System_Object => "object",
            _ => null,
        };

        // Only string and object can be annotated here: int? is Nullable<int>, whose special type is None.
        if (keyword is not null)
        {
            return type.NullableAnnotation == NullableAnnotation.Annotated ? keyword + "?" : keyword;
        }

        // Task<T> and ValueTask<T>, what most instrumented methods return, from their type argument.
        if (type is INamedTypeSymbol { Arity: 1 } task
            && (IsType(task, "System.Threading.Tasks", "Task", 1) || IsType(task, "System.Threading.Tasks", "ValueTask", 1)))
        {
            string text = "global::System.Threading.Tasks." + task.Name + "<" + DisplayType(task.TypeArguments[0]) + ">";
            return type.NullableAnnotation == NullableAnnotation.Annotated ? text + "?" : text;
        }

        return type.ToDisplayString(TypeFormat);
    }

    /// <summary>The attribute of the given metadata name (one of <see cref="AttributeNames"/>), if present.</summary>
    public static AttributeData? Find(IEnumerable<AttributeData> attributes, string metadataName)
    {
        foreach (var attribute in attributes)
        {
            if (Is(attribute, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <inheritdoc cref="Find(IEnumerable{AttributeData}, string)"/>
    /// <remarks>Enumerates the array without boxing it: the parsers call this for every annotated method on every edit.</remarks>
    public static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName)
    {
        foreach (var attribute in attributes)
        {
            if (Is(attribute, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether the attribute's class has the given metadata name.</summary>
    public static bool Is(AttributeData attribute, string metadataName)
    {
        // Compared in place: the parser runs for every annotated method on every edit, so no display strings.
        int dot = metadataName.LastIndexOf('.');
        return attribute.AttributeClass is { } type
            && type.Name.Length == metadataName.Length - dot - 1
            && string.CompareOrdinal(type.Name, 0, metadataName, dot + 1, type.Name.Length) == 0
            && IsNamespace(type.ContainingNamespace, metadataName, dot);
    }

    /// <summary>Whether <paramref name="ns"/> is the namespace <paramref name="dotted"/>, e.g. <c>System.Threading</c>.</summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string dotted) => IsNamespace(ns, dotted, dotted.Length);

    /// <summary>Whether <paramref name="ns"/> is the namespace written in the first <paramref name="length"/> characters of <paramref name="dotted"/>.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string dotted, int length)
    {
        int end = length;
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            string name = ns.Name;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return ns.ContainingNamespace is null or { IsGlobalNamespace: true };
            }

            if (dotted[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    public static bool Has(IEnumerable<AttributeData> attributes, string metadataName) => Find(attributes, metadataName) is not null;

    public static bool Has(ImmutableArray<AttributeData> attributes, string metadataName) => Find(attributes, metadataName) is not null;

    /// <summary>Whether one of the type's declarations says <c>partial</c>, as the generator needs to add to it.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>A <c>[Tag]</c>'s key: its name argument, else <paramref name="defaultKey"/> (the parameter's name, or <c>result</c>).</summary>
    public static string TagKey(AttributeData tag, string defaultKey) =>
        tag.ConstructorArguments.Length > 0 && tag.ConstructorArguments[0].Value is string { Length: > 0 } name ? name : defaultKey;

    /// <summary>Whether a <c>[Tag]</c> stays off metrics: <c>SpanOnly = true</c>.</summary>
    public static bool IsSpanOnly(AttributeData tag) =>
        tag.NamedArguments.Any(a => a.Key == "SpanOnly" && a.Value.Value is true);

    /// <summary>How a call returning <paramref name="type"/> completes, and its result: a task's <c>T</c>, an async stream's item type, the value itself.</summary>
    public static (ReturnShape Shape, ITypeSymbol? Result) ReturnShapeOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return (ReturnShape.Void, null);
        }

        if (type is INamedTypeSymbol named)
        {
            if (IsType(named, "System.Threading.Tasks", "Task", 0))
            {
                return (ReturnShape.Task, null);
            }

            if (IsType(named, "System.Threading.Tasks", "ValueTask", 0))
            {
                return (ReturnShape.ValueTask, null);
            }

            if (IsType(named, "System.Threading.Tasks", "Task", 1))
            {
                return (ReturnShape.TaskOfT, named.TypeArguments[0]);
            }

            if (IsType(named, "System.Threading.Tasks", "ValueTask", 1))
            {
                return (ReturnShape.ValueTaskOfT, named.TypeArguments[0]);
            }

            if (IsType(named, "System.Collections.Generic", "IAsyncEnumerable", 1))
            {
                return (ReturnShape.AsyncEnumerable, named.TypeArguments[0]);
            }
        }

        return (ReturnShape.Value, type);
    }

    /// <summary>
    /// What a <c>[return: Tag]</c> tags: the value or a task's result. Nothing for <c>void</c>, <c>Task</c> and
    /// <c>ValueTask</c>, nor for an async stream, which has no single value; the generator drops such a tag (TK1009).
    /// </summary>
    public static ITypeSymbol? TaggedResult(ReturnShape shape, ITypeSymbol? result) =>
        shape == ReturnShape.AsyncEnumerable ? null : result;

    /// <summary>
    /// Whether a type parameter says <c>allows ref struct</c> (C# 13). Read through reflection: the generator builds
    /// against an older Roslyn that lacks the property, while the compilers that can parse the constraint have it.
    /// </summary>
    public static bool AllowsRefLikeType(ITypeParameterSymbol parameter) => s_allowsRefLikeType?.Invoke(parameter) ?? false;

    private static readonly Func<ITypeParameterSymbol, bool>? s_allowsRefLikeType = CreateAllowsRefLikeType();

    private static Func<ITypeParameterSymbol, bool>? CreateAllowsRefLikeType()
    {
        var getter = typeof(ITypeParameterSymbol).GetProperty("AllowsRefLikeType")?.GetMethod;
        return getter is null ? null : (Func<ITypeParameterSymbol, bool>)Delegate.CreateDelegate(typeof(Func<ITypeParameterSymbol, bool>), getter);
    }

    /// <summary>
    /// The constraints of a type parameter as C# writes them (<c>class</c>, fully qualified types, <c>new()</c>,
    /// <c>allows ref struct</c>...), in the order the language requires; empty when it has none.
    /// </summary>
    public static List<string> ConstraintsOf(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(TypeFormat)));
        if (parameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        if (AllowsRefLikeType(parameter))
        {
            parts.Add("allows ref struct");
        }

        return parts;
    }

    /// <summary>Whether the type is or holds a pointer or function pointer, which only an unsafe context may name.</summary>
    public static bool ContainsPointer(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => ContainsPointer(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(ContainsPointer),
        _ => false,
    };

    public static bool IsType(ITypeSymbol type, string ns, string name, int arity) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && IsNamespace(named.ContainingNamespace, ns);
}
