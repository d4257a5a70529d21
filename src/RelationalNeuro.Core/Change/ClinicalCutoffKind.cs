namespace RelationalNeuro.Change;

/// <summary>Which Jacobson &amp; Truax (1991) cut-off decides "recovered".</summary>
public enum ClinicalCutoffKind
{
    /// <summary>Cut-off a (clinical norms only).</summary>
    A = 0,

    /// <summary>Cut-off b (functional norms).</summary>
    B = 1,

    /// <summary>Cut-off c (both; J&amp;T's preferred choice when norms exist).</summary>
    C = 2,
}
