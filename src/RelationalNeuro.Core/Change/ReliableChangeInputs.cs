namespace RelationalNeuro.Change;

/// <summary>
/// The two numbers the reliable change index of Jacobson &amp; Truax (1991) needs besides the scores: the measure's
/// reliability r_xx and the reference population's standard deviation. Either may be null (unknown).
/// </summary>
/// <remarks>Used to override an instrument definition's published values, and to supply them per measure key for
/// practice-plan outcomes. See <see cref="ReliableChange"/>.</remarks>
public sealed record ReliableChangeInputs
{
    /// <summary>Reliability r_xx in [0, 1), or null when unknown.</summary>
    public double? Reliability { get; init; }

    /// <summary>SD of the reference (pre-treatment or norm) population, in score units, greater than 0; or null when unknown.</summary>
    public double? NormStandardDeviation { get; init; }
}
