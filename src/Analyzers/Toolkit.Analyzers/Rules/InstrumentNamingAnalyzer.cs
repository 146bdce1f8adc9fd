using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4004: instrument names and units outside the OpenTelemetry conventions. Names are lowercase and carry neither the
/// unit nor a <c>_total</c> suffix (Prometheus exporters add both themselves, so they end up doubled); units are UCUM
/// (<c>s</c>, <c>By</c>, <c>{request}</c>), and durations are in seconds.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class InstrumentNamingAnalyzer : ToolkitAnalyzer
{
    /// <summary>The corrected name or unit, set when the fix can write it without guessing.</summary>
    public const string ReplacementKey = "Replacement";

    public static readonly DiagnosticDescriptor Rule = new(
        "TK4004",
        "Instrument name or unit breaks OpenTelemetry naming",
        "Instrument {0} '{1}' breaks OpenTelemetry naming: {2}",
        RuleCategories.TelemetryApi,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "OpenTelemetry instrument names are lowercase, dot-separated namespaces of snake_case words with no unit and no '_total' suffix (exporters add those); units are UCUM codes: 's' for durations, 'By' for bytes, a singular annotation in braces such as '{request}' for counts of things.");

    // Unit words that appear as a name's last segment.
    private static readonly HashSet<string> UnitWords = new(System.StringComparer.Ordinal)
    {
        "ms", "millis", "milliseconds", "us", "microseconds", "ns", "nanoseconds", "sec", "secs", "seconds",
        "bytes", "kb", "mb", "gb", "kilobytes", "megabytes", "percent",
    };

    // UCUM codes written as words that are valid as they are.
    private static readonly HashSet<string> UcumWords = new(System.StringComparer.Ordinal) { "min", "bit", "Cel", "KiBy", "MiBy", "GiBy", "kBy", "MBy", "GBy" };

    private static readonly Dictionary<string, string> UcumByWord = new(System.StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = "s", ["seconds"] = "s", ["sec"] = "s", ["secs"] = "s",
        ["byte"] = "By", ["bytes"] = "By", ["kilobytes"] = "kBy", ["megabytes"] = "MBy", ["gigabytes"] = "GBy",
        ["bits"] = "bit", ["percent"] = "%",
    };

    private static readonly HashSet<string> SubSecondWords = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "ms", "msec", "millis", "millisecond", "milliseconds", "us", "microsecond", "microseconds", "ns", "nanosecond", "nanoseconds",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Meter is null)
        {
            return;
        }

        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (TelemetryCalls.IsCreateInstrument(invocation.TargetMethod, known))
                {
                    AnalyzeName(context, TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "name")));
                    AnalyzeUnit(context, TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "unit")));
                }
            },
            TelemetryCalls.CreateInstrumentNames);
    }

    private static void AnalyzeName(OperationAnalysisContext context, IOperation? value)
    {
        string? name = TelemetryCalls.ConstantString(value);
        if (name is null || name.Length == 0)
        {
            return;
        }

        var reasons = new List<string>(3);
        string suggestion = name;
        if (HasUpper(name))
        {
            reasons.Add("use lowercase with snake_case words");
            suggestion = ToSnakeCase(suggestion);
        }

        if (suggestion.Length > "_total".Length && suggestion.EndsWith("_total", System.StringComparison.Ordinal))
        {
            reasons.Add("drop the '_total' suffix, which Prometheus exporters add themselves");
            suggestion = suggestion.Substring(0, suggestion.Length - "_total".Length);
        }

        string last = LastSegment(suggestion);
        bool unitInName = last.Length < suggestion.Length && UnitWords.Contains(last.ToLowerInvariant());
        if (unitInName)
        {
            reasons.Add("move the unit '" + last + "' out of the name into the 'unit' argument");
        }

        if (reasons.Count == 0)
        {
            return;
        }

        var properties = unitInName ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(Rule, value!.Syntax.GetLocation(), properties, "name", name, string.Join("; ", reasons)));
    }

    private static void AnalyzeUnit(OperationAnalysisContext context, IOperation? value)
    {
        string? unit = TelemetryCalls.ConstantString(value);
        if (unit is null || unit.Length == 0)
        {
            return;
        }

        string? advice = null;
        string? replacement = null;
        if (SubSecondWords.Contains(unit) || unit is "minutes" or "hours")
        {
            advice = "durations are recorded in seconds with unit 's' (the recorded values must change too)";
        }
        else if (UcumByWord.TryGetValue(unit, out replacement))
        {
            advice = "use the UCUM unit '" + replacement + "'";
        }
        else if (unit.Length > 2 && unit[0] == '{' && unit[unit.Length - 1] == '}' && IsWord(unit, 1, unit.Length - 1))
        {
            string singular = Singular(unit.Substring(1, unit.Length - 2));
            if (singular.Length < unit.Length - 2)
            {
                replacement = "{" + singular + "}";
                advice = "annotations are singular, use '" + replacement + "'";
            }
        }
        else if (unit.Length >= 3 && IsWord(unit, 0, unit.Length) && !UcumWords.Contains(unit))
        {
            replacement = "{" + Singular(unit.ToLowerInvariant()) + "}";
            advice = "a count of things is a singular annotation in braces, use '" + replacement + "'";
        }

        if (advice is null)
        {
            return;
        }

        var properties = replacement is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, replacement);
        context.ReportDiagnostic(Diagnostic.Create(Rule, value!.Syntax.GetLocation(), properties, "unit", unit, advice));
    }

    private static bool HasUpper(string value)
    {
        foreach (char c in value)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWord(string value, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!char.IsLetter(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>RequestDuration</c> → <c>request_duration</c>; <c>HTTPServer</c> → <c>httpserver</c>.</summary>
    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string LastSegment(string name)
    {
        int index = name.LastIndexOfAny(['_', '.', '-']);
        return index < 0 ? name : name.Substring(index + 1);
    }

    private static string Singular(string word)
    {
        if (word.EndsWith("ies", System.StringComparison.Ordinal) && word.Length > 4)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (word.EndsWith("sses", System.StringComparison.Ordinal) || word.EndsWith("xes", System.StringComparison.Ordinal)
            || word.EndsWith("ches", System.StringComparison.Ordinal) || word.EndsWith("shes", System.StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2);
        }

        return word.Length > 3 && word.EndsWith("s", System.StringComparison.Ordinal) && !word.EndsWith("ss", System.StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : word;
    }
}
