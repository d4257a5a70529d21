namespace RelationalNeuro.Change;

/// <summary>The Jacobson &amp; Truax (1991) categories of change.</summary>
public enum ClinicalSignificanceCategory
{
    /// <summary>No reliable change.</summary>
    Unchanged = 0,

    /// <summary>Reliable improvement without crossing the cut-off (or already beyond it before).</summary>
    Improved = 1,

    /// <summary>Reliable improvement and crossed the cut-off from the dysfunctional to the functional side.</summary>
    Recovered = 2,

    /// <summary>Reliable deterioration.</summary>
    Deteriorated = 3,
}
