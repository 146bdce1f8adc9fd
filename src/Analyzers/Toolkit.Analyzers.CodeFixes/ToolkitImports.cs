using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// Fixes write <c>global::Toolkit.X</c> with the simplifier's annotations; this adds <c>using Toolkit;</c> where it is
/// missing and shortens the names, as the IDE's own fixes do.
/// </summary>
internal static class ToolkitImports
{
    public static async Task<Document> AddAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
