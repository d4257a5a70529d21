using System.Buffers;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

public static partial class Artifacts
{
    // Sinus-rhythm timing detector (ArtifactMethod.SinusRhythm). Constants and their reasons: docs/hrv-artifacts.md.
    private const int PairWindow = 31;       // beats in the first (pair-mean) sinus estimate
    private const int SinusWindow = 9;       // beats in the refined sinus estimate
    private const int SpreadWindow = 91;     // beats over which the sinus rhythm's own variability is measured
    private const double Prematurity = 0.08; // a beat earlier than 92 % of a sinus cycle is premature
    private const double ShortLong = 0.04;   // late-coupled beat: the next interval is at least 4 % of a cycle longer
    private const double PauseReturn = 0.04; // ... and the interval after that at least 4 % shorter again
    private const double LongPause = 0.20;   // after a late beat that follows a premature one, an interval more than 20 % above the sinus cycle is a pause
    private const double SinusPause = 1.5;   // elsewhere only one longer than 1.5 cycles (a missed beat, a sinus pause), not a slow breath
    private const double SpreadPrematurity = 6; // thresholds widen to 6 (prematurity) / 4 (short-long) times the
    private const double SpreadShortLong = 4;   // local median successive change of the sinus cycle
    private const double ScreeningPrematurity = 0.10; // the irregular-rhythm screening's ectopy check keeps the first
    private const double ScreeningShortLong = 0.08;   // published thresholds (10 %, 8 %), no coupling limit, every long interval a pause
    private const int CouplingMinimum = 50;      // premature beats after a sinus beat needed to learn the recording's coupling
    private const double CouplingQuantile = 0.75; // the recording's ectopic coupling: upper quartile of those beats' couplings
    private const double CouplingMargin = 0.20;   // a beat later than that + 20 % of a cycle is not premature
    private const double DefaultCoupling = 0.90;  // the default uses this detector where 50+ isolated premature beats with a
    private const double CompensatoryPause = 0.15; // full compensatory pause (pair within 2 ± 0.15 cycles) come, three in four, ≥ 10 % early

    /// <summary>
    /// The sinus-rhythm timing detector: each beat is placed against the grid of the underlying sinus rhythm.
    /// Writes <see cref="ArtifactKind.Premature"/> on both intervals of each premature beat, <see cref="ArtifactKind.Pause"/>
    /// on intervals far above the sinus cycle after a premature beat or anywhere above 1.5 cycles, and <see cref="ArtifactKind.OutOfRange"/> outside the absolute range;
    /// fills <paramref name="sinus"/> with the local sinus cycle (ms) per interval.
    /// </summary>
    /// <returns>The coupling (in sinus cycles) of the recording's isolated premature beats with a full compensatory pause
    /// (upper quartile), or +∞ with fewer than 50 of them: what the default decides by.</returns>
    /// <remarks>
    /// 1. First sinus estimate: centred running median (31 beats) of the pair means (RR<sub>i</sub> + RR<sub>i+1</sub>)/2
    /// — a premature beat with a full compensatory pause leaves the pair mean at one sinus cycle, so bigeminy does not
    /// move it. 2. Walk the beats keeping the time of the last sinus beat; a beat at Δ after it is premature if
    /// Δ &lt; (1 − a)·ref; on the grid (|Δ − k·ref| ≤ a·ref·√k, k = round(Δ/ref) ≥ 1) it is sinus unless it is a
    /// late-coupled beat (k = 1, its interval shorter than ref, the next at least c·ref longer, and the one after that
    /// at least 0.04·ref shorter than the next: a compensatory pause and a return); off the grid it is premature if its
    /// own interval is below (1 − a)·ref (a run), else sinus (a slower rhythm). 3. Refined sinus estimate: centred
    /// running median (9 beats) of Δ/k at the sinus beats, carried forward over the others; thresholds widen where
    /// the sinus rhythm itself varies (a = max(0.08, 6·s), c = max(0.04, 4·s), s = 91-beat running median of the
    /// relative successive change of that estimate); the walk is repeated. 4. The recording's coupling: with at least
    /// 50 premature beats that follow a sinus beat, the upper quartile q of their couplings (RR / sinus cycle) is the
    /// recording's ectopic coupling, and the walk is repeated once more with no beat premature at Δ ≥ (q + 0.2)·ref
    /// (ectopic beats of one focus come at a nearly fixed coupling interval; a beat much later than the recording's
    /// own ectopy is sinus arrhythmia). 5. Pauses: an interval above 1.2·ref that starts at the beat after a premature beat
    /// (a late beat inside a run), or any interval above 1.5·ref. With <paramref name="screening"/> (the
    /// irregular-rhythm screening's ectopy check) the thresholds start from 0.10 and 0.08, step 4 is skipped and every
    /// interval above 1.2·ref is a pause.
    /// </remarks>
    private static double DetectSinusRhythm(ReadOnlySpan<double> rr, ArtifactOptions o, Span<sbyte> kinds, Span<double> sinus, bool screening = false)
    {
        var n = rr.Length;
        if (n < 3)
        {
            return double.PositiveInfinity;
        }

        // Four working series of n values and the premature marks, pooled: the detector allocates nothing per call.
        var pool = ArrayPool<double>.Shared;
        var block = pool.Rent(4 * n);
        var marks = ArrayPool<bool>.Shared.Rent(n + 1);
        try
        {
            var work = block.AsSpan(0, 4 * n);
            var premature = marks.AsSpan(0, n + 1);
            premature.Clear();
            return DetectSinusRhythm(rr, o, kinds, sinus, work[..n], work.Slice(n, n), work.Slice(2 * n, n), work.Slice(3 * n, n), premature, screening);
        }
        finally
        {
            pool.Return(block);
            ArrayPool<bool>.Shared.Return(marks);
        }
    }

