using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Spectral;

namespace RelationalNeuro.Core.Tests.Hrv.Spectral;

/// <summary>The spectral building blocks against analytic answers.</summary>
public sealed class SpectralInternalsTests
{
    [Fact]
    public void CubicNotAKnot_CubicPolynomialAtUnevenKnots_ReproducedExactly()
    {
        // A not-a-knot spline reproduces any cubic polynomial (de Boor, A Practical Guide to Splines, ch. IV).
        static double P(double t) => 3 - (2 * t) + (0.5 * t * t) - (0.04 * t * t * t);
        var x = new double[40];
        var y = new double[40];
        var rng = new Random(7);
        for (var i = 1; i < x.Length; i++)
        {
            x[i] = x[i - 1] + 0.5 + rng.NextDouble();
        }

        for (var i = 0; i < x.Length; i++)
        {
            y[i] = P(x[i]);
        }

        var rate = 4.0;
        var output = new double[Resampler.GridLength(x[^1], rate)];
        Resampler.CubicNotAKnot(x, y, rate, output, new double[40], new double[40], new double[40]);

        for (var j = 0; j < output.Length; j++)
        {
            Assert.Equal(P(j / rate), output[j], 1e-9);
        }
    }

    public static TheoryData<double[]> QuadraticSplineSpacings() => new()
    {
        new[] { 1.0, 1.0 },
        new[] { 0.7, 1.2, 0.9 },
        Enumerable.Range(0, 59).Select(i => 0.5 + (0.37 * (i % 5))).ToArray(),
        Enumerable.Range(0, 59).Select(i => i % 3 == 2 ? 10.0 : 1.0).ToArray(),

        // Spacings whose collocation system needs row interchanges in the elimination (|sub-diagonal| > |pivot| at row 1
        // and at row 3): the pivoting path is exercised.
        new[] { 0.5, 5.0, 5.0 },
        new[] { 5.0, 1, 0.3, 2, 5, 3, 0.3, 10 },
    };

    [Theory]
    [MemberData(nameof(QuadraticSplineSpacings))]
    public void QuadraticSpline_QuadraticPolynomialAtUnevenKnots_ReproducedExactly(double[] spacings)
    {
        // An interpolating spline of degree 2 reproduces every polynomial of degree ≤ 2 (de Boor, A Practical Guide to
        // Splines, ch. XIII), whatever the knots.
        static double P(double t) => 7 - (1.5 * t) + (0.3 * t * t);
        var n = spacings.Length + 1;
        var x = new double[n];
        var y = new double[n];
        for (var i = 1; i < n; i++)
        {
            x[i] = x[i - 1] + spacings[i - 1];
        }

        for (var i = 0; i < n; i++)
        {
            y[i] = P(x[i]);
        }

        var step = 0.01;
        var output = new double[(int)(x[^1] / step) + 1];
        Resampler.QuadraticSpline(x, y, 0, step, output, new double[n], new double[n], new double[n], new double[n], new double[n]);

        for (var j = 0; j < output.Length; j++)
        {
            Assert.Equal(P(j * step), output[j], 1e-9);
        }
    }

