using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Between-dyad surrogates across a study (rMEA <c>shuffle(mea, size = "max")</c>, Kleinbub &amp; Ramseyer 2020): every member
/// paired with every member of another dyad, so a real dyad's synchrony can be compared with what unrelated people reach.
/// </summary>
public static class PseudoDyads
{
    /// <summary>
    /// The pseudo-dyads of a set of dyads in rMEA's order: the pool is member A of every dyad (in order), then member B of
    /// every dyad; the pairs are all pool pairs i &lt; j in <c>combn</c> order except the real ones. With
    /// <paramref name="keepRoles"/> false (rMEA's default) this includes A-with-A and B-with-B pairs; with true only A-with-B.
    /// </summary>
    /// <param name="dyads">The real dyads (all on the same grid rate).</param>
    /// <param name="keepRoles">Only pair an A with a B (rMEA <c>keepRoles</c>).</param>
    /// <returns>The pseudo-dyads; none with fewer than two dyads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyads"/> or an item is null.</exception>
    public static IReadOnlyList<PseudoDyad> Shuffle(IReadOnlyList<DyadSeries> dyads, bool keepRoles = false)
    {
        ArgumentNullException.ThrowIfNull(dyads);
        var d = dyads.Count;
        var pairs = new List<PseudoDyad>();
        for (var i = 0; i < 2 * d; i++)
        {
            for (var j = i + 1; j < 2 * d; j++)
            {
                var realPair = i < d && j == i + d;
                var sameRole = (i < d) == (j < d);
                if (realPair || (keepRoles && sameRole))
                {
                    continue;
                }

                var first = Guard.NotNull(dyads[i % d], nameof(dyads));
                var second = Guard.NotNull(dyads[j % d], nameof(dyads));
                pairs.Add(new PseudoDyad(
                    i % d, i < d ? DyadMember.A : DyadMember.B, j % d, j < d ? DyadMember.A : DyadMember.B, Math.Min(first.Count, second.Count)));
            }
        }

        return pairs;
    }

    /// <summary>Builds one pseudo-dyad's series: the two members cut to the shorter length, first samples kept.</summary>
    /// <param name="dyads">The real dyads <paramref name="pseudo"/> refers to.</param>
    /// <param name="pseudo">A pair from <see cref="Shuffle"/>.</param>
    /// <returns>The pseudo-dyad on the first dyad's grid rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyads"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <paramref name="dyads"/>.</exception>
    public static DyadSeries Build(IReadOnlyList<DyadSeries> dyads, PseudoDyad pseudo)
    {
        ArgumentNullException.ThrowIfNull(dyads);
        Guard.InRange(pseudo.FirstDyad, 0, dyads.Count - 1);
        Guard.InRange(pseudo.SecondDyad, 0, dyads.Count - 1);
        var first = dyads[pseudo.FirstDyad];
        var second = dyads[pseudo.SecondDyad];
        var n = Math.Min(first.Count, second.Count);
        var a = (pseudo.FirstMember == DyadMember.A ? first.RawA : first.RawB)[..n];
        var b = (pseudo.SecondMember == DyadMember.A ? second.RawA : second.RawB)[..n];
        return new DyadSeries(a, b, 0, first.SampleRateHz, first.Signal, 0, 0, ProblemList.Empty);
    }

    /// <summary>
    /// Real against pseudo: the windowed cross-correlation grand average (<see cref="WindowedCrossCorrelationResult.GrandAverage"/>)
    /// of every real dyad and every pseudo-dyad, compared with <see cref="Compare"/>. A dyad without a grand average is left out.
    /// </summary>
    /// <param name="dyads">The real dyads.</param>
    /// <param name="options">Null for <see cref="WindowedCrossCorrelationOptions.Rmea"/>.</param>
    /// <param name="keepRoles">Only pair an A with a B.</param>
    /// <returns>Each pseudo-dyad's grand average (null where none) and the comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyads"/> is null.</exception>
    public static PseudoDyadComparison CompareGrandAverages(IReadOnlyList<DyadSeries> dyads, WindowedCrossCorrelationOptions? options = null, bool keepRoles = false) =>
        CompareGrandAveragesCancellable(dyads, options, keepRoles, 1, null, CancellationToken.None);

