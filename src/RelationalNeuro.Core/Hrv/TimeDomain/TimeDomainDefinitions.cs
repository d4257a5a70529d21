using System.Numerics;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The time-domain and geometric HRV metrics as their formulas, one function per metric, written for reading, not
/// for speed (a pass or a sort each). They are what <see cref="HrvMetrics.TimeDomain"/> computes: its kernels
/// (<c>Hrv/Kernels</c>) fuse these into two or three passes and are tested against these functions on random and
/// adversarial series. Inputs are valid NN intervals in ms (finite, &gt; 0) of the length each metric needs.
/// </summary>
/// <remarks>Task Force of the ESC and NASPE 1996 (Circulation 93:1043); Shaffer &amp; Ginsberg 2017 (Front Public Health 5:258).</remarks>
internal static class TimeDomainDefinitions
{
    /// <summary>Scale that makes the median absolute deviation estimate the SD of normal data: 1 / Φ⁻¹(3/4), to 4 decimals as NeuroKit2 uses it.</summary>
    public const double MadScale = 1.4826;

    /// <summary>MeanNN = Σ RR_i / N.</summary>
    public static double MeanNn(ReadOnlySpan<double> nn)
    {
        var sum = 0.0;
        foreach (var x in nn)
        {
            sum += x;
        }

        return sum / nn.Length;
    }

    /// <summary>SDNN = √(Σ (RR_i − MeanNN)² / (N − 1)), the sample standard deviation. N ≥ 2.</summary>
    public static double Sdnn(ReadOnlySpan<double> nn) => StandardDeviation(nn, nn.Length - 1);

    /// <summary>RMSSD = √(Σ ΔRR_i² / (N − 1)), ΔRR_i = RR_i+1 − RR_i over the N − 1 successive differences. N ≥ 2.</summary>
    public static double Rmssd(ReadOnlySpan<double> nn)
    {
        var sum = 0.0;
        for (var i = 1; i < nn.Length; i++)
        {
            var d = nn[i] - nn[i - 1];
            sum += d * d;
        }

        return Math.Sqrt(sum / (nn.Length - 1));
    }

    /// <summary>SDSD: the standard deviation of the successive differences, as <paramref name="definition"/> says.</summary>
    public static double Sdsd(ReadOnlySpan<double> nn, SdsdDefinition definition)
    {
        var d = new double[nn.Length - 1];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = nn[i + 1] - nn[i];
            if (definition == SdsdDefinition.AbsoluteSample)
            {
                d[i] = Math.Abs(d[i]);
            }
        }

