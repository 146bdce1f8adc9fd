using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Toolkit.Generators.Helpers;

/// <summary>
/// Writes compact JSON for the telemetry manifest; the generator targets netstandard2.0 and must not carry
/// a JSON library into the compiler. Commas are placed for the caller.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _builder = new();
    private readonly Stack<bool> _hasItems = new();

    public JsonWriter StartObject(string? name = null) => Open(name, '{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter StartArray(string? name = null) => Open(name, '[');

    public JsonWriter EndArray() => Close(']');

    public JsonWriter String(string name, string? value) => value is null ? this : Value(name, Quote(value));

    public JsonWriter String(string value) => Value(null, Quote(value));

    public JsonWriter Number(string name, double value) => Value(name, Format(value));

    public JsonWriter Number(double value) => Value(null, Format(value));

    public JsonWriter Bool(string name, bool value) => Value(name, value ? "true" : "false");

    public override string ToString() => _builder.ToString();

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private JsonWriter Open(string? name, char bracket)
    {
        Name(name);
        _builder.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        _hasItems.Pop();
        _builder.Append(bracket);
        return this;
    }

    private JsonWriter Value(string? name, string text)
    {
        Name(name);
        _builder.Append(text);
        return this;
    }

    private void Name(string? name)
    {
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
            {
                _builder.Append(',');
            }

            _hasItems.Pop();
            _hasItems.Push(true);
        }

        if (name is not null)
        {
            _builder.Append(Quote(name)).Append(':');
        }
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
