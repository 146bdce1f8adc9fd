using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Analyzers.Common;
using Toolkit.Analyzers.Rules;
using Toolkit.Contract;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// TK5002–TK5005: "Add to the unshipped telemetry baseline" writes the signal's current line into
/// <c>Telemetry.Unshipped.txt</c> (created next to <c>Telemetry.Shipped.txt</c> when missing), replacing an unshipped
/// line of the same signal and marking a differing shipped one <c>*REMOVED*</c>, which accepts the change for review.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddToTelemetryBaselineCodeFix)), Shared]
public sealed class AddToTelemetryBaselineCodeFix : CodeFixProvider
{
    internal const string Title = "Add to the unshipped telemetry baseline";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        TelemetryKindOrUnitChangedAnalyzer.Descriptor.Id,
        TelemetryKeysChangedAnalyzer.Descriptor.Id,
        EventIdChangedAnalyzer.Descriptor.Id,
        TelemetrySignalNotInBaselineAnalyzer.Descriptor.Id);

    // Every fix edits the same file, which the default batch fixer (it merges document edits) cannot combine.
    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Signal(diagnostic) is { } signal)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Declare(project.Solution, project.Id, [signal], ct), Title),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static TelemetrySignal? Signal(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(TelemetryContract.LineProperty, out string? line) && line is not null ? TelemetrySignal.Parse(line) : null;

    private static async Task<Solution> Declare(Solution solution, ProjectId projectId, IReadOnlyList<TelemetrySignal> signals, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var shipped = Find(project, TelemetryBaseline.ShippedFileName);
        var unshipped = Find(project, TelemetryBaseline.UnshippedFileName);
        string? shippedText = shipped is null ? null : (await shipped.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        string? unshippedText = unshipped is null ? null : (await unshipped.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        var text = SourceText.From(TelemetryBaseline.Declare(shippedText, unshippedText, signals));
        if (unshipped is not null)
        {
            return solution.WithAdditionalDocumentText(unshipped.Id, text);
        }

        string? folder = Path.GetDirectoryName(shipped?.FilePath ?? project.FilePath);
        string? path = folder is null ? null : Path.Combine(folder, TelemetryBaseline.UnshippedFileName);
        return solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), TelemetryBaseline.UnshippedFileName, text, filePath: path);
    }

    private static TextDocument? Find(Project project, string name) =>
        project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), name, StringComparison.OrdinalIgnoreCase));

    private sealed class FixAll : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : [context.Project];
            var work = new List<(ProjectId Project, TelemetrySignal[] Signals)>();
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document && context.Document is { } document
                    ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var signals = diagnostics.Select(Signal).OfType<TelemetrySignal>().ToArray();
                if (signals.Length > 0)
                {
                    work.Add((project.Id, signals));
                }
            }

            return work.Count == 0 ? null : CodeAction.Create(Title, async ct =>
            {
                var solution = context.Solution;
                foreach (var (project, signals) in work)
                {
                    solution = await Declare(solution, project, signals, ct).ConfigureAwait(false);
                }

                return solution;
            }, Title);
        }
    }
}
