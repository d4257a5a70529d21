namespace RelationalNeuro.Endocrine;

/// <summary>
/// The two areas under the curve of Pruessner et al. (2003), in the input's value unit × time unit
/// (e.g. nmol/L·min when values are nmol/L and times minutes).
/// </summary>
/// <param name="Ground">AUCg, "with respect to ground": the trapezoid area down to zero.</param>
/// <param name="Increase">AUCi, "with respect to increase": AUCg minus the first value × the duration; may be negative.</param>
public readonly record struct AreaUnderCurve(double Ground, double Increase);
