using System.Buffers;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

public static partial class Artifacts
{
    /// <summary>
    /// L&amp;T detection (one pass) on <paramref name="rr"/>; writes the kind of each flagged interval into
    /// <paramref name="kinds"/> (by index of <paramref name="rr"/>). Returns the number flagged.
    /// </summary>
    /// <remarks>
    /// Follows Lipponen &amp; Tarvainen (2019) as implemented in NeuroKit2 0.2.12 <c>signal_fixpeaks(method="Kubios")</c>,
    /// so flags can be compared one by one: the period series is the RR series with its mean prepended (the
    /// interval before the first beat is unknown; on a trending series this makes the first few intervals look
    /// like a jump from the mean and may flag them — an edge effect inherited from NeuroKit2, kept for parity); dRR<sub>j</sub> = RR<sub>j</sub> − RR<sub>j−1</sub> (first = mean of the
    /// rest); Th1 = α·QD(|dRR|) and Th2 = α·QD(|mRR|), QD = (Q3 − Q1)/2 over a centred window of 91 beats;
    /// mRR = RR − median<sub>11</sub>(RR), doubled where negative; S12 = max (dRR &gt; 0) or min (dRR &lt; 0) of the
    /// two neighbouring normalised dRR, S22 = min (dRR ≥ 0) or max of the next two (edges reflected); a beat is
    /// examined only if |dRR/Th1| &gt; 1: ectopic if S11 &gt; 1 ∧ S12 &lt; −c1·S11 − c2 or S11 &lt; −1 ∧ S12 &gt; −c1·S11 + c2;
    /// otherwise long/short candidates (this beat, and the next if |dRR<sub>j+1</sub>| &lt; |dRR<sub>j+2</sub>|) are
    /// extra if short (S11 &lt; −1 ∧ S22 &gt; 1) and |RR<sub>j</sub> + RR<sub>j+1</sub> − med| &lt; Th2, missed if long
    /// (S11 &gt; 1 ∧ S22 &lt; −1) and |RR<sub>j</sub>/2 − med| &lt; Th2, else long/short when |mRR/Th2| &gt; 3 or either test held.
    /// A window whose quartile deviation is 0 (a constant stretch) flags nothing.
    /// </remarks>
    internal static int DetectLipponenTarvainen(ReadOnlySpan<double> rr, ArtifactOptions o, Span<sbyte> kinds)
    {
        var n = rr.Length;
        if (n < 3)
        {
            return 0;
        }

        // Seven working series of n + 1 values in one pooled block: the detector allocates nothing per call.
        var size = n + 1;
        var pool = ArrayPool<double>.Shared;
        var block = pool.Rent(7 * size);
        try
        {
            var work = block.AsSpan(0, 7 * size);
            return DetectLipponenTarvainen(rr, o, kinds, work[..size], work.Slice(size, size), work.Slice(2 * size, size), work.Slice(3 * size, size), work.Slice(4 * size, size), work.Slice(5 * size, size), work.Slice(6 * size, size));
        }
        finally
        {
            pool.Return(block);
        }
    }

