using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;
using Xunit;

namespace Toolkit.Tests.Prometheus;

/// <summary>
/// promtool's checks, asserted: it exits with 0 (else fails with its output) and found every rule. Kept apart from
/// the xunit-free helpers beside it, for the test projects only.
/// </summary>
internal static class PromtoolAssert
{
    /// <summary>Checks a rule file, which must hold <paramref name="rules"/> rules.</summary>
    public static async Task RulesPassAsync(string path, int rules) => Passed(await Promtool.CheckRulesAsync(path), rules);

    /// <summary>Checks PromQL expressions, each as one rule.</summary>
    public static async Task QueriesPassAsync(IReadOnlyList<string> expressions) =>
        Passed(await Promtool.CheckQueriesAsync(expressions), expressions.Count);

    private static void Passed(ProcessResult check, int rules)
    {
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains(Promtool.RulesFound(rules), check.Output, StringComparison.Ordinal);
    }
}
