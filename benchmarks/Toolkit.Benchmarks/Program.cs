using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Toolkit.Benchmarks.InstrumentationBenchmarks).Assembly).Run(args);
