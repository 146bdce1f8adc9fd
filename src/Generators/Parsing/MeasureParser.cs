using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Reads the <c>[Measure]</c> parameters and return value of an instrumented method. Symbols never leave this class.</summary>
internal static class MeasureParser
{
    public delegate void Reporter(DiagnosticDescriptor descriptor, AttributeData attribute, params object[] arguments);

    public static EquatableArray<MeasureSpec> Parse(IMethodSymbol method, ReturnShape shape, ITypeSymbol? resultType, bool hasCore, Reporter report)
    {
        // Most methods measure nothing: no list, and no strings, unless an attribute says so.
        List<MeasureSpec>? measures = null;
        foreach (var parameter in method.Parameters)
        {
            var attributes = parameter.GetAttributes();
            foreach (var attribute in attributes)
            {
                if (!Symbols.Is(attribute, AttributeNames.Measure))
                {
                    continue;
                }

                string target = "the parameter '" + parameter.Name + "'";
                string? problem = parameter.RefKind == RefKind.Out ? "an out parameter has no value to record when the call starts"
                    : Protected(attributes, parameter.Type) ?? Problem(shape, hasCore);
                if (Parse(attribute, parameter.Type, Identifiers.Escape(parameter.Name), problem, target, method, report) is { } measure)
                {
                    (measures ??= new()).Add(measure);
                }
            }
        }

        var returnAttributes = method.GetReturnTypeAttributes();
        foreach (var returned in returnAttributes)
        {
            if (!Symbols.Is(returned, AttributeNames.Measure))
            {
                continue;
            }

            string? problem = Protected(returnAttributes, resultType ?? method.ReturnType) ?? Problem(shape, hasCore)
                ?? (shape is ReturnShape.Value or ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT ? null : "the method returns no single value");
            if (Parse(returned, resultType ?? method.ReturnType, "__result", problem, "the return value", method, report) is { } measure)
            {
                (measures ??= new()).Add(measure);
            }
        }

        return measures is null ? EquatableArray<MeasureSpec>.Empty : measures.ToEquatableArray();
    }

    /// <summary>Whether any parameter or the return value has a <c>[Measure]</c>: most have none.</summary>
    public static bool Any(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (Symbols.Has(parameter.GetAttributes(), AttributeNames.Measure))
            {
                return true;
            }
        }

        return Symbols.Has(method.GetReturnTypeAttributes(), AttributeNames.Measure);
    }

    /// <summary>Reports a <c>[Measure]</c> on a parameter or return value of a method that nothing implements.</summary>
    public static EquatableArray<DiagnosticInfo> Orphans(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = context.TargetSymbol switch
        {
            IParameterSymbol { ContainingSymbol: IMethodSymbol m } => m,
            IMethodSymbol m => m,
            _ => null,
        };
        if (method is null || MethodAttributeSet.Read(method.GetAttributes()).Owner is not null)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
        string target = context.TargetSymbol is IParameterSymbol parameter ? "the parameter '" + parameter.Name + "'" : "the return value";
        return context.Attributes
            .Select(attribute => new DiagnosticInfo(Diagnostic.Create(
                DiagnosticDescriptors.InvalidMeasure,
                attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? context.TargetNode.GetLocation(),
                target,
                method.Name,
                "the method has none of [Traced], [Timed], [Counted], [InFlight], [Logged] or [BusinessEvent], so nothing implements it")))
            .ToEquatableArray();
    }

    /// <summary>A protected value never leaves the process, not even as a number on a histogram.</summary>
    private static string? Protected(ImmutableArray<AttributeData> attributes, ITypeSymbol type) =>
        EventParser.ProtectionOf(attributes, type) switch
        {
            Protection.Hashed => "the value is [Hashed], and a measurement would carry it in the clear",
            Protection.Redacted => "the value is [Redacted] or classified, and must not leave the process",
            _ => null,
        };

    private static string? Problem(ReturnShape shape, bool hasCore) =>
        shape == ReturnShape.AsyncEnumerable ? "an IAsyncEnumerable has no single moment of success"
        : !hasCore ? "a bodiless event method has no call to measure; log the value with the event"
        : null;

    private static MeasureSpec? Parse(AttributeData attribute, ITypeSymbol type, string source, string? problem, string target, IMethodSymbol method, Reporter report)
    {
        if (problem is not null)
        {
            report(DiagnosticDescriptors.InvalidMeasure, attribute, target, method.Name, problem);
            return null;
        }

        var declared = type;
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        if (type.SpecialType is not (SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal))
        {
            report(DiagnosticDescriptors.InvalidMeasure, attribute, target, method.Name,
                "its type '" + declared.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' is not a number (int, long, double, decimal...)");
            return null;
        }

        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        if (!InstrumentNames.IsValid(name))
        {
            report(DiagnosticDescriptors.InvalidInstrumentName, attribute, name);
            return null;
        }

        string unit = "", description = "";
        bool sum = false;
        var buckets = EquatableArray<double>.Empty;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Unit" when argument.Value.Value is string value:
                    unit = value;
                    break;
                case "Description" when argument.Value.Value is string value:
                    description = value;
                    break;
                case "Sum" when argument.Value.Value is bool value:
                    sum = value;
                    break;
                case "Buckets" when !argument.Value.IsNull:
                    buckets = argument.Value.Values.Select(v => System.Convert.ToDouble(v.Value, System.Globalization.CultureInfo.InvariantCulture)).ToEquatableArray();
                    if (!InstrumentNames.AreValidBuckets(buckets))
                    {
                        report(DiagnosticDescriptors.InvalidBuckets, attribute, method.Name);
                        return null;
                    }

                    break;
            }
        }

        var kind = sum ? InstrumentKind.ValueSum : InstrumentKind.ValueHistogram;
        var instrument = new InstrumentSpec(kind, name, unit, description, sum ? EquatableArray<double>.Empty : buckets);
        return new MeasureSpec(instrument, source, declared.ToDisplayString(Symbols.TypeFormat), nullable);
    }
}
