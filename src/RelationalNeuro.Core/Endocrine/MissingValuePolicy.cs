namespace RelationalNeuro.Endocrine;

/// <summary>
/// What the profile analyses do with a missing sample (NaN, or a negative concentration, which is reported as its
/// own problem and then treated as missing). Either way each missing sample is reported as a <see cref="Problem"/>.
/// </summary>
/// <remarks>
/// An AUC with a missing sample is undefined (BioPsyKit returns NaN); BioPsyKit's <c>max_increase</c> silently
/// skips it. This library never does either silently.
/// </remarks>
public enum MissingValuePolicy
{
    /// <summary>Default. Every index that needs the missing sample is null, with an Error problem saying which sample is missing.</summary>
    Reject = 0,

    /// <summary>
    /// Indices are computed from the samples that are present (for an AUC this is the trapezoid across the gap, identical
    /// to linear interpolation of the missing value), each with a Warning problem. The first sample (the baseline of
    /// AUCi and of every increase) is never replaced: when it is missing those indices stay null.
    /// </summary>
    Omit = 1,
}
