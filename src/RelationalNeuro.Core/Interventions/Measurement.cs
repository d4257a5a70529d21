namespace RelationalNeuro.Interventions;

/// <summary>One measured value for a client (e.g. resting RMSSD, morning cortisol) kept for pre/post comparison.</summary>
public sealed record Measurement
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client measured.</summary>
    public required Guid ClientId { get; init; }

    /// <summary>When it was measured.</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary>Metric key, e.g. <c>hrv.rmssd</c> (the keys of <see cref="TargetedOutcome.Measure"/>).</summary>
    public required string Metric { get; init; }

    /// <summary>The value, finite.</summary>
    public required double Value { get; init; }

    /// <summary>Unit, e.g. <c>ms</c>, <c>nmol/L</c>.</summary>
    public required string Unit { get; init; }
}
