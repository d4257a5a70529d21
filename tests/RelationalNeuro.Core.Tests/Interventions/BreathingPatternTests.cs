using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

// Expected values: research notes §B (box 4-4-4-4 = 16 s cycle = 3.75 breaths/min; 4-7-8 = 19 s with 1-s counts,
// cap 4 cycles; resonance 6/min = 10 s cycle; cyclic sigh exhale ≈ 2 × inhale, 5 min).
public sealed class BreathingPatternTests
{
    [Fact]
    public void Box4_Cycle16s_375BreathsPerMinute()
    {
        var p = BreathingPatterns.Box4;

        Assert.Equal([BreathPhaseKind.Inhale, BreathPhaseKind.Hold, BreathPhaseKind.Exhale, BreathPhaseKind.HoldEmpty], p.Phases.Select(x => x.Kind));
        Assert.Equal(16.0, p.CycleSeconds);
        Assert.Equal(3.75, p.BreathsPerMinute, 12);
        Assert.Equal(19, p.SessionCycles); // ⌈300 / 16⌉
    }

    [Fact]
    public void FourSevenEight_OneSecondCounts_19sAndCappedAtFour()
    {
        var p = BreathingPatterns.FourSevenEightDefault;

        Assert.Equal([4.0, 7.0, 8.0], p.Phases.Select(x => x.DurationSeconds));
        Assert.Equal(19.0, p.CycleSeconds);
        Assert.Equal((4, 4), (p.SessionCycles, p.MaxCycles!.Value));
        Assert.Equal(38.0, BreathingPatterns.FourSevenEight(2, 8).CycleSeconds);
    }

    [Fact]
    public void Resonance6_TenSecondCycle_PointOneHertz()
    {
        Assert.Equal(10.0, BreathingPatterns.Resonance6.CycleSeconds, 12);
        Assert.Equal(6.0, BreathingPatterns.Resonance6.BreathsPerMinute, 12);
        Assert.Equal([4.0, 6.0], BreathingPatterns.Resonance6Asymmetric.Phases.Select(x => x.DurationSeconds).Select(d => Math.Round(d, 12)));
        Assert.Equal(60.0 / 4.5, BreathingPatterns.Resonance(4.5).CycleSeconds, 12);
        Assert.Equal("resonance-4.5", BreathingPatterns.Resonance(4.5).Id);
    }

    [Fact]
    public void CyclicSigh_ExhaleTwiceTotalInhale_FiveMinutes()
    {
        var p = BreathingPatterns.CyclicSigh;
        var inhale = p.Phases.Where(x => x.Kind is BreathPhaseKind.Inhale or BreathPhaseKind.InhaleTopUp).Sum(x => x.DurationSeconds);
        var exhale = p.Phases.Where(x => x.Kind == BreathPhaseKind.Exhale).Sum(x => x.DurationSeconds);

        Assert.Equal(2 * inhale, exhale);
        Assert.Equal(300.0, p.DefaultSessionSeconds);
    }

    [Theory]
    [InlineData(0.0, 0, 0, 0.0, 4.0)]
    [InlineData(5.5, 0, 1, 1.5, 2.5)]
    [InlineData(15.99, 0, 3, 3.99, 0.01)]
    [InlineData(16.0, 1, 0, 0.0, 4.0)]
    [InlineData(43.0, 2, 2, 3.0, 1.0)]
    public void Locate_Box4_CycleAndPhaseAnalytic(double elapsed, int cycle, int phase, double into, double left)
    {
        var pos = BreathingPatterns.Box4.Locate(elapsed, cycles: 5);

        Assert.Equal((cycle, phase, false), (pos.Cycle, pos.PhaseIndex, pos.IsComplete));
        Assert.Equal(into, pos.SecondsIntoPhase, 9);
        Assert.Equal(left, pos.SecondsLeftInPhase, 9);
    }

    [Fact]
    public void Locate_AtOrAfterEnd_Complete()
    {
        var pos = BreathingPatterns.FourSevenEightDefault.Locate(76.0);

        Assert.True(pos.IsComplete);
        Assert.Equal((3, 2), (pos.Cycle, pos.PhaseIndex));
    }

    [Fact]
    public void Locate_NegativeElapsed_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BreathingPatterns.Box4.Locate(-1));
        Assert.Equal("elapsedSeconds", ex.ParamName);
    }

    [Fact]
    public void Validate_ZeroDurationPhase_ProblemAtPhase()
    {
        var bad = BreathingPatterns.Box4 with { Phases = [new(BreathPhaseKind.Inhale, 4), new(BreathPhaseKind.Exhale, 0)] };

        Assert.Equal("$.phases[1]", Assert.Single(bad.Validate()).Location);
        Assert.All(BreathingPatterns.All, p => Assert.Empty(p.Validate()));
    }

    [Fact]
    public void Locate_AnyElapsedWithinSession_ReconstructsElapsedAndPhaseLength()
    {
        // Invariant: cycle × cycleSeconds + Σ(previous phases) + secondsIntoPhase = elapsed, into + left = phase length.
        var patterns = BreathingPatterns.All;
        Prop.ForAll(
                Gen.Choose(0, patterns.Count - 1).ToArbitrary(),
                Gen.Choose(0, 1_000_000).ToArbitrary(),
                (p, fraction) =>
                {
                    var pattern = patterns[p];
                    var cycles = 7;
                    var elapsed = fraction / 1_000_001.0 * cycles * pattern.CycleSeconds;
                    var pos = pattern.Locate(elapsed, cycles);
                    var before = pattern.Phases.Take(pos.PhaseIndex).Sum(x => x.DurationSeconds);
                    var rebuilt = (pos.Cycle * pattern.CycleSeconds) + before + pos.SecondsIntoPhase;
                    return !pos.IsComplete
                        && Math.Abs(rebuilt - elapsed) < 1e-9
                        && Math.Abs(pos.SecondsIntoPhase + pos.SecondsLeftInPhase - pos.Phase.DurationSeconds) < 1e-9
                        && pos.SecondsIntoPhase >= 0 && pos.SecondsLeftInPhase >= 0;
                })
            .QuickCheckThrowOnFailure();
    }
}
