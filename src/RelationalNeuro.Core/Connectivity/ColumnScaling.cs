namespace RelationalNeuro.Connectivity;

/// <summary>How <see cref="Columns.Standardize"/> scales each centred column.</summary>
internal enum ColumnScaling
{
    /// <summary>Centre only (covariance inputs).</summary>
    None,

    /// <summary>Divide by √Σd², so ZᵀZ is the Pearson correlation.</summary>
    UnitNorm,

    /// <summary>Divide by the SD with ddof 1 (nilearn <c>zscore_sample</c>).</summary>
    SampleSd,
}