        return StandardDeviation(d, definition == SdsdDefinition.SignedPopulation ? d.Length : d.Length - 1);
    }

    /// <summary>NNx: the number of successive differences with |ΔRR| strictly greater than <paramref name="thresholdMs"/> (NN50: 50 ms).</summary>
    public static int Nn(ReadOnlySpan<double> nn, double thresholdMs)
    {
        var count = 0;
        for (var i = 1; i < nn.Length; i++)
        {
            if (Math.Abs(nn[i] - nn[i - 1]) > thresholdMs)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>pNNx = 100 · NNx / (N − 1), or / N with <see cref="PnnDenominator.Intervals"/>, in %.</summary>
    public static double Pnn(ReadOnlySpan<double> nn, double thresholdMs, PnnDenominator denominator) =>
        100.0 * Nn(nn, thresholdMs) / (denominator == PnnDenominator.Intervals ? nn.Length : nn.Length - 1);

    /// <summary>MeanHR = mean of the instantaneous heart rates 60 000 / RR_i, in beats per minute.</summary>
    public static double MeanHr(ReadOnlySpan<double> nn) => MeanNn(HeartRates(nn));

    /// <summary>SDHR: the standard deviation of the instantaneous heart rates, normaliser N − 1 or N.</summary>
    public static double SdHr(ReadOnlySpan<double> nn, SdNormalizer normalizer) =>
        StandardDeviation(HeartRates(nn), normalizer == SdNormalizer.N ? nn.Length : nn.Length - 1);

    /// <summary>The quantile of probability <paramref name="p"/>, Hyndman &amp; Fan type 7 (NumPy's default): h = (N − 1)·p on the sorted data, interpolated.</summary>
    public static double Quantile(ReadOnlySpan<double> nn, double p)
    {
        var sorted = nn.ToArray();
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var t = h - lo;
        return t == 0 ? sorted[lo] : sorted[lo] + (t * (sorted[hi] - sorted[lo]));
    }

    /// <summary>MedianNN: the type-7 quantile of ½.</summary>
    public static double Median(ReadOnlySpan<double> nn) => Quantile(nn, 0.5);

    /// <summary>IQRNN = Q(¾) − Q(¼), type 7.</summary>
    public static double Iqr(ReadOnlySpan<double> nn) => Quantile(nn, 0.75) - Quantile(nn, 0.25);

    /// <summary>MadNN = 1.4826 · median |RR_i − median(RR)|.</summary>
    public static double Mad(ReadOnlySpan<double> nn)
    {
        var median = Median(nn);
        var deviations = new double[nn.Length];
        for (var i = 0; i < nn.Length; i++)
        {
            deviations[i] = Math.Abs(nn[i] - median);
        }

        return MadScale * Median(deviations);
    }

    /// <summary>The histogram bin of <paramref name="x"/>: the k with k·w ≤ x &lt; (k + 1)·w (bins from 0 ms).</summary>
    public static long Bin(double x, double w)
    {
        var k = (long)Math.Floor(x / w);
        while (k * w > x)
        {
            k--;
        }

        while ((k + 1) * w <= x)
        {
            k++;
        }

        return k;
    }

    /// <summary>The NN histogram: count per bin k (see <see cref="Bin"/>).</summary>
    public static SortedDictionary<long, int> Histogram(ReadOnlySpan<double> nn, double w)
    {
        var histogram = new SortedDictionary<long, int>();
        foreach (var x in nn)
        {
            var k = Bin(x, w);
            histogram[k] = histogram.GetValueOrDefault(k) + 1;
        }

        return histogram;
    }

    /// <summary>HRV triangular index = N / (count of the most populated bin).</summary>
    public static double TriangularIndex(ReadOnlySpan<double> nn, double w) => (double)nn.Length / Histogram(nn, w).Values.Max();

    /// <summary>
    /// TINN = (M − N)·w, in ms: the base of the triangle q (0 outside [N, M], Y at the peak bin X, linear between; bins
    /// counted as bin indices) that fits the histogram D best, Σ (D_j − q_j)² least, N over the bins below X down to
    /// bin 0 and M over the bins above X up to 2·(last bin) + 1, each side on its own; the peak X is the lowest most
    /// populated bin, and on a tie the candidate nearest X wins.
    /// </summary>
    public static double Tinn(ReadOnlySpan<double> nn, double w)
    {
        var histogram = Histogram(nn, w);
        var first = histogram.Keys.Min();
        var last = histogram.Keys.Max();
        var d = new long[(2 * last) + 2]; // D_j for bins 0 … 2·last + 1
        foreach (var (bin, count) in histogram)
        {
            d[bin] = count;
        }

        long y = histogram.Values.Max();
        var peak = histogram.First(kv => kv.Value == y).Key;

        long bestN = peak - 1, bestL = 0;
        BigInteger best = 0;
        for (var n = peak - 1; n >= 0; n--)
        {
            // l²·Σ (D_j − q_j)², q_j = Y·(j − N)/l between the foot and the peak: an integer, compared exactly.
            var l = peak - n;
            BigInteger error = 0;
            for (var j = Math.Min(n, first); j < peak; j++)
            {
                var e = (l * d[j]) - (y * Math.Max(0, j - n));
                error += (BigInteger)e * e;
            }

            if (bestL == 0 || error * bestL * bestL < best * l * l)
            {
                best = error;
                bestL = l;
                bestN = n;
            }
        }

        long bestM = peak + 1;
        bestL = 0;
        for (var m = peak + 1; m <= (2 * last) + 1; m++)
        {
            var l = m - peak;
            BigInteger error = 0;
            for (var j = peak + 1; j <= Math.Max(m, last); j++)
            {
                var e = (l * d[j]) - (y * Math.Max(0, m - j));
                error += (BigInteger)e * e;
            }

            if (bestL == 0 || error * bestL * bestL < best * l * l)
            {
                best = error;
                bestL = l;
                bestM = m;
            }
        }

        return (bestM - bestN) * w;
    }

    /// <summary>
    /// SDANN (SD, N − 1, of the segment means) and the SDNN index (mean of the segment SDNNs) over the consecutive
    /// segments of <paramref name="segmentMs"/>: interval i, ending at t_i = RR_0 + … + RR_i (summed in order), is in
    /// segment k when k·T &lt; t_i ≤ (k + 1)·T; only complete segments (t_N−1 ≥ (k + 1)·T) with at least 2 intervals count.
    /// </summary>
    /// <returns>Both metrics (NaN with fewer than 2 segments) and the number of segments used.</returns>
    public static (double Sdann, double SdnnIndex, int Segments) Segments(ReadOnlySpan<double> nn, double segmentMs)
    {
        var segments = new List<List<double>> { new() };
        var t = 0.0;
        foreach (var x in nn)
        {
            t += x;
            while (t > segments.Count * segmentMs)
            {
                segments.Add([]);
            }

            segments[^1].Add(x);
        }

        if (t < segments.Count * segmentMs)
        {
            segments.RemoveAt(segments.Count - 1); // incomplete
        }

        var used = segments.Where(s => s.Count >= 2).ToArray();
        if (used.Length < 2)
        {
            return (double.NaN, double.NaN, used.Length);
        }

        var means = used.Select(s => MeanNn(s.ToArray())).ToArray();
        return (Sdnn(means), used.Average(s => Sdnn(s.ToArray())), used.Length);
    }

    private static double StandardDeviation(ReadOnlySpan<double> values, int denominator)
    {
        var mean = MeanNn(values);
        var sum = 0.0;
        foreach (var x in values)
        {
            sum += (x - mean) * (x - mean);
        }

        return Math.Sqrt(sum / denominator);
    }

    private static double[] HeartRates(ReadOnlySpan<double> nn)
    {
        var hr = new double[nn.Length];
        for (var i = 0; i < nn.Length; i++)
        {
            hr[i] = 60_000 / nn[i];
        }

        return hr;
    }
}
