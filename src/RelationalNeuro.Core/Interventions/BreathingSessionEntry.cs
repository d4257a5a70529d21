using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>A paced-breathing session with its HRV before and after.</summary>
public sealed record BreathingSessionEntry : PracticeEntry
{
    /// <summary>Id of the <see cref="BreathingPattern"/> followed.</summary>
    public required string BreathingPatternId { get; init; }

    /// <summary>Cycles completed.</summary>
    public int CyclesCompleted { get; init; }

    /// <summary>HRV measured just before, or null.</summary>
    public HrvSnapshot? HrvBefore { get; init; }

    /// <summary>HRV measured just after, or null.</summary>
    public HrvSnapshot? HrvAfter { get; init; }

    /// <summary>A registered pattern, cycles ≥ 0, and finite non-negative HRV values.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        if (options.FindBreathingPattern(BreathingPatternId) is null)
        {
            problems.Error("entry.unknown-pattern", $"Breathing pattern '{BreathingPatternId}' is not registered.", ".breathingPatternId");
        }

        if (CyclesCompleted < 0)
        {
            problems.Error("entry.invalid-cycles", PracticeValidation.Inv($"Cycles completed must be at least 0; was {CyclesCompleted}."), ".cyclesCompleted");
        }

        PracticeValidation.CheckHrv(problems, HrvBefore, ".hrvBefore");
        PracticeValidation.CheckHrv(problems, HrvAfter, ".hrvAfter");
    }
}
