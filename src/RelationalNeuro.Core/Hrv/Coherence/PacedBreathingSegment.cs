namespace RelationalNeuro.Hrv;

/// <summary>A stretch of a recording during which the person breathed at a paced rate.</summary>
/// <param name="StartSeconds">Start in seconds from the first beat (t = 0 at the end of the first NN interval).</param>
/// <param name="EndSeconds">End in seconds (excluded).</param>
/// <param name="BreathsPerMinute">The paced breathing rate in breaths per minute.</param>
public readonly record struct PacedBreathingSegment(double StartSeconds, double EndSeconds, double BreathsPerMinute);
