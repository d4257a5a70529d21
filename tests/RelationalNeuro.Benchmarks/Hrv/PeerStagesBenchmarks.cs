using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// Issue 20 item 6, "in-process sum of stages ≥ 500× NeuroKit2 on the same definitions": the stages
/// eng/peer-comparison/peers.py times in NeuroKit2 (artifacts: L&amp;T one pass, corrected; time domain; Poincaré; Welch at
/// 4 Hz; SampEn and ApEn, m = 2, r = 0.2 SD; DFA α1 4–16 + α2 16–64, non-overlapping), each alone on one thread and
/// all of them in sequence on one thread (the figure to divide NeuroKit2's summed stage CPU by), one row per record of
/// <see cref="ReferenceRecords"/>. Ours: the default artifact step (L&amp;T as NeuroKit2, plus the range pass and the
/// irregular-rhythm screening NeuroKit2 does not run), the entropies from one shared count (as the one-call report).
/// The rows "as NeuroKit2" use its definitions instead: L&amp;T alone (<see cref="ArtifactOptions.ScreenIrregularRhythm"/>
/// off, no range pass) and its Welch at 4 Hz (<see cref="FrequencyDomainOptions.NeuroKit2Welch"/> at 4 Hz: quadratic
/// spline, one half-record segment, FFT of twice its length).
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*PeerStages*' --job short
/// </summary>
[MemoryDiagnoser]
public class PeerStagesBenchmarks
{
    private double[] _rrMs = [];
    private double[] _nnMs = [];

    /// <summary>The record (a name <see cref="ReferenceRecords.Load"/> knows).</summary>
    [Params("nsr001", "ltdb14046", "ltdb14149", "ltdb14172")]
    public string Record { get; set; } = "nsr001";

    [GlobalSetup]
    public void Setup()
    {
        _rrMs = ReferenceRecords.Load(Record);
        _nnMs = Artifacts.Process(_rrMs).NnIntervalsMs.ToArray();
    }

    [Benchmark(Description = "artifacts (default, corrected)")]
    public int ArtifactStep() => Artifacts.Process(_rrMs).FlaggedCount;

    /// <summary>NeuroKit2's definition: L&amp;T one pass, corrected, with neither the range pass nor the rhythm screening.</summary>
    private static readonly ArtifactOptions LipponenTarvainenAlone = new()
    {
        Method = ArtifactMethod.LipponenTarvainen,
        ScreenIrregularRhythm = false,
    };

    [Benchmark(Description = "artifacts (L&T alone, as NeuroKit2)")]
    public int ArtifactStepAsNeuroKit2() => Artifacts.Process(_rrMs, LipponenTarvainenAlone).FlaggedCount;

    [Benchmark(Description = "time domain")]
    public double? TimeDomain() => HrvMetrics.TimeDomain(_nnMs).RmssdMs;

    [Benchmark(Description = "Poincaré")]
    public double? Poincare() => HrvMetrics.Poincare(_nnMs).Sd1Ms;

    [Benchmark(Description = "Welch, 4 Hz")]
    public double? Welch() => HrvMetrics.FrequencyDomain(_nnMs).HfPowerMs2;

    /// <summary>NeuroKit2's <c>hrv_frequency(psd_method="welch", interpolation_rate=4)</c>: its preset at 4 Hz (half-record segment).</summary>
    private static readonly FrequencyDomainOptions NeuroKit2WelchAt4Hz = FrequencyDomainOptions.NeuroKit2Welch with { ResamplingRateHz = 4 };

    [Benchmark(Description = "Welch, NeuroKit2's definition at 4 Hz")]
    public double? WelchAsNeuroKit2() => HrvMetrics.FrequencyDomain(_nnMs, NeuroKit2WelchAt4Hz).HfPowerMs2;

    [Benchmark(Description = "SampEn + ApEn, shared count")]
    public double? Entropies() => HrvMetrics.EntropiesCancellable(_nnMs, null, CancellationToken.None).Approximate.Value;

    [Benchmark(Description = "DFA α1 4–16 + α2 16–64")]
    public double? Dfa() => HrvMetrics.DetrendedFluctuation(_nnMs).Alpha1;

    [Benchmark(Baseline = true, Description = "sum: every stage above in sequence, from the raw intervals")]
    public double Sum() => SumOfStages(null, null);

    [Benchmark(Description = "sum, NeuroKit2's definitions throughout (L&T alone, its Welch at 4 Hz)")]
    public double SumAsNeuroKit2Throughout() => SumOfStages(LipponenTarvainenAlone, NeuroKit2WelchAt4Hz);

    [Benchmark(Description = "sum, NeuroKit2's artifact definition (L&T alone)")]
    public double SumAsNeuroKit2() => SumOfStages(LipponenTarvainenAlone, null);

    private double SumOfStages(ArtifactOptions? artifacts, FrequencyDomainOptions? welch)
    {
        var nn = Artifacts.Process(_rrMs, artifacts).NnIntervalsMs;
        var total = HrvMetrics.TimeDomain(nn).RmssdMs ?? 0;
        total += HrvMetrics.Poincare(nn).Sd1Ms ?? 0;
        total += HrvMetrics.FrequencyDomain(nn, welch).HfPowerMs2 ?? 0;
        total += HrvMetrics.EntropiesCancellable(nn, null, CancellationToken.None).Approximate.Value ?? 0;
        return total + (HrvMetrics.DetrendedFluctuation(nn).Alpha1 ?? 0);
    }
}
