namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// Deterministic realistic RR series for benchmarks: 800 ms mean, 0.1 Hz (LF, 40 ms) and 0.25 Hz (HF, 25 ms)
/// modulation in time, AR(1) noise (φ = 0.7, innovation SD 15 ms), quantised to 1/128 s like a 128-Hz Holter.
/// </summary>
public static class RrSeriesGenerator
{
    public static double[] Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var rr = new double[count];
        double t = 0, noise = 0;
        for (var i = 0; i < count; i++)
        {
            // Box–Muller normal deviate.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noise = (0.7 * noise) + (15 * gaussian);
            var value = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (25 * Math.Sin(2 * Math.PI * 0.25 * t)) + noise;
            value = Math.Round(value / 7.8125) * 7.8125;
            rr[i] = value;
            t += value / 1000;
        }

        return rr;
    }
}
