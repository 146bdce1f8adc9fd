using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Parsing;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The types the rules look for, resolved once per compilation (in a compilation-start action) so that operation
/// callbacks compare symbols instead of names. A type the compilation doesn't reference is <see langword="null"/>.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        Traced = Get(AttributeNames.Traced);
        Timed = Get(AttributeNames.Timed);
        Counted = Get(AttributeNames.Counted);
        InFlight = Get(AttributeNames.InFlight);
        Logged = Get(AttributeNames.Logged);
        BusinessEvent = Get(AttributeNames.BusinessEvent);
        Tag = Get(AttributeNames.Tag);
        Hashed = Get(AttributeNames.Hashed);
        Redacted = Get(AttributeNames.Redacted);
        NotLogged = Get(AttributeNames.NotLogged);
        TelemetryRedaction = Get("Toolkit.TelemetryRedaction");

        ILogger = Get("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = Get("Microsoft.Extensions.Logging.LoggerExtensions");
        LoggerMessageAttribute = Get("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        DataClassificationAttribute = Get("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");

        Activity = Get("System.Diagnostics.Activity");
        ActivitySource = Get("System.Diagnostics.ActivitySource");
        ActivityStatusCode = Get("System.Diagnostics.ActivityStatusCode");
        ActivityTagsCollection = Get("System.Diagnostics.ActivityTagsCollection");
        Meter = Get("System.Diagnostics.Metrics.Meter");
        Instrument = Get("System.Diagnostics.Metrics.Instrument");
        InstrumentOfT = Get("System.Diagnostics.Metrics.Instrument`1");
        Counter = Get("System.Diagnostics.Metrics.Counter`1");
        Histogram = Get("System.Diagnostics.Metrics.Histogram`1");
        UpDownCounter = Get("System.Diagnostics.Metrics.UpDownCounter`1");
        Gauge = Get("System.Diagnostics.Metrics.Gauge`1");
        InstrumentAdvice = Get("System.Diagnostics.Metrics.InstrumentAdvice`1");
        TagList = Get("System.Diagnostics.TagList");
        Stopwatch = Get("System.Diagnostics.Stopwatch");
        KeyValuePair = Get("System.Collections.Generic.KeyValuePair`2");

        CancellationToken = Get("System.Threading.CancellationToken");
        Guid = Get("System.Guid");
        DateTime = Get("System.DateTime");
        DateTimeOffset = Get("System.DateTimeOffset");
        DateOnly = Get("System.DateOnly");
        TimeOnly = Get("System.TimeOnly");
        TimeSpan = Get("System.TimeSpan");
        Uri = Get("System.Uri");
        IPAddress = Get("System.Net.IPAddress");
        IPEndPoint = Get("System.Net.IPEndPoint");
        Exception = Get("System.Exception");
        MemberInfo = Get("System.Reflection.MemberInfo");
        OperationCanceledException = Get("System.OperationCanceledException");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? Traced { get; }
    public INamedTypeSymbol? Timed { get; }
    public INamedTypeSymbol? Counted { get; }
    public INamedTypeSymbol? InFlight { get; }
    public INamedTypeSymbol? Logged { get; }
    public INamedTypeSymbol? BusinessEvent { get; }
    public INamedTypeSymbol? Tag { get; }
    public INamedTypeSymbol? Hashed { get; }
    public INamedTypeSymbol? Redacted { get; }
    public INamedTypeSymbol? NotLogged { get; }
    public INamedTypeSymbol? TelemetryRedaction { get; }

    public INamedTypeSymbol? ILogger { get; }
    public INamedTypeSymbol? LoggerExtensions { get; }
    public INamedTypeSymbol? LoggerMessageAttribute { get; }
    public INamedTypeSymbol? DataClassificationAttribute { get; }

    public INamedTypeSymbol? Activity { get; }
    public INamedTypeSymbol? ActivitySource { get; }
    public INamedTypeSymbol? ActivityStatusCode { get; }
    public INamedTypeSymbol? ActivityTagsCollection { get; }
    public INamedTypeSymbol? Meter { get; }
    public INamedTypeSymbol? Instrument { get; }
    public INamedTypeSymbol? InstrumentOfT { get; }
    public INamedTypeSymbol? Counter { get; }
    public INamedTypeSymbol? Histogram { get; }
    public INamedTypeSymbol? UpDownCounter { get; }
    public INamedTypeSymbol? Gauge { get; }
    public INamedTypeSymbol? InstrumentAdvice { get; }
    public INamedTypeSymbol? TagList { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? KeyValuePair { get; }

    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? DateOnly { get; }
    public INamedTypeSymbol? TimeOnly { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? IPAddress { get; }
    public INamedTypeSymbol? IPEndPoint { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? MemberInfo { get; }
    public INamedTypeSymbol? OperationCanceledException { get; }

    // Every rule starts from the same compilation; they share one instance rather than resolve the types each.
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> s_cache = new();

    public static KnownSymbols Create(Compilation compilation) => s_cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>The toolkit's method attributes, in the order the generator uses to pick the one it reports.</summary>
    public INamedTypeSymbol?[] MethodAttributes => [Traced, Timed, Counted, InFlight, Logged, BusinessEvent];

    /// <summary>Whether the symbol carries one of the attributes that keep a value out of telemetry or hash it.</summary>
    public bool IsProtected(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (Is(type, Hashed) || Is(type, Redacted) || Is(type, NotLogged) || IsDataClassification(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the attribute is a <c>DataClassificationAttribute</c> (Microsoft.Extensions.Compliance), which a redactor handles.</summary>
    public bool IsDataClassification(INamedTypeSymbol? attribute)
    {
        for (var type = attribute; type is not null; type = type.BaseType)
        {
            if (DataClassificationAttribute is not null
                ? SymbolEqualityComparer.Default.Equals(type, DataClassificationAttribute)
                : type.Name == "DataClassificationAttribute")
            {
                return true;
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

    /// <summary>Whether the type is <paramref name="known"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>T</c> of a <c>Nullable&lt;T&gt;</c>, else the type itself.</summary>
    public static ITypeSymbol? Underlying(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    private INamedTypeSymbol? Get(string metadataName) => TypeLookup.Find(Compilation, metadataName);
}
