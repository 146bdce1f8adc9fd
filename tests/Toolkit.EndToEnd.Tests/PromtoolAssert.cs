using System;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>promtool's checks, asserted: it exits with 0 (else fails with its output) and found every rule.</summary>
internal static class PromtoolAssert
{
    /// <summary>Checks a rule file, which must hold <paramref name="rules"/> rules.</summary>
    public static async Task RulesPassAsync(string path, int rules) => Passed(await Promtool.CheckRulesAsync(path), rules);

    private static void Passed(ProcessResult check, int rules)
    {
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains(Promtool.RulesFound(rules), check.Output, StringComparison.Ordinal);
    }
}
