using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.CodeFixes;
using Toolkit.Analyzers.Rules;
using Toolkit.Contract;
using Xunit;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// The Shop's instrumented services and its shipped baseline, with <c>OrderService.PlaceOrderAsync</c> renamed: TK5001 on
/// the four shipped lines, TK5005 on the renamed method, and Fix All writes the new lines into the unshipped file.
/// </summary>
public sealed class ShopRenameTests
{
    private static readonly string[] s_files =
    [
        "Region.cs", "ProductGroup.cs", "Catalog.cs",
        "Inventory/InventoryService.cs", "Inventory/OutOfStockException.cs", "Inventory/StockLevel.cs",
        "Orders/Order.cs", "Orders/OrderRequest.cs", "Orders/OrderService.cs",
        "Payments/Authorization.cs", "Payments/PaymentDeclinedException.cs", "Payments/PaymentGateway.cs", "Payments/PaymentService.cs",
    ];

    private static string Shop => typeof(ShopRenameTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShopSource").Value!;

    [Fact]
    public Task The_unchanged_services_match_the_shipped_baseline() => Run(rename: false);

    [Fact]
    public Task A_renamed_method_warns_on_its_shipped_lines_and_Fix_All_declares_its_new_lines() => Run(rename: true);

    private static async Task Run(bool rename)
    {
        string Read(string file)
        {
            string text = File.ReadAllText(Path.Combine(Shop, file)).ReplaceLineEndings("\n");
            return rename ? text.Replace("PlaceOrderAsync", "SubmitOrderAsync", StringComparison.Ordinal) : text;
        }

        string shipped = File.ReadAllText(Path.Combine(Shop, TelemetryBaseline.ShippedFileName)).ReplaceLineEndings("\n");
        string unshipped = File.ReadAllText(Path.Combine(Shop, TelemetryBaseline.UnshippedFileName)).ReplaceLineEndings("\n");
        var test = new Test { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck, ReferenceAssemblies = TestReferences.None };
        test.SolutionTransforms.Add((solution, project) => solution.WithProjectAssemblyName(project, "Shop"));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            foreach (string file in s_files)
            {
                state.Sources.Add((file, Read(file)));
            }

            state.AdditionalFiles.Add((TelemetryBaseline.ShippedFileName, shipped));
        }

        test.TestState.AdditionalFiles.Add((TelemetryBaseline.UnshippedFileName, unshipped));
        TestReferences.Apply(test.TestState, editorConfig: null);
        if (!rename)
        {
            test.FixedState.AdditionalFiles.Add((TelemetryBaseline.UnshippedFileName, unshipped));
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
            await test.RunAsync(CancellationToken.None);
            return;
        }

        // TK5001 on each shipped line of the old name; they stay until the removal is accepted with *REMOVED*.
        string[] shippedLines = shipped.Split('\n');
        var removed = shippedLines
            .Select((line, i) => (Line: i + 1, Signal: TelemetrySignal.Parse(line)))
            .Where(l => l.Signal?.Function == "Shop.Orders.OrderService.PlaceOrderAsync")
            .Select(l => new DiagnosticResult(TelemetrySignalRemovedAnalyzer.Rule)
                .WithLocation(TelemetryBaseline.ShippedFileName, l.Line, 1)
                .WithArguments(l.Signal!.Key, "is no longer emitted"))
            .ToArray();
        Assert.Equal(4, removed.Length);

        // TK5005 on the renamed method, once per signal, with the line the fix writes.
        string service = Read("Orders/OrderService.cs");
        int at = service.IndexOf("SubmitOrderAsync(", StringComparison.Ordinal);
        int line = service[..at].Count(c => c == '\n') + 1;
        int column = at - service.LastIndexOf('\n', at);
        string[] added = removed
            .Select(r => shippedLines[r.Spans[0].Span.StartLinePosition.Line].Replace("PlaceOrderAsync", "SubmitOrderAsync", StringComparison.Ordinal))
            .ToArray();
        test.ExpectedDiagnostics.AddRange(removed);
        test.ExpectedDiagnostics.AddRange(added.Select(a => new DiagnosticResult(TelemetrySignalNotInBaselineAnalyzer.Descriptor)
            .WithLocation("Orders/OrderService.cs", line, column)
            .WithArguments(TelemetrySignal.Parse(a)!.Key, "not in the telemetry baseline")));
        test.FixedState.ExpectedDiagnostics.AddRange(removed);
        test.FixedState.AdditionalFiles.Add((TelemetryBaseline.UnshippedFileName, unshipped + string.Join("", added.Order(StringComparer.Ordinal).Select(a => a + "\n"))));
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpCodeFixTest<TelemetrySignalNotInBaselineAnalyzer, AddToTelemetryBaselineCodeFix, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => TestReferences.Generators;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new TelemetrySignalNotInBaselineAnalyzer(), new TelemetrySignalRemovedAnalyzer()];
    }
}