    [Fact]
    public void QuadraticSpline_NonPolynomialData_InterpolatesEveryPoint()
    {
        var x = new double[] { 0, 0.8, 1.5, 2.6, 3.1, 4.4, 5.0, 6.2 };
        var y = new double[] { 800, 820, 760, 900, 650, 700, 880, 810 };
        var output = new double[1];
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            // A one-point grid starting at x_i evaluates the spline there.
            Resampler.QuadraticSpline(x, y, x[i], 1, output, new double[n], new double[n], new double[n], new double[n], new double[n]);
            Assert.Equal(y[i], output[0], 1e-9);
        }
    }

    [Theory]
    [InlineData(300, 600, 0, 40, ChirpZBins.MaximumSingleSize)]
    [InlineData(301, 602, 5, 17, ChirpZBins.MaximumSingleSize)]
    [InlineData(257, 514, 3, 257, ChirpZBins.MaximumSingleSize)]
    [InlineData(1000, 1000, 480, 21, ChirpZBins.MaximumSingleSize)]
    // In chunks (overlap-add over the input): 64-point convolutions for 300 samples, a last chunk shorter than the others,
    // a chunk length of one sample more than the bins, and a whole size barely above the limit.
    [InlineData(300, 600, 0, 40, 64)]
    [InlineData(301, 602, 5, 17, 32)]
    [InlineData(1000, 1000, 480, 21, 64)]
    [InlineData(200, 1003, 7, 30, 128)]
    public void ChirpZBins_AnyFftLength_EqualsTheDftDefinition(int length, int nfft, int first, int count, int maximumSingleSize)
    {
        var rng = new Random(length);
        var z = Enumerable.Range(0, length).Select(_ => 800 + (100 * (rng.NextDouble() - 0.5))).ToArray();
        var window = Enumerable.Range(0, length).Select(i => 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / length))).ToArray();
        var mean = z.Average();
        var power = new double[count];

        using (var chirp = new ChirpZBins(length, nfft, first, count, maximumSingleSize))
        {
            Assert.Equal(maximumSingleSize < length + count - 1, chirp.Size < (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(length + count - 1)));
            chirp.AccumulatePower(z, window, mean, first, power);
        }

        // The same bins from a transform of the range −(first + count − 1) … first + count − 1, with the segment packed
        // together with its mirror image: |A_k|² + |B_k|² of the two real segments.
        var mirrored = z.Reverse().ToArray();
        var paired = new double[count];
        var last = first + count - 1;
        using (var chirp = new ChirpZBins(length, nfft, -last, (2 * last) + 1, maximumSingleSize))
        {
            chirp.AccumulatePowerPair(z, mean, mirrored, mean, window, first, paired);
        }

        // |X_k|² with X_k = Σ_n (x_n − mean)·w_n·e^{−2πi·nk/nfft}, nk reduced modulo nfft exactly: the definition.
        double DftPower(double[] x, int k)
        {
            double re = 0, im = 0;
            for (var n = 0; n < length; n++)
            {
                var v = (x[n] - mean) * window[n];
                var angle = -2 * Math.PI * ((long)n * k % nfft) / nfft;
                re += v * Math.Cos(angle);
                im += v * Math.Sin(angle);
            }

            return (re * re) + (im * im);
        }

        for (var m = 0; m < count; m++)
        {
            var expected = DftPower(z, first + m);
            Assert.Equal(expected, power[m], Math.Max(expected * 1e-9, 1e-6));
            var expectedPair = expected + DftPower(mirrored, first + m);
            Assert.Equal(expectedPair, paired[m], Math.Max(expectedPair * 1e-9, 1e-6));
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(7L)]
    [InlineData(1003L)]
    [InlineData(161_930L)] // nsr001's FFT length at 4 Hz in NeuroKit2's rule
    [InlineData(8_096_512L)]
    public void HalfTurns_EveryPhase_IsTheUnitRootWithinRounding(long nfft)
    {
        // e^{−iπp/nfft} for p in [0, 2·nfft): the exact value has modulus 1 and angle −πp/nfft. Checked on every phase of
        // the short lengths and on 20,000 spread over the long ones (both ends of each table included).
        var turns = new ChirpZBins.HalfTurns(nfft);
        try
        {
            var period = 2 * nfft;
            var stride = Math.Max(1, period / 20_000);
            var phases = Enumerable.Range(0, (int)((period + stride - 1) / stride)).Select(k => k * stride).Append(period - 1);
            foreach (var p in phases)
            {
                var value = turns[p];
                var (sin, cos) = Math.SinCos(-Math.PI * ((double)p / nfft));
                Assert.True(Math.Abs(value.Real - cos) <= 2e-15 && Math.Abs(value.Imaginary - sin) <= 2e-15, $"p = {p}: {value} against ({cos}, {sin})");
            }
        }
        finally
        {
            turns.Dispose();
        }
    }

    [Fact]
    public void GridLength_EndExcluded_LikeNumpyArange()
    {
        Assert.Equal(4, Resampler.GridLength(1.0, 4)); // 0, 0.25, 0.5, 0.75
        Assert.Equal(5, Resampler.GridLength(1.1, 4));
    }

    [Fact]
    public void SmoothnessPriors_StraightLine_RemovedExactly()
    {
        // D₂ annihilates straight lines, so the smoothness-priors trend of a line is the line itself.
        var z = Enumerable.Range(0, 500).Select(i => 5 + (0.3 * i)).ToArray();

        Detrender.SmoothnessPriors(z, 500, new double[500], new double[500], new double[500], new double[500]);

        Assert.All(z, v => Assert.Equal(0, v, 1e-6));
    }

    [Fact]
    public void SmoothnessPriors_FastSine_KeptWithTheFilterGain()
    {
        // The trend filter has gain 1/(1 + λ²(2 − 2cos ω)²) at ω rad/sample, so the detrended sine keeps 1 − that.
        const double lambda = 500;
        const double omega = 2 * Math.PI * 0.25 / 4; // 0.25 Hz at 4 Hz
        var n = 4000;
        var z = Enumerable.Range(0, n).Select(i => Math.Sin(omega * i)).ToArray();

        Detrender.SmoothnessPriors(z, lambda, new double[n], new double[n], new double[n], new double[n]);

        var trendGain = 1 / (1 + (lambda * lambda * Math.Pow(2 - (2 * Math.Cos(omega)), 2)));
        for (var i = 1000; i < 3000; i++)
        {
            Assert.Equal((1 - trendGain) * Math.Sin(omega * i), z[i], 1e-6);
        }
    }

    [Fact]
    public void LombScargle_FastSums_AgreeWithDirectSumsWithinHalfPercent()
    {
        var nn = SyntheticRr.Sines(1800, 850, (0.03, 25), (0.1, 40), (0.25, 30));
        var rng = new Random(3);
        for (var i = 0; i < nn.Length; i++)
        {
            nn[i] += (rng.NextDouble() - 0.5) * 40;
        }

        using var direct = LombScargle.Estimate(nn, FrequencyDomainOptions.Default, forceDirect: true);
        using var fast = LombScargle.Estimate(nn, FrequencyDomainOptions.Default, forceDirect: false);

        var options = FrequencyDomainOptions.Default;
        foreach (var band in new[] { options.Bands.Vlf, options.Bands.Lf, options.Bands.Hf })
        {
            var d = BandIntegrator.Power(direct, band, BandIntegration.TrapezoidInterpolatedEdges);
            var f = BandIntegrator.Power(fast, band, BandIntegration.TrapezoidInterpolatedEdges);
            Assert.Equal(d, f, d * 0.005);
        }
    }

    [Fact]
    public void BandIntegrator_ConstantDensity_GivesWidthTimesDensityUnderEveryRule()
    {
        var array = Enumerable.Repeat(2.0, 1001).ToArray();
        var spectrum = new SpectrumBuffer { Array = array, Count = 1001, F0 = 0, Df = 0.001, ResolutionHz = 0.001 };
        var band = new FrequencyBand(0.04, 0.15);

        Assert.Equal(0.22, BandIntegrator.Power(spectrum, band, BandIntegration.TrapezoidInterpolatedEdges), 1e-12);
        // Bins 0.040…0.149: 110 bins, 109 trapezoids.
        Assert.Equal(0.218, BandIntegrator.Power(spectrum, band, BandIntegration.TrapezoidWithinBand), 1e-12);
        // Bins 0.040…0.150 inclusive: 111 bins × 0.001.
        Assert.Equal(0.222, BandIntegrator.Power(spectrum, band, BandIntegration.RectangleInclusive), 1e-12);
    }
}

