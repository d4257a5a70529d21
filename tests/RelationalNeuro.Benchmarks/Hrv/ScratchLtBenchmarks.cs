using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Benchmarks.Hrv;

public class ScratchLtBenchmarks
{
    private double[] _rr = [];
    private double[] _absD = [];
    private double[] _q1 = [];
    private double[] _q3 = [];
    private sbyte[] _kinds = [];
    private static readonly ArtifactOptions Lt = new() { Method = ArtifactMethod.LipponenTarvainen, ScreenIrregularRhythm = false };

    [Params("ltdb14149", "ltdb14172")]
    public string Record { get; set; } = "ltdb14149";

    [GlobalSetup]
    public void Setup()
    {
        _rr = ReferenceRecords.Load(Record);
        _absD = new double[_rr.Length];
        for (var i = 1; i < _rr.Length; i++) _absD[i] = Math.Abs(_rr[i] - _rr[i - 1]);
        _q1 = new double[_rr.Length];
        _q3 = new double[_rr.Length];
        _kinds = new sbyte[_rr.Length];
    }

    [Benchmark] public void Quartiles91() => RollingQuantile.Quantiles(_absD, 91, 0.25, 0.75, _q1, _q3);
    private readonly int[] _numbers = new int[200_000];
    private readonly double[] _values = new double[4096];
    [Benchmark] public int Numbering() => DistinctValues.Number(_absD, _numbers, _values, out _);
    [Benchmark] public void Median11() => RollingQuantile.Median(_rr, 11, _q1);
    [Benchmark] public void Quartiles91OldRanks() { RollingQuantile.Ranks = 2; RollingQuantile.Quantiles(_absD, 91, 0.25, 0.75, _q1, _q3); RollingQuantile.Ranks = 0; }
    [Benchmark] public void Median11Ranks() { RollingQuantile.Ranks = 1; RollingQuantile.Median(_rr, 11, _q1); RollingQuantile.Ranks = 0; }
    [Benchmark] public void Quartiles91Sorted() { RollingQuantile.Ranks = -1; RollingQuantile.Quantiles(_absD, 91, 0.25, 0.75, _q1, _q3); RollingQuantile.Ranks = 0; }
    [Benchmark] public int Detect() => Artifacts.DetectLipponenTarvainen(_rr, Lt, _kinds);
    [Benchmark] public int Process() => Artifacts.Process(_rr, Lt).FlaggedCount;
}
