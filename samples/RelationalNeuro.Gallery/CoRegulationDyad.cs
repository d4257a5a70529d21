namespace RelationalNeuro.Gallery;

/// <summary>
/// The dyad the co-regulation page replays when no two chest straps are connected: six minutes of two synthetic heart
/// rhythms with a known coupling and lag, generated from a rule (nothing is shipped as data).
/// </summary>
/// <remarks>
/// <para>The rule (the shape of <c>SynchronyBenchmarks.OneHourDyad</c> in tests/RelationalNeuro.Benchmarks, as a continuous
/// inter-beat-interval signal, with the shared drive moved into the respiratory band): A(t) = 800 + 40·d(t) + 12·nA(t) ms and
/// B(t) = 800 + 40·d(t − 2) + 12·nB(t) ms, where d, nA and nB are sums of ten sinusoids m = 0…9 (d: 0.12 + 0.02·m Hz, phase m²;
/// nA: 0.045 + 0.029·m Hz, phase 2m; nB: 0.038 + 0.031·m Hz, cosine, phase 3m; each sum divided by √5). With the benchmark's
/// slower drive (0.03–0.32 Hz) two unrelated 30-s stretches correlate almost as strongly as the coupled ones, and hardly a
/// segment of six minutes rises above chance; in the respiratory band the coupling stands out. The shared drive d reaches B two seconds after A: <b>B (the client) follows A
/// (the therapist) by 2 s</b>, positive lag in the library's convention. Beats: t₀ = 0, RRₖ = A(tₖ) (or B), tₖ₊₁ = tₖ + RRₖ/1000.</para>
/// </remarks>
internal static class CoRegulationDyad
{
    /// <summary>Length of each member's recording in s.</summary>
    public const double DurationSeconds = 360;

    /// <summary>The known lag of B behind A in s.</summary>
    public const double LagSeconds = 2;

    private static readonly Lazy<(double[] A, double[] B)> Beats = new(() => (Generate(static t => A(t)), Generate(static t => B(t))));

    /// <summary>The therapist's (A's) RR intervals in ms.</summary>
    public static double[] RrMsA => Beats.Value.A;

    /// <summary>The client's (B's) RR intervals in ms.</summary>
    public static double[] RrMsB => Beats.Value.B;

    /// <summary>A's inter-beat-interval signal in ms at time <paramref name="t"/> s.</summary>
    public static double A(double t) => 800 + (40 * D(t)) + (12 * NA(t));

    /// <summary>B's inter-beat-interval signal in ms: the shared drive <see cref="LagSeconds"/> later.</summary>
    public static double B(double t) => 800 + (40 * D(t - LagSeconds)) + (12 * NB(t));

    private static double[] Generate(Func<double, double> signal)
    {
        var beats = new List<double>();
        for (var t = 0.0; t < DurationSeconds;)
        {
            var rr = signal(t);
            beats.Add(rr);
            t += rr / 1000;
        }

        return [.. beats];
    }

    private static double D(double t) => Sum(t, 0.12, 0.02, static m => m * m, Math.Sin);

    private static double NA(double t) => Sum(t, 0.045, 0.029, static m => 2 * m, Math.Sin);

    private static double NB(double t) => Sum(t, 0.038, 0.031, static m => 3 * m, Math.Cos);

    private static double Sum(double t, double f0, double df, Func<int, double> phase, Func<double, double> wave)
    {
        var s = 0.0;
        for (var m = 0; m < 10; m++)
        {
            s += wave((2 * Math.PI * (f0 + (df * m)) * t) + phase(m));
        }

        return s / Math.Sqrt(5);
    }
}
