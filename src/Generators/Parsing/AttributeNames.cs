namespace Toolkit.Generators.Parsing;

/// <summary>Metadata names of the toolkit's attributes, in the order that decides which one's pipeline owns a method.</summary>
internal static class AttributeNames
{
    public const string Traced = "Toolkit.TracedAttribute";
    public const string Timed = "Toolkit.TimedAttribute";
    public const string Counted = "Toolkit.CountedAttribute";
    public const string InFlight = "Toolkit.InFlightAttribute";
    public const string BusinessEvent = "Toolkit.BusinessEventAttribute";
    public const string Logged = "Toolkit.LoggedAttribute";
    public const string Gauge = "Toolkit.GaugeAttribute";
    public const string Measure = "Toolkit.MeasureAttribute";
    public const string Tag = "Toolkit.TagAttribute";
    public const string Hashed = "Toolkit.HashedAttribute";
    public const string Redacted = "Toolkit.RedactedAttribute";
    public const string NotLogged = "Toolkit.NotLoggedAttribute";
    public const string LogProperties = "Toolkit.LogPropertiesAttribute";
    public const string Slo = "Toolkit.SloAttribute";
    public const string TelemetrySource = "Toolkit.TelemetrySourceAttribute";
    public const string InstrumentedSource = "Toolkit.Internal.InstrumentedSourceAttribute";

    /// <summary>
    /// A method with several attributes is found once per attribute; only the pipeline of the first of these it
    /// carries parses it, so each method is expanded exactly once.
    /// </summary>
    public static readonly string[] MethodAttributes = [Traced, Timed, Counted, InFlight, Logged, BusinessEvent];
}
