namespace RelationalNeuro.Change;

/// <summary>Mean and standard deviation of a reference population (clinical or functional), in score units.</summary>
/// <param name="Mean">Population mean.</param>
/// <param name="StandardDeviation">Population standard deviation, greater than 0.</param>
public readonly record struct Norm(double Mean, double StandardDeviation);
