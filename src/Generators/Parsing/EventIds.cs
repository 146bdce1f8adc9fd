using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Finds business events of one source that share an event id.</summary>
internal static class EventIds
{
    public static ImmutableArray<Diagnostic> Collisions(IEnumerable<EventKey> events)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var group in events.GroupBy(e => e.Id))
        {
            // The same event written from two methods is fine; two different names on one id are not.
            var byName = group.GroupBy(e => e.Name).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToArray();
            for (int i = 1; i < byName.Length; i++)
            {
                foreach (var key in byName[i])
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.EventIdCollision, key.Location, key.Id, key.Name, byName[0].Key));
                }
            }
        }

        return diagnostics.ToImmutable();
    }
}
