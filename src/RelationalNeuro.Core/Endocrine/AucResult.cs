namespace RelationalNeuro.Endocrine;

/// <summary>
/// The two areas under the curve of Pruessner et al. (2003), in the input's value unit × time unit
/// (e.g. nmol/L·min when values are nmol/L and times minutes), or null with the <see cref="Problems"/> that say why.
/// </summary>
/// <param name="Ground">AUCg, "with respect to ground": the trapezoid area down to zero; null when unavailable.</param>
/// <param name="Increase">AUCi, "with respect to increase": AUCg minus the first value × the duration; may be negative; null when unavailable.</param>
/// <param name="Problems">Data problems: too few samples, invalid times, missing or infinite values (and, with <see cref="MissingValuePolicy.Omit"/>, a warning for each area computed across a gap).</param>
public readonly record struct AucResult(double? Ground, double? Increase, IReadOnlyList<Problem> Problems);
