using System;
using System.IO;
using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>docs/getting-started.md shows the very files NewcomerTests builds, so the page cannot drift from the test.</summary>
public sealed class GettingStartedPageTests
{
    [Theory]
    [InlineData("Greeter.cs")]
    [InlineData("Program.cs")]
    public void Page_shows_the_newcomer_file(string file)
    {
        string page = Normalize(File.ReadAllText(Repository.PathOf("docs", "getting-started.md")));
        string source = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Newcomer", file)));

        Assert.Contains($"```csharp\n{source}```", page, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
