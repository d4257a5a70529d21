using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// Breathing-pattern presets with their sources (research notes §B). Where a source gives no exact seconds,
/// the preset's seconds are the project's choice and say so.
/// </summary>
public static class BreathingPatterns
{
    /// <summary>Box breathing 4-4-4-4: inhale, hold, exhale, hold empty, 4 s each (16 s cycle, 3.75 breaths/min); 5 min session.</summary>
    /// <remarks>Equal-phase box breathing was one arm of Balban et al. (2023) <i>Cell Rep Med</i> 4:100895 (5 min/day);
    /// 4 s per phase is the common setting, the paper's exact seconds were not verified.</remarks>
    public static BreathingPattern Box4 { get; } = new()
    {
        Id = "box-4",
        Name = "Box breathing 4-4-4-4",
        Phases = [new(BreathPhaseKind.Inhale, 4), new(BreathPhaseKind.Hold, 4), new(BreathPhaseKind.Exhale, 4), new(BreathPhaseKind.HoldEmpty, 4)],
        DefaultSessionSeconds = 300,
        Guidance = "Breathe in for 4, hold for 4, breathe out for 4, hold empty for 4.",
    };

    /// <summary>4-7-8 "relaxing breath" with 1-s counts: inhale 4, hold 7, exhale 8 (19 s cycle); 4 cycles, capped at 4.</summary>
    /// <remarks>A. Weil's instruction: 4 cycles at least twice a day, no more than 4 at once in the first month (up to
    /// 8 later); the 4:7:8 ratio matters, not the absolute time. No trial located. Use <see cref="FourSevenEight(double, int)"/>
    /// for another count length or the later cap of 8.</remarks>
    public static BreathingPattern FourSevenEightDefault { get; } = FourSevenEight(1.0, 4);

    /// <summary>Resonance breathing at 6 breaths/min: inhale 5 s, exhale 5 s (0.1 Hz); 10 min session.</summary>
    /// <remarks>Lehrer &amp; Gevirtz (2014) <i>Front Psychol</i> 5:756 (resonance ≈ 0.1 Hz maximises RSA through the
    /// baroreflex); individual resonance varies (Shaffer &amp; Meehan 2020 <i>Front Neurosci</i> 14:570400), see
    /// <see cref="Resonance"/>. Trials used 5–20 min sessions.</remarks>
    public static BreathingPattern Resonance6 { get; } = Resonance(6.0, 0.5);

    /// <summary>Resonance breathing at 6 breaths/min with a longer exhale: inhale 4 s, exhale 6 s; 10 min session.</summary>
    public static BreathingPattern Resonance6Asymmetric { get; } = Resonance(6.0, 0.4) with
    {
        Id = "resonance-6-asym",
        Name = "Resonance breathing 6/min (4 s in, 6 s out)",
    };

    /// <summary>Cyclic sighing: inhale 2 s, top-up inhale 1 s, exhale 6 s (exhale = 2 × total inhale); 5 min session.</summary>
    /// <remarks>Balban et al. (2023) <i>Cell Rep Med</i> 4:100895: 5 min/day for 28 days; cyclic sighing improved mood and
    /// lowered respiratory rate most. The sources give the 2:1 exhale-to-inhale ratio, not seconds: 2 + 1 / 6 s is the
    /// project's choice.</remarks>
    public static BreathingPattern CyclicSigh { get; } = new()
    {
        Id = "cyclic-sigh",
        Name = "Cyclic sighing",
        Phases = [new(BreathPhaseKind.Inhale, 2), new(BreathPhaseKind.InhaleTopUp, 1), new(BreathPhaseKind.Exhale, 6)],
        DefaultSessionSeconds = 300,
        Guidance = "Inhale through the nose until comfortably full, sip a little more air in, then exhale slowly and fully through the mouth.",
    };

    /// <summary>All presets: box 4-4-4-4, 4-7-8, resonance 6/min (symmetric and 4/6), cyclic sigh.</summary>
    public static IReadOnlyList<BreathingPattern> All { get; } = [Box4, FourSevenEightDefault, Resonance6, Resonance6Asymmetric, CyclicSigh];

    /// <summary>The preset with <paramref name="id"/>, or null.</summary>
    /// <param name="id">A pattern id.</param>
    /// <returns>The pattern or null.</returns>
    public static BreathingPattern? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    /// <summary>Paced breathing at <paramref name="breathsPerMinute"/> with no holds; 10 min session.</summary>
    /// <param name="breathsPerMinute">Rate in breaths per minute, in [3, 12] (resonance assessment steps, e.g., 6.5 → 4.5).</param>
    /// <param name="inhaleFraction">Share of the cycle spent inhaling, in [0.2, 0.8]; 0.5 is symmetric.</param>
    /// <returns>A pattern with id <c>resonance-{rate}</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range or NaN.</exception>
    public static BreathingPattern Resonance(double breathsPerMinute, double inhaleFraction = 0.5)
    {
        Guard.InRange(breathsPerMinute, 3.0, 12.0);
        Guard.InRange(inhaleFraction, 0.2, 0.8);
        var cycle = 60.0 / breathsPerMinute;
        var rate = breathsPerMinute.ToString("0.##", CultureInfo.InvariantCulture);
        return new BreathingPattern
        {
            Id = "resonance-" + rate,
            Name = $"Resonance breathing {rate}/min",
            Phases = [new(BreathPhaseKind.Inhale, cycle * inhaleFraction), new(BreathPhaseKind.Exhale, cycle * (1 - inhaleFraction))],
            DefaultSessionSeconds = 600,
            Guidance = "Breathe in gently through the nose, out slowly; follow the pacer without straining.",
        };
    }

    /// <summary>4-7-8 breathing with counts of <paramref name="countSeconds"/>: inhale 4, hold 7, exhale 8 counts.</summary>
    /// <param name="countSeconds">Seconds per count, in [0.5, 3].</param>
    /// <param name="maxCycles">Cycle cap: 4 in the first month of practice, up to 8 later (Weil).</param>
    /// <returns>The pattern (id <c>4-7-8</c>), default and maximum <paramref name="maxCycles"/> cycles.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range or NaN.</exception>
    public static BreathingPattern FourSevenEight(double countSeconds, int maxCycles)
    {
        Guard.InRange(countSeconds, 0.5, 3.0);
        Guard.InRange(maxCycles, 1, 8);
        return new BreathingPattern
        {
            Id = "4-7-8",
            Name = "4-7-8 breathing",
            Phases = [new(BreathPhaseKind.Inhale, 4 * countSeconds), new(BreathPhaseKind.Hold, 7 * countSeconds), new(BreathPhaseKind.Exhale, 8 * countSeconds)],
            DefaultCycles = maxCycles,
            MaxCycles = maxCycles,
            Guidance = "Sit or lie down. Exhale fully through the mouth; inhale quietly through the nose for 4, hold for 7, exhale audibly through the mouth for 8. Stop if light-headed.",
        };
    }
}