    private static int DetectLipponenTarvainen(ReadOnlySpan<double> rr, ArtifactOptions o, Span<sbyte> kinds, Span<double> period, Span<double> drrs, Span<double> work, Span<double> q1, Span<double> q3, Span<double> medrr, Span<double> mrrs)
    {
        var n = rr.Length;
        var count = 0;
        var size = n + 1;
        var mean = 0.0;
        foreach (var v in rr)
        {
            mean += v;
        }

        period[0] = mean / n;
        rr.CopyTo(period[1..]);

        var sumD = 0.0;
        for (var k = 1; k < size; k++)
        {
            drrs[k] = period[k] - period[k - 1];
            sumD += drrs[k];
        }

        drrs[0] = sumD / (size - 1);

        for (var k = 0; k < size; k++)
        {
            work[k] = Math.Abs(drrs[k]);
        }

        RollingQuantile.Quantiles(work, o.ThresholdWindow, 0.25, 0.75, q1, q3);
        for (var k = 0; k < size; k++)
        {
            var th1 = o.Alpha * ((q3[k] - q1[k]) / 2);
            drrs[k] = th1 != 0 ? drrs[k] / th1 : double.NaN;
        }

        RollingQuantile.Median(period, o.MedianWindow, medrr);
        for (var k = 0; k < size; k++)
        {
            var m = period[k] - medrr[k];
            mrrs[k] = m < 0 ? m * 2 : m;
            work[k] = Math.Abs(mrrs[k]);
        }

        RollingQuantile.Quantiles(work, o.ThresholdWindow, 0.25, 0.75, q1, q3);
        var th2 = work; // reuse
        for (var k = 0; k < size; k++)
        {
            th2[k] = o.Alpha * ((q3[k] - q1[k]) / 2);
            mrrs[k] = th2[k] != 0 ? mrrs[k] / th2[k] : double.NaN;
        }

        var i = 0;
        while (i < size - 2)
        {
            var d = drrs[i];
            if (Math.Abs(d) <= 1)
            {
                i++;
                continue;
            }

            var s12 = S12(drrs, i);
            var eq1 = d > 1 && s12 < (-o.C1 * d) - o.C2;
            var eq2 = d < -1 && s12 > (-o.C1 * d) + o.C2;
            if (eq1 || eq2)
            {
                Mark(kinds, i, ArtifactKind.Ectopic, ref count);
                i++;
                continue;
            }

            if (!(Math.Abs(d) > 1 || Math.Abs(mrrs[i]) > 3))
            {
                i++;
                continue;
            }

            var candidates = Math.Abs(drrs[i + 1]) < Math.Abs(drrs[i + 2]) ? 2 : 1;
            var first = i;
            for (var c = 0; c < candidates; c++)
            {
                var j = first + c;
                var dj = drrs[j];
                var s22 = S22(drrs, j);
                var eq3 = dj > 1 && s22 < -1;
                var eq4 = Math.Abs(mrrs[j]) > 3;
                var eq5 = dj < -1 && s22 > 1;
                i++;
                if (!(eq3 || eq4 || eq5))
                {
                    continue;
                }

                var eq6 = Math.Abs((period[j] / 2) - medrr[j]) < th2[j];
                var eq7 = Math.Abs(period[j] + period[j + 1] - medrr[j]) < th2[j];
                if (eq5 && eq7)
                {
                    Mark(kinds, j, ArtifactKind.Extra, ref count);
                }
                else if (eq3 && eq6)
                {
                    Mark(kinds, j, ArtifactKind.Missed, ref count);
                }
                else
                {
                    Mark(kinds, j, ArtifactKind.LongShort, ref count);
                }
            }
        }

        return count;
    }

    // Period index j is the interval ending at beat j, i.e. RR index j − 1; index 0 is the prepended mean.
    private static void Mark(Span<sbyte> kinds, int j, ArtifactKind kind, ref int count)
    {
        if (j >= 1 && kinds[j - 1] == None)
        {
            kinds[j - 1] = (sbyte)kind;
            count++;
        }
    }

    private static double Reflect(ReadOnlySpan<double> x, int index)
    {
        var n = x.Length;
        if (index < 0)
        {
            index = -index;
        }
        else if (index >= n)
        {
            index = (2 * (n - 1)) - index;
        }

        return x[index];
    }

    private static double S12(ReadOnlySpan<double> drrs, int k)
    {
        var d = drrs[k];
        if (d > 0)
        {
            return NanMax(Reflect(drrs, k - 1), Reflect(drrs, k + 1));
        }

        return d < 0 ? NanMin(Reflect(drrs, k - 1), Reflect(drrs, k + 1)) : 0;
    }

    private static double S22(ReadOnlySpan<double> drrs, int k)
    {
        var d = drrs[k];
        if (d >= 0)
        {
            return NanMin(Reflect(drrs, k + 1), Reflect(drrs, k + 2));
        }

        return d < 0 ? NanMax(Reflect(drrs, k + 1), Reflect(drrs, k + 2)) : 0;
    }

    // NumPy's max/min of a list holding NaN is NaN; Math.Max/Min agree.
    private static double NanMax(double a, double b) => Math.Max(a, b);

    private static double NanMin(double a, double b) => Math.Min(a, b);

