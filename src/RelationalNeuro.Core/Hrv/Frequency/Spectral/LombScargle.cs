using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// Floating-mean Lomb–Scargle periodogram on the uneven beat times (Zechmeister &amp; Kürster 2009, the form astropy's
/// <c>LombScargle</c> uses by default), scaled to a one-sided density in ms²/Hz.
/// </summary>
/// <remarks>
/// <para>
/// astropy's <c>normalization="psd"</c> value is P(f) = ½·N·(YC²/CC + YS²/SS) (ms²), whose peak for a sinusoid of
/// amplitude A is N·A²/4 and whose integral over the peak is A²/(4·Δt̄) with Δt̄ the mean beat interval in seconds.
/// The library multiplies it by 2·Δt̄ = 2·mean(NN)/1000 so that the integral is A²/2 ms², the variance of the
/// sinusoid, the same scale as the Welch PSD. (For mean NN = 1000 ms astropy's values are exactly half of ours,
/// which is the "half" the peers show on the synthetic series.)
/// </para>
/// <para>
/// The trigonometric sums are evaluated exactly (recurrence over the frequency grid) when N × frequencies ≤ 2·10⁶,
/// otherwise by Press &amp; Rybicki's (1989, ApJ 338:277) extirpolation onto a grid 8× finer than the frequency count
/// (4-point Lagrange weights, periodic wrap) followed by radix-2 FFTs, as astropy's <c>method="fast"</c> does with 5×.
/// </para>
/// </remarks>
internal static class LombScargle
{
    internal const long DirectWorkLimit = 2_000_000;
    private const int Oversampling = 8;

    public static SpectrumBuffer Estimate(ReadOnlySpan<double> nnMs, FrequencyDomainOptions options, bool? forceDirect = null)
    {
        var n = nnMs.Length;
        var pool = ArrayPool<double>.Shared;
        var times = pool.Rent(n);
        var centred = pool.Rent(n);
        try
        {
            var span = Resampler.BeatTimes(nnMs, times);
            var sum = 0.0;
            foreach (var v in nnMs)
            {
                sum += v;
            }

            var mean = sum / n;
            for (var k = 0; k < n; k++)
            {
                centred[k] = nnMs[k] - mean;
            }

            var df = 1.0 / (options.LombSamplesPerPeak * span);
            var fmin = options.LombMinimumFrequencyHz ?? df;
            var fmax = options.LombMaximumFrequencyHz ?? options.Bands.Vhf.HighHz;
            var nf = Math.Max(1, 1 + (int)Math.Round((fmax - fmin) / df));

            var sums = pool.Rent(6 * nf);
            try
            {
                var s = sums.AsSpan(0, 6 * nf);
                s.Clear();
                var t = times.AsSpan(0, n);
                var y = centred.AsSpan(0, n);
                if (forceDirect ?? ((long)n * nf <= DirectWorkLimit))
                {
                    DirectSums(t, y, fmin, df, nf, s);
                }
                else
                {
                    FastSums(t, y, fmin, df, nf, s);
                }

                var psd = pool.Rent(nf);
                var scale = 0.5 * n * (2.0 * mean / 1000.0);
                for (var j = 0; j < nf; j++)
                {
                    psd[j] = scale * Power(s, j, nf);
                }

                return new SpectrumBuffer { Array = psd, Count = nf, F0 = fmin, Df = df, ResolutionHz = 1.0 / span };
            }
            finally
            {
                pool.Return(sums);
            }
        }
        finally
        {
            pool.Return(times);
            pool.Return(centred);
        }
    }

