using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>Recognizes the <c>System.Diagnostics</c> telemetry calls the TK4xxx rules look at.</summary>
internal static class TelemetryCalls
{
    /// <summary><c>ActivitySource.StartActivity</c> (every overload).</summary>
    public static bool IsStartActivity(IMethodSymbol method, KnownSymbols known) =>
        method.Name == "StartActivity" && KnownSymbols.Is(method.ContainingType, known.ActivitySource);

    /// <summary>Every method of <c>Microsoft.Extensions.Logging.LoggerExtensions</c>.</summary>
    public static readonly string[] LoggerExtensionsMethodNames =
        ["Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope"];

    /// <summary>Every instrument factory of <c>Meter</c>.</summary>
    public static readonly string[] CreateInstrumentNames =
    [
        "CreateCounter", "CreateUpDownCounter", "CreateHistogram", "CreateGauge",
        "CreateObservableCounter", "CreateObservableUpDownCounter", "CreateObservableGauge",
    ];

    /// <summary><c>Meter.CreateCounter</c>, <c>CreateHistogram</c>, <c>CreateObservableGauge</c>...: every instrument factory.</summary>
    public static bool IsCreateInstrument(IMethodSymbol method, KnownSymbols known) =>
        System.Array.IndexOf(CreateInstrumentNames, method.Name) >= 0 && KnownSymbols.Is(method.ContainingType, known.Meter);

    /// <summary>The argument bound to the parameter named <paramref name="name"/>, or null when the overload has none.</summary>
    public static IArgumentOperation? Argument(IInvocationOperation invocation, string name) => Argument(invocation.Arguments, name);

    public static IArgumentOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The argument's value as written: null when the caller left it out (an optional parameter's default).</summary>
    public static IOperation? ExplicitValue(IArgumentOperation? argument) =>
        argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue ? null : WithoutConversions(argument.Value);

    /// <summary>A constant string value, or null.</summary>
    public static string? ConstantString(IOperation? value) =>
        value is not null && value.ConstantValue.HasValue ? value.ConstantValue.Value as string : null;

    /// <summary>The value under the compiler's implicit conversions only: what the code wrote.</summary>
    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value under boxing and casts, implicit or written: <c>(object)id</c> is still <c>id</c>.</summary>
    [return: NotNullIfNotNull(nameof(operation))]
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The name of the local, parameter, field or property <paramref name="value"/> reads, which says what it holds.</summary>
    public static string? ReferencedName(IOperation value) => value switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };
}
