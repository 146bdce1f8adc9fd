namespace Toolkit.Generators.Model;

/// <summary>The assembly's telemetry source: its name and version, and where its generated holder class lives.</summary>
/// <param name="Version">The version, or <see langword="null"/> when the assembly has none.</param>
/// <param name="HasSchemaUrl">Whether <c>ActivitySourceOptions</c> and <c>MeterOptions</c> take <see cref="SchemaUrl"/>.</param>
internal sealed record SourceSpec(string Name, string? Version, string HolderNamespace, bool HasSchemaUrl = false)
{
    public const string HolderClassName = "Telemetry";

    /// <summary>
    /// The semantic conventions the generated names follow: v1.33 made the <c>code.*</c> attributes stable, with
    /// <c>code.function.name</c> fully qualified and <c>code.namespace</c> gone.
    /// </summary>
    public const string SchemaUrl = "https://opentelemetry.io/schemas/1.33.0";

    public static string HolderNamespaceFor(string? assemblyName) =>
        "Toolkit.Generated." + Helpers.Identifiers.Sanitize(assemblyName ?? "Assembly");

    public static string HolderFor(string? assemblyName) => "global::" + HolderNamespaceFor(assemblyName) + "." + HolderClassName;
}
