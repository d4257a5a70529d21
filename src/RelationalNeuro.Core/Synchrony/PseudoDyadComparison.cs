namespace RelationalNeuro.Synchrony;

/// <summary>The outcome of <see cref="PseudoDyads.CompareGrandAverages"/> (or <see cref="PseudoDyads.CompareGrandAveragesCancellable"/>): every grand average and the real-versus-pseudo comparison.</summary>
/// <param name="RealGrandAverages">Each real dyad's grand average, in input order; null where none could be computed.</param>
/// <param name="Pairs">The pseudo-dyads, in rMEA's order.</param>
/// <param name="PseudoGrandAverages">Each pseudo-dyad's grand average, in <paramref name="Pairs"/> order; null where none.</param>
/// <param name="Comparison">Real against pseudo (means, SDs, Cohen's d).</param>
public sealed record PseudoDyadComparison(
    IReadOnlyList<double?> RealGrandAverages,
    IReadOnlyList<PseudoDyad> Pairs,
    IReadOnlyList<double?> PseudoGrandAverages,
    RealVersusPseudo Comparison);
