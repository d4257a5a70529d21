using RelationalNeuro.Hrv.Live;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Synchrony;

/// <summary>The live engine: agrees with the offline matrix on the same trailing window, finds a known lag, allocates nothing per beat.</summary>
public sealed class RollingSynchronyTests
{
    /// <summary>Feeds both members' beats in time order (the order two straps deliver them).</summary>
    private static RollingSynchronySnapshot Feed(RollingSynchrony engine, double[] a, double[] b)
    {
        int i = 0, j = 0;
        double ta = 0, tb = 0;
        var last = engine.Current;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && ta + a[i] <= tb + b[j]))
            {
                ta += a[i];
                last = engine.Add(DyadMember.A, a[i++]);
            }
            else
            {
                tb += b[j];
                last = engine.Add(DyadMember.B, b[j++]);
            }
        }

        return last;
    }

    [Fact]
    public void Add_ReferenceDyadBFollowsBy2s_PeakLagIsPlus2s()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");

        var snapshot = Feed(new RollingSynchrony(), reference.RrA, reference.RrB);

        Assert.True(snapshot.IsReady);
        Assert.True(Math.Abs(snapshot.PeakLagSeconds!.Value - 2.0) <= 0.25, $"peak lag {snapshot.PeakLagSeconds}");
        Assert.True(snapshot.PeakR > 0.5, $"peak r {snapshot.PeakR}");
    }

    [Fact]
    public void Add_MatchesTheOfflineMatrixOnTheTrailingWindow()
    {
        // Both members' first interval is 1000 ms, so both grids start at t = 1 s: the engine's grid (j/4 from 0) and the
        // aligner's (T0 + j/4) then hold the same samples, and the live r must equal the offline cell on the last window.
        var reference = SynchronyReference.Get("syn_lag_m3s");
        double[] a = [1000, .. reference.RrA];
        double[] b = [1000, .. reference.RrB];
        var snapshot = Feed(new RollingSynchrony(), a, b);

        var grid = DyadAlignment.Align(a, b, DyadAlignmentOptions.Reference with { MinimumOverlapSeconds = 0 });
        Assert.Equal(1.0, grid.StartTimeSeconds);
        var n = (int)snapshot.PairedSamples;
        Assert.True(grid.Count >= n, $"offline {grid.Count} samples, live {n}");
        // Live lag 0 is r over the last 120 paired samples; offline, a single 30-s window with no lag on the same samples.
        var offline = WindowedCrossCorrelation.Compute(grid.SeriesA.Slice(n - 120, 120), grid.SeriesB.Slice(n - 120, 120), 4, WindowedCrossCorrelationOptions.PlainR with { MaxLagSeconds = 0 });
        Assert.Equal(1, offline.WindowCount);

        Assert.Equal(offline.Cell(0, 0)!.Value, snapshot.LagZeroR!.Value, 1e-9);
    }

    [Fact]
    public void Add_IdenticalStreams_LagZeroIsOne()
    {
        var rr = Enumerable.Range(0, 300).Select(k => 800 + (50 * Math.Sin(k / 3.0))).ToArray();

        var snapshot = Feed(new RollingSynchrony(), rr, rr);

        Assert.Equal(1.0, snapshot.LagZeroR!.Value, 1e-9);
        Assert.Equal(0.0, snapshot.PeakLagSeconds);
    }

    [Fact]
    public void Add_AfterWarmUp_AllocatesNothing()
    {
        var engine = new RollingSynchrony();
        var rr = Enumerable.Range(0, 2000).Select(k => 800 + (50 * Math.Sin(k / 3.0))).ToArray();
        for (var k = 0; k < 200; k++)
        {
            engine.Add(DyadMember.A, rr[k]);
            engine.Add(DyadMember.B, rr[k] + 3);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 200; k < 2000; k++)
        {
            engine.Add(DyadMember.A, rr[k]);
            engine.Add(DyadMember.B, rr[k] + 3);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Add_BadIntervals_AreIgnored()
    {
        var engine = new RollingSynchrony();

        var snapshot = engine.Add(DyadMember.A, double.NaN);
        snapshot = engine.Add(DyadMember.B, -5);

        Assert.Equal(0, snapshot.BeatsA + snapshot.BeatsB);
        Assert.False(snapshot.IsReady);
    }

    [Fact]
    public async Task RunAsync_TwoReplays_ReachesTheEnd()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");
        var engine = new RollingSynchrony();
        RollingSynchronySnapshot last = default;

        await engine.RunAsync(new RrReplaySource(reference.RrA, speed: 1e6), new RrReplaySource(reference.RrB, speed: 1e6), s => last = s, TestContext.Current.CancellationToken);

        Assert.Equal(reference.RrA.Length, engine.Current.BeatsA);
        Assert.Equal(reference.RrB.Length, engine.Current.BeatsB);
        Assert.True(last.IsReady);
    }
    [Fact]
    public void MeanAbsZ_LagZeroOnly_IsTheOfflineFisherZCellOfTheTrailingWindow()
    {
        // As Add_MatchesTheOfflineMatrixOnTheTrailingWindow: both grids start at 1 s. With lags 0 only, the mean over lags
        // of |z| is the one lag-0 |atanh r| — rMEA's transformed cell (Fisher z, absolute) on the last 120 samples.
        var reference = SynchronyReference.Get("syn_lag_p2s");
        double[] a = [1000, .. reference.RrA];
        double[] b = [1000, .. reference.RrB];
        var engine = new RollingSynchrony(RollingSynchronyOptions.Default with { MaxLagSeconds = 0 });
        var snapshot = Feed(engine, a, b);

        var grid = DyadAlignment.Align(a, b, DyadAlignmentOptions.Reference with { MinimumOverlapSeconds = 0 });
        var n = (int)snapshot.PairedSamples;
        var offline = WindowedCrossCorrelation.Compute(grid.SeriesA.Slice(n - 120, 120), grid.SeriesB.Slice(n - 120, 120), 4, WindowedCrossCorrelationOptions.Rmea with { MaxLagSeconds = 0 });

        Assert.Equal(offline.Cell(0, 0)!.Value, engine.MeanAbsZ()!.Value, 1e-9);
    }

    [Fact]
    public void MeanAbsZ_IdenticalStreamsAtLagZero_IsTheClipOfTen()
    {
        // r = 1 makes atanh infinite; rMEA clips z to ±10, and so does the engine.
        var rr = Enumerable.Range(0, 300).Select(k => 800 + (50 * Math.Sin(k / 3.0))).ToArray();
        var engine = new RollingSynchrony(RollingSynchronyOptions.Default with { MaxLagSeconds = 0 });

        Feed(engine, rr, rr);

        Assert.Equal(10.0, engine.MeanAbsZ());
    }

    [Fact]
    public void MeanAbsZ_BeforeTheWindowIsFull_IsNull()
    {
        var engine = new RollingSynchrony();
        engine.Add(DyadMember.A, 800);
        engine.Add(DyadMember.B, 800);

        Assert.Null(engine.MeanAbsZ());
    }
}
