using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;
using Toolkit.Generators.Parsing;

namespace Toolkit.Generators.Emitting;

/// <summary>
/// Writes a business event: the check that anything wants it, the out-of-line writer, and the state struct the
/// record carries.
/// </summary>
/// <remarks>
/// The record is written the way the <c>LoggerMessage</c> generator writes one past six arguments: a readonly
/// struct of the values, enumerated as properties only by providers that ask, formatted only when a provider
/// formats. Hashing happens once per event and only when something is enabled. Nothing the writer does can
/// throw into the business call.
/// </remarks>
internal static class EventEmitter
{
    private const string Logging = "global::Microsoft.Extensions.Logging";
    private const string KeyValue = "global::System.Collections.Generic.KeyValuePair<string, object?>";

    /// <summary>The name of the type's fallback logger holder, emitted once per type that needs it.</summary>
    public const string FallbackLogger = "__ToolkitLogger";

    public static string LoggerExpression(LoggerSpec logger) => logger.Member ?? FallbackLogger + ".Logger";

    /// <summary>True when a log provider, the business-event counter or the source's listeners want the event.</summary>
    public static string EnabledExpression(EventSpec spec, string holder) =>
        $"(__logger is not null && __logger.IsEnabled({Logging}.LogLevel.{spec.Level})) || {holder}.{InstrumentSpec.BusinessEvents.FieldName}.Enabled || {holder}.ActivitySource.HasListeners()";

    /// <summary>The arguments of <c>__WriteEvent</c>, after <c>__logger</c>.</summary>
    public static string Arguments(EventSpec spec) =>
        string.Concat(Sources(spec).Select(v => ", " + v.Source));

    /// <summary>One value per parameter the writer needs: properties of one parameter share it.</summary>
    public static EventValue[] Sources(EventSpec spec) =>
        spec.Values.GroupBy(v => v.Source).Select(g => g.First()).ToArray();

    public static string SourceType(EventValue value) => value.SourceType ?? value.Type;