    /// <summary>L&amp;T (and the default's range pass): detect, correct in the beat-time domain, optionally iterate.</summary>
    private static double[] ProcessLipponenTarvainen(ReadOnlySpan<double> rr, ArtifactOptions o, sbyte[] kinds, ArtifactAction[] actions, ProblemCollector problems, bool rangePass)
    {
        var n = rr.Length;
        if (n < 3)
        {
            if (n > 0)
            {
                problems.Add(new Problem("artifacts.too-few-intervals", Invariant($"Lipponen–Tarvainen needs at least 3 intervals; got {n}, none examined."), ProblemSeverity.Warning));
            }

            if (!rangePass)
            {
                return rr.ToArray();
            }
        }
        else if (n < o.ThresholdWindow)
        {
            problems.Add(new Problem(
                "artifacts.short-series",
                Invariant($"Lipponen–Tarvainen thresholds come from a centred window of {o.ThresholdWindow} beats; with {n} intervals every window is truncated, so the thresholds rest on fewer beats and flags are less reliable."),
                ProblemSeverity.Warning));
        }

        // origin[m]: the input interval that interval m of current ends at (pooled, like CorrectBeats' next map).
        var origin = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        for (var i = 0; i < n; i++)
        {
            origin[i] = i;
        }

        return DetectAndCorrect(rr, o, kinds, actions, problems, rangePass, origin);
    }