    // Layout of the sums, each a block of nf: 0 Ch = Σw·y·cos, 1 Sh = Σw·y·sin, 2 C = Σw·cos, 3 S = Σw·sin,
    // 4 C2 = Σw·cos 2ωt, 5 S2 = Σw·sin 2ωt, with w = 1/N.
    private static double Power(ReadOnlySpan<double> s, int j, int nf)
    {
        double ch = s[j], sh = s[nf + j], c = s[(2 * nf) + j], sn = s[(3 * nf) + j], c2 = s[(4 * nf) + j], s2 = s[(5 * nf) + j];
        var theta = Math.Atan2(s2 - (2 * sn * c), c2 - ((c * c) - (sn * sn)));
        var (s2w, c2w) = Math.SinCos(theta);
        var (sw, cw) = Math.SinCos(theta / 2);
        var yc = (ch * cw) + (sh * sw);
        var ys = (sh * cw) - (ch * sw);
        var cc = (0.5 * (1 + (c2 * c2w) + (s2 * s2w))) - Square((c * cw) + (sn * sw));
        var ss = (0.5 * (1 - (c2 * c2w) - (s2 * s2w))) - Square((sn * cw) - (c * sw));
        var power = 0.0;
        if (cc > 1e-15)
        {
            power += yc * yc / cc;
        }

        if (ss > 1e-15)
        {
            power += ys * ys / ss;
        }

        return power;
    }

    private static double Square(double x) => x * x;

    internal static void DirectSums(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double f0, double df, int nf, Span<double> s)
    {
        var w = 1.0 / t.Length;
        var ch = s[..nf];
        var sh = s.Slice(nf, nf);
        var c = s.Slice(2 * nf, nf);
        var sn = s.Slice(3 * nf, nf);
        var c2 = s.Slice(4 * nf, nf);
        var s2 = s.Slice(5 * nf, nf);
        for (var k = 0; k < t.Length; k++)
        {
            var (zi, zr) = Math.SinCos(2 * Math.PI * f0 * t[k]);
            var (ri, rr) = Math.SinCos(2 * Math.PI * df * t[k]);
            var wy = w * y[k];
            for (var j = 0; j < nf; j++)
            {
                ch[j] += wy * zr;
                sh[j] += wy * zi;
                c[j] += w * zr;
                sn[j] += w * zi;
                c2[j] += w * ((zr * zr) - (zi * zi));
                s2[j] += w * 2 * zr * zi;
                var nr = (zr * rr) - (zi * ri);
                zi = (zr * ri) + (zi * rr);
                zr = nr;
            }
        }
    }

    internal static void FastSums(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double f0, double df, int nf, Span<double> s)
    {
        // When the first frequency is a whole number q of steps (the default grid starts at one step), the sums are taken on
        // the grid from 0 and read from index q: the extirpolated grids are then real, and the two of the single-frequency
        // sums share one complex FFT (Σ y·e and Σ e as real and imaginary parts), so 2 FFTs are needed instead of 3.
        var steps = f0 / df;
        var q = (int)Math.Round(steps);
        var packed = Math.Abs(steps - q) < 1e-9 && q >= 0;
        var total = packed ? nf + q : nf;
        var nfft = (int)BitOperations.RoundUpToPowerOf2((uint)(total * Oversampling));
        var pool = ArrayPool<Complex>.Shared;
        var grid = pool.Rent(nfft);
        try
        {
            var w = 1.0 / t.Length;
            if (packed)
            {
                Extirpolate(t, y, w, 0, df, nfft, grid, imaginary: false, clear: true);
                Extirpolate(t, default, w, 0, df, nfft, grid, imaginary: true, clear: false);
                Radix2Fft.Inverse(grid.AsSpan(0, nfft));
                for (var j = 0; j < nf; j++)
                {
                    var k = j + q;
                    var a = grid[k];
                    var b = Complex.Conjugate(grid[(nfft - k) & (nfft - 1)]);
                    var sumY = (a + b) * 0.5;                        // Σ w·y·e^{iωt}
                    var sumOne = (a - b) * new Complex(0, -0.5);     // Σ w·e^{iωt}
                    s[j] = sumY.Real;
                    s[nf + j] = sumY.Imaginary;
                    s[(2 * nf) + j] = sumOne.Real;
                    s[(3 * nf) + j] = sumOne.Imaginary;
                }

                Extirpolate(t, default, w, 0, 2 * df, nfft, grid, imaginary: false, clear: true);
                Radix2Fft.Inverse(grid.AsSpan(0, nfft));
                for (var j = 0; j < nf; j++)
                {
                    s[(4 * nf) + j] = grid[j + q].Real;
                    s[(5 * nf) + j] = grid[j + q].Imaginary;
                }

                return;
            }

            var w2 = 1.0 / t.Length;
            Extirpolate(t, y, w2, f0, df, nfft, grid, imaginary: false, clear: true);
            Radix2Fft.Inverse(grid.AsSpan(0, nfft));
            Extract(grid, nf, s[..nf], s.Slice(nf, nf));
            Extirpolate(t, default, w2, f0, df, nfft, grid, imaginary: false, clear: true);
            Radix2Fft.Inverse(grid.AsSpan(0, nfft));
            Extract(grid, nf, s.Slice(2 * nf, nf), s.Slice(3 * nf, nf));
            Extirpolate(t, default, w2, 2 * f0, 2 * df, nfft, grid, imaginary: false, clear: true);
            Radix2Fft.Inverse(grid.AsSpan(0, nfft));
            Extract(grid, nf, s.Slice(4 * nf, nf), s.Slice(5 * nf, nf));
        }
        finally
        {
            pool.Return(grid);
        }
    }