/// <summary>The internal FFT against MathNet.Numerics' <c>Fourier</c> (same sign convention, no scaling).</summary>
public sealed class Radix2FftTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(1024)]
    [InlineData(65536)]
    public void ForwardAndInverse_RandomData_EqualMathNet(int n)
    {
        var rng = new Random(n);
        var data = new System.Numerics.Complex[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

        var ours = (System.Numerics.Complex[])data.Clone();
        var theirs = (System.Numerics.Complex[])data.Clone();
        Radix2Fft.Forward(ours);
        MathNet.Numerics.IntegralTransforms.Fourier.Forward(theirs, MathNet.Numerics.IntegralTransforms.FourierOptions.NoScaling);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(theirs[i].Real, ours[i].Real, 1e-9 * Math.Sqrt(n));
            Assert.Equal(theirs[i].Imaginary, ours[i].Imaginary, 1e-9 * Math.Sqrt(n));
        }

        Radix2Fft.Inverse(ours);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(data[i].Real * n, ours[i].Real, 1e-9 * n);
            Assert.Equal(data[i].Imaginary * n, ours[i].Imaginary, 1e-9 * n);
        }
    }

    /// <summary>
    /// The vector butterflies, the tiled bit reversal and the cache schedules (blocks of 2¹⁵ points, then direct passes up
    /// to 2¹⁹ points, columns from 2²⁰) are
    /// the textbook iterative radix-2 transform (bit reversal, then stage by stage over the whole array, W_k = e^{∓2πik/n}
    /// from one table, no fused multiply–add) in another order: the same doubles bit for bit, so Welch's spectra do not move.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(32)]
    [InlineData(256)]
    [InlineData(4096)]
    [InlineData(1 << 15)]
    [InlineData(1 << 17)]
    [InlineData(1 << 19)]
    [InlineData(1 << 20)] // the first length whose stages above the cache block run on copied-out columns
    public void ForwardAndInverse_RandomData_BitForBitTheTextbookLoop(int n)
    {
        var rng = new Random(n + 7);
        var data = new System.Numerics.Complex[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

        // Every butterfly path: the 256-bit one where the machine has it, the 128-bit one (what Native AOT's portable x64
        // build runs) and the scalar one, the narrower two forced on this thread.
        foreach (var inverse in new[] { false, true })
        foreach (var path in new[] { "widest", "vector128", "scalar" })
        {
            var ours = (System.Numerics.Complex[])data.Clone();
            var plain = (System.Numerics.Complex[])data.Clone();
            RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceScalar = path == "scalar";
            RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceVector128 = path == "vector128";
            try
            {
                if (inverse)
                {
                    Radix2Fft.Inverse(ours);
                }
                else
                {
                    Radix2Fft.Forward(ours);
                }
            }
            finally
            {
                RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceScalar = false;
                RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceVector128 = false;
            }

            TextbookRadix2(plain, inverse);
            for (var i = 0; i < n; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(plain[i].Real) == BitConverter.DoubleToInt64Bits(ours[i].Real)
                    && BitConverter.DoubleToInt64Bits(plain[i].Imaginary) == BitConverter.DoubleToInt64Bits(ours[i].Imaginary),
                    $"n = {n}, inverse = {inverse}, path = {path}, point {i}: {ours[i]} vs {plain[i]}");
            }
        }
    }

    /// <summary>
    /// A zero-padded segment (Welch's segments in a longer FFT): the transform that fills the bit-reversed blocks and skips
    /// the stages that only copy them gives the textbook loop's doubles for every output that is not zero (== also
    /// equates the two zeros, whose sign the shortcut may flip), on every butterfly path; what the padding held is ignored.
    /// </summary>
    [Theory]
    [InlineData(4096, 256)]
    [InlineData(4096, 300)]
    [InlineData(4096, 4096)]
    [InlineData(1024, 1)]
    [InlineData(1024, 0)]
    [InlineData(64, 31)]
    [InlineData(8, 3)]
    [InlineData(1 << 16, 1000)]
    public void ForwardZeroPadded_AnyNonzeroLength_EqualsTheTextbookLoopOnTheZeroPaddedData(int n, int nonzero)
    {
        var rng = new Random((n * 31) + nonzero);
        var padded = new System.Numerics.Complex[n];
        for (var i = 0; i < nonzero; i++)
        {
            padded[i] = new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

        var plain = (System.Numerics.Complex[])padded.Clone();
        TextbookRadix2(plain, inverse: false);
        var nonzeroOutputs = 0;
        foreach (var path in new[] { "widest", "vector128", "scalar" })
        {
            var ours = (System.Numerics.Complex[])padded.Clone();
            ours.AsSpan(nonzero).Fill(new System.Numerics.Complex(double.NaN, 1e308));
            RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceScalar = path == "scalar";
            RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceVector128 = path == "vector128";
            try
            {
                Radix2Fft.ForwardZeroPadded(ours, nonzero);
            }
            finally
            {
                RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceScalar = false;
                RelationalNeuro.Hrv.Kernels.KernelDispatch.ForceVector128 = false;
            }

            for (var i = 0; i < n; i++)
            {
                Assert.True(
                    plain[i].Real == ours[i].Real && plain[i].Imaginary == ours[i].Imaginary,
                    $"n = {n}, nonzero = {nonzero}, path = {path}, point {i}: {ours[i]} vs {plain[i]}");
                nonzeroOutputs += plain[i] == System.Numerics.Complex.Zero ? 0 : 1;
            }
        }

        Assert.Equal(nonzero == 0 ? 0 : 3 * n, nonzeroOutputs);
    }

    [Fact]
    public void ForwardZeroPadded_BadArguments_NameThem()
    {
        Assert.Equal("nonzero", Assert.Throws<ArgumentOutOfRangeException>(() => Radix2Fft.ForwardZeroPadded(new System.Numerics.Complex[8], 9)).ParamName);
        Assert.Equal("nonzero", Assert.Throws<ArgumentOutOfRangeException>(() => Radix2Fft.ForwardZeroPadded(new System.Numerics.Complex[8], -1)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => Radix2Fft.ForwardZeroPadded(new System.Numerics.Complex[12], 3)).ParamName);
    }

    private static void TextbookRadix2(System.Numerics.Complex[] data, bool inverse)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        var table = new System.Numerics.Complex[n / 2];
        for (var k = 0; k < table.Length; k++)
        {
            var (sin, cos) = Math.SinCos(-2 * Math.PI * k / n);
            table[k] = new System.Numerics.Complex(cos, sin);
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var half = length >> 1;
            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    // Span 2 uses W = (1, +0) in both directions, as the library writes it out.
                    var w = half == 1 ? new System.Numerics.Complex(1.0, 0.0) : table[k * (n / length)];
                    var wi = half == 1 ? 0.0 : inverse ? -w.Imaginary : w.Imaginary;
                    var b = data[start + half + k];
                    var tr = (b.Real * w.Real) - (b.Imaginary * wi);
                    var ti = (b.Real * wi) + (b.Imaginary * w.Real);
                    var a = data[start + k];
                    data[start + k] = new System.Numerics.Complex(a.Real + tr, a.Imaginary + ti);
                    data[start + half + k] = new System.Numerics.Complex(a.Real - tr, a.Imaginary - ti);
                }
            }
        }
    }
}
