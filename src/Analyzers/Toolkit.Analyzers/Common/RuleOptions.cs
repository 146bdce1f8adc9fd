using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// Reads a rule's options from <c>.editorconfig</c>, the way the .NET analyzers do: <c>dotnet_code_quality.TKnnnn.key</c>
/// for one rule, else <c>dotnet_code_quality.key</c> for every rule that reads <c>key</c>.
/// </summary>
internal static class RuleOptions
{
    public static string? Get(AnalyzerOptions options, SyntaxTree tree, string ruleId, string key)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return config.TryGetValue("dotnet_code_quality." + ruleId + "." + key, out string? value)
            || config.TryGetValue("dotnet_code_quality." + key, out value)
            ? value
            : null;
    }

    /// <summary>A comma- or pipe-separated list, trimmed, empty entries dropped.</summary>
    public static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree tree, string ruleId, string key)
    {
        string? value = Get(options, tree, ruleId, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (string item in value!.Split(new[] { ',', '|' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string trimmed = item.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }

    public static int GetInt(AnalyzerOptions options, SyntaxTree tree, string ruleId, string key, int defaultValue) =>
        int.TryParse(Get(options, tree, ruleId, key), out int value) && value > 0 ? value : defaultValue;
}