    /// <summary>
    /// <see cref="CompareGrandAverages"/> for a large cohort, cancellable:
    /// the pseudo-dyads (2d² − 2d of them for d dyads) on up to <paramref name="maxDegreeOfParallelism"/> threads, each
    /// into its own slot, so the result is the same for every thread count; <paramref name="progress"/> hears the number
    /// of pseudo-dyads done after each one (from any thread, not in order).
    /// </summary>
    /// <param name="dyads">The real dyads.</param>
    /// <param name="options">Null for <see cref="WindowedCrossCorrelationOptions.Rmea"/>.</param>
    /// <param name="keepRoles">Only pair an A with a B.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, at least 1.</param>
    /// <param name="progress">Told the count of pseudo-dyads done, or null.</param>
    /// <param name="cancellationToken">Stops between pseudo-dyads.</param>
    /// <returns>Each pseudo-dyad's grand average (null where none) and the comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyads"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PseudoDyadComparison CompareGrandAveragesCancellable(
        IReadOnlyList<DyadSeries> dyads,
        WindowedCrossCorrelationOptions? options,
        bool keepRoles,
        int maxDegreeOfParallelism,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dyads);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var real = new double?[dyads.Count];
        for (var i = 0; i < dyads.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            real[i] = WindowedCrossCorrelation.Compute(dyads[i], options).GrandAverage;
        }

        var pairs = Shuffle(dyads, keepRoles);
        var pseudo = new double?[pairs.Count];
        var done = 0;
        void One(int p)
        {
            pseudo[p] = WindowedCrossCorrelation.Compute(Build(dyads, pairs[p]), options).GrandAverage;
            progress?.Report(Interlocked.Increment(ref done));
        }

        if (maxDegreeOfParallelism == 1)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                One(p);
            }
        }
        else
        {
            Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, One);
        }

        var comparison = Compare(real.OfType<double>().ToArray(), pseudo.OfType<double>().ToArray());
        return new PseudoDyadComparison(real, pairs, pseudo, comparison);
    }

    /// <summary>Cohen's d of real against pseudo values, rMEA's <c>cohens_d</c>: |m₁ − m₂| / sqrt(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2)).</summary>
    /// <param name="real">The real dyads' values (e.g. grand averages).</param>
    /// <param name="pseudo">The pseudo-dyads' values.</param>
    /// <returns>Means, SDs and d; null members with a problem where undefined (non-finite values are refused).</returns>
    public static RealVersusPseudo Compare(ReadOnlySpan<double> real, ReadOnlySpan<double> pseudo)
    {
        var problems = new ProblemCollector();
        if (WindowedCrossCorrelation.HasNonFinite(real) || WindowedCrossCorrelation.HasNonFinite(pseudo))
        {
            problems.Error("sync.non-finite", "A value is NaN or infinite; nothing is compared.");
            return new RealVersusPseudo(real.Length, pseudo.Length, null, null, null, null, null, problems.ToList());
        }

        // d is scale-free: compute on the values divided by a power of two (exact) that brings the largest |value| below 2,
        // so no sum or square overflows for any finite values (±1e308 included); means and SDs are scaled back.
        var e = Math.Max(BinaryScale.Magnitude(real), BinaryScale.Magnitude(pseudo));
        var (rm, rs, rss) = Moments(real, e);
        var (pm, ps, pss) = Moments(pseudo, e);
        double? d = null;
        if (real.Length < 1 || pseudo.Length < 1 || real.Length + pseudo.Length < 3)
        {
            problems.Error("sync.too-few-dyads", "Cohen's d needs at least one real and one pseudo value and three in all.");
        }
        else
        {
            var pooled = Math.Sqrt((rss + pss) / (real.Length + pseudo.Length - 2));
            if (pooled > 0)
            {
                d = Math.Abs(rm!.Value - pm!.Value) / pooled;
            }
            else
            {
                problems.Error("sync.undefined", "Every value is the same; the pooled SD is 0 and Cohen's d is undefined.");
            }
        }

        return new RealVersusPseudo(
            real.Length, pseudo.Length, Back(rm, e, "real mean", problems), Back(rs, e, "real SD", problems), Back(pm, e, "pseudo mean", problems), Back(ps, e, "pseudo SD", problems), d, problems.ToList());
    }

    /// <summary>A scaled summary in the values' unit again; null with <c>sync.out-of-range</c> when that is beyond the double range.</summary>
    private static double? Back(double? scaled, int e, string what, ProblemCollector problems)
    {
        if (scaled is not { } v)
        {
            return null;
        }

        var value = Math.ScaleB(v, e);
        if (double.IsFinite(value))
        {
            return value;
        }

        problems.Warning("sync.out-of-range", string.Create(CultureInfo.InvariantCulture, $"The {what} exceeds the range of double-precision numbers; it is left out (Cohen's d is scale-free and still given)."));
        return null;
    }

    /// <summary>Mean, sample SD and sum of squared deviations of the values divided by 2^<paramref name="e"/> (in those units).</summary>
    private static (double? Mean, double? Sd, double SumSquares) Moments(ReadOnlySpan<double> values, int e)
    {
        if (values.IsEmpty)
        {
            return (null, null, 0);
        }

        var (mean, squares) = SampleMoments.OfScaled(values, e);
        return (mean, values.Length < 2 ? null : Math.Sqrt(squares / (values.Length - 1)), squares);
    }
}