    /// <summary>
    /// The passes of <see cref="ProcessLipponenTarvainen"/>; returns every pooled origin map it is given or makes. The
    /// series is copied only when the result needs it (a correction that changed nothing, or the range pass's).
    /// </summary>
    private static double[] DetectAndCorrect(ReadOnlySpan<double> rr, ArtifactOptions o, sbyte[] kinds, ArtifactAction[] actions, ProblemCollector problems, bool rangePass, int[] origin)
    {
        try
        {
            var n = rr.Length;
            double[]? current = null; // null: still rr

            var pass = new sbyte[n];
            pass.AsSpan().Fill(None);
            var flagged = DetectLipponenTarvainen(rr, o, pass);
            Record(pass, origin, kinds);
            if (o.Correction == ArtifactCorrection.Correct && flagged > 0)
            {
                while (true)
                {
                    var (corrected, next) = CorrectBeats(current ?? rr, origin, pass, actions, problems);
                    ArrayPool<int>.Shared.Return(origin);
                    (current, origin) = (corrected, next);
                    if (!o.Iterative)
                    {
                        break;
                    }

                    pass = new sbyte[current.Length];
                    pass.AsSpan().Fill(None);
                    var again = DetectLipponenTarvainen(current, o, pass);
                    if (again == 0 || again >= flagged)
                    {
                        break;
                    }

                    flagged = again;
                    Record(pass, origin, kinds);
                }
            }

            if (rangePass)
            {
                ReadOnlySpan<double> series = current ?? rr;
                var outside = new bool[series.Length];
                var any = false;
                for (var m = 0; m < series.Length; m++)
                {
                    if (series[m] < o.MinimumMs || series[m] > o.MaximumMs)
                    {
                        outside[m] = true;
                        any = true;
                        if (kinds[origin[m]] == None)
                        {
                            kinds[origin[m]] = (sbyte)ArtifactKind.OutOfRange;
                        }
                    }
                }

                if (any && o.Correction == ArtifactCorrection.Correct)
                {
                    current ??= rr.ToArray();
                    var before = 0.0;
                    foreach (var v in current)
                    {
                        before += v;
                    }

                    var map = origin;
                    InterpolateFlagged(current, m => outside[m], m => actions[map[m]] = ArtifactAction.Interpolated, problems);
                    var after = 0.0;
                    foreach (var v in current)
                    {
                        after += v;
                    }

                    problems.Add(new Problem(
                        "artifacts.range-interpolated",
                        Invariant($"Intervals outside {o.MinimumMs}–{o.MaximumMs} ms after L&T correction were interpolated by value; the series' duration changed by {after - before:0.###} ms."),
                        ProblemSeverity.Warning));
                }
            }

            switch (o.Correction)
            {
                case ArtifactCorrection.FlagOnly:
                    return rr.ToArray();
                case ArtifactCorrection.Remove:
                    return RemoveFlagged(rr, kinds, actions);

                default:
                    return current ?? rr.ToArray();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(origin);
        }
    }

    private static void Record(sbyte[] pass, int[] origin, sbyte[] kinds)
    {
        for (var m = 0; m < pass.Length; m++)
        {
            if (pass[m] != None && kinds[origin[m]] == None)
            {
                kinds[origin[m]] = pass[m];
            }
        }
    }

    /// <summary>
    /// L&amp;T correction on beat times: remove extra beats (merging the interval with the next; a long/short or
    /// ectopic flag on that next interval is resolved by the merge), insert a beat at the midpoint of each missed
    /// interval (as NeuroKit2), then, for each run of consecutive ectopic or long/short intervals, place the beats
    /// inside the run evenly between its first and last beat (the run's intervals become their mean). A run of
    /// one interval is extended by the next interval (by the previous at the end of the series), which moves the
    /// flagged beat to the midpoint of its neighbours, as NeuroKit2 does. Every step keeps the first and last
    /// beat, so the total duration is unchanged.
    /// </summary>
    private static (double[] Intervals, int[] PooledOrigin) CorrectBeats(ReadOnlySpan<double> rr, int[] origin, sbyte[] kinds, ArtifactAction[] actions, ProblemCollector problems)
    {
        var n = rr.Length;
        var split = 0;
        foreach (var kind in kinds)
        {
            split += kind == (sbyte)ArtifactKind.Missed ? 1 : 0;
        }

        // A missed beat adds one: n + 1 + split beats at most. Pooled: on 24 h this is 1.7 MB a call otherwise.
        var rented = ArrayPool<Beat>.Shared.Rent(n + 1 + split);
        try
        {
            var beats = rented.AsSpan(0, n + 1 + split);
            beats[0] = new Beat(0, -1, None);
            var count = 1;

            var t = 0.0;
            var mergedIntoThis = false;
            for (var k = 0; k < n; k++)
            {
                var kind = kinds[k];
                var end = t + rr[k];
                if (mergedIntoThis)
                {
                    mergedIntoThis = false;
                    if (kind is (sbyte)ArtifactKind.Ectopic or (sbyte)ArtifactKind.LongShort)
                    {
                        actions[origin[k]] = ArtifactAction.Merged;
                        kind = None;
                    }
                }

                if (kind == (sbyte)ArtifactKind.Missed)
                {
                    beats[count++] = new Beat((t + end) / 2, origin[k], None);
                    actions[origin[k]] = ArtifactAction.Split;
                }

                if (kind == (sbyte)ArtifactKind.Extra)
                {
                    if (k + 1 < n)
                    {
                        actions[origin[k]] = ArtifactAction.Merged;
                        mergedIntoThis = true;
                        t = end;
                        continue; // drop the beat ending interval k
                    }

                    Uncorrectable(problems, origin[k], "extra beat at the end of the series");
                }

                beats[count++] = new Beat(end, origin[k], kind);
                t = end;
            }

            beats = beats[..count];
            SpreadRuns(beats, actions, problems);

            var intervals = new double[beats.Length - 1];
            var newOrigin = ArrayPool<int>.Shared.Rent(Math.Max(beats.Length - 1, 1)); // the caller returns it
            for (var b = 1; b < beats.Length; b++)
            {
                intervals[b - 1] = beats[b].Time - beats[b - 1].Time;
                newOrigin[b - 1] = beats[b].Origin;
            }

            return (intervals, newOrigin);
        }
        finally
        {
            ArrayPool<Beat>.Shared.Return(rented);
        }
    }

    private static void SpreadRuns(Span<Beat> beats, ArtifactAction[] actions, ProblemCollector problems)
    {
        static bool Misaligned(Beat beat) => beat.Kind is (sbyte)ArtifactKind.Ectopic or (sbyte)ArtifactKind.LongShort;
        var b = 1;
        while (b < beats.Length)
        {
            if (!Misaligned(beats[b]))
            {
                b++;
                continue;
            }

            var first = b;
            while (b < beats.Length && Misaligned(beats[b]))
            {
                actions[beats[b].Origin] = ArtifactAction.Interpolated;
                b++;
            }

            var last = b - 1;              // intervals ending at beats first..last are flagged
            var from = first - 1;          // the run spans beats from..to
            var to = last;
            if (first == last)
            {
                if (last + 1 < beats.Length)
                {
                    to = last + 1;
                }
                else if (from >= 1)
                {
                    from--;
                }
                else
                {
                    actions[beats[first].Origin] = ArtifactAction.None;
                    Uncorrectable(problems, beats[first].Origin, "a single interval has no neighbour to share its duration with");
                    continue;
                }
            }

            var start = beats[from].Time;
            var span = beats[to].Time - start;
            var parts = to - from;
            for (var m = 1; m < parts; m++)
            {
                beats[from + m] = beats[from + m] with { Time = start + (span * m / parts) };
            }
        }
    }

    private static void Uncorrectable(ProblemCollector problems, int index, string why) =>
        problems.Add(new Problem("artifacts.uncorrectable", Invariant($"Flagged interval left as it was: {why}."), ProblemSeverity.Warning, Invariant($"index {index}")));

    /// <summary>A beat: its time (ms from the first beat), the input interval that ends at it, and that interval's flag in this pass.</summary>
    private readonly record struct Beat(double Time, int Origin, sbyte Kind);
}
