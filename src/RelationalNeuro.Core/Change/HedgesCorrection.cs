namespace RelationalNeuro.Change;

/// <summary>The small-sample correction factor J of Hedges' g.</summary>
public enum HedgesCorrection
{
    /// <summary>Exact: J = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)) (Hedges 1981).</summary>
    Exact = 0,

    /// <summary>The common approximation J ≈ 1 − 3/(4(n₁ + n₂) − 9) (Hedges &amp; Olkin 1985); differs from exact by &lt; 1e-5 at df = 58.</summary>
    Approximate = 1,
}
