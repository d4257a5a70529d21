namespace RelationalNeuro.Endocrine;

/// <summary>Options of <see cref="BiomarkerProfile.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, Analyte, BiomarkerProfileOptions?)"/>. Change with <c>with</c>.</summary>
public sealed record BiomarkerProfileOptions
{
    /// <summary>The defaults: times in minutes, missing values rejected, negative values invalid.</summary>
    public static BiomarkerProfileOptions Default { get; } = new();

    /// <summary>The unit of the sample times, carried into the result's slope and area units (default "min").</summary>
    public string TimeUnit { get; init; } = "min";

    /// <summary>What a missing value does (default <see cref="MissingValuePolicy.Reject"/>).</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Reject;

    /// <summary>
    /// False (default): values are concentrations or activities, and a negative value is reported
    /// (<c>endocrine.invalid-concentration</c>) and treated as missing. True: any finite value is used (baseline-corrected data).
    /// </summary>
    public bool AllowNegativeValues { get; init; }
}
