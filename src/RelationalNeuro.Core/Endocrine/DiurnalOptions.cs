namespace RelationalNeuro.Endocrine;

/// <summary>Options of <see cref="DiurnalCortisol.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, DiurnalOptions?)"/>. Change with <c>with</c>.</summary>
public sealed record DiurnalOptions
{
    /// <summary>The defaults.</summary>
    public static DiurnalOptions Default { get; } = new();

    /// <summary>Leave the awakening-response samples (every sample after the first up to <see cref="CarWindowEndHours"/>) out of the regression slope (default true), so the CAR does not distort the decline.</summary>
    public bool ExcludeCarSamples { get; init; } = true;

    /// <summary>End of the awakening response in hours after waking, inclusive (default 0.75 = 45 min).</summary>
    public double CarWindowEndHours { get; init; } = 0.75;

    /// <summary>Regress ln(concentration) instead of the concentration (default false); the slope is then in ln-units per hour.</summary>
    public bool LogTransform { get; init; }

    /// <summary>What to do with missing or invalid values (default <see cref="MissingValuePolicy.Reject"/>).</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Reject;
}
