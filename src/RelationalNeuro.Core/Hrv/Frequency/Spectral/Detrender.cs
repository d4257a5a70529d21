namespace RelationalNeuro.Hrv.Spectral;

/// <summary>Trend removal on an evenly sampled series, in place.</summary>
internal static class Detrender
{
    public static void Mean(Span<double> z)
    {
        var sum = 0.0;
        foreach (var v in z)
        {
            sum += v;
        }

        var mean = sum / z.Length;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] -= mean;
        }
    }

    /// <summary>Subtracts the least-squares line a + b·i.</summary>
    public static void Linear(Span<double> z)
    {
        var n = z.Length;
        if (n < 2)
        {
            Mean(z);
            return;
        }

        var meanIndex = (n - 1) / 2.0;
        double meanZ = 0;
        foreach (var v in z)
        {
            meanZ += v;
        }

        meanZ /= n;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = i - meanIndex;
            sxy += dx * (z[i] - meanZ);
            sxx += dx * dx;
        }

        var b = sxy / sxx;
        for (var i = 0; i < n; i++)
        {
            z[i] -= meanZ + (b * (i - meanIndex));
        }
    }

    /// <summary>
    /// Tarvainen et al. (2002) smoothness priors: z − (I + λ²D₂ᵀD₂)⁻¹z. The symmetric pentadiagonal system is solved by
    /// a banded Cholesky factorization in four scratch spans of length n.
    /// </summary>
    public static void SmoothnessPriors(Span<double> z, double lambda, Span<double> l0, Span<double> l1, Span<double> l2, Span<double> w)
    {
        var n = z.Length;
        if (n < 3)
        {
            Mean(z);
            return;
        }

        var lam2 = lambda * lambda;

        // A = I + λ²·D₂ᵀD₂, row r of D₂ = (1, −2, 1) at columns r, r+1, r+2 (r = 0…n−3).
        // Cholesky A = L·Lᵀ with l0[i] = L[i,i], l1[i] = L[i,i−1], l2[i] = L[i,i−2].
        for (var i = 0; i < n; i++)
        {
            var a0 = 1 + (lam2 * DiagonalOfDtD(i, n));
            var a1 = i >= 1 ? lam2 * FirstOffDiagonalOfDtD(i - 1, n) : 0.0;
            var a2 = i >= 2 ? lam2 : 0.0;
            var li2 = i >= 2 ? a2 / l0[i - 2] : 0.0;
            var li1 = i >= 1 ? (a1 - (i >= 2 ? li2 * l1[i - 1] : 0.0)) / l0[i - 1] : 0.0;
            l0[i] = Math.Sqrt(a0 - (li2 * li2) - (li1 * li1));
            l1[i] = li1;
            l2[i] = li2;
        }

        // Forward: L·w = z.
        for (var i = 0; i < n; i++)
        {
            var v = z[i];
            if (i >= 1)
            {
                v -= l1[i] * w[i - 1];
            }

            if (i >= 2)
            {
                v -= l2[i] * w[i - 2];
            }

            w[i] = v / l0[i];
        }

        // Backward: Lᵀ·x = w, x overwrites w; then z −= x (the trend).
        for (var i = n - 1; i >= 0; i--)
        {
            var v = w[i];
            if (i + 1 < n)
            {
                v -= l1[i + 1] * w[i + 1];
            }

            if (i + 2 < n)
            {
                v -= l2[i + 2] * w[i + 2];
            }

            w[i] = v / l0[i];
            z[i] -= w[i];
        }
    }

    private static double DiagonalOfDtD(int i, int n)
    {
        // Σ over rows r = i−2, i−1, i (0 ≤ r ≤ n−3) of coefficient(i − r)², coefficients (1, −2, 1).
        var s = 0.0;
        if (i - 2 >= 0 && i - 2 <= n - 3)
        {
            s += 1;
        }

        if (i - 1 >= 0 && i - 1 <= n - 3)
        {
            s += 4;
        }

        if (i <= n - 3)
        {
            s += 1;
        }

        return s;
    }

    private static double FirstOffDiagonalOfDtD(int i, int n)
    {
        // (D₂ᵀD₂)[i, i+1] = Σ over rows r = i−1, i (0 ≤ r ≤ n−3): r = i−1 gives (−2)(1), r = i gives (1)(−2).
        var s = 0.0;
        if (i - 1 >= 0 && i - 1 <= n - 3)
        {
            s += -2;
        }

        if (i <= n - 3)
        {
            s += -2;
        }

        return s;
    }
}
