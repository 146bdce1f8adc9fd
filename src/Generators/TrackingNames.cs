namespace Toolkit.Generators;

/// <summary>Names of the pipeline steps, so tests can assert each step's run reason.</summary>
internal static class TrackingNames
{
    public const string Traced = nameof(Traced);
    public const string Timed = nameof(Timed);
    public const string Counted = nameof(Counted);
    public const string InFlight = nameof(InFlight);
    public const string BusinessEvent = nameof(BusinessEvent);
    public const string Logged = nameof(Logged);
    public const string Gauge = nameof(Gauge);
    public const string Gauges = nameof(Gauges);
    public const string Measure = nameof(Measure);
    public const string Specs = nameof(Specs);
    public const string Types = nameof(Types);
    public const string Source = nameof(Source);
    public const string Usage = nameof(Usage);
    public const string References = nameof(References);
    public const string Target = nameof(Target);
}
