using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The project's telemetry compared with its baseline files, once per compilation for all TK5xxx rules. The signals
/// come from the manifest the generator wrote into the compilation, so the rules see exactly what will be emitted.
/// </summary>
internal sealed class TelemetryContract
{
    /// <summary>The diagnostic property holding the signal's current baseline line, for the code fix.</summary>
    public const string LineProperty = "Line";

    private const string ManifestAttribute = "TelemetryManifestAttribute";
    private const string ManifestNamespace = "Toolkit.Internal";

    // Per compilation and options: editing a baseline file changes the options (its additional texts), not the compilation.
    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, Box>> s_cache = new();

    private readonly Dictionary<(string Type, string Method), List<SignalChange>> _byMethod;

    private TelemetryContract(AdditionalText? shipped, AdditionalText? unshipped, IReadOnlyList<SignalChange> changes)
    {
        Shipped = shipped;
        Unshipped = unshipped;
        Changes = changes;
        _byMethod = changes
            .Where(c => c.New?.Origin is not null)
            .GroupBy(c => c.New!.Origin!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    public AdditionalText? Shipped { get; }

    public AdditionalText? Unshipped { get; }

    public IReadOnlyList<SignalChange> Changes { get; }

    /// <summary>The comparison, or <see langword="null"/> when the project has no baseline file: the rules are opt-in.</summary>
    public static TelemetryContract? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        s_cache.GetOrCreateValue(compilation).GetValue(options, o => new Box(Create(compilation, o, cancellationToken))).Contract;

    /// <summary>
    /// Reports the changes of <paramref name="kind"/> found in the methods of <paramref name="type"/>, each on the first
    /// declaration of its method's name (overloads share a <c>code.function.name</c>, and so their signals), and in its
    /// <c>[Gauge]</c> properties and methods.
    /// </summary>
    public void ReportMethods(SymbolAnalysisContext context, SignalChangeKind kind, DiagnosticDescriptor rule, Func<SignalChange, object[]> arguments)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        string typeKey = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Partial declarations first: a plain overload of the same name is not the one the generator expanded.
        var methods = type.GetMembers()
            .Where(m => m is IMethodSymbol or IPropertySymbol && !m.Locations.IsEmpty && m.Locations[0].IsInSource)
            .OrderBy(m => m is IMethodSymbol { IsPartialDefinition: true } ? 0 : 1);
        foreach (var method in methods)
        {
            if (!reported.Add(method.Name) || !_byMethod.TryGetValue((typeKey, method.Name), out var changes))
            {
                continue;
            }

            foreach (var change in changes.Where(c => c.Kind == kind))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(LineProperty, change.New!.Line);
                context.ReportDiagnostic(Diagnostic.Create(rule, method.Locations[0], properties, arguments(change)));
            }
        }
    }

    /// <summary>Where a baseline line is, so a diagnostic about it opens the file at the line.</summary>
    public Location LocationOf(BaselineLine line, bool shipped, CancellationToken cancellationToken)
    {
        var file = shipped ? Shipped : Unshipped;
        var text = file?.GetText(cancellationToken);
        if (file is null || text is null || line.LineNumber >= text.Lines.Count)
        {
            return Location.None;
        }

        var span = text.Lines[line.LineNumber].Span;
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static TelemetryContract? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var shipped = options.AdditionalFiles.FirstOrDefault(f => IsNamed(f, TelemetryBaseline.ShippedFileName));
        var unshipped = options.AdditionalFiles.FirstOrDefault(f => IsNamed(f, TelemetryBaseline.UnshippedFileName));
        if (shipped is null && unshipped is null)
        {
            return null;
        }

        IReadOnlyList<TelemetrySignal> signals;
        try
        {
            signals = ManifestSignals.From(compilation.AssemblyName ?? "", ManifestParts(compilation));
        }
        catch (FormatException)
        {
            return null; // not written by this version of the generator: nothing to compare reliably
        }

        var baseline = TelemetryBaseline.Parse(
            shipped?.GetText(cancellationToken)?.ToString(),
            unshipped?.GetText(cancellationToken)?.ToString());
        return new TelemetryContract(shipped, unshipped, baseline.Compare(signals));
    }

    private static IEnumerable<string> ManifestParts(Compilation compilation)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: ManifestAttribute } type
                && type.ContainingNamespace.ToDisplayString() == ManifestNamespace
                && attribute.ConstructorArguments is [{ Value: string json }])
            {
                yield return json;
            }
        }
    }

    private static bool IsNamed(AdditionalText file, string name) =>
        string.Equals(System.IO.Path.GetFileName(file.Path), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Holds a result that may be <see langword="null"/> (no baseline files) in a table that needs a class.</summary>
    private sealed class Box(TelemetryContract? contract)
    {
        public TelemetryContract? Contract { get; } = contract;
    }
}
