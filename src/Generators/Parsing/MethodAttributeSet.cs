using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// The toolkit's attributes on one method, read in one pass over its attribute list: every pipeline that finds the
/// method reads them on every edit, most only to learn that another pipeline owns it.
/// </summary>
internal readonly struct MethodAttributeSet
{
    private MethodAttributeSet(
        AttributeData? traced, AttributeData? timed, AttributeData? counted, AttributeData? inFlight,
        AttributeData? logged, AttributeData? businessEvent, AttributeData? slo)
    {
        Traced = traced;
        Timed = timed;
        Counted = counted;
        InFlight = inFlight;
        Logged = logged;
        BusinessEvent = businessEvent;
        Slo = slo;
    }

    public AttributeData? Traced { get; }

    public AttributeData? Timed { get; }

    public AttributeData? Counted { get; }

    public AttributeData? InFlight { get; }

    public AttributeData? Logged { get; }

    public AttributeData? BusinessEvent { get; }

    public AttributeData? Slo { get; }

    /// <summary>The first of <see cref="AttributeNames.MethodAttributes"/> the method carries: its pipeline parses the method.</summary>
    public string? Owner =>
        Traced is not null ? AttributeNames.Traced
        : Timed is not null ? AttributeNames.Timed
        : Counted is not null ? AttributeNames.Counted
        : InFlight is not null ? AttributeNames.InFlight
        : Logged is not null ? AttributeNames.Logged
        : BusinessEvent is not null ? AttributeNames.BusinessEvent
        : null;

    /// <summary>Whether <c>[BusinessEvent]</c> is the only one of <see cref="AttributeNames.MethodAttributes"/> present.</summary>
    public bool IsEventOnly =>
        BusinessEvent is not null && Traced is null && Timed is null && Counted is null && InFlight is null && Logged is null;

    public static MethodAttributeSet Read(ImmutableArray<AttributeData> attributes)
    {
        AttributeData? traced = null, timed = null, counted = null, inFlight = null, logged = null, businessEvent = null, slo = null;
        foreach (var attribute in attributes)
        {
            // The first of each, as Symbols.Find would return; names compared without building display strings.
            if (attribute.AttributeClass is not { ContainingNamespace: { Name: "Toolkit", ContainingNamespace.IsGlobalNamespace: true } } type)
            {
                continue;
            }

            switch (type.Name)
            {
                case "TracedAttribute":
                    traced ??= attribute;
                    break;
                case "TimedAttribute":
                    timed ??= attribute;
                    break;
                case "CountedAttribute":
                    counted ??= attribute;
                    break;
                case "InFlightAttribute":
                    inFlight ??= attribute;
                    break;
                case "LoggedAttribute":
                    logged ??= attribute;
                    break;
                case "BusinessEventAttribute":
                    businessEvent ??= attribute;
                    break;
                case "SloAttribute":
                    slo ??= attribute;
                    break;
            }
        }

        return new MethodAttributeSet(traced, timed, counted, inFlight, logged, businessEvent, slo);
    }
}
