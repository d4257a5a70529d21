using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*'
// Quick look: add --job short. Results and the machine go to docs/performance.md.
// (Not typeof(Program): the referenced gallery has a public Program of its own.)
BenchmarkSwitcher.FromAssembly(typeof(RelationalNeuro.Benchmarks.Charts.ChartRenderBenchmarks).Assembly).Run(args);
