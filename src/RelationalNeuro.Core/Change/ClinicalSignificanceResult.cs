namespace RelationalNeuro.Change;

/// <summary>A person's Jacobson &amp; Truax (1991) classification.</summary>
/// <param name="ReliableChange">The reliable change index.</param>
/// <param name="Cutoff">The cut-off used, in score units.</param>
/// <param name="PreFunctional">Whether the pre score was already strictly beyond the cut-off on the functional side.</param>
/// <param name="PostFunctional">Whether the post score is strictly beyond the cut-off on the functional side (a score exactly at the cut-off is not).</param>
/// <param name="Category">Recovered, improved, unchanged or deteriorated.</param>
public readonly record struct ClinicalSignificanceResult(
    ReliableChangeResult ReliableChange,
    double Cutoff,
    bool PreFunctional,
    bool PostFunctional,
    ClinicalSignificanceCategory Category);
