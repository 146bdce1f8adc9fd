using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Toolkit.Contract;

/// <summary>
/// Reads the telemetry manifest's JSON (objects, arrays, strings, numbers, booleans, null) into dictionaries and lists.
/// Analyzers cannot bring System.Text.Json along (the compiler host loads its own version), and the manifest's JSON
/// is the generator's own, so a reader this small serves the analyzers and the catalog tool alike.
/// </summary>
internal sealed class ManifestJson
{
    private readonly string _text;
    private int _position;

    private ManifestJson(string text) => _text = text;

    /// <summary>An object is a <c>Dictionary&lt;string, object?&gt;</c>, an array a <c>List&lt;object?&gt;</c>, a number a <see cref="double"/>.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static object? Parse(string text)
    {
        var reader = new ManifestJson(text);
        object? value = reader.Value();
        reader.SkipWhitespace();
        return reader._position == text.Length ? value : throw reader.Error("end of text");
    }

    private object? Value()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("a value");
        }

        switch (_text[_position])
        {
            case '{': return Object();
            case '[': return Array();
            case '"': return String();
            case 't': return Literal("true", true);
            case 'f': return Literal("false", false);
            case 'n': return Literal("null", null);
            default: return Number();
        }
    }

    private Dictionary<string, object?> Object()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (Peek('}'))
        {
            return result;
        }

        do
        {
            SkipWhitespace();
            string name = String();
            SkipWhitespace();
            Expect(':');
            result[name] = Value();
            SkipWhitespace();
        }
        while (Peek(','));

        Expect('}');
        return result;
    }

    private List<object?> Array()
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek(']'))
        {
            return result;
        }

        do
        {
            result.Add(Value());
            SkipWhitespace();
        }
        while (Peek(','));

        Expect(']');
        return result;
    }

    private string String()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when _position + 4 <= _text.Length:
                    builder.Append((char)int.Parse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _position += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }

        throw Error("the end of a string");
    }

    private double Number()
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        return double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw Error("a value");
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("a value");
        }

        _position += word.Length;
        return value;
    }

    private bool Peek(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error("'" + c + "'");
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string expected) =>
        new($"The telemetry manifest is not valid JSON: expected {expected} at offset {_position}.");
}
