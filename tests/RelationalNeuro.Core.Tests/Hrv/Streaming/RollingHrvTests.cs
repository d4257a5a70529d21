using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

public sealed class RollingHrvTests
{
    private static RollingHrv Feed(RollingHrvOptions options, IEnumerable<double> rrMs)
    {
        var analyzer = new RollingHrv(options);
        foreach (var rr in rrMs)
        {
            analyzer.Add(rr);
        }

        return analyzer;
    }

    private static IEnumerable<double> Alternating(double a, double b, int count) =>
        Enumerable.Range(0, count).Select(i => i % 2 == 0 ? a : b);

    [Fact]
    public void Add_ConstantSeriesCountWindow_SdnnAndRmssdExactlyZero()
    {
        // Analytic: every interval 800 ms -> SD 0, successive differences 0, mean HR 60000/800 = 75 bpm.
        var analyzer = Feed(new RollingHrvOptions { Window = RollingWindow.OfBeats(300) }, Enumerable.Repeat(800.0, 1000));
        var s = analyzer.Current;

        Assert.Equal(300, s.BeatCount);
        Assert.Equal(299, s.DifferenceCount);
        Assert.Equal(0.0, s.SdnnMs);
        Assert.Equal(0.0, s.RmssdMs);
        Assert.Equal(0.0, s.Pnn50Percent);
        Assert.Equal(800.0, s.MeanRrMs);
        Assert.Equal(75.0, s.MeanHeartRateBpm);
        Assert.True(s.IsWindowFull);
    }

