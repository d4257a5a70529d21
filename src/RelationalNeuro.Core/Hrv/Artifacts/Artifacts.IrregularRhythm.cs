using System.Buffers;

namespace RelationalNeuro.Hrv;

public static partial class Artifacts
{
    /// <summary>Intervals per irregular-rhythm segment (128, as Dash et al. 2009; about 1.5–2.5 min at rest).</summary>
    public const int IrregularSegmentLength = 128;

    private const int IrregularTrim = 8;                    // Dash et al.: the 8 longest and 8 shortest are dropped
    private const int EntropyBins = 16;                     // Dash et al.: 16 equal bins
    private const double IrregularRmssd = 0.1;              // Dash et al.: RMSSD / mean
    private const double IrregularEntropy = 0.7;            // Dash et al.: normalised Shannon entropy
    private const double TurningPointLow = 0.54;            // Dash et al.: TPR band (= random sequence ± 3σ at 128)
    private const double TurningPointHigh = 0.77;
    private const double RemainderRmssd = 0.13;             // this library: irregularity left after ectopy removal
    private const int RemainderMinimum = 16;                // fewer kept intervals: ectopy cannot be judged, keep Dash's verdict

    /// <summary>
    /// Irregular-rhythm segments: consecutive, non-overlapping 128-interval segments (a shorter tail is not examined)
    /// that pass Dash et al.'s three tests and whose irregularity survives removing the intervals flagged in
    /// <paramref name="ectopic"/> (premature beats and pauses of the sinus-rhythm detector). When
    /// <paramref name="ectopic"/> is null the sinus-rhythm detector is run (with <paramref name="options"/>) only once a
    /// segment has passed Dash et al.'s tests: a recording without such a segment never pays for it.
    /// </summary>
    private static IrregularRhythmSegment[] FindIrregularSegments(ReadOnlySpan<double> rr, sbyte[]? ectopic, ArtifactOptions options)
    {
        sbyte[]? rentedMarks = null;
        try
        {
            return FindIrregularSegments(rr, ectopic, options, ref rentedMarks);
        }
        finally
        {
            if (rentedMarks is not null)
            {
                ArrayPool<sbyte>.Shared.Return(rentedMarks);
            }
        }
    }

    /// <summary>The segments; the side detector's marks, when it runs, go into a pooled array left in <paramref name="rentedMarks"/> for the caller to return.</summary>
    private static IrregularRhythmSegment[] FindIrregularSegments(ReadOnlySpan<double> rr, sbyte[]? ectopic, ArtifactOptions options, ref sbyte[]? rentedMarks)
    {
        var n = rr.Length;
        var segments = new List<IrregularRhythmSegment>();
        var trimmed = new double[IrregularSegmentLength];
        var kept = new double[IrregularSegmentLength];
        var start = 0.0;
        for (var s = 0; s + IrregularSegmentLength <= n; s += IrregularSegmentLength)
        {
            var x = rr.Slice(s, IrregularSegmentLength);
            var duration = 0.0;
            foreach (var v in x)
            {
                duration += v;
            }

            var segmentStart = start;
            start += duration;

            // The turning-point test first: it needs no ordering, and a segment must pass all three tests.
            var turning = 0;
            for (var i = 1; i < IrregularSegmentLength - 1; i++)
            {
                if ((x[i] - x[i - 1]) * (x[i] - x[i + 1]) > 0)
                {
                    turning++;
                }
            }

            var tpr = (double)turning / IrregularSegmentLength;
            if (tpr is not (>= TurningPointLow and <= TurningPointHigh))
            {
                continue;
            }

            // Dash et al.: trim the 8 longest and 8 shortest (by value, the order of the rest kept) for RMSSD and entropy.
            var (low, high) = TrimBounds(x);
            var m = Trim(x, low, high, trimmed);
            var normalizedRmssd = NormalizedRmssd(trimmed.AsSpan(0, m));
            if (!(normalizedRmssd > IrregularRmssd))
            {
                continue;
            }

            var entropy = ShannonEntropy(trimmed.AsSpan(0, m));
            if (!(entropy > IrregularEntropy))
            {
                continue;
            }

            if (ectopic is null)
            {
                ectopic = rentedMarks = ArrayPool<sbyte>.Shared.Rent(n);
                ectopic.AsSpan(0, n).Fill(None);
                var sinus = ArrayPool<double>.Shared.Rent(n);
                DetectSinusRhythm(rr, options, ectopic.AsSpan(0, n), sinus.AsSpan(0, n), screening: true);
                ArrayPool<double>.Shared.Return(sinus);
            }

            var k = 0;
            for (var i = 0; i < IrregularSegmentLength; i++)
            {
                if (ectopic[s + i] is not ((sbyte)ArtifactKind.Premature or (sbyte)ArtifactKind.Pause))
                {
                    kept[k++] = x[i];
                }
            }

            var judged = k >= RemainderMinimum;
            var remainder = judged ? NormalizedRmssd(kept.AsSpan(0, k)) : normalizedRmssd;
            if (!judged || remainder > RemainderRmssd)
            {
                segments.Add(new IrregularRhythmSegment(s, IrregularSegmentLength, segmentStart / 1000, duration / 1000, normalizedRmssd, entropy, tpr, remainder));
            }
        }

        return [.. segments];
    }

