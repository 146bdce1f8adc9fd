using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>Recognises hand-written measurements and the shapes their tags come in.</summary>
internal static class MetricInstruments
{
    /// <summary><c>Counter&lt;T&gt;.Add</c>, <c>UpDownCounter&lt;T&gt;.Add</c>, <c>Histogram&lt;T&gt;.Record</c> or <c>Gauge&lt;T&gt;.Record</c>.</summary>
    public static bool IsMeasurement(IMethodSymbol method, KnownSymbols known)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "Add" => KnownSymbols.Is(type, known.Counter) || KnownSymbols.Is(type, known.UpDownCounter),
            "Record" => KnownSymbols.Is(type, known.Histogram) || KnownSymbols.Is(type, known.Gauge),
            _ => false,
        };
    }

    /// <summary><c>KeyValuePair&lt;string, object?&gt;[]</c> or <c>ReadOnlySpan&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>.</summary>
    public static bool IsTagCollection(ITypeSymbol? type, KnownSymbols known) => type switch
    {
        IArrayTypeSymbol array => KnownSymbols.Is(array.ElementType, known.KeyValuePair),
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.Name == "ReadOnlySpan" && KnownSymbols.Is(named.TypeArguments[0], known.KeyValuePair),
        _ => false,
    };
}
