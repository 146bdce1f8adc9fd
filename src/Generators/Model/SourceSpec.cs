namespace Toolkit.Generators.Model;

/// <summary>The assembly's telemetry source: its name and version, and where its generated holder class lives.</summary>
/// <param name="Version">The version, or <see langword="null"/> when the assembly has none.</param>
internal sealed record SourceSpec(string Name, string? Version, string HolderNamespace)
{
    public const string HolderClassName = "Telemetry";

    public static string HolderNamespaceFor(string? assemblyName) =>
        "Toolkit.Generated." + Helpers.Identifiers.Sanitize(assemblyName ?? "Assembly");

    public static string HolderFor(string? assemblyName) => "global::" + HolderNamespaceFor(assemblyName) + "." + HolderClassName;
}