    /// <summary>
    /// The 8th smallest and 8th largest value of a segment (the first and last kept by Dash et al.'s trim), from two
    /// running lists of the 8 smallest and 8 largest values seen: most values fail the first comparison, so this is
    /// about one pass, where sorting the 128 values cost several.
    /// </summary>
    private static (double Low, double High) TrimBounds(ReadOnlySpan<double> x)
    {
        Span<double> smallest = stackalloc double[IrregularTrim]; // ascending
        Span<double> largest = stackalloc double[IrregularTrim];  // descending
        smallest.Fill(double.PositiveInfinity);
        largest.Fill(double.NegativeInfinity);
        foreach (var v in x)
        {
            if (v < smallest[IrregularTrim - 1])
            {
                var i = IrregularTrim - 1;
                for (; i > 0 && smallest[i - 1] > v; i--)
                {
                    smallest[i] = smallest[i - 1];
                }

                smallest[i] = v;
            }

            if (v > largest[IrregularTrim - 1])
            {
                var i = IrregularTrim - 1;
                for (; i > 0 && largest[i - 1] < v; i--)
                {
                    largest[i] = largest[i - 1];
                }

                largest[i] = v;
            }
        }

        return (smallest[IrregularTrim - 1], largest[IrregularTrim - 1]);
    }

    // Keeps the values inside (low, high) plus as many ties at the bounds as make exactly 128 − 16 values, in series order:
    // the 8 smallest and 8 largest by rank are dropped, ties broken by position (first ones dropped). Of the 8 smallest,
    // those not below low are ties at low (likewise at high).
    private static int Trim(ReadOnlySpan<double> x, double low, double high, double[] output)
    {
        var lowTies = IrregularTrim;
        var highTies = IrregularTrim;
        foreach (var v in x)
        {
            lowTies -= v < low ? 1 : 0;
            highTies -= v > high ? 1 : 0;
        }

        var m = 0;
        foreach (var v in x)
        {
            if (v == low && lowTies > 0)
            {
                lowTies--;
                continue;
            }

            if (v == high && highTies > 0)
            {
                highTies--;
                continue;
            }

            if (v < low || v > high)
            {
                continue;
            }

            output[m++] = v;
        }

        return m;
    }

    private static double NormalizedRmssd(ReadOnlySpan<double> x)
    {
        if (x.Length < 2)
        {
            return 0;
        }

        var sum = x[0];
        var squares = 0.0;
        for (var i = 1; i < x.Length; i++)
        {
            var d = x[i] - x[i - 1];
            squares += d * d;
            sum += x[i];
        }

        return Math.Sqrt(squares / (x.Length - 1)) / (sum / x.Length);
    }

    private static double ShannonEntropy(ReadOnlySpan<double> x)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in x)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (!(max > min))
        {
            return 0;
        }

        Span<int> bins = stackalloc int[EntropyBins];
        foreach (var v in x)
        {
            bins[Math.Min(EntropyBins - 1, (int)((v - min) / (max - min) * EntropyBins))]++;
        }

        var entropy = 0.0;
        foreach (var c in bins)
        {
            if (c > 0)
            {
                var p = (double)c / x.Length;
                entropy -= p * Math.Log(p);
            }
        }

        return entropy / Math.Log(EntropyBins);
    }
}
