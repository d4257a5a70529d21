using System.Globalization;
using RelationalNeuro.Hrv.Spectral;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Estimates the resonance frequency breathing rate from an assessment in which the person breathes at several paced rates
/// in turn: the rate whose segment shows the largest heart-rate oscillation.
/// </summary>
/// <remarks>
/// Per segment (beats whose time lies in [start, end)): LF power and LF peak from one periodogram of the whole segment
/// (not-a-knot cubic spline at 4 Hz, linear detrending, periodic Hann window, trapezoid with interpolated band edges, band
/// 0.04–0.15 Hz), and the mean peak-to-trough heart rate over the complete breath cycles (cycle length 60/rate s, cycles
/// counted from the segment start). The resonance rate is the segment maximising the chosen <see cref="ResonanceCriterion"/>.
/// Sources: Lehrer PM, Vaschillo E, Vaschillo B (2000), Resonant frequency biofeedback training to increase cardiac
/// variability: rationale and manual for training, Appl Psychophysiol Biofeedback 25:177–191 (rates from 6.5 down to 4.5
/// breaths/min, the rate with the largest LF amplitude / peak–trough HR); Shaffer F, Meehan ZM (2020), A practical guide to
/// resonance frequency assessment for heart rate variability biofeedback, Front Neurosci 14:570400 (they recommend
/// combining several criteria, incl. phase synchrony with respiration, which needs a respiration signal not taken here).
/// </remarks>
public static class ResonanceFrequency
{
    /// <summary>Shortest segment that is measured, in seconds (four 15-s breath cycles at 4 breaths/min, and LF resolution of 1/60 Hz).</summary>
    public const double MinimumSegmentSeconds = 60;

    /// <summary>Measures every paced-breathing segment and picks the one with the largest heart-rate oscillation.</summary>
    /// <param name="nnMs">Artifact-corrected NN intervals in ms covering all segments.</param>
    /// <param name="segments">The paced-breathing segments, times in seconds from the first beat.</param>
    /// <param name="criterion">The measure to maximise; default <see cref="ResonanceCriterion.LfPower"/>.</param>
    /// <returns>The estimate; a segment shorter than <see cref="MinimumSegmentSeconds"/> or with fewer than 4 beats has null
    /// measures and a <c>hrv.segment-too-short</c> problem.</returns>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A segment has a non-positive rate or ends before it starts, or <paramref name="criterion"/> is not defined.</exception>
    public static ResonanceEstimate Estimate(ReadOnlySpan<double> nnMs, IReadOnlyList<PacedBreathingSegment> segments, ResonanceCriterion criterion = ResonanceCriterion.LfPower)
    {
        Guard.NotNull(segments);
        Guard.Defined(criterion);
        RrGuard.ValidIntervals(nnMs);
        foreach (var segment in segments)
        {
            Guard.Positive(segment.BreathsPerMinute);
            Guard.NonNegative(segment.StartSeconds);
            Guard.InRange(segment.EndSeconds, segment.StartSeconds, double.MaxValue);
        }

        var times = new double[nnMs.Length];
        if (nnMs.Length > 0)
        {
            Resampler.BeatTimes(nnMs, times);
        }

        var options = FrequencyDomainOptions.Default with { SegmentSeconds = null, Detrending = Detrending.Linear };
        var results = new PacedBreathingResult[segments.Count];
        var problems = new ProblemCollector();
        int? best = null;
        var bestValue = double.NegativeInfinity;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var first = LowerBound(times, segment.StartSeconds);
            var last = LowerBound(times, segment.EndSeconds);
            var beats = nnMs[first..last];
            var span = beats.Length > 1 ? times[last - 1] - times[first] : 0;
            if (beats.Length < HrvMetrics.MinimumSpectralBeats || segment.EndSeconds - segment.StartSeconds < MinimumSegmentSeconds || span < MinimumSegmentSeconds * 0.9)
            {
                results[s] = new PacedBreathingResult(segment, null, null, null, null);
                problems.Add(new Problem(
                    "hrv.segment-too-short",
                    string.Create(CultureInfo.InvariantCulture, $"Segment {s} ({segment.StartSeconds}–{segment.EndSeconds} s at {segment.BreathsPerMinute} breaths/min) holds {beats.Length} beats spanning {span:0.#} s; at least {MinimumSegmentSeconds} s are needed."),
                    ProblemSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"segment {s}")));
                continue;
            }

            using var spectrum = Welch.Estimate(beats, options);
            var lf = options.Bands.Lf;
            var power = BandIntegrator.Power(spectrum, lf, BandIntegration.TrapezoidInterpolatedEdges);
            var peakHz = BandIntegrator.PeakFrequency(spectrum, lf, inclusiveHigh: false);
            var (firstBin, lastBin) = BandIntegrator.Bins(spectrum, lf, inclusiveHigh: false);
            var peakDensity = 0.0;
            for (var j = firstBin; j <= lastBin; j++)
            {
                peakDensity = Math.Max(peakDensity, spectrum.Density[j]);
            }

            var peakToTrough = PeakToTrough(beats, times.AsSpan(first, last - first), segment);
            results[s] = new PacedBreathingResult(segment, power, double.IsNaN(peakHz) ? null : peakHz, peakDensity, peakToTrough);
            double? value = criterion switch
            {
                ResonanceCriterion.LfPeakDensity => peakDensity,
                ResonanceCriterion.PeakToTroughHeartRate => peakToTrough,
                _ => power,
            };
            if (value is { } v && v > bestValue)
            {
                bestValue = v;
                best = s;
            }
        }

        return new ResonanceEstimate(best is { } b ? segments[b].BreathsPerMinute : null, best, criterion, results, problems.ToList());
    }

    private static double? PeakToTrough(ReadOnlySpan<double> beats, ReadOnlySpan<double> times, PacedBreathingSegment segment)
    {
        var cycle = 60.0 / segment.BreathsPerMinute;
        if (cycle * 1000 < RrSeries.MinimumIntervalMs / 2)
        {
            // No cycle can hold two beats (every interval is at least MinimumIntervalMs long), so none would count.
            return null;
        }

        var cycles = Math.Floor((segment.EndSeconds - segment.StartSeconds) / cycle);
        var sum = 0.0;
        var counted = 0;
        var k = 0;

        // Only a cycle holding beats can count: the loop ends with the beats and jumps over empty cycles, so it takes
        // O(beats) steps however long the segment or short the cycle (a 10⁹-s segment at 10³⁰⁸ breaths/min ran 2³¹ empty
        // cycles, 4 s, before). The cycles it visits are the ones a cycle-by-cycle loop would count, with the same bounds.
        for (var c = 0L; c < cycles; c++)
        {
            var from = segment.StartSeconds + (c * cycle);
            var to = from + cycle;
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            while (k < times.Length && times[k] < from)
            {
                k++;
            }

            if (k == times.Length)
            {
                break;
            }

            if (times[k] >= to)
            {
                // Empty: go on from two cycles before the one holding beat k (rounding cannot place it that far off).
                c = Math.Max(c, (long)Math.Floor((times[k] - segment.StartSeconds) / cycle) - 3);
                continue;
            }

            var i = k;
            for (; i < times.Length && times[i] < to; i++)
            {
                var hr = 60000.0 / beats[i];
                max = Math.Max(max, hr);
                min = Math.Min(min, hr);
            }

            if (i > k + 1 && (i < times.Length || times[^1] >= to - (cycle * 0.25)))
            {
                sum += max - min;
                counted++;
            }
        }

        return counted > 0 ? sum / counted : null;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }
}
