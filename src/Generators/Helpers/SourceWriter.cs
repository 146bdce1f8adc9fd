using System;
using System.Text;

namespace Toolkit.Generators.Helpers;

/// <summary>Writes C# with indentation tracked for the caller, so emitters read like the code they produce.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine() => _builder.AppendLine();

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.AppendLine(line);
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents until <see cref="CloseBlock"/>.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        OpenBlock();
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("No block is open.");
        }

        _indent--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
