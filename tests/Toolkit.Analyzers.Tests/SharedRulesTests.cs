using System;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Xunit;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// The compiler loads only the analyzers marked [DiagnosticAnalyzer]: most rules run inside
/// <see cref="SharedRulesAnalyzer"/>. A rule left out of it, or run both inside it and alone, would go silent or
/// report twice in a build while its own tests stay green.
/// </summary>
public sealed class SharedRulesTests
{
    [Fact]
    public void EveryRule_RunsInTheCompiler_ExactlyOnce()
    {
        var types = typeof(SharedRulesAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();
        var ruleIds = types.Where(type => type != typeof(SharedRulesAnalyzer))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .OrderBy(id => id, StringComparer.Ordinal);
        var loadedIds = types.Where(type => type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(ruleIds, loadedIds);
    }

    [Fact]
    public void SharedRules_LeaveGeneratedCodeAndTheContractToTheRulesThatReadThem()
    {
        // TK1001 and TK2002 read generated code; the TK5xxx contract rules read the generator's manifest and the
        // baseline files, and return at compilation start in a project without baseline files.
        var loadedAlone = typeof(SharedRulesAnalyzer).Assembly.GetTypes()
            .Where(type => type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false) && type != typeof(SharedRulesAnalyzer))
            .Where(type => !typeof(ContractRule).IsAssignableFrom(type) && type != typeof(Rules.TelemetrySignalRemovedAnalyzer))
            .Select(type => type.Name)
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(["NotInstrumentableAnalyzer", "UnprotectedLogParameterAnalyzer"], loadedAlone);
    }
}
