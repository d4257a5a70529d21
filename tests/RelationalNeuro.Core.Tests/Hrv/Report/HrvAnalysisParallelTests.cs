using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// <see cref="HrvAnalysisOptions.MaxDegreeOfParallelism"/>: the oracle is the in-order run (degree 1) of the same input
/// and options — every report member (the JSON text, which writes every double with round-trip precision, the CSV row,
/// each stage's result record and the problems in order) must be the same, on the four 24-h reference recordings of
/// ../shared/reference, on generated series with artifacts and bad values, and for the exceptions of bad options.
/// The same oracle checks <see cref="HrvAnalysis.Analyze(RrSeries, ArtifactResult, HrvAnalysisOptions, CancellationToken)"/>,
/// which takes the artifact step's result instead of running it again.
/// </summary>
public sealed class HrvAnalysisParallelTests
{
    private static readonly IReadOnlyList<Problem> NoProblems = ProblemList.Empty;

    public static TheoryData<string> DayLongRecordings() => new()
    {
        Path.Combine("hrv", "data", "nsr2db_nsr001_24h.rr_ms.txt"),
        Path.Combine("artifacts", "data", "ltdb_14046.rr_ms.txt"),
        Path.Combine("artifacts", "data", "ltdb_14149.rr_ms.txt"),
        Path.Combine("artifacts", "data", "ltdb_14172.rr_ms.txt"),
    };

    [Theory]
    [MemberData(nameof(DayLongRecordings))]
    public void Analyze_DayLongReferenceRecording_EveryDegreeGivesTheInOrderReport(string relative)
    {
        var path = Path.Combine(SharedData.RequireDirectory("reference"), relative);
        var rr = File.ReadLines(path).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(rr.Length > 60_000, $"{relative}: {rr.Length} beats, a day-long recording expected");

        var inOrder = HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default, TestContext.Current.CancellationToken);

