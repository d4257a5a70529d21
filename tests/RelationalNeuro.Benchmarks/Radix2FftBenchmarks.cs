using System.Numerics;
using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv.Kernels;
using RelationalNeuro.Hrv.Spectral;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// The library's radix-2 FFT (internal <c>Radix2Fft.Forward</c>, in place, unscaled) on the sizes Welch and the chirp-z
/// bins of NeuroKit2's Welch use on day-long records (2¹⁶–2¹⁸ complex points), on the widest vector path of the machine
/// and on the 128-bit path Native AOT's portable build runs (forced with the internal <c>KernelDispatch.ForceVector128</c>).
/// Each call copies the same seeded random data into the work array and transforms it; the "copy only" row is that copy
/// alone, to subtract (a per-iteration restore would leave one call per iteration, timed before the JIT's optimised
/// code). Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*Radix2Fft*'
/// </summary>
[MemoryDiagnoser]
public class Radix2FftBenchmarks
{
    private Complex[] _data = [];
    private Complex[] _work = [];

    /// <summary>Points per transform.</summary>
    [Params(1 << 16, 1 << 17, 1 << 18)]
    public int Size { get; set; } = 1 << 17;

    /// <summary>"widest" (the machine's widest vectors) or "vector128".</summary>
    [Params("widest", "vector128")]
    public string Path { get; set; } = "widest";

    /// <summary>Seeded data and the path.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20);
        _data = new Complex[Size];
        for (var i = 0; i < Size; i++)
        {
            _data[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

        _work = (Complex[])_data.Clone();
    }

    /// <summary>The copy of the input that every <see cref="Forward"/> call starts with.</summary>
    [Benchmark(Baseline = true, Description = "copy only")]
    public double CopyOnly()
    {
        _data.CopyTo(_work, 0);
        return _work[1].Real;
    }

    /// <summary>The copy, then one forward transform.</summary>
    [Benchmark(Description = "copy + forward FFT")]
    public double Forward()
    {
        _data.CopyTo(_work, 0);
        // The switch is per thread: set where the transform runs, reset after it.
        KernelDispatch.ForceVector128 = Path == "vector128";
        try
        {
            Radix2Fft.Forward(_work);
        }
        finally
        {
            KernelDispatch.ForceVector128 = false;
        }

        return _work[1].Real;
    }
}
