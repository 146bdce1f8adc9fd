namespace Toolkit.Analyzers.Common;

/// <summary>Diagnostic categories, one per id range: TK1xxx usage, TK2xxx privacy, TK3xxx cardinality, TK4xxx telemetry API use, TK5xxx the telemetry contract.</summary>
internal static class RuleCategories
{
    public const string Usage = "Toolkit.Usage";
    public const string Privacy = "Toolkit.Privacy";
    public const string Cardinality = "Toolkit.Cardinality";
    public const string TelemetryApi = "Toolkit.TelemetryApi";
    public const string Contract = "Toolkit.Contract";
}
