using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Streaming against batch: every beat of a long series is checked against a straightforward recomputation of
/// the same window (two-pass mean and SD, plain loops over the differences) by <see cref="BatchWindowOracle"/>,
/// which shares no code with <see cref="RollingHrv"/>.
/// </summary>
public sealed class RollingHrvDriftTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-9;

    public static TheoryData<string> Windows() => ["beats:300", "beats:60", "time:300", "time:60"];

    private static RollingWindow ParseWindow(string window)
    {
        var parts = window.Split(':');
        var value = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] == "beats" ? RollingWindow.OfBeats(value) : RollingWindow.OfDuration(TimeSpan.FromSeconds(value));
    }

    /// <summary>100,000 seeded beats (about 22 h): slow and respiratory modulation, noise, and artifacts every ~250 beats.</summary>
    private static double[] SyntheticDay()
    {
        var random = new Random(20261123);
        var rr = new double[100_000];
        for (var i = 0; i < rr.Length; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            rr[i] = 800 + (150 * Math.Sin(2 * Math.PI * i / 40_000.0)) + (40 * Math.Sin(2 * Math.PI * i / 4.5)) + (25 * normal);
            if (random.Next(250) == 0)
            {
                rr[i] = random.Next(6) switch
                {
                    0 => double.NaN,
                    1 => 250,
                    2 => 2600,
                    3 => rr[i] * 1.6,
                    4 => rr[i] * 0.55,
                    _ => -1,
                };
            }
        }

        return rr;
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Add_SyntheticDayOf100000Beats_MatchesBatchRecomputationAtEveryBeat(string window)
    {
        var options = new RollingHrvOptions { Window = ParseWindow(window) };
        var drift = Compare(options, SyntheticDay());
        output.WriteLine($"synthetic 100000 beats, {window}: max relative difference {drift:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(15)]
    public void Add_SyntheticDayWithOtherReferenceSizes_MatchesBatchRecomputationAtEveryBeat(int referenceBeats)
    {
        var options = new RollingHrvOptions { Window = RollingWindow.OfBeats(120), ReferenceBeats = referenceBeats, MaxDeviationFraction = 0.15 };
        var drift = Compare(options, SyntheticDay());
        output.WriteLine($"synthetic 100000 beats, 120 beats, reference {referenceBeats}: max relative difference {drift:E2}");
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Add_Nsr001TwentyFourHours_MatchesBatchRecomputationAtEveryBeat(string window)
    {
        var reference = HrvReference.Get("nsr2db_nsr001_24h");
        Assert.True(reference.RrMs.Length > 100_000);
        var options = new RollingHrvOptions { Window = ParseWindow(window) };
        var drift = Compare(options, reference.RrMs);
        output.WriteLine($"nsr001 {reference.RrMs.Length} beats, {window}: max relative difference {drift:E2}");
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void Add_WholeSeriesAsWindowWithoutScreening_MatchesReferenceFormulas(string seriesId)
    {
        // formula_check in ../shared/reference/hrv: the oracle's direct NumPy formulas over the whole series.
        var reference = HrvReference.Get(seriesId);
        var options = new RollingHrvOptions
        {
            Window = RollingWindow.OfBeats(reference.RrMs.Length),
            MinRrMs = RrSeries.MinimumIntervalMs, // the whole calculable range: no screening
            MaxRrMs = RrSeries.MaximumIntervalMs,
            MaxDeviationFraction = null,
        };
        var analyzer = new RollingHrv(options);
        foreach (var rr in reference.RrMs)
        {
            Assert.True(analyzer.Add(rr).IsAccepted);
        }

        var s = analyzer.Current;
        AssertClose(reference.Number("formula_check.MeanNN_ms")!.Value, s.MeanRrMs!.Value);
        AssertClose(reference.Number("formula_check.SDNN_ms_ddof1")!.Value, s.SdnnMs!.Value);
        AssertClose(reference.Number("formula_check.RMSSD_ms")!.Value, s.RmssdMs!.Value);
        AssertClose(reference.Number("formula_check.pNN50_percent_gt_over_N_minus_1")!.Value, s.Pnn50Percent!.Value);
        AssertClose(reference.Number("formula_check.MeanHR_bpm_from_MeanNN")!.Value, s.MeanHeartRateBpm!.Value);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static double Compare(RollingHrvOptions options, double[] rr)
    {
        var analyzer = new RollingHrv(options);
        var oracle = new BatchWindowOracle(options);
        var maxRelative = 0.0;
        for (var i = 0; i < rr.Length; i++)
        {
            var update = analyzer.Add(rr[i]);
            var expected = oracle.Add(rr[i]);
            Assert.True(expected.Screening == update.Screening, $"beat {i} ({rr[i]:R} ms): expected {expected.Screening}, got {update.Screening}");
            var s = update.Snapshot;
            Assert.True(expected.BeatCount == s.BeatCount, $"beat {i}: window beats expected {expected.BeatCount}, got {s.BeatCount}");
            Assert.True(expected.DifferenceCount == s.DifferenceCount, $"beat {i}: differences expected {expected.DifferenceCount}, got {s.DifferenceCount}");
            maxRelative = Math.Max(maxRelative, Check(i, "mean RR", expected.MeanRr, s.MeanRrMs));
            maxRelative = Math.Max(maxRelative, Check(i, "SDNN", expected.Sdnn, s.SdnnMs));
            maxRelative = Math.Max(maxRelative, Check(i, "RMSSD", expected.Rmssd, s.RmssdMs));
            maxRelative = Math.Max(maxRelative, Check(i, "pNN50", expected.Pnn50, s.Pnn50Percent));
            maxRelative = Math.Max(maxRelative, Check(i, "mean HR", expected.MeanRr is { } m ? 60_000 / m : null, s.MeanHeartRateBpm));
        }

        return maxRelative;
    }

    private static double Check(int beat, string name, double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"beat {beat}: {name} expected null, got {actual}");
            return 0;
        }

        Assert.True(actual is not null, $"beat {beat}: {name} expected {expected}, got null");
        var relative = Math.Abs(expected.Value - actual.Value) / Math.Max(1, Math.Abs(expected.Value));
        Assert.True(relative <= RelativeTolerance, $"beat {beat}: {name} expected {expected.Value:R}, got {actual.Value:R} (relative {relative:E2})");
        return relative;
    }

    /// <summary>
    /// The window's definition written out plainly: screening by the documented rules (median via sorting), the
    /// window as the last N accepted beats or those whose interval starts at or after (clock − duration), the
    /// differences between window beats adjacent in the stream, and each metric recomputed from scratch.
    /// </summary>
    private sealed class BatchWindowOracle(RollingHrvOptions options)
    {
        private readonly List<(long Index, double Rr, double End)> _accepted = [];
        private readonly List<double> _inRange = [];
        private long _index = -1;
        private double _clock;
        private int _first;

        public Expected Add(double rr)
        {
            _index++;
            BeatScreening screening;
            if (double.IsNaN(rr) || rr <= 0 || double.IsInfinity(rr))
            {
                screening = BeatScreening.Invalid;
            }
            else
            {
                _clock += rr;
                if (rr < options.MinRrMs)
                {
                    screening = BeatScreening.BelowMinimum;
                }
                else if (rr > options.MaxRrMs)
                {
                    screening = BeatScreening.AboveMaximum;
                }
                else
                {
                    screening = BeatScreening.Accepted;
                    if (options.MaxDeviationFraction is { } fraction && _inRange.Count > 0)
                    {
                        var recent = _inRange.Skip(Math.Max(0, _inRange.Count - options.ReferenceBeats)).OrderBy(x => x).ToArray();
                        var median = recent.Length % 2 == 1 ? recent[recent.Length / 2] : (recent[(recent.Length / 2) - 1] + recent[recent.Length / 2]) / 2;
                        if (Math.Abs(rr - median) > fraction * median)
                        {
                            screening = BeatScreening.DeviatesFromReference;
                        }
                    }

                    _inRange.Add(rr);
                }

                if (screening == BeatScreening.Accepted)
                {
                    _accepted.Add((_index, rr, _clock));
                }
            }

            if (options.Window.Beats is { } beats)
            {
                _first = Math.Max(0, _accepted.Count - beats);
            }
            else
            {
                var cutoff = _clock - options.Window.Duration!.Value.TotalMilliseconds;
                while (_first < _accepted.Count && _accepted[_first].End - _accepted[_first].Rr < cutoff)
                {
                    _first++;
                }
            }

            var window = _accepted.Skip(_first).ToArray();
            var n = window.Length;
            double? mean = null, sdnn = null, rmssd = null, pnn50 = null;
            var differences = new List<double>();
            for (var i = 1; i < n; i++)
            {
                if (window[i].Index == window[i - 1].Index + 1)
                {
                    differences.Add(window[i].Rr - window[i - 1].Rr);
                }
            }

            if (n > 0)
            {
                var sum = 0.0;
                foreach (var beat in window)
                {
                    sum += beat.Rr;
                }

                mean = sum / n;
            }

            if (n > 1)
            {
                var squares = 0.0;
                foreach (var beat in window)
                {
                    squares += (beat.Rr - mean!.Value) * (beat.Rr - mean.Value);
                }

                sdnn = Math.Sqrt(squares / (n - 1));
            }

            if (differences.Count > 0)
            {
                rmssd = Math.Sqrt(differences.Sum(d => d * d) / differences.Count);
                pnn50 = 100.0 * differences.Count(d => Math.Abs(d) > 50) / differences.Count;
            }

            return new Expected(screening, n, differences.Count, mean, sdnn, rmssd, pnn50);
        }
    }

    private readonly record struct Expected(BeatScreening Screening, int BeatCount, int DifferenceCount, double? MeanRr, double? Sdnn, double? Rmssd, double? Pnn50);
}
