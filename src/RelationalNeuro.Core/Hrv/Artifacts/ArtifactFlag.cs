namespace RelationalNeuro.Hrv;

/// <summary>One flagged RR interval: where, why, and what was done.</summary>
/// <param name="Index">0-based index into the input RR series.</param>
/// <param name="Kind">Why it was flagged.</param>
/// <param name="Action">What the correction did.</param>
/// <param name="OriginalMs">The input value at <paramref name="Index"/>, in ms.</param>
public readonly record struct ArtifactFlag(int Index, ArtifactKind Kind, ArtifactAction Action, double OriginalMs);
