using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*'
// Quick look: add --job short. Results and the machine go to docs/performance.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
