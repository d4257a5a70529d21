using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// <see cref="DfaKernels.MeanSquaredResiduals"/> (four windows per 256-bit vector where accelerated, two per 128-bit
/// vector where only those are or when forced, the scalar loop otherwise or when forced) against an oracle written here from the definition of DFA's fluctuation: per window an
/// ordinary least-squares line in two passes (window mean, then the slope Σ(j − c)(y − ȳ)/Σ(j − c)²), the residuals
/// formed one by one and their squares averaged (Peng et al. 1995; docs/hrv-complexity.md).
/// </summary>
public sealed class DfaKernelTests
{
    // Profiles: cumulative sums of RR deviations (whole ms, 600–1100) with a drift, as DFA builds them.
    private static readonly Arbitrary<(double[] Profile, int Scale, bool Overlapping, int FloorChoice)> Cases =
        Gen.Choose(70, 900).SelectMany(n => Gen.ArrayOf(Gen.Choose(600, 1100).Select(i => (double)i), n))
            .SelectMany(rr => Gen.Choose(3, 64).Select(scale => (rr, scale)))
            .SelectMany(t => Gen.Elements(false, true).Select(o => (t.rr, t.scale, o)))
            .SelectMany(t => Gen.Choose(0, 2).Select(f => (Profile(t.rr), t.scale, t.o, f)))
            .ToArbitrary();

    public enum KernelPath
    {
        Widest,
        Vector128,
        Scalar,
    }

    [Theory]
    [InlineData(KernelPath.Widest)]
    [InlineData(KernelPath.Vector128)]
    [InlineData(KernelPath.Scalar)]
    public void EveryPath_RandomProfiles_EqualsTheLeastSquaresDefinition(KernelPath path) =>
        On(path, () => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Cases, c => MatchesOracle(c))));

    [Fact]
    public void VectorAndScalarPaths_AgreeToRounding_AndCountTheSameWindows()
    {
        var random = new Random(20261202);
        var rr = Enumerable.Range(0, 5000).Select(i => 800 + (200 * Math.Sin(i / 300.0)) + random.Next(-60, 61)).ToArray();
        var profile = Profile(rr);
        for (var scale = 3; scale <= 64; scale++)
        {
            foreach (var overlapping in new[] { false, true })
            {
                var (step, last) = Windows(profile.Length, scale, overlapping);
                (double Total, int Windows) Run(KernelPath path)
                {
                    (double Total, int Windows) result = default;
                    On(path, () => result = DfaKernels.MeanSquaredResiduals(profile, scale, step, last, 50.0));
                    return result;
                }

                var vector = Run(KernelPath.Widest);
                var vector128 = Run(KernelPath.Vector128);
                var scalar = Run(KernelPath.Scalar);
                Assert.Equal(scalar.Windows, vector.Windows);
                Assert.Equal(scalar.Windows, vector128.Windows);
                Assert.True(scalar.Windows > 0);
                Assert.Equal(scalar.Total, vector.Total, scalar.Total * 1e-13);
                Assert.Equal(scalar.Total, vector128.Total, scalar.Total * 1e-13);
            }
        }
    }

    private static bool MatchesOracle((double[] Profile, int Scale, bool Overlapping, int FloorChoice) c)
    {
        var (profile, scale, overlapping, floorChoice) = c;
        if (profile.Length < scale + 1)
        {
            return true;
        }

        var (step, last) = Windows(profile.Length, scale, overlapping);
        var residuals = new List<double>();
        for (var start = 0; start <= last; start += step)
        {
            residuals.Add(OracleMeanSquaredResidual(profile.AsSpan(start, scale)));
        }

        // No floor; a floor halfway across the first clear gap at or above the middle window (about half left out; a gap
        // far above rounding, since windows with the same true residual differ in the last digits); a floor above every
        // window (none kept).
        var sorted = residuals.Order().ToArray();
        double? floor = floorChoice switch
        {
            0 => null,
            1 => ClearGapFloor(sorted),
            _ => (sorted[^1] * 1.01) + 1,
        };
        var kept = residuals.Where(v => floor is null || v > floor.Value).ToArray();
        var (total, windows) = DfaKernels.MeanSquaredResiduals(profile, scale, step, last, floor);
        return windows == kept.Length && Math.Abs(total - kept.Sum()) <= 1e-9 * Math.Max(1, kept.Sum());
    }

    private static double? ClearGapFloor(double[] sorted)
    {
        for (var k = Math.Max(1, sorted.Length / 2); k < sorted.Length; k++)
        {
            if (sorted[k] - sorted[k - 1] > 1e-6 * Math.Max(1, Math.Abs(sorted[k])))
            {
                return (sorted[k - 1] + sorted[k]) / 2;
            }
        }

        return null;
    }

    private static double OracleMeanSquaredResidual(ReadOnlySpan<double> y)
    {
        var s = y.Length;
        var c = (s - 1) / 2.0;
        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= s;
        double sxy = 0, sxx = 0;
        for (var j = 0; j < s; j++)
        {
            sxy += (j - c) * (y[j] - mean);
            sxx += (j - c) * (j - c);
        }

        var slope = sxy / sxx;
        var sse = 0.0;
        for (var j = 0; j < s; j++)
        {
            var r = y[j] - (mean + (slope * (j - c)));
            sse += r * r;
        }

        return sse / s;
    }

    /// <summary>Runs <paramref name="action"/> with the kernels limited to <paramref name="path"/> on this thread, restored after (also on failure).</summary>
    private static void On(KernelPath path, Action action)
    {
        KernelDispatch.ForceVector128 = path == KernelPath.Vector128;
        KernelDispatch.ForceScalar = path == KernelPath.Scalar;
        try
        {
            action();
        }
        finally
        {
            KernelDispatch.ForceVector128 = false;
            KernelDispatch.ForceScalar = false;
        }
    }

    private static (int Step, int Last) Windows(int n, int scale, bool overlapping) =>
        overlapping ? (scale / 2, n - scale - 1) : (scale, n - scale);

    private static double[] Profile(double[] rr)
    {
        var mean = rr.Average();
        var profile = new double[rr.Length];
        var running = 0.0;
        for (var i = 0; i < rr.Length; i++)
        {
            running += rr[i] - mean + 3.0; // + a drift of 3 ms per beat
            profile[i] = running;
        }

        return profile;
    }
}
