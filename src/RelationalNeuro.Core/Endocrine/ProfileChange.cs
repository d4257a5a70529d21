namespace RelationalNeuro.Endocrine;

/// <summary>A change between samples of a profile (<see cref="Auc.MaxIncrease"/>, <see cref="Auc.Slope"/>), or null with the <see cref="Problems"/> that say why.</summary>
/// <param name="Value">The change in the value unit (max increase) or value unit per time unit (slope); null when unavailable.</param>
/// <param name="Problems">Data problems: too few samples, invalid times, missing or infinite values.</param>
public readonly record struct ProfileChange(double? Value, IReadOnlyList<Problem> Problems);
