using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// The artifact step on whole real 24-h records (issue 15 item 4: ≤ 50 ms and O(n) allocation per record): the default
/// (<see cref="Artifacts.Process(ReadOnlySpan{double}, ArtifactOptions?)"/> with default options, as
/// <see cref="HrvAnalysis"/> runs it: L&amp;T detection and correction, the absolute range, the irregular-rhythm
/// segments) and the <see cref="ArtifactMethod.SinusRhythm"/> option with correction, one row per record of
/// <see cref="ReferenceRecords"/>, with the rolling windows over the numbers of the distinct values (the default on these
/// quantised records since the seventh session) and forced over the doubles (as before), in one run.
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*ArtifactRecord*' --job short
/// </summary>
[MemoryDiagnoser]
public class ArtifactRecordBenchmarks
{
    private static readonly ArtifactOptions SinusRhythm = new() { Method = ArtifactMethod.SinusRhythm };

    private double[] _rrMs = [];

    /// <summary>The record (a name <see cref="ReferenceRecords.Load"/> knows).</summary>
    [Params("nsr001", "ltdb14046", "ltdb14149", "ltdb14172")]
    public string Record { get; set; } = "nsr001";

    /// <summary>The rolling windows' path: "ranks" (the default choice) or "doubles" (the rank path forced off).</summary>
    [Params("ranks", "doubles")]
    public string Windows { get; set; } = "ranks";

    [GlobalSetup]
    public void Setup() => _rrMs = ReferenceRecords.Load(Record);

    [Benchmark(Baseline = true, Description = "Default artifact step (L&T + range + irregular-rhythm segments, corrected)")]
    public int Default() => Run(null);

    [Benchmark(Description = "SinusRhythm with correction")]
    public int SinusRhythmCorrected() => Run(SinusRhythm);

    private int Run(ArtifactOptions? options)
    {
        // The switch is per thread; this overload runs the whole step on the calling thread.
        RollingQuantile.Ranks = Windows == "doubles" ? -1 : 0;
        try
        {
            return Artifacts.Process(_rrMs, options).FlaggedCount;
        }
        finally
        {
            RollingQuantile.Ranks = 0;
        }
    }
}