    private static double DetectSinusRhythm(ReadOnlySpan<double> rr, ArtifactOptions o, Span<sbyte> kinds, Span<double> sinus, Span<double> work, Span<double> reference, Span<double> prematurity, Span<double> shortLong, Span<bool> premature, bool screening)
    {
        var basePrematurity = screening ? ScreeningPrematurity : Prematurity;
        var baseShortLong = screening ? ScreeningShortLong : ShortLong;
        var n = rr.Length;
        for (var i = 0; i < n - 1; i++)
        {
            work[i] = (rr[i] + rr[i + 1]) / 2;
        }

        work[n - 1] = rr[n - 1];
        RollingQuantile.Median(work, PairWindow, reference);

        prematurity.Fill(basePrematurity);
        shortLong.Fill(baseShortLong);

        // Pass 1: the sinus cycle Δ/k at each sinus beat, carried forward (into work, by interval index).
        WalkBeats(rr, reference, prematurity, shortLong, premature, work, double.PositiveInfinity);
        RollingQuantile.Median(work, SinusWindow, sinus);

        // Thresholds widen with the sinus rhythm's own beat-to-beat variability.
        var change = reference; // reuse
        change[0] = 0;
        for (var i = 1; i < n; i++)
        {
            change[i] = Math.Abs(work[i] - work[i - 1]) / sinus[i];
        }

        var spread = work; // reuse: pass 2 only writes the sinus lengths we no longer need
        RollingQuantile.Median(change, SpreadWindow, spread);
        for (var i = 0; i < n; i++)
        {
            prematurity[i] = Math.Max(basePrematurity, SpreadPrematurity * spread[i]);
            shortLong[i] = Math.Max(baseShortLong, SpreadShortLong * spread[i]);
        }

        premature.Clear();
        WalkBeats(rr, sinus, prematurity, shortLong, premature, work, double.PositiveInfinity);

        // The recording's own coupling interval: ectopic beats of one focus come at a nearly fixed coupling, so where
        // the recording's clear premature beats are early, a beat only slightly early is sinus arrhythmia, not ectopy.
        var cap = screening ? double.PositiveInfinity : CouplingCap(rr, sinus, premature, change);
        if (cap < double.PositiveInfinity)
        {
            premature.Clear();
            WalkBeats(rr, sinus, prematurity, shortLong, premature, work, cap);
        }

        for (var i = 0; i < n; i++)
        {
            if (rr[i] < o.MinimumMs || rr[i] > o.MaximumMs)
            {
                kinds[i] = (sbyte)ArtifactKind.OutOfRange;
            }
            else if (premature[i] || premature[i + 1])
            {
                kinds[i] = (sbyte)ArtifactKind.Premature;
            }
            else if (rr[i] > (1 + LongPause) * sinus[i] && (screening || (i > 0 && premature[i - 1]) || rr[i] > SinusPause * sinus[i]))
            {
                kinds[i] = (sbyte)ArtifactKind.Pause;
            }
        }

        return screening ? double.PositiveInfinity : CompensatedCoupling(rr, sinus, premature, change);
    }

    /// <summary>
    /// The upper quartile of the couplings (in sinus cycles) of the isolated premature beats with a full compensatory
    /// pause — after a sinus beat, followed by one, the two intervals within 2 ± <see cref="CompensatoryPause"/> cycles: the
    /// classic signature of an ectopic beat, which slow sinus arrhythmia does not produce — or +∞ with fewer than
    /// <see cref="CouplingMinimum"/> of them. <paramref name="scratch"/> holds n values.
    /// </summary>
    private static double CompensatedCoupling(ReadOnlySpan<double> rr, ReadOnlySpan<double> sinus, ReadOnlySpan<bool> premature, Span<double> scratch)
    {
        var count = 0;
        for (var b = 2; b < rr.Length; b++)
        {
            if (premature[b] && !premature[b - 1] && !premature[b + 1])
            {
                var coupling = rr[b - 1] / sinus[b - 1];
                if (coupling < 1.2 && Math.Abs(((rr[b - 1] + rr[b]) / sinus[b - 1]) - 2) <= CompensatoryPause)
                {
                    scratch[count++] = coupling;
                }
            }
        }

        return Quartile(scratch, count);
    }

