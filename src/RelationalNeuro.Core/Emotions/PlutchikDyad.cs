namespace RelationalNeuro.Emotions;

/// <summary>A blend of two Plutchik primaries, e.g. joy + trust = love.</summary>
/// <param name="First">The first primary, in wheel order.</param>
/// <param name="Second">The second primary.</param>
/// <param name="Name">The English name of the blend, lower case.</param>
/// <param name="Kind">How far apart the two primaries are on the wheel.</param>
public readonly record struct PlutchikDyad(PlutchikPrimary First, PlutchikPrimary Second, string Name, PlutchikDyadKind Kind);
