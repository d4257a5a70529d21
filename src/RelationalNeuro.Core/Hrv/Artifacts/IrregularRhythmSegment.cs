namespace RelationalNeuro.Hrv;

/// <summary>
/// A segment of 128 consecutive RR intervals whose rhythm is irregular throughout (e.g. atrial fibrillation), found from
/// the RR intervals alone by the tests of Dash et al. (2009) plus an ectopy check; HRV metrics are not interpretable there.
/// </summary>
/// <param name="StartIndex">0-based index of the segment's first interval in the input series.</param>
/// <param name="Count">Number of intervals in the segment (<see cref="Artifacts.IrregularSegmentLength"/>).</param>
/// <param name="StartSeconds">Time of the segment's first beat, in s from the first beat of the series (sum of the preceding intervals).</param>
/// <param name="DurationSeconds">Sum of the segment's intervals, in s.</param>
/// <param name="NormalizedRmssd">RMSSD / mean RR of the segment after removing its 8 longest and 8 shortest intervals (dimensionless; irregular above 0.1).</param>
/// <param name="ShannonEntropy">Shannon entropy of the same trimmed intervals in 16 equal bins between their minimum and maximum, divided by ln 16 (0–1; irregular above 0.7).</param>
/// <param name="TurningPointRatio">Turning points (intervals larger or smaller than both neighbours) / 128 on the untrimmed segment (irregular within 0.54–0.77, the ±3σ band of a random sequence).</param>
/// <param name="RemainderNormalizedRmssd">RMSSD / mean RR of the intervals left after removing those the sinus-rhythm detector attributes to premature beats and pauses (irregular above 0.13: the irregularity is not explained by ectopy); when fewer than 16 remain, <paramref name="NormalizedRmssd"/> and the segment counts as irregular on Dash et al.'s tests alone.</param>
/// <remarks>Definitions, thresholds and limits: docs/hrv-artifacts.md ("Irregular rhythm"). Dash S, Chon KH, Lu S, Raeder EA (2009), Ann Biomed Eng 37(9):1701–1709.</remarks>
public readonly record struct IrregularRhythmSegment(
    int StartIndex,
    int Count,
    double StartSeconds,
    double DurationSeconds,
    double NormalizedRmssd,
    double ShannonEntropy,
    double TurningPointRatio,
    double RemainderNormalizedRmssd);
