using RelationalNeuro.Hrv;

namespace RelationalNeuro.Gallery;

/// <summary>
/// Seeded synthetic recordings for the chart pages: a 24-hour Holter-like day (slower at night, breathing at 0.25 Hz,
/// a 0.1 Hz Mayer wave, an ectopic beat about every 1,500 beats and two signal gaps), a 5-minute resting excerpt and
/// half an hour with a stretch of irregular rhythm.
/// Generated, not measured: the pages show what the charts draw, not anyone's heart.
/// </summary>
internal static class ChartSamples
{
    private static readonly Lazy<RrSeries> DaySeries = new(() => Generate(24 * 3600, seed: 18, withGapsAndEctopics: true));
    private static readonly Lazy<RrSeries> RestSeries = new(() => Generate(300, seed: 5, withGapsAndEctopics: true));

    /// <summary>About 24 h of beats (over 100,000).</summary>
    public static RrSeries Day => DaySeries.Value;

    /// <summary>5 minutes at rest with three ectopic beats.</summary>
    public static RrSeries Rest => RestSeries.Value;

    /// <summary>
    /// Half an hour: 10 minutes of sinus rhythm (the day's rule at 720 ms), about 9 minutes of an irregularly irregular
    /// rhythm (each interval drawn uniformly from 450–1,050 ms, the shape of atrial fibrillation in RR alone), then sinus
    /// rhythm again.
    /// </summary>
    public static RrSeries IrregularStretch => IrregularSeries.Value;

    private static readonly Lazy<RrSeries> IrregularSeries = new(() =>
    {
        var random = new Random(3);
        var rr = new List<double>();
        var t = 0.0;
        while (t < 1800)
        {
            var value = t is >= 600 and < 1140
                ? 450 + (600 * random.NextDouble())
                : 720 + (35 * Math.Sin(2 * Math.PI * 0.25 * t)) + (20 * Math.Sin(2 * Math.PI * 0.1 * t)) + ((random.NextDouble() - 0.5) * 24);
            rr.Add(value);
            t += value / 1000;
        }

        return RrSeries.FromIntervalsMs(rr.ToArray());
    });

    private static RrSeries Generate(double seconds, int seed, bool withGapsAndEctopics)
    {
        var random = new Random(seed);
        var rr = new List<double>((int)(seconds / 0.7));
        var t = 0.0;
        var sinceEctopic = 0;
        var nextEctopic = 40;
        while (t < seconds)
        {
            // Day 07:00–23:00 around 720 ms, night around 980 ms, smooth in between.
            var hour = (t / 3600 + 7) % 24;
            var night = 0.5 + (0.5 * Math.Cos((hour - 3) / 24 * 2 * Math.PI));
            var baseMs = 720 + (260 * night);
            var value = baseMs
                + (35 * Math.Sin(2 * Math.PI * 0.25 * t))
                + (20 * Math.Sin(2 * Math.PI * 0.1 * t))
                + (random.NextDouble() - 0.5) * 24;
            if (withGapsAndEctopics && ++sinceEctopic >= nextEctopic)
            {
                // A premature beat and its compensatory pause.
                rr.Add(value * 0.62);
                rr.Add(value * 1.38);
                t += value * 2 / 1000;
                sinceEctopic = 0;
                nextEctopic = seconds > 3600 ? 1200 + random.Next(600) : 90 + random.Next(20);
                continue;
            }

            if (withGapsAndEctopics && seconds > 3600 && (rr.Count == 30_000 || rr.Count == 75_000))
            {
                rr.Add(6500); // the strap lost contact for 6.5 s
                t += 6.5;
                continue;
            }

            rr.Add(value);
            t += value / 1000;
        }

        return RrSeries.FromIntervalsMs(rr.ToArray());
    }
}
