using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Turns one <c>[Gauge]</c> property or method into a <see cref="GaugeSpec"/> and diagnostics. Symbols never leave this class.</summary>
internal static class GaugeParser
{
    public static GaugeResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        var attribute = context.Attributes[0];
        var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? context.TargetNode.GetLocation();
        var spec = Parse(context.TargetSymbol, attribute, (descriptor, arguments) =>
            diagnostics.Add(new DiagnosticInfo(Diagnostic.Create(descriptor, location, arguments))));
        return new GaugeResult(spec, diagnostics.ToEquatableArray());
    }

    private static GaugeSpec? Parse(ISymbol member, AttributeData attribute, System.Action<DiagnosticDescriptor, object[]> report)
    {
        string display = member.ContainingType.Name + "." + member.Name;
        GaugeSpec? Invalid(string reason)
        {
            report(DiagnosticDescriptors.InvalidGaugeMember, [display, reason]);
            return null;
        }

        ITypeSymbol type;
        string access;
        switch (member)
        {
            case IPropertySymbol { IsIndexer: true }:
                return Invalid("an indexer takes arguments");
            case IPropertySymbol { GetMethod: null }:
                return Invalid("the property has no getter");
            case IPropertySymbol { ReturnsByRef: true } or IPropertySymbol { ReturnsByRefReadonly: true }:
                return Invalid("the property returns by reference");
            case IPropertySymbol property:
                if (!IsReadableInAssembly(property.GetMethod!))
                {
                    return Invalid("its getter must be internal or public for the generated callback to read it");
                }

                type = property.Type;
                access = Identifiers.Escape(property.Name);
                break;
            case IMethodSymbol { Parameters.Length: > 0 }:
                return Invalid("a gauge method takes no parameters");
            case IMethodSymbol { IsGenericMethod: true }:
                return Invalid("a gauge method cannot be generic");
            case IMethodSymbol { ReturnsVoid: true }:
                return Invalid("the method returns nothing");
            case IMethodSymbol { ReturnsByRef: true } or IMethodSymbol { ReturnsByRefReadonly: true }:
                return Invalid("the method returns by reference");
            case IMethodSymbol method:
                type = method.ReturnType;
                access = Identifiers.Escape(method.Name) + "()";
                break;
            default:
                return null;
        }

        if (!IsReadableInAssembly(member))
        {
            return Invalid("it must be internal or public, as its containing types, for the generated callback to read it");
        }

        for (var containing = member.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.IsGenericType)
            {
                return Invalid("its type '" + containing.Name + "' is generic, so no single instrument can read it");
            }

            if (!IsReadableInAssembly(containing) || containing.IsFileLocal)
            {
                return Invalid("its type '" + containing.Name + "' must be internal or public for the generated callback to read it");
            }
        }

        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        string? valueType = type.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => "long",
            SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => "double",
            _ => null,
        };
        if (valueType is null)
        {
            return Invalid("its type '" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' is not a number a gauge can observe (an integer up to long, float, double or decimal)");
        }

        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        if (!InstrumentNames.IsValid(name))
        {
            report(DiagnosticDescriptors.InvalidInstrumentName, [name]);
            return null;
        }

        string? unit = null, description = null, kind = "Gauge";
        double? alertBelow = null, alertAbove = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Unit" when argument.Value.Value is string { Length: > 0 } value:
                    unit = value;
                    break;
                case "Description" when argument.Value.Value is string { Length: > 0 } value:
                    description = value;
                    break;
                case "Kind" when argument.Value.Value is int value:
                    kind = value switch { 1 => "UpDownCounter", 2 => "Counter", _ => "Gauge" };
                    break;
                case "AlertBelow" when argument.Value.Value is double value && !double.IsNaN(value):
                    alertBelow = value;
                    break;
                case "AlertAbove" when argument.Value.Value is double value && !double.IsNaN(value):
                    alertAbove = value;
                    break;
            }
        }

        var declaring = member.ContainingType;
        string typeName = declaring.ToDisplayString(Symbols.TypeFormat);
        string? instanceType = null;
        var tags = EquatableArray<GaugeTag>.Empty;
        if (!member.IsStatic)
        {
            if (declaring.IsValueType)
            {
                return Invalid("a struct's instances cannot be tracked; make the member static or the type a class");
            }

            instanceType = typeName;
            tags = Tags(declaring, report);
        }

        return new GaugeSpec(
            name,
            unit,
            description,
            kind,
            valueType,
            (instanceType is null ? typeName : "instance") + "." + access,
            nullable,
            type.SpecialType == SpecialType.System_Decimal,
            instanceType,
            tags,
            declaring.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + member.Name,
            alertBelow,
            alertAbove);
    }

    /// <summary>The type's readable <c>[Tag]</c> properties: one tag per tracked instance, e.g. the queue's name.</summary>
    private static EquatableArray<GaugeTag> Tags(INamedTypeSymbol type, System.Action<DiagnosticDescriptor, object[]> report)
    {
        var tags = new List<GaugeTag>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (Symbols.Find(property.GetAttributes(), AttributeNames.Tag) is not { } tag || Symbols.IsSpanOnly(tag))
            {
                continue; // a span-only tag has no span here: it stays off the gauges (TK3001's "Make span-only").
            }

            if (property.IsStatic || property.IsIndexer || property.GetMethod is null || !IsReadableInAssembly(property.GetMethod))
            {
                report(DiagnosticDescriptors.InvalidTagTarget, ["the property '" + property.Name + "', which is not a readable instance property,", type.Name]);
                continue;
            }

            tags.Add(new GaugeTag(Symbols.TagKey(tag, property.Name), "instance." + Identifiers.Escape(property.Name), property.Name));
        }

        return tags.ToEquatableArray();
    }

    private static bool IsReadableInAssembly(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
