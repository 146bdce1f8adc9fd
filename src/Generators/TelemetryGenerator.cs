using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Generators.Emitting;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;
using Toolkit.Generators.Parsing;

namespace Toolkit.Generators;

/// <summary>
/// Expands <c>[Traced]</c>, <c>[Timed]</c>, <c>[Counted]</c> and <c>[InFlight]</c> partial methods into
/// <c>ActivitySource</c> and <c>Meter</c> code, one file per containing type plus one telemetry holder per assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TelemetryGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var traced = Methods(context, AttributeNames.Traced, TrackingNames.Traced);
        var timed = Methods(context, AttributeNames.Timed, TrackingNames.Timed);
        var counted = Methods(context, AttributeNames.Counted, TrackingNames.Counted);
        var inFlight = Methods(context, AttributeNames.InFlight, TrackingNames.InFlight);
        var logged = Methods(context, AttributeNames.Logged, TrackingNames.Logged);
        var businessEvent = Methods(context, AttributeNames.BusinessEvent, TrackingNames.BusinessEvent);

        foreach (var results in new[] { traced, timed, counted, inFlight, logged, businessEvent })
        {
            context.RegisterSourceOutput(
                results.SelectMany(static (result, _) => result.Diagnostics),
                static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.Diagnostic));
        }

        // One pair type, combined and flattened five times: nested pairs would each be a struct type of their own,
        // whose node tables every compiler process JIT-compiles anew.
        var all = new[] { timed, counted, inFlight, logged, businessEvent }.Aggregate(
            traced.Collect(),
            static (collected, next) => collected
                .Combine(next.Collect())
                .Select(static (pair, _) => pair.Left.AddRange(pair.Right)));

        // Event ids must be unique within the source, whichever attribute's pipeline found the event.
        context.RegisterSourceOutput(
            all.Select(static (results, _) => EventIds.Collisions(results.Select(static r => r.Event).OfType<EventKey>())),
            static (spc, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic);
                }
            });

        // Specs only, diagnostics dropped: an edit that moves a diagnostic does not re-emit code.
        var specs = all
            .Select(static (results, _) => results
                .Where(static r => r.Spec is not null)
                .Select(static r => new LocatedMethod(r.Location, r.Spec!))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Specs);

        var types = specs
            .SelectMany(static (methods, _) => methods
                .GroupBy(static m => m.Location.MetadataName)
                .Select(static group => new TypeSpec(
                    group.First().Location,
                    group.Select(static m => m.Method)
                        .OrderBy(static m => m.Name, System.StringComparer.Ordinal)
                        .ThenBy(static m => string.Join(",", m.Parameters.Select(p => p.Type)), System.StringComparer.Ordinal)
                        .ToEquatableArray()))
                .ToImmutableArray())
            .WithTrackingName(TrackingNames.Types);

        // What the consumer's framework and language version offer; equal across most edits, so nothing re-emits for it.
        var target = context.CompilationProvider
            .Select(static (compilation, _) => TargetParser.Parse(compilation))
            .WithTrackingName(TrackingNames.Target);

        context.RegisterSourceOutput(types.Combine(target), static (spc, pair) => spc.AddSource(pair.Left.HintName, TypeEmitter.Emit(pair.Left, pair.Right)));

        IncrementalValueProvider<SourceUsage> usage = specs
            .Select(static (methods, _) => new SourceUsage(
                // Business events check the source for listeners before looking for a current span.
                methods.Any(static m => m.Method.Trace is not null || m.Method.Event is not null),
                methods.SelectMany(static m => new[] { m.Method.Duration, m.Method.Calls, m.Method.Active, m.Method.Event is null ? null : InstrumentSpec.BusinessEvents }
                        .Concat(m.Method.Measures.Select(static measure => measure.Instrument)))
                    .OfType<InstrumentSpec>()
                    // One field per name: measures of one name on several methods may disagree on unit or description.
                    .GroupBy(static i => i.FieldName)
                    .Select(static g => g.First())
                    .OrderBy(static i => i.FieldName, System.StringComparer.Ordinal)
                    .ToEquatableArray()))
            .WithTrackingName(TrackingNames.Usage);

        var source = context.CompilationProvider
            .Select(static (compilation, _) => SourceParser.Parse(compilation))
            .WithTrackingName(TrackingNames.Source);

        // A [Measure] on a method that no other attribute makes the generator implement would be silently ignored.
        context.RegisterSourceOutput(
            context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeNames.Measure,
                    static (node, _) => node is ParameterSyntax or MethodDeclarationSyntax,
                    static (ctx, ct) => MeasureParser.Orphans(ctx, ct))
                .WithTrackingName(TrackingNames.Measure)
                .SelectMany(static (diagnostics, _) => diagnostics),
            static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.Diagnostic));

        var gauges = Gauges(context);
        usage = usage
            .Combine(gauges)
            .Select(static (pair, _) => pair.Right.IsEmpty ? pair.Left : pair.Left with { Gauges = true });

        context.RegisterSourceOutput(gauges.Combine(source), static (spc, pair) =>
        {
            if (!pair.Left.IsEmpty)
            {
                spc.AddSource(GaugeEmitter.HintName, GaugeEmitter.Emit(pair.Right, pair.Left));
            }
        });

        context.RegisterSourceOutput(usage.Combine(source), static (spc, pair) =>
        {
            if (!pair.Left.IsEmpty)
            {
                spc.AddSource(SourceEmitter.HintName, SourceEmitter.Emit(pair.Right, pair.Left));
            }
        });

        // An application registers its libraries' sources from its own module initializer, which runs before
        // Main; a library's would run only when its code is first used, maybe after the providers were built.
        var references = context.CompilationProvider
            .Select(static (compilation, _) => ReferenceParser.Parse(compilation))
            .WithTrackingName(TrackingNames.References);

        context.RegisterSourceOutput(references.Combine(source), static (spc, pair) =>
        {
            if (!pair.Left.IsEmpty)
            {
                spc.AddSource(ReferencesEmitter.HintName, ReferencesEmitter.Emit(pair.Right, pair.Left));
            }
        });

        // Both files above register from a module initializer, which netstandard2.0 and .NET Framework cannot name.
        // Declared whether or not this project has anything to register: the package's build targets tell PolySharp
        // to leave the attribute to this generator, so a project's own [ModuleInitializer] relies on it too.
        context.RegisterSourceOutput(target, static (spc, target) =>
        {
            if (!target.HasModuleInitializer)
            {
                spc.AddSource(PolyfillEmitter.HintName, PolyfillEmitter.Emit());
            }
        });
    }

    /// <summary>The <c>[Gauge]</c> members, in a stable order; their diagnostics are reported here.</summary>
    private static IncrementalValueProvider<EquatableArray<GaugeSpec>> Gauges(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Gauge,
                static (node, _) => node is PropertyDeclarationSyntax or MethodDeclarationSyntax,
                static (ctx, ct) => GaugeParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Gauge);

        context.RegisterSourceOutput(
            results.SelectMany(static (result, _) => result.Diagnostics),
            static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.Diagnostic));

        return results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .Collect()
            .Select(static (gauges, _) => gauges
                .OrderBy(static g => g.Member, System.StringComparer.Ordinal)
                .ThenBy(static g => g.Name, System.StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Gauges);
    }

    private static IncrementalValuesProvider<MethodResult> Methods(
        IncrementalGeneratorInitializationContext context, string attributeName, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                (ctx, ct) => MethodParser.Parse(ctx, attributeName, ct))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(trackingName);

    private sealed record LocatedMethod(TypeLocation Location, MethodSpec Method);
}