    /// <summary>The upper quartile (order statistic ⌊0.75·(count − 1)⌋) of the first <paramref name="count"/> values, sorted in place; +∞ below <see cref="CouplingMinimum"/>.</summary>
    private static double Quartile(Span<double> values, int count)
    {
        if (count < CouplingMinimum)
        {
            return double.PositiveInfinity;
        }

        var sorted = values[..count];
        sorted.Sort();
        return sorted[(int)(CouplingQuantile * (count - 1))];
    }

    /// <summary>
    /// One walk over the beats (beat b ends interval b − 1; beat 0 is taken as sinus): marks premature beats and writes
    /// the sinus cycle Δ/k found at each sinus beat, carried forward, into <paramref name="sinusLength"/> by interval index.
    /// No beat at Δ ≥ <paramref name="cap"/>·ref after the last sinus beat is premature by its timing (the recording's coupling limit;
    /// infinite for none).
    /// </summary>
    private static void WalkBeats(ReadOnlySpan<double> rr, ReadOnlySpan<double> reference, ReadOnlySpan<double> prematurity, ReadOnlySpan<double> shortLong, Span<bool> premature, Span<double> sinusLength, double cap)
    {
        var n = rr.Length;
        var t = 0.0;
        var lastSinus = 0.0;
        var carried = reference[0];
        for (var b = 1; b <= n; b++)
        {
            var i = b - 1;
            t += rr[i];
            var r = reference[i];
            var a = prematurity[i];
            var delta = t - lastSinus;
            var k = Math.Max(1, Math.Round(delta / r));
            bool isPremature;
            if (delta < (1 - a) * r)
            {
                isPremature = delta < cap * r;
            }
            else if (Math.Abs(delta - (k * r)) <= a * r * Math.Sqrt(k))
            {
                isPremature = k == 1 && delta < cap * r && b + 1 < n
                    && rr[i] < r
                    && rr[b] - rr[i] > shortLong[i] * r
                    && rr[b] - rr[b + 1] > PauseReturn * r;
            }
            else
            {
                isPremature = rr[i] < (1 - a) * r;
            }

            if (isPremature)
            {
                premature[b] = true;
            }
            else
            {
                carried = delta / k;
                lastSinus = t;
            }

            sinusLength[i] = carried;
        }
    }

    /// <summary>
    /// The latest coupling (in sinus cycles) at which a beat of this recording can still be premature: the upper quartile
    /// of the couplings of the premature beats that follow a sinus beat, plus <see cref="CouplingMargin"/>; infinite
    /// (no limit) with fewer than <see cref="CouplingMinimum"/> such beats. <paramref name="scratch"/> holds n values.
    /// </summary>
    private static double CouplingCap(ReadOnlySpan<double> rr, ReadOnlySpan<double> sinus, ReadOnlySpan<bool> premature, Span<double> scratch)
    {
        var count = 0;
        for (var b = 2; b <= rr.Length; b++)
        {
            if (premature[b] && !premature[b - 1])
            {
                // A premature beat's own interval is shorter than a cycle; 1.2 only leaves out the rare beat called
                // premature on its timing from an earlier sinus beat although its own interval is long.
                var coupling = rr[b - 1] / sinus[b - 1];
                if (coupling < 1.2)
                {
                    scratch[count++] = coupling;
                }
            }
        }

        return Quartile(scratch, count) + CouplingMargin;
    }

    /// <summary>
    /// Sinus-rhythm correction: each run of consecutive flagged intervals is replaced by round(D / sinus) equal
    /// intervals (at least one), D the run's duration and sinus the local sinus cycle, so a premature beat with its
    /// compensatory pause becomes two sinus cycles, an interpolated premature beat one, and total duration is kept.
    /// </summary>
    private static double[] CorrectSinusRhythm(ReadOnlySpan<double> rr, sbyte[] kinds, double[] sinus, ArtifactAction[] actions, ArtifactCorrection mode)
    {
        switch (mode)
        {
            case ArtifactCorrection.FlagOnly:
                return rr.ToArray();
            case ArtifactCorrection.Remove:
                return RemoveFlagged(rr, kinds, actions);
        }

        var n = rr.Length;
        var nn = new List<double>(n);
        var i = 0;
        while (i < n)
        {
            if (kinds[i] == None)
            {
                nn.Add(rr[i]);
                i++;
                continue;
            }

            var start = i;
            var duration = 0.0;
            var cycle = 0.0;
            while (i < n && kinds[i] != None)
            {
                duration += rr[i];
                cycle += sinus[i];
                actions[i] = ArtifactAction.Interpolated;
                i++;
            }

            cycle /= i - start;
            var parts = Math.Max(1, (int)Math.Round(duration / cycle));
            for (var p = 0; p < parts; p++)
            {
                nn.Add(duration / parts);
            }
        }

        return [.. nn];
    }
}
