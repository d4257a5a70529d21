using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RelationalNeuro.Hrv.Kernels;

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
/// The trigonometric sums are evaluated by <see cref="FastSums"/> (<see cref="LombScargleAlgorithm.Fast"/>, the default:
/// Press &amp; Rybicki's 1989 reduction to FFTs with Greengard &amp; Lee's 2004 Gaussian gridding) or term by term by
/// <see cref="DirectSums"/> (<see cref="LombScargleAlgorithm.Exact"/>, a rotation recurrence over the frequency grid).
/// </para>
/// </remarks>
internal static class LombScargle
{
    /// <summary>Most terms (beats × frequencies) the exact sums are evaluated for: 2³⁴ ≈ 1.7·10¹⁰, about a minute.</summary>
    internal const double ExactWorkLimit = 17_179_869_184;

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
                if (forceDirect ?? (options.LombAlgorithm == LombScargleAlgorithm.Exact))
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
        // tan 2ωτ = (S2 − 2·S·C) / (C2 − (C² − S²)); the cosine and sine of 2ωτ and of ωτ follow algebraically
        // (half-angle formulas on the branch of atan2, so ωτ ∈ (−π/2, π/2]), without trigonometric calls.
        var y2 = s2 - (2 * sn * c);
        var x2 = c2 - ((c * c) - (sn * sn));
        var radius = Math.Sqrt((x2 * x2) + (y2 * y2));
        double c2w, s2w, cw, sw;
        if (radius == 0 || !double.IsFinite(radius))
        {
            (c2w, s2w, cw, sw) = (1, 0, 1, 0);
        }
        else
        {
            c2w = x2 / radius;
            s2w = y2 / radius;
            if (c2w >= 0)
            {
                cw = Math.Sqrt(0.5 * (1 + c2w));
                sw = s2w / (2 * cw);
            }
            else
            {
                sw = (s2w < 0 ? -1 : 1) * Math.Sqrt(0.5 * (1 - c2w));
                cw = s2w / (2 * sw);
            }
        }
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

    /// <summary>
    /// Half-width of the Gaussian spreading, in grid cells (each sample touches 2·<see cref="SpreadHalfWidth"/> cells). Ten
    /// cells keep the band powers within ~1e-9 of the exact sums on the reference recordings (8 cells: ~2e-8, 6 cells: ~3e-6,
    /// above the tested 1e-6) but only within 2.3e-7 in the near-empty bands of a pure 0.25-Hz sine — a 4× margin, too
    /// little for data not seen here, since the error is relative to the whole signal, not to the band. Twelve cells (about
    /// 1 ms more on 24 h) bring that case back to ~1e-11. Even, so that the cells of a sample fill whole 4-double vectors.
    /// </summary>
    internal const int SpreadHalfWidth = 12;

    /// <summary>Smallest ratio of the FFT length to twice the highest wanted mode (the oversampling R of Greengard &amp; Lee).</summary>
    internal const double MinimumOversampling = 1.5;

    /// <summary>
    /// The sums by Press &amp; Rybicki's reduction to FFTs (1989, ApJ 338:277): the single-frequency sums Σ w·y·e^{iωt} and
    /// Σ w·e^{iωt} and the double-frequency sums Σ w·e^{2iωt} are each a trigonometric sum on an even frequency grid, i.e.
    /// a type-1 non-uniform DFT, evaluated by spreading the samples onto a periodic even grid, one FFT, and a correction.
    /// The spreading kernel is a Gaussian with the fast gridding and deconvolution of Greengard &amp; Lee (2004, SIAM Rev
    /// 46:443) rather than Press &amp; Rybicki's Lagrange "extirpolation": its error falls exponentially with the
    /// kernel width instead of as a power of the oversampling, so a few cells more per sample give sums accurate to
    /// ~1e-10 of Σ|h| with an FFT only 1.5–3× the mode count.
    /// </summary>
    internal static void FastSums(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double f0, double df, int nf, Span<double> s)
    {
        // When the first frequency is a whole number q of steps (the default grid starts at one step), the sums are taken on
        // the grid from 0 and read from index q. The spread grids are then real: the two single-frequency sums share one
        // complex FFT (Σ y·e and Σ e as real and imaginary parts), and the double-frequency grid, real, takes a complex FFT
        // of half its length (its even and odd points as real and imaginary parts), untangled afterwards: 1½ transforms.
        var steps = f0 / df;
        var q = (int)Math.Round(steps);
        var packed = Math.Abs(steps - q) < 1e-9 && q >= 0;
        var modes = packed ? nf + q : nf;
        var nfft = FftLength(modes);
        var grid = ArrayPool<Complex>.Shared.Rent(nfft);
        var corrections = ArrayPool<double>.Shared.Rent(modes);
        try
        {
            var w = 1.0 / t.Length;
            var kernel = new GaussianKernel(nfft, modes);
            kernel.Corrections(corrections.AsSpan(0, modes));
            var c = corrections.AsSpan(0, modes);
            var g = grid.AsSpan(0, nfft);
            if (packed)
            {
                // The double-frequency grid is real: nfft doubles, transformed as nfft/2 complex points z_m = r_{2m} + i·r_{2m+1}.
                var doubled = ArrayPool<double>.Shared.Rent(nfft);
                try
                {
                    var real = doubled.AsSpan(0, nfft);
                    g.Clear();
                    real.Clear();
                    SpreadPacked(t, y, w, df, nfft, g, real, kernel);
                    Radix2Fft.Inverse(g);
                    ExtractPacked(g, nf, q, c, s);
                    var z = MemoryMarshal.Cast<double, Complex>(real);
                    Radix2Fft.Inverse(z);
                    ExtractReal(z, nf, q, c, s.Slice(4 * nf, 2 * nf));
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(doubled);
                }

                return;
            }

            g.Clear();
            Spread(t, y, w, f0, df, nfft, g, kernel);
            Radix2Fft.Inverse(g);
            Extract(g, nf, c, s[..nf], s.Slice(nf, nf));
            g.Clear();
            Spread(t, default, w, f0, df, nfft, g, kernel);
            Radix2Fft.Inverse(g);
            Extract(g, nf, c, s.Slice(2 * nf, nf), s.Slice(3 * nf, nf));
            g.Clear();
            Spread(t, default, w, 2 * f0, 2 * df, nfft, g, kernel);
            Radix2Fft.Inverse(g);
            Extract(g, nf, c, s.Slice(4 * nf, nf), s.Slice(5 * nf, nf));
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(grid);
            ArrayPool<double>.Shared.Return(corrections);
        }
    }

