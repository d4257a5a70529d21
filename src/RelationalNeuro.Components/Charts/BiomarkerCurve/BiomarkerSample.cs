namespace RelationalNeuro.Components;

/// <summary>One sample on a <see cref="BiomarkerCurve"/>: its time and value (null when the sample is missing).</summary>
/// <param name="Minutes">Recorded time in minutes after the profile's reference point (waking for a CAR day, stressor onset...).</param>
/// <param name="Value">The concentration in the curve's unit; null (or NaN) for a missing sample, drawn as a gap.</param>
public readonly record struct BiomarkerSample(double Minutes, double? Value);