        // ToJson's generated writer against the serializer's metadata path, on a report of real data with every stage.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(inOrder, HrvJsonContext.Default.HrvReport), inOrder.ToJson());
        foreach (var degree in new[] { 2, 4 })
        {
            var parallel = HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = degree }, TestContext.Current.CancellationToken);
            AssertSameReport(inOrder, parallel);
        }
    }

    [Theory]
    [MemberData(nameof(DayLongRecordings))]
    public void ArtifactsProcess_ScreeningOnASecondThread_GivesTheInOrderResultForEveryMethod(string relative)
    {
        var path = Path.Combine(SharedData.RequireDirectory("reference"), relative);
        var rr = File.ReadLines(path).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        foreach (var method in Enum.GetValues<ArtifactMethod>())
        {
            foreach (var correction in new[] { ArtifactCorrection.Correct, ArtifactCorrection.FlagOnly })
            {
                var options = new ArtifactOptions { Method = method, Correction = correction };
                var inOrder = Artifacts.Process(rr, options);
                var overlapped = Artifacts.Process(rr, options, maxDegreeOfParallelism: 2);
                Assert.Equal(inOrder.Flags, overlapped.Flags);
                Assert.Equal(inOrder.NnIntervalsMs.ToArray(), overlapped.NnIntervalsMs.ToArray());
                Assert.Equal(inOrder.IrregularSegments, overlapped.IrregularSegments);
                Assert.Equal(inOrder.Problems, overlapped.Problems);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DayLongRecordings))]
    public void Analyze_WithTheArtifactStepDone_GivesTheOneCallReport(string relative)
    {
        var path = Path.Combine(SharedData.RequireDirectory("reference"), relative);
        var series = RrSeries.FromIntervalsMs(File.ReadLines(path).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray());
        foreach (var options in new[] { HrvAnalysisOptions.Default, HrvAnalysisOptions.Default with { Artifacts = new ArtifactOptions { Method = ArtifactMethod.SinusRhythm } } })
        {
            var artifacts = Artifacts.Process(series, options.Artifacts);
            AssertSameReport(HrvAnalysis.Analyze(series, options, TestContext.Current.CancellationToken), HrvAnalysis.Analyze(series, artifacts, options, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(300)]
    [InlineData(5_000)]
    public void Analyze_WithTheArtifactStepDone_GeneratedSeriesWithBadValues_GivesTheOneCallReport(int count)
    {
        var series = RrSeries.FromIntervalsMs(WithArtifacts(count, seed: count));
        var options = HrvAnalysisOptions.Default with { Artifacts = new ArtifactOptions { Method = ArtifactMethod.Karlsson, Correction = ArtifactCorrection.Remove } };
        var artifacts = Artifacts.Process(series, options.Artifacts);
        AssertSameReport(HrvAnalysis.Analyze(series, options, TestContext.Current.CancellationToken), HrvAnalysis.Analyze(series, artifacts, options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Analyze_WithAnArtifactResultOfAnotherSeriesOrOtherOptions_ThrowsNamingIt()
    {
        var rr = WithArtifacts(600, seed: 7);
        var series = RrSeries.FromIntervalsMs(rr);
        var artifacts = Artifacts.Process(series);

        // Same length, one interval 1 ms longer: another recording.
        var other = (double[])rr.Clone();
        other[10] = other[10] is double.NaN ? 800 : other[10] + 1;
        var otherSeries = RrSeries.FromIntervalsMs(other);
        Assert.Equal("artifacts", Assert.Throws<ArgumentException>(() => HrvAnalysis.Analyze(otherSeries, artifacts, HrvAnalysisOptions.Default, TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("artifacts", Assert.Throws<ArgumentException>(() => HrvAnalysis.Analyze(RrSeries.FromIntervalsMs(rr.AsSpan(1)), artifacts, HrvAnalysisOptions.Default, TestContext.Current.CancellationToken)).ParamName);

        // Other artifact options than the analysis's.
        var malik = HrvAnalysisOptions.Default with { Artifacts = new ArtifactOptions { Method = ArtifactMethod.Malik } };
        Assert.Equal("artifacts", Assert.Throws<ArgumentException>(() => HrvAnalysis.Analyze(series, artifacts, malik, TestContext.Current.CancellationToken)).ParamName);
        var flagOnly = HrvAnalysisOptions.Default with { Artifacts = new ArtifactOptions { Correction = ArtifactCorrection.FlagOnly } };
        Assert.Equal("artifacts", Assert.Throws<ArgumentException>(() => HrvAnalysis.Analyze(series, artifacts, flagOnly, TestContext.Current.CancellationToken)).ParamName);

        Assert.Equal("series", Assert.Throws<ArgumentNullException>(() => HrvAnalysis.Analyze(null!, artifacts, HrvAnalysisOptions.Default, TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("artifacts", Assert.Throws<ArgumentNullException>(() => HrvAnalysis.Analyze(series, null!, HrvAnalysisOptions.Default, TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => HrvAnalysis.Analyze(series, artifacts, null!, TestContext.Current.CancellationToken)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(300)]
    [InlineData(5_000)]
    public void Analyze_GeneratedSeriesWithArtifactsAndBadValues_EveryDegreeGivesTheInOrderReport(int count)
    {
        var rr = WithArtifacts(count, seed: count);
        var variants = new[]
        {
            HrvAnalysisOptions.Default,
            HrvAnalysisOptions.Default with { IncludeEntropy = false },
            HrvAnalysisOptions.Default with { IncludeFrequencyDomain = false, IncludeDfa = false },
            HrvAnalysisOptions.Default with { IncludeFrequencyDomain = false, IncludeEntropy = false, IncludeDfa = false, IncludeAutonomic = false },
            HrvAnalysisOptions.Default with { FrequencyDomain = FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle } },
        };

        foreach (var options in variants)
        {
            var inOrder = HrvAnalysis.Analyze(rr, options, TestContext.Current.CancellationToken);
            foreach (var degree in new[] { 2, 3, 4, 64 })
            {
                AssertSameReport(inOrder, HrvAnalysis.Analyze(rr, options with { MaxDegreeOfParallelism = degree }, TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public void Analyze_NothingUsable_SameProblemsOnTwoThreads()
    {
        double[][] inputs = [[], [double.NaN, double.PositiveInfinity, -5, 0], [1e9, 1e9, 1e9]];
        foreach (var rr in inputs)
        {
            var inOrder = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken);
            var parallel = HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);

            Assert.Contains(inOrder.Problems, p => p.Severity == ProblemSeverity.Error);
            AssertSameReport(inOrder, parallel);
        }
    }

    [Fact]
    public void Analyze_TwoStagesWithBadOptions_ThrowsTheEarlierStagesExceptionAsInOrder()
    {
        // Entropy (stage 5 of 7) and DFA (stage 6) both refuse their options and run on different threads with 2 or more:
        // the in-order run throws the entropy's, and so must every degree, whichever guard fails first in time.
        var rr = WithArtifacts(2_000, seed: 3);
        var bad = HrvAnalysisOptions.Default with
        {
            Entropy = EntropyOptions.Default with { EmbeddingDimension = 0 },
            Dfa = DfaOptions.Default with { ShortTermMinBeats = 1 },
        };

        var inOrder = Assert.Throws<ArgumentOutOfRangeException>(() => HrvAnalysis.Analyze(rr, bad, TestContext.Current.CancellationToken));
        foreach (var degree in new[] { 2, 4 })
        {
            var parallel = Assert.Throws<ArgumentOutOfRangeException>(() => HrvAnalysis.Analyze(rr, bad with { MaxDegreeOfParallelism = degree }, TestContext.Current.CancellationToken));
            Assert.Equal(inOrder.ParamName, parallel.ParamName);
            Assert.Equal(inOrder.Message, parallel.Message);
        }

        Assert.Contains("mbedding", inOrder.ParamName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Analyze_DegreeBelowOne_ThrowsNamingTheOption(int degree)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            HrvAnalysis.Analyze(WithArtifacts(300, seed: 1), HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = degree }, TestContext.Current.CancellationToken));

        Assert.Contains(nameof(HrvAnalysisOptions.MaxDegreeOfParallelism), exception.ParamName, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CancelledBeforeTheCall_ThrowsOperationCanceledOnTwoThreads()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            HrvAnalysis.Analyze(WithArtifacts(5_000, seed: 2), HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = 2 }, cts.Token));
    }

    [Fact]
    public void Analyze_CancelledWhileItRuns_ThrowsOperationCanceledOnTwoThreads()
    {
        // 400,000 beats (four and a half days) take hundreds of ms (artifacts, then the entropy counts, which observe the
        // token every 4,096 templates); a dedicated thread cancels 5 ms after the call started, so the cancellation lands
        // inside the analysis even when a loaded machine runs the canceller tens of ms late.
        var rr = WithArtifacts(400_000, seed: 4);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var started = new ManualResetEventSlim();
        var canceller = new Thread(() =>
        {
            started.Wait(TestContext.Current.CancellationToken);
            Thread.Sleep(5);
            cts.Cancel();
        });
        canceller.Start();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            started.Set();
            return HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = 4 }, cts.Token);
        });
        canceller.Join();
    }

    private static void AssertSameReport(HrvReport expected, HrvReport actual)
    {
        Assert.Equal(expected.ToJson(), actual.ToJson());
        Assert.Equal(expected.ToCsvRow(), actual.ToCsvRow());
        Assert.Equal(expected.Problems, actual.Problems);
        Same(expected.TimeDomain, actual.TimeDomain, r => r with { Problems = NoProblems });
        Same(expected.Poincare, actual.Poincare, r => r with { Problems = NoProblems });
        Same(expected.FrequencyDomain, actual.FrequencyDomain, r => r with { Problems = NoProblems });
        Same(expected.SampleEntropy, actual.SampleEntropy, r => r with { Problems = NoProblems });
        Same(expected.ApproximateEntropy, actual.ApproximateEntropy, r => r with { Problems = NoProblems });
        Same(expected.Dfa, actual.Dfa, r => r with { Problems = NoProblems });
        Same(expected.Autonomic, actual.Autonomic, r => r with { Problems = NoProblems });
        Assert.Equal(expected.Artifacts?.FlaggedIndices, actual.Artifacts?.FlaggedIndices);
    }

    /// <summary>A stage's result record compared member by member (doubles by value), its problems compared in the report's list.</summary>
    private static void Same<T>(T? expected, T? actual, Func<T, T> withoutProblems)
        where T : struct
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e && actual is { } a)
        {
            Assert.Equal(withoutProblems(e), withoutProblems(a));
        }
    }

    /// <summary>
    /// Seeded RR around 800 ms with respiratory and Mayer-wave modulation, and every 97th beat an ectopic (short then long),
    /// every 401st a missed beat (double), every 997th a NaN and every 1,499th a value out of range.
    /// </summary>
    private static double[] WithArtifacts(int count, int seed)
    {
        var random = new Random(seed);
        var rr = new double[count];
        var t = 0.0;
        for (var i = 0; i < count; i++)
        {
            rr[i] = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (25 * Math.Sin(2 * Math.PI * 0.25 * t)) + (20 * (random.NextDouble() - 0.5));
            t += rr[i] / 1000;
            if (i % 97 == 50)
            {
                rr[i] *= 0.6;
            }
            else if (i % 97 == 51)
            {
                rr[i] *= 1.4;
            }
            else if (i % 401 == 200)
            {
                rr[i] *= 2;
            }
            else if (i % 997 == 500)
            {
                rr[i] = double.NaN;
            }
            else if (i % 1_499 == 700)
            {
                rr[i] = 9_000;
            }
        }

        return rr;
    }
}
