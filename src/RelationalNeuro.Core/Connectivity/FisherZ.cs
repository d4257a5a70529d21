using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>Fisher's z-transformation of correlations, z = atanh(r) = ½·ln((1 + r)/(1 − r)), and its inverse r = tanh(z).</summary>
/// <remarks>
/// <para>Fisher (1915). At |r| = 1 the transform is infinite: atanh(1) = +∞ and atanh(−1) = −∞, returned as such (never NaN),
/// and tanh(±∞) = ±1, so a correlation matrix's unit diagonal round-trips exactly. nilearn does not transform inside
/// <c>ConnectivityMeasure</c>; its examples apply <c>np.arctanh</c> (same values; some clip r with an eps of 1e-12 first,
/// which turns the diagonal into 14.2 instead of ∞). Input outside [−1, 1] or NaN is a programmer error and throws.</para>
/// </remarks>
public static class FisherZ
{
    /// <summary>z = atanh(r).</summary>
    /// <param name="r">A correlation in [−1, 1].</param>
    /// <returns>z; ±∞ at r = ±1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="r"/> is outside [−1, 1] or NaN.</exception>
    public static double Transform(double r) => Math.Atanh(Guard.InRange(r, -1, 1));

    /// <summary>r = tanh(z).</summary>
    /// <param name="z">A Fisher z (±∞ allowed).</param>
    /// <returns>r in [−1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is NaN.</exception>
    public static double Inverse(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "must not be NaN.");
        }

        return Math.Tanh(z);
    }

    /// <summary>Transforms every value (e.g. a matrix's column-major storage); <paramref name="r"/> and <paramref name="destination"/> may be the same memory.</summary>
    /// <param name="r">Correlations in [−1, 1].</param>
    /// <param name="destination">Receives z; at least as long as <paramref name="r"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or a value is outside [−1, 1] or NaN (message names the index).</exception>
    public static void Transform(ReadOnlySpan<double> r, Span<double> destination)
    {
        Guard.Room(destination, r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            var v = r[i];
            if (!(v >= -1 && v <= 1))
            {
                throw new ArgumentException(FormattableString.Invariant($"r[{i}] was {v}; correlations must be in [-1, 1]."), nameof(r));
            }

            destination[i] = Math.Atanh(v);
        }
    }

    /// <summary>Inverse-transforms every value; <paramref name="z"/> and <paramref name="destination"/> may be the same memory.</summary>
    /// <param name="z">Fisher z values (±∞ allowed).</param>
    /// <param name="destination">Receives r; at least as long as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or a value is NaN.</exception>
    public static void Inverse(ReadOnlySpan<double> z, Span<double> destination)
    {
        Guard.Room(destination, z.Length);
        for (var i = 0; i < z.Length; i++)
        {
            if (double.IsNaN(z[i]))
            {
                throw new ArgumentException(FormattableString.Invariant($"z[{i}] was NaN."), nameof(z));
            }

            destination[i] = Math.Tanh(z[i]);
        }
    }

    /// <summary>Transforms a correlation matrix element-wise into a new matrix (the unit diagonal becomes +∞).</summary>
    /// <param name="r">A correlation matrix.</param>
    /// <returns>The z matrix. Its diagonal is +∞, which JSON cannot hold: serialise the edges
    /// (<see cref="FunctionalConnectivity.ToVector"/> with <c>discardDiagonal: true</c>) or the correlation matrix instead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="r"/> is null.</exception>
    /// <exception cref="ArgumentException">An entry is outside [−1, 1] or NaN.</exception>
    public static double[,] Transform(double[,] r)
    {
        Guard.NotNull(r);
        var z = new double[r.GetLength(0), r.GetLength(1)];
        Transform(Columns.AsSpan(r), Columns.AsSpan(z));
        return z;
    }

    /// <summary>Inverse-transforms a z matrix element-wise into a new matrix.</summary>
    /// <param name="z">A Fisher z matrix.</param>
    /// <returns>The correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="z"/> is null.</exception>
    /// <exception cref="ArgumentException">An entry is NaN.</exception>
    public static double[,] Inverse(double[,] z)
    {
        Guard.NotNull(z);
        var r = new double[z.GetLength(0), z.GetLength(1)];
        Inverse(Columns.AsSpan(z), Columns.AsSpan(r));
        return r;
    }
}
