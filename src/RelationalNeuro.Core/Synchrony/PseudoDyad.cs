namespace RelationalNeuro.Synchrony;

/// <summary>
/// One pseudo-dyad of <see cref="PseudoDyads.Shuffle"/>: two members of different real dyads paired as if they had met.
/// The first-named member plays A (rMEA's s1). Both series are cut to the shorter length, first samples kept.
/// </summary>
/// <param name="FirstDyad">0-based index of the dyad the first member comes from.</param>
/// <param name="FirstMember">Which member of that dyad plays A.</param>
/// <param name="SecondDyad">0-based index of the dyad the second member comes from.</param>
/// <param name="SecondMember">Which member of that dyad plays B.</param>
/// <param name="SampleCount">Grid samples of the pseudo-dyad (the shorter of the two series).</param>
public readonly record struct PseudoDyad(int FirstDyad, DyadMember FirstMember, int SecondDyad, DyadMember SecondMember, int SampleCount);