    /// <summary>The FFT length for modes 0 … <paramref name="modes"/> − 1: the power of two ≥ 1.5 × 2 × modes, and at least 4 kernel widths.</summary>
    internal static int FftLength(int modes) =>
        (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8 * SpreadHalfWidth, Math.Ceiling(MinimumOversampling * 2 * modes)));

    private static void Extract(ReadOnlySpan<Complex> grid, int nf, ReadOnlySpan<double> corrections, Span<double> cos, Span<double> sin)
    {
        for (var j = 0; j < nf; j++)
        {
            cos[j] = grid[j].Real * corrections[j];
            sin[j] = grid[j].Imaginary * corrections[j];
        }
    }

    /// <summary>The single-frequency sums Σ w·y·e^{iωt} and Σ w·e^{iωt} at ω = 2π(j + q)·df from the packed transform.</summary>
    private static void ExtractPacked(ReadOnlySpan<Complex> g, int nf, int q, ReadOnlySpan<double> c, Span<double> s)
    {
        var mask = g.Length - 1;
        for (var j = 0; j < nf; j++)
        {
            var k = j + q;
            var a = g[k];
            var b = Complex.Conjugate(g[(g.Length - k) & mask]);
            var half = 0.5 * c[k];
            s[j] = half * (a.Real + b.Real);                         // Σ w·y·cos: (a + b)/2
            s[nf + j] = half * (a.Imaginary + b.Imaginary);          // Σ w·y·sin
            s[(2 * nf) + j] = half * (a.Imaginary - b.Imaginary);    // Σ w·cos: (a − b)·(−i/2)
            s[(3 * nf) + j] = -half * (a.Real - b.Real);             // Σ w·sin
        }
    }

    /// <summary>
    /// The double-frequency sums from the half-length transform Z of the real grid r (length 2·<paramref name="z"/>.Length):
    /// R_k = E_k + e^{2πik/nfft}·O_k with E_k = (Z_k + Z̄_{−k})/2 and O_k = (Z_k − Z̄_{−k})/(2i), indices mod nfft/2.
    /// </summary>
    private static void ExtractReal(ReadOnlySpan<Complex> z, int nf, int q, ReadOnlySpan<double> c, Span<double> s)
    {
        var nfft = 2 * z.Length;
        var twiddles = Radix2Fft.TwiddleTable(nfft);                  // e^{−2πik/nfft}, k < nfft/2
        var mask = z.Length - 1;
        for (var j = 0; j < nf; j++)
        {
            var k = j + q;
            var zk = z[k & mask];
            var zm = Complex.Conjugate(z[(z.Length - k) & mask]);
            var even = zk + zm;                                       // 2·E_k
            var odd = zk - zm;                                        // 2i·O_k
            var tw = twiddles[k];                                     // e^{+2πik/nfft} = tw.re − i·tw.im
            var (oRe, oIm) = (odd.Imaginary, -odd.Real);              // 2·O_k
            var half = 0.5 * c[k];
            s[j] = half * (even.Real + ((tw.Real * oRe) + (tw.Imaginary * oIm)));
            s[nf + j] = half * (even.Imaginary + ((tw.Real * oIm) - (tw.Imaginary * oRe)));
        }
    }

    /// <summary>
    /// One pass over the samples for the default grid (f0 = 0): w·y_k (real parts) and w (imaginary parts) at
    /// x_k = 2π·frac(t_k·df) on <paramref name="packed"/>, and w at 2·x_k on the real grid <paramref name="doubled"/>. The
    /// double position's factors follow from the single one's without exponentials: its offset from its cell is 2δ − b·h
    /// (b = 0 or 1), so E1' = E1⁴·(E2²·E3(1))^b and E2' = E2²·E3(1)^{2b}.
    /// </summary>
    private static void SpreadPacked(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double w, double df, int nfft, Span<Complex> packed, Span<double> doubled, in GaussianKernel kernel)
    {
        var mask = nfft - 1;
        var h = 2 * Math.PI / nfft;
        var e3 = kernel.E3;
        var quarterTau = 1 / (4 * kernel.Tau);
        var halfTauH = h / (2 * kernel.Tau);
        Span<double> weights = stackalloc double[2 * SpreadHalfWidth];
        for (var k = 0; k < t.Length; k++)
        {
            var cycles = t[k] * df;
            var cells = (cycles - Math.Floor(cycles)) * nfft;
            var m0 = (int)Math.Floor(cells);
            var fraction = cells - m0;
            var delta = fraction * h;                                   // x_k − ξ_{m0}, in [0, h)
            var e1 = Math.Exp(-delta * delta * quarterTau);
            var e2 = Math.Exp(delta * halfTauH);
            Weights(e1, e2, e3, weights);
            Add(packed, m0 - SpreadHalfWidth + 1, w * y[k], w, weights);

            var upper = fraction >= 0.5 ? 1 : 0;
            var e2Squared = e2 * e2;
            var e1Doubled = Square(e1 * e1);
            if (upper == 1)
            {
                e1Doubled *= e2Squared * e3[1];
                e2Squared *= e3[1] * e3[1];
            }

            Weights(e1Doubled, e2Squared, e3, weights);
            Add(doubled, (((2 * m0) + upper) & mask) - SpreadHalfWidth + 1, w, weights);
        }
    }

    /// <summary>
    /// Adds h_k·e^{2πi f0 t_k} (h_k = w·y_k, or w when y is empty) times the Gaussian g(ξ_m − x_k) = exp(−(ξ_m − x_k)²/(4τ)) to
    /// the 2·<see cref="SpreadHalfWidth"/> grid points ξ_m = 2πm/nfft nearest to x_k = 2π·frac(t_k·df) (periodically), using
    /// g = E1·E2^l·E3(l) so that each sample costs two exponentials (Greengard &amp; Lee's fast Gaussian gridding).
    /// </summary>
    private static void Spread(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double w, double f0, double df, int nfft, Span<Complex> grid, in GaussianKernel kernel)
    {
        var h = 2 * Math.PI / nfft;
        var e3 = kernel.E3;
        var quarterTau = 1 / (4 * kernel.Tau);
        var halfTauH = h / (2 * kernel.Tau);
        Span<double> weights = stackalloc double[2 * SpreadHalfWidth];
        for (var k = 0; k < t.Length; k++)
        {
            var strength = y.IsEmpty ? w : w * y[k];
            var (si, co) = Math.SinCos(2 * Math.PI * f0 * t[k]);
            var cycles = t[k] * df;
            var cells = (cycles - Math.Floor(cycles)) * nfft;
            var m0 = (int)Math.Floor(cells);
            var delta = (cells - m0) * h;                              // x_k − ξ_{m0}, in [0, h)
            Weights(Math.Exp(-delta * delta * quarterTau), Math.Exp(delta * halfTauH), e3, weights);
            Add(grid, m0 - SpreadHalfWidth + 1, strength * co, strength * si, weights);
        }
    }

    /// <summary>The Gaussian at offsets l = −(W − 1) … W from the sample's cell: g = E1 · E2^l · E3(|l|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Weights(double e1, double e2, double[] e3, Span<double> weights)
    {
        ref var g0 = ref MemoryMarshal.GetReference(weights);
        var up = e1;
        var down = e1 / e2;
        var e2Inverse = 1 / e2;
        for (var l = 0; l < SpreadHalfWidth; l++)
        {
            Unsafe.Add(ref g0, SpreadHalfWidth - 1 + l) = up * e3[l];   // offset +l (l = 0 … W − 1)
            up *= e2;
        }

        Unsafe.Add(ref g0, (2 * SpreadHalfWidth) - 1) = up * e3[SpreadHalfWidth];       // offset +W
        for (var l = 1; l < SpreadHalfWidth; l++)
        {
            Unsafe.Add(ref g0, SpreadHalfWidth - 1 - l) = down * e3[l]; // offset −l
            down *= e2Inverse;
        }
    }

    /// <summary>Adds (hr + i·hi)·g_i to the cells first + i (periodically) of a complex grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<Complex> grid, int first, double hr, double hi, ReadOnlySpan<double> weights)
    {
        const int Width = 2 * SpreadHalfWidth;
        if (Vector256.IsHardwareAccelerated && !KernelDispatch.ForceScalar && first >= 0 && first + Width <= grid.Length)
        {
            // No wrap: the cells are contiguous, (re, im) of two cells per vector.
            ref var g0 = ref MemoryMarshal.GetReference(weights);
            ref var cell = ref Unsafe.As<Complex, double>(ref grid[first]);
            var pair = Vector256.Create(hr, hi, hr, hi);
            for (var i = 0; i < Width; i += 4)
            {
                var g = Vector256.LoadUnsafe(ref g0, (nuint)i);
                var at = (nuint)(2 * i);
                (Vector256.LoadUnsafe(ref cell, at) + (pair * Vector256.Shuffle(g, Vector256.Create(0L, 0, 1, 1)))).StoreUnsafe(ref cell, at);
                (Vector256.LoadUnsafe(ref cell, at + 4) + (pair * Vector256.Shuffle(g, Vector256.Create(2L, 2, 3, 3)))).StoreUnsafe(ref cell, at + 4);
            }

            return;
        }

        var mask = grid.Length - 1;
        for (var i = 0; i < Width; i++)
        {
            var index = (first + i) & mask;
            grid[index] = new Complex(grid[index].Real + (hr * weights[i]), grid[index].Imaginary + (hi * weights[i]));
        }
    }

    /// <summary>Adds h·g_i to the cells first + i (periodically) of a real grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> grid, int first, double h, ReadOnlySpan<double> weights)
    {
        const int Width = 2 * SpreadHalfWidth;
        if (Vector256.IsHardwareAccelerated && !KernelDispatch.ForceScalar && first >= 0 && first + Width <= grid.Length)
        {
            ref var g0 = ref MemoryMarshal.GetReference(weights);
            ref var cell = ref grid[first];
            var single = Vector256.Create(h);
            for (var i = 0; i < Width; i += 4)
            {
                (Vector256.LoadUnsafe(ref cell, (nuint)i) + (single * Vector256.LoadUnsafe(ref g0, (nuint)i))).StoreUnsafe(ref cell, (nuint)i);
            }

            return;
        }

        var mask = grid.Length - 1;
        for (var i = 0; i < Width; i++)
        {
            grid[(first + i) & mask] += h * weights[i];
        }
    }

    /// <summary>
    /// The Gaussian of Greengard &amp; Lee (2004) for an FFT of <c>nfft</c> points and modes |j| &lt; <c>2·modes</c>/2:
    /// τ = π·W / (M²·R·(R − ½)) with M = 2·modes and R = nfft / M, the table E3(l) = exp(−(l·h)²/(4τ)), and the correction
    /// √(π/τ)/nfft · e^{j²τ} that turns the transformed grid into the sums.
    /// </summary>
    private readonly struct GaussianKernel
    {
        public GaussianKernel(int nfft, int modes)
        {
            var m = 2.0 * modes;
            var ratio = nfft / m;
            Tau = Math.PI * SpreadHalfWidth / (m * m * ratio * (ratio - 0.5));
            var h = 2 * Math.PI / nfft;
            E3 = new double[SpreadHalfWidth + 1];
            for (var l = 0; l < E3.Length; l++)
            {
                E3[l] = Math.Exp(-(l * h) * (l * h) / (4 * Tau));
            }

            Scale = Math.Sqrt(Math.PI / Tau) / nfft;
        }

        public double Tau { get; }

        public double[] E3 { get; }

        private double Scale { get; }

        /// <summary>
        /// The corrections √(π/τ)/nfft · e^{j²τ} for j = 0 … count − 1: the exponential exactly at every 32nd mode, in between
        /// by c(j + 1) = c(j)·e^{(2j+1)τ} with e^{(2j+1)τ} stepped by e^{2τ} (≤ 64 roundings, ~1e-14 relative).
        /// </summary>
        public void Corrections(Span<double> c)
        {
            var step = Math.Exp(2 * Tau);
            for (var j0 = 0; j0 < c.Length; j0 += 32)
            {
                var value = Scale * Math.Exp((double)j0 * j0 * Tau);
                var ratio = Math.Exp(((2.0 * j0) + 1) * Tau);
                var end = Math.Min(c.Length, j0 + 32);
                for (var j = j0; j < end; j++)
                {
                    c[j] = value;
                    value *= ratio;
                    ratio *= step;
                }
            }
        }
    }
}