    public static void EmitWriter(MethodSpec method, SourceWriter writer)
    {
        var spec = method.Event!;
        string holder = method.TelemetryClass;
        string parameters = string.Concat(Sources(spec).Select(v => ", " + SourceType(v) + " " + v.Source));
        writer.WriteLine();
        writer.OpenBlock($"static void __WriteEvent({Logging}.ILogger? __logger{parameters})");
        writer.OpenBlock("try");
        foreach (var value in spec.Values.Where(v => v.Protection == Protection.Hashed))
        {
            writer.WriteLine($"string? {HashedLocal(value)} = global::Toolkit.TelemetryRedaction.Hash({value.Read});");
        }

        writer.OpenBlock($"if (__logger is not null && __logger.IsEnabled({Logging}.LogLevel.{spec.Level}))");
        string state = string.Join(", ", spec.Values.Where(v => v.Protection != Protection.Redacted).Select(v => v.Protection == Protection.Hashed ? HashedLocal(v) : v.Read));
        writer.WriteLine($"__logger.Log({Logging}.LogLevel.{spec.Level}, new {Logging}.EventId({spec.Id}, {Identifiers.Literal(spec.Name)}), new {spec.StateName}({state}), null, static (state, _) => state.ToString());");
        writer.CloseBlock();
        writer.WriteLine();

        // Redacted values never reach a span: the span event carries the rest.
        writer.WriteLine("var __current = global::System.Diagnostics.Activity.Current;");
        writer.OpenBlock("if (__current is { IsAllDataRequested: true })");
        var tags = spec.Values.Where(v => v.Protection != Protection.Redacted).ToArray();
        if (tags.Length == 0)
        {
            writer.WriteLine($"__current.AddEvent(new global::System.Diagnostics.ActivityEvent({Identifiers.Literal(spec.Name)}));");
        }
        else
        {
            writer.WriteLine("var __tags = new global::System.Diagnostics.ActivityTagsCollection();");
            foreach (var value in tags)
            {
                writer.WriteLine($"__tags.Add({Identifiers.Literal(value.Property)}, {(value.Protection == Protection.Hashed ? HashedLocal(value) : value.Read)});");
            }

            writer.WriteLine($"__current.AddEvent(new global::System.Diagnostics.ActivityEvent({Identifiers.Literal(spec.Name)}, tags: __tags));");
        }

        writer.CloseBlock();
        writer.WriteLine();
        string counter = holder + "." + InstrumentSpec.BusinessEvents.FieldName;
        writer.OpenBlock($"if ({counter}.Enabled)");
        writer.WriteLine($"{counter}.Add(1, new {KeyValue}(\"event.name\", {Identifiers.Literal(spec.Name)}));");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception __e)");
        writer.WriteLine("// A throwing ToString or log provider must not turn a successful call into a failed one.");
        writer.WriteLine("global::Toolkit.Internal.Instrumentation.TelemetryFailed(__e);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The record's state: the values as fields, the properties on demand, the message on demand.</summary>
    public static void EmitState(MethodSpec method, SourceWriter writer, string generatedCodeAttribute, TargetSpec target)
    {
        var spec = method.Event!;
        var stored = spec.Values.Where(v => v.Protection != Protection.Redacted).ToArray();
        string FieldOf(EventValue value) => "_v" + System.Array.IndexOf(stored, value);
        string FieldType(EventValue value) => value.Protection == Protection.Hashed ? "string?" : method.IsGeneric ? "object?" : value.Type;

        writer.WriteLine(generatedCodeAttribute);
        writer.OpenBlock($"private readonly struct {spec.StateName} : global::System.Collections.Generic.IReadOnlyList<{KeyValue}>");
        foreach (var value in stored)
        {
            writer.WriteLine($"private readonly {FieldType(value)} {FieldOf(value)};");
        }

        if (stored.Length > 0)
        {
            writer.WriteLine();
            writer.OpenBlock($"public {spec.StateName}({string.Join(", ", stored.Select(v => FieldType(v) + " " + FieldOf(v).Substring(1)))})");
            foreach (var value in stored)
            {
                writer.WriteLine($"{FieldOf(value)} = {FieldOf(value).Substring(1)};");
            }

            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine($"public int Count => {spec.Values.Count + 1};");
        writer.WriteLine();
        writer.WriteLine($"public {KeyValue} this[int index] => index switch");
        writer.OpenBlock();
        for (int i = 0; i < spec.Values.Count; i++)
        {
            var value = spec.Values[i];
            string read = value.Protection == Protection.Redacted ? "global::Toolkit.TelemetryRedaction.Placeholder" : FieldOf(value);
            writer.WriteLine($"{i} => new {KeyValue}({Identifiers.Literal(value.Property)}, {read}),");
        }

        writer.WriteLine($"{spec.Values.Count} => new {KeyValue}(\"{{OriginalFormat}}\", {Identifiers.Literal(spec.Template)}),");
        writer.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.OpenBlock($"public global::System.Collections.Generic.IEnumerator<{KeyValue}> GetEnumerator()");
        writer.OpenBlock("for (int i = 0; i < Count; i++)");
        writer.WriteLine("yield return this[i];");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();");
        writer.WriteLine();
        writer.WriteLine($"public override string ToString() => {Message(spec, v => v.Protection == Protection.Redacted ? null : FieldOf(v), target)};");
        writer.CloseBlock();
    }

    /// <summary>
    /// The template as an invariant-culture interpolated string: each hole reads its field with the hole's own
    /// format and alignment; a redacted value prints the placeholder. Where <c>string.Create</c> cannot take an
    /// interpolated string (before .NET 6 or C# 10), the same text as a composite format for <c>string.Format</c>.
    /// </summary>
    private static string Message(EventSpec spec, System.Func<EventValue, string?> field, TargetSpec target)
    {
        string template = spec.Template;
        var text = new StringBuilder();
        var arguments = new List<string>();
        int from = 0;
        foreach (var (start, length) in MessageTemplates.Holes(template))
        {
            AppendLiteral(text, template, from, start);
            var (name, suffix) = MessageTemplates.Split(template.Substring(start + 1, length - 2));
            string? read = field(spec.Values.First(v => v.Property == name));
            if (read is null)
            {
                text.Append(RedactedText);
            }
            else if (target.HasInterpolatedStringHandler)
            {
                text.Append('{').Append(read).Append(suffix).Append('}');
            }
            else
            {
                text.Append('{').Append(arguments.Count.ToString(CultureInfo.InvariantCulture)).Append(suffix).Append('}');
                arguments.Add(read);
            }

            from = start + length;
        }

        AppendLiteral(text, template, from, template.Length);
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        return target.HasInterpolatedStringHandler
            ? $"string.Create({Invariant}, $\"{text}\")"
            : $"string.Format({Invariant}, \"{text}\"{string.Concat(arguments.Select(a => ", " + a))})";
    }

    private const string RedactedText = "[REDACTED]";

    /// <summary>Template text outside the holes, as interpolated-string text: escaped braces stay escaped, a lone brace is escaped.</summary>
    private static void AppendLiteral(StringBuilder text, string template, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = template[i];
            if ((c == '{' || c == '}') && i + 1 < to && template[i + 1] == c)
            {
                text.Append(c, 2);
                i++;
            }
            else
            {
                text.Append(c == '{' || c == '}' ? new string(c, 2) : Escape(c));
            }
        }
    }

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => c.ToString(),
    };

    private static string HashedLocal(EventValue value) => "__hashed_" + Identifiers.Sanitize(value.Property.TrimStart('@', '_'));
}
