namespace RelationalNeuro.Endocrine;

/// <summary>Options of <see cref="CortisolAwakeningResponse.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, CarOptions?)"/>. Change with <c>with</c>.</summary>
public sealed record CarOptions
{
    /// <summary>The defaults.</summary>
    public static CarOptions Default { get; } = new();

    /// <summary>Nominal schedule in minutes after waking, one entry per sample, strictly increasing, starting at S0 (default 0, 15, 30, 45).</summary>
    public IReadOnlyList<double> NominalScheduleMinutes { get; init; } = [0, 15, 30, 45];

    /// <summary>
    /// Last nominal minute inside the CAR window (inclusive; default 45, the consensus 30–45 min window). Samples with a later
    /// nominal time (e.g. +60) are still checked for compliance but not used for the indices. Null: every sample is in the window.
    /// </summary>
    public double? WindowEndMinutes { get; init; } = 45;

    /// <summary>Recorded (default) or nominal times for the areas and the peak time.</summary>
    public CarTimeBasis TimeBasis { get; init; } = CarTimeBasis.Recorded;

    /// <summary>What to do with missing or invalid values (default <see cref="MissingValuePolicy.Reject"/>).</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Reject;

    /// <summary>Thresholds of the compliance checks.</summary>
    public CarComplianceOptions Compliance { get; init; } = CarComplianceOptions.Default;
}
