using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Benchmarks;

/// <summary>
/// The generator's own cost: a cold run over a synthetic project, and incremental runs after one method body was
/// edited and after one tag was renamed.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorWorkload _workload = null!;
    private GeneratorDriver _warm = null!;

    [Params(100, 1000)]
    public int Methods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new GeneratorWorkload(Methods);
        _warm = GeneratorWorkload.CreateDriver().RunGenerators(_workload.Compilation);
        Report("one body edited", _workload.BodyEdited);
        Report("one tag renamed", _workload.TagRenamed);
    }

    [Benchmark(Description = "cold run")]
    public GeneratorDriver Cold() => GeneratorWorkload.CreateDriver().RunGenerators(_workload.Compilation);

    [Benchmark(Description = "one body edited")]
    public GeneratorDriver BodyEdited() => _warm.RunGenerators(_workload.BodyEdited);

    [Benchmark(Description = "one tag renamed")]
    public GeneratorDriver TagRenamed() => _warm.RunGenerators(_workload.TagRenamed);

    private void Report(string edit, CSharpCompilation edited)
    {
        var (outputs, rerun, files, changed) = _workload.MeasureIncrementalOutput(edited);
        Console.WriteLine($"// Generator over {Methods} methods, {edit}: {rerun} of {outputs} source outputs ran again, {changed} of {files} files changed.");
    }
}