    [Fact]
    public void Add_ConstantSeriesTimeWindow_HoldsBeatsWithinDurationAndZeroSpread()
    {
        // 60 s window, 800 ms beats: the intervals lying wholly within the last 60 000 ms are the last 75.
        var analyzer = Feed(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromSeconds(60)) }, Enumerable.Repeat(800.0, 1000));
        var s = analyzer.Current;

        Assert.Equal(75, s.BeatCount);
        Assert.Equal(74, s.DifferenceCount);
        Assert.Equal(0.0, s.SdnnMs);
        Assert.Equal(0.0, s.RmssdMs);
        Assert.Equal(1.0, s.WindowFillFraction);
    }

    [Fact]
    public void Add_Alternating800And900_RmssdExactly100()
    {
        // Analytic: |diff| = 100 every beat -> RMSSD 100, pNN50 100 %; 150 values of 800 and 150 of 900 -> mean 850,
        // sum of squared deviations 300 * 50^2 -> SDNN = sqrt(300 * 2500 / 299) (denominator N - 1).
        var analyzer = Feed(new RollingHrvOptions { Window = RollingWindow.OfBeats(300) }, Alternating(800, 900, 1001));
        var s = analyzer.Current;

        Assert.Equal(100.0, s.RmssdMs);
        Assert.Equal(100.0, s.Pnn50Percent);
        Assert.Equal(299, s.DifferenceCount);
        Assert.Equal(850.0, s.MeanRrMs);
        Assert.Equal(Math.Sqrt(300 * 2500.0 / 299), s.SdnnMs!.Value, 1e-12);
        Assert.Equal(60_000.0 / 850, s.MeanHeartRateBpm!.Value, 1e-12);
    }

    [Theory]
    [InlineData(850.0, 0.0)]
    [InlineData(850.5, 100.0)]
    public void Add_DifferencesAtFiftyMs_Pnn50CountsStrictlyGreater(double second, double expectedPercent)
    {
        // Task Force 1996: NN50 counts successive differences greater than 50 ms; exactly 50 does not count.
        var analyzer = Feed(new RollingHrvOptions { Window = RollingWindow.OfBeats(20) }, Alternating(800, second, 40));

        Assert.Equal(expectedPercent, analyzer.Current.Pnn50Percent);
        Assert.Equal(19, analyzer.Current.DifferenceCount);
    }

    [Fact]
    public void Add_FirstBeats_MetricsNeedingMoreDataAreNull()
    {
        var analyzer = new RollingHrv();
        var first = analyzer.Add(800).Snapshot;

        Assert.Equal(1, first.BeatCount);
        Assert.Equal(800.0, first.MeanRrMs);
        Assert.Equal(75.0, first.MeanHeartRateBpm);
        Assert.Null(first.SdnnMs);
        Assert.Null(first.RmssdMs);
        Assert.Null(first.Pnn50Percent);

        var second = analyzer.Add(820).Snapshot;
        Assert.Equal(20.0, second.RmssdMs);
        Assert.Equal(Math.Sqrt(200.0), second.SdnnMs!.Value, 1e-12); // (800-810)^2 + (820-810)^2 = 200, / (2-1)
        Assert.Equal(1, second.DifferenceCount);
    }

    [Fact]
    public void Current_BeforeAnyBeat_IsEmptySnapshot()
    {
        var analyzer = new RollingHrv();
        Assert.Equal(default, analyzer.Current);
        Assert.Equal(0, analyzer.Current.BeatCount);
        Assert.Null(analyzer.Current.MeanRrMs);
    }

    [Theory]
    [InlineData(double.NaN, BeatScreening.Invalid)]
    [InlineData(double.PositiveInfinity, BeatScreening.Invalid)]
    [InlineData(double.NegativeInfinity, BeatScreening.Invalid)]
    [InlineData(0.0, BeatScreening.Invalid)]
    [InlineData(-800.0, BeatScreening.Invalid)]
    [InlineData(299.0, BeatScreening.BelowMinimum)]
    [InlineData(2001.0, BeatScreening.AboveMaximum)]
    [InlineData(961.0, BeatScreening.DeviatesFromReference)] // |961 - 800| = 161 > 0.20 * 800 = 160
    [InlineData(639.0, BeatScreening.DeviatesFromReference)]
    [InlineData(959.0, BeatScreening.Accepted)]
    [InlineData(641.0, BeatScreening.Accepted)]
    public void Add_AfterSteady800_ScreensBeatByRule(double rrMs, BeatScreening expected)
    {
        var analyzer = Feed(new RollingHrvOptions(), Enumerable.Repeat(800.0, 10));
        var before = analyzer.Current;

        var update = analyzer.Add(rrMs);

        Assert.Equal(expected, update.Screening);
        Assert.Equal(expected == BeatScreening.Accepted, update.IsAccepted);
        Assert.Equal(10, update.BeatIndex);
        Assert.Equal(rrMs, update.RrMs);
        if (expected != BeatScreening.Accepted)
        {
            Assert.Equal(before, update.Snapshot); // a rejected beat leaves a count window untouched
        }
        else
        {
            Assert.Equal(11, update.Snapshot.BeatCount);
        }
    }

    [Fact]
    public void Add_RangeBoundsAreInclusive()
    {
        var options = new RollingHrvOptions { MaxDeviationFraction = null };
        var analyzer = new RollingHrv(options);

        Assert.Equal(BeatScreening.Accepted, analyzer.Add(300).Screening);
        Assert.Equal(BeatScreening.Accepted, analyzer.Add(2000).Screening);
    }

    [Fact]
    public void Add_SustainedRateChange_ReferenceFollowsAfterThreeBeats()
    {
        // Reference = median of the last 5 in-range beats (rejected ones included). After ten 800s, the 1000s
        // meet references [800 x5], [800 x4, 1000], [800 x3, 1000 x2] (median 800: rejected), then
        // [800 x2, 1000 x3] (median 1000: accepted).
        var analyzer = Feed(new RollingHrvOptions(), Enumerable.Repeat(800.0, 10));
        var screens = Enumerable.Range(0, 5).Select(_ => analyzer.Add(1000)).ToArray();

        Assert.Equal(
            [BeatScreening.DeviatesFromReference, BeatScreening.DeviatesFromReference, BeatScreening.DeviatesFromReference, BeatScreening.Accepted, BeatScreening.Accepted],
            screens.Select(u => u.Screening).ToArray());

        // The first accepted 1000 follows a rejected beat: no difference is formed across the gap.
        Assert.Equal(9, screens[3].Snapshot.DifferenceCount);
        Assert.Equal(10, screens[4].Snapshot.DifferenceCount);
        Assert.Equal(0.0, screens[4].Snapshot.RmssdMs);
    }

    [Fact]
    public void Add_ReferenceOfOneBeat_IsMaliksPreviousBeatRule()
    {
        var analyzer = new RollingHrv(new RollingHrvOptions { ReferenceBeats = 1 });
        analyzer.Add(800);

        Assert.Equal(BeatScreening.DeviatesFromReference, analyzer.Add(1000).Screening);
        Assert.Equal(BeatScreening.Accepted, analyzer.Add(1000).Screening); // the previous in-range beat is now 1000
    }

    [Fact]
    public void Add_InvalidBeatBetween_BreaksTheDifferenceChain()
    {
        var analyzer = Feed(new RollingHrvOptions(), [800, 810, double.NaN, 820]);
        var s = analyzer.Current;

        Assert.Equal(3, s.BeatCount);
        Assert.Equal(1, s.DifferenceCount);
        Assert.Equal(10.0, s.RmssdMs);
        Assert.Equal(4, analyzer.BeatsOffered);
    }

    [Fact]
    public void Add_RejectedLongBeatInTimeWindow_AdvancesClockAndEvicts()
    {
        // 10 s window, ten 1000-ms beats (starts 0..9 s), then a rejected 2500 ms: the clock reaches 12.5 s, so
        // only intervals starting at or after 2.5 s stay: beats 3..9.
        var options = new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromSeconds(10)), MaxRrMs = 2000 };
        var analyzer = Feed(options, Enumerable.Repeat(1000.0, 10));
        Assert.Equal(10, analyzer.Current.BeatCount);

        var update = analyzer.Add(2500);

        Assert.Equal(BeatScreening.AboveMaximum, update.Screening);
        Assert.Equal(7, update.Snapshot.BeatCount);
        Assert.Equal(6, update.Snapshot.DifferenceCount);
    }

    [Fact]
    public void Add_LongGapInTimeWindow_EmptiesAndRestarts()
    {
        var options = new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromSeconds(2)), MaxRrMs = 2000, MaxDeviationFraction = null };
        var analyzer = Feed(options, [1000, 1000, 1000]);
        Assert.Equal(2, analyzer.Current.BeatCount);

        var update = analyzer.Add(1900); // start 3000 ms >= cutoff 2900 ms: only this beat stays

        Assert.Equal(1, update.Snapshot.BeatCount);
        Assert.Equal(0, update.Snapshot.DifferenceCount);
        Assert.Equal(1900.0, update.Snapshot.MeanRrMs);
        Assert.Null(update.Snapshot.SdnnMs);
    }

    [Fact]
    public void Add_CountWindow_FillFractionGrowsToOne()
    {
        var analyzer = new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfBeats(60) });
        RollingHrvUpdate update = default;
        for (var i = 0; i < 30; i++)
        {
            update = analyzer.Add(1000);
        }

        Assert.Equal(0.5, update.Snapshot.WindowFillFraction);
        Assert.False(update.Snapshot.IsWindowFull);

        for (var i = 0; i < 30; i++)
        {
            update = analyzer.Add(1000);
        }

        Assert.True(update.Snapshot.IsWindowFull);
        Assert.Equal(60, analyzer.Capacity);
    }

    [Fact]
    public void Add_TimeWindow_FillFractionIsStreamTimeOverDuration()
    {
        var analyzer = Feed(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromSeconds(60)) }, Enumerable.Repeat(1000.0, 30));

        Assert.Equal(0.5, analyzer.Current.WindowFillFraction);
        Assert.Equal(201, analyzer.Capacity); // floor(60000 / 300) + 1
    }

    [Fact]
    public void BeatProcessed_EachBeat_RaisedWithTheReturnedUpdate()
    {
        var analyzer = new RollingHrv();
        var raised = new List<RollingHrvUpdate>();
        analyzer.BeatProcessed += (sender, update) =>
        {
            Assert.Same(analyzer, sender);
            raised.Add(update);
        };

        var returned = new[] { analyzer.Add(800), analyzer.Add(double.NaN), analyzer.Add(810) };

        Assert.Equal(returned, raised);
    }

    [Fact]
    public void Reset_AfterBeats_BehavesLikeANewAnalyzer()
    {
        var analyzer = Feed(new RollingHrvOptions(), Alternating(800, 870, 100));
        analyzer.Reset();

        Assert.Equal(default, analyzer.Current);
        Assert.Equal(0, analyzer.BeatsOffered);

        var fresh = new RollingHrv();
        foreach (var rr in new[] { 900.0, 910, 700, 905, 2500, 920 })
        {
            Assert.Equal(fresh.Add(rr), analyzer.Add(rr));
        }
    }

    [Fact]
    public void Add_AfterWarmUp_AllocatesNothing()
    {
        var analyzer = new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromMinutes(5)) });
        var sink = 0.0;
        analyzer.BeatProcessed += (_, update) => sink += update.RrMs;
        var rr = Enumerable.Range(0, 20_000).Select(i => 800 + (60 * Math.Sin(i / 7.0)) + (i % 97 == 0 ? 900 : 0)).ToArray();
        foreach (var value in rr)
        {
            analyzer.Add(value);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var value in rr)
        {
            analyzer.Add(value);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowNamingTheArgument()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { MinRrMs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { MinRrMs = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { MinRrMs = 900, MaxRrMs = 800 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { MaxDeviationFraction = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { ReferenceBeats = 16 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { ReferenceBeats = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromSeconds(1)) }));
        Assert.Throws<ArgumentException>(() => new RollingHrv(new RollingHrvOptions { Window = default }));
        Assert.Throws<ArgumentNullException>(() => new RollingHrv(null!));
        var window = Assert.Throws<ArgumentOutOfRangeException>(() => RollingWindow.OfBeats(1));
        Assert.Equal("count", window.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingWindow.OfDuration(TimeSpan.Zero));
    }

    [Fact]
    public void RollingWindow_ToString_NamesTheExtent()
    {
        Assert.Equal("last 60 beats", RollingWindow.OfBeats(60).ToString());
        Assert.Equal("last 300 s", RollingWindow.OfDuration(TimeSpan.FromMinutes(5)).ToString());
        Assert.True(RollingWindow.OfDuration(TimeSpan.FromMinutes(5)).IsTimeBased);
        Assert.False(RollingWindow.OfBeats(60).IsTimeBased);
    }
}
