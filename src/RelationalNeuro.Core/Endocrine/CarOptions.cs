namespace RelationalNeuro.Endocrine;

/// <summary>Options of <see cref="CortisolAwakeningResponse.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, CarOptions?)"/>. Change with <c>with</c>.</summary>
public sealed record CarOptions
{
    // Declared before Default: static initializers run in text order, and Default's constructor reads it.
    private static readonly double[] DefaultSchedule = [0, 15, 30, 45];

    /// <summary>The defaults.</summary>
    public static CarOptions Default { get; } = new();

    /// <summary>
    /// Nominal schedule in minutes after waking, one entry per sample, strictly increasing, starting at S0 (default 0, 15, 30, 45).
    /// A day whose sample count differs gets the problem <c>car.schedule-mismatch</c> naming this option, except that a five-sample
    /// day is analysed on 0, 15, 30, 45, 60 while this is left at its default and <see cref="InferSchedule"/> is true.
    /// </summary>
    public IReadOnlyList<double> NominalScheduleMinutes { get; init; } = DefaultSchedule;

    /// <summary>
    /// True (default): while <see cref="NominalScheduleMinutes"/> is left at its default, a five-sample day is analysed on the
    /// schedule 0, 15, 30, 45, 60 min (the consensus 0–45 schedule with its optional +60 sample, Stalder et al. 2016; CARWatch's
    /// nominal time = waking + 15 min × sample index), with the warning <c>car.schedule-inferred</c>. False: such a day gives
    /// <c>car.schedule-mismatch</c>. An explicitly set schedule is never replaced.
    /// </summary>
    public bool InferSchedule { get; init; } = true;

    internal bool HasDefaultSchedule => ReferenceEquals(NominalScheduleMinutes, DefaultSchedule);

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