    private static void Extract(Complex[] grid, int nf, Span<double> cos, Span<double> sin)
    {
        for (var j = 0; j < nf; j++)
        {
            cos[j] = grid[j].Real;
            sin[j] = grid[j].Imaginary;
        }
    }

    /// <summary>
    /// Spreads h_k·e^{2πi f0 t_k} (h_k = w·y_k, or w when y is empty) onto the 4 nearest points of a periodic grid of nfft
    /// cells at x_k = t_k·nfft·df (mod nfft) with Lagrange weights, so that an unscaled inverse FFT of the grid gives
    /// Σ_k h_k·exp(2πi·(f0 + j·df)·t_k) at index j. With <paramref name="imaginary"/> the (real, when f0 = 0) values are
    /// added to the imaginary parts instead, so two real grids can share one transform.
    /// </summary>
    private static void Extirpolate(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double w, double f0, double df, int nfft, Complex[] grid, bool imaginary, bool clear)
    {
        if (clear)
        {
            Array.Clear(grid, 0, nfft);
        }

        var mask = nfft - 1;
        for (var k = 0; k < t.Length; k++)
        {
            var h = y.IsEmpty ? w : w * y[k];
            double hr, hi;
            if (f0 == 0)
            {
                (hr, hi) = imaginary ? (0.0, h) : (h, 0.0);
            }
            else
            {
                var (si, co) = Math.SinCos(2 * Math.PI * f0 * t[k]);
                (hr, hi) = (h * co, h * si);
            }

            var cycles = t[k] * df;
            var x = (cycles - Math.Floor(cycles)) * nfft;
            var baseIndex = (int)Math.Floor(x) - 1;
            var u = x - baseIndex; // in [1, 2)
            var w0 = (u - 1) * (u - 2) * (u - 3) / -6.0;
            var w1 = u * (u - 2) * (u - 3) / 2.0;
            var w2 = u * (u - 1) * (u - 3) / -2.0;
            var w3 = u * (u - 1) * (u - 2) / 6.0;
            Add(grid, (baseIndex + 0) & mask, hr * w0, hi * w0);
            Add(grid, (baseIndex + 1) & mask, hr * w1, hi * w1);
            Add(grid, (baseIndex + 2) & mask, hr * w2, hi * w2);
            Add(grid, (baseIndex + 3) & mask, hr * w3, hi * w3);
        }
    }

    private static void Add(Complex[] grid, int index, double re, double im) =>
        grid[index] = new Complex(grid[index].Real + re, grid[index].Imaginary + im);
}
