namespace RelationalNeuro.Synchrony;

/// <summary>
/// Surrogate synchrony of one dyad (SUSY, Tschacher &amp; Meier 2020): the real segment-wise cross-correlation profile against
/// the profile of every mismatched segment pair, SUSY's summary statistics (its <c>as.data.frame</c> columns, named in each
/// member's doc), and the library's recommended per-segment test against the surrogate distribution.
/// </summary>
/// <remarks>
/// <para><b>Lag sign.</b> Every per-lag list here is in the library's convention, <see cref="LagsSeconds"/> from −L to +L with
/// <b>positive = B follows A</b>. SUSY's own lag axis is the opposite (its lag k correlates A later with B earlier), so
/// SUSY's per-lag vectors are these lists reversed, its <c>Z(lead1)</c> is <see cref="ZALead"/> and <c>Z(lead2)</c> is <see cref="ZBLead"/>.</para>
/// <para>A SUSY statistic that is infinite or undefined in SUSY (r = 1 exactly gives z = ∞, e.g. a person paired with
/// themself; an SD of fewer than two values) is null here with the problem <c>sync.infinite-z</c> or <c>sync.undefined</c>.</para>
/// <para>A <see langword="sealed"/> record (it holds the profiles); equality compares the lists by reference.</para>
/// </remarks>
public sealed record SurrogateSynchronyResult
{
    /// <summary>The options used.</summary>
    public required SurrogateSynchronyOptions Options { get; init; }

    /// <summary>Grid rate in Hz.</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>Grid samples used (SUSY <c>n(data)</c>).</summary>
    public required int SampleCount { get; init; }

    /// <summary>Segment length in samples.</summary>
    public required int SegmentSamples { get; init; }

    /// <summary>Largest lag in samples (SUSY <c>maxlagHz</c>).</summary>
    public required int MaxLagSamples { get; init; }

    /// <summary>Number of segments, <c>round(N/segment − 0.499999)</c> (SUSY <c>n(Segmente)</c>); the remainder is ignored.</summary>
    public required int SegmentCount { get; init; }

    /// <summary>Number of surrogate pairs, n(n − 1).</summary>
    public int SurrogatePairCount => SegmentCount * (SegmentCount - 1);

    /// <summary>Lag of each profile entry in s; positive = B follows A.</summary>
    public required IReadOnlyList<double> LagsSeconds { get; init; }

    /// <summary>Per lag: mean over segments of |r| (SUSY <c>meanccorrReal</c>).</summary>
    public required IReadOnlyList<double> RealMeanAbsR { get; init; }

    /// <summary>Per lag: mean over surrogate pairs of |r| (SUSY <c>meanccorrPseudo</c>).</summary>
    public required IReadOnlyList<double> SurrogateMeanAbsR { get; init; }

    /// <summary>Per lag: mean over segments of |z| (SUSY <c>meanccorrRealZ</c>); null where infinite.</summary>
    public required IReadOnlyList<double?> RealMeanAbsZ { get; init; }

    /// <summary>Per lag: mean over segments of signed z (SUSY <c>meanccorrRealZNotAbs</c>); null where infinite.</summary>
    public required IReadOnlyList<double?> RealMeanZ { get; init; }

    /// <summary>Per lag: mean over surrogate pairs of |z| (SUSY <c>meanccorrPseudoZ</c>); null where infinite.</summary>
    public required IReadOnlyList<double?> SurrogateMeanAbsZ { get; init; }

    /// <summary>Per lag: mean over surrogate pairs of signed z (SUSY <c>meanccorrPseudoZNotAbs</c>); null where infinite.</summary>
    public required IReadOnlyList<double?> SurrogateMeanZ { get; init; }

    /// <summary>Per segment: mean over lags of |r| of the real pair (SUSY <c>nReal</c>; 0 for a constant segment, which SUSY skips).</summary>
    public required IReadOnlyList<double> SegmentMeanAbsR { get; init; }

    /// <summary>Per segment of A: mean over its surrogate partners and lags of |r| (SUSY <c>nPseudo</c>).</summary>
    public required IReadOnlyList<double> SegmentSurrogateMeanAbsR { get; init; }

    /// <summary>SUSY <c>Z</c>: mean over lags of <see cref="RealMeanAbsZ"/>.</summary>
    public double? Z { get; init; }

    /// <summary>SUSY <c>Z-Pseudo</c>: mean over lags of <see cref="SurrogateMeanAbsZ"/>.</summary>
    public double? ZPseudo { get; init; }

    /// <summary>SUSY <c>SD(Z)</c>: SD (n − 1) over lags of <see cref="RealMeanAbsZ"/>.</summary>
    public double? SdZ { get; init; }

    /// <summary>SUSY <c>SD(Z-Pseudo)</c>: SD (n − 1) over lags of <see cref="SurrogateMeanAbsZ"/>.</summary>
    public double? SdZPseudo { get; init; }

    /// <summary>SUSY <c>%&gt;Pseudo</c>: percent of lags where the real |z| profile exceeds the surrogate one.</summary>
    public required double PercentAbovePseudo { get; init; }

    /// <summary>SUSY <c>ES</c> = (Z − Z-Pseudo) / SD(Z-Pseudo): standardised by the spread of the surrogate profile across lags (see docs for why the library prefers <see cref="EsAcrossSurrogates"/>).</summary>
    public double? Es { get; init; }

    /// <summary>SUSY <c>Z(lead1)</c>: mean real |z| over lags &gt; 0 here (A leads).</summary>
    public double? ZALead { get; init; }

    /// <summary>SUSY <c>Z(lead2)</c>: mean real |z| over lags &lt; 0 here (B leads).</summary>
    public double? ZBLead { get; init; }

    /// <summary>SUSY <c>ES(lead1)</c>: ES over the A-leads lags.</summary>
    public double? EsALead { get; init; }

    /// <summary>SUSY <c>ES(lead2)</c>: ES over the B-leads lags.</summary>
    public double? EsBLead { get; init; }

    /// <summary>SUSY <c>meanZ(in-phase)</c>: mean of the signed real profile values ≥ 0; null when none.</summary>
    public double? MeanZInPhase { get; init; }

    /// <summary>SUSY <c>meanZ(anti-phase)</c>: mean of the signed real profile values &lt; 0; null when none.</summary>
    public double? MeanZAntiPhase { get; init; }

    /// <summary>SUSY <c>Anzahl(in-phase)</c>: number of lags with signed real z ≥ 0.</summary>
    public required int CountInPhase { get; init; }

    /// <summary>SUSY <c>Anzahl(anti-phase)</c>: number of lags with signed real z &lt; 0.</summary>
    public required int CountAntiPhase { get; init; }

    /// <summary>SUSY <c>Z(noAbs)</c>: mean over lags of <see cref="RealMeanZ"/>.</summary>
    public double? ZNoAbs { get; init; }

    /// <summary>SUSY <c>Z(Pseudo-noAbs)</c>: mean over lags of <see cref="SurrogateMeanZ"/>.</summary>
    public double? ZPseudoNoAbs { get; init; }

    /// <summary>SUSY <c>%&gt;Pseudo(noAbs)</c>: percent of lags where the signed real profile exceeds the surrogate one.</summary>
    public required double PercentAbovePseudoNoAbs { get; init; }

    /// <summary>SUSY <c>ES(noAbs)</c> on the signed profiles.</summary>
    public double? EsNoAbs { get; init; }

    /// <summary>Library: per segment, mean over lags of the real pair's |z| with z clipped to ±10 (rMEA's clip); null for a constant segment.</summary>
    public required IReadOnlyList<double?> SegmentZ { get; init; }

    /// <summary>Library: mean over surrogate pairs of each pair's mean |z| over lags (z clipped to ±10; pairs with a constant segment left out).</summary>
    public double? SurrogatePairZMean { get; init; }

    /// <summary>Library: SD (n − 1) over surrogate pairs of each pair's mean |z|.</summary>
    public double? SurrogatePairZSd { get; init; }

    /// <summary>Library: the <see cref="SurrogateSynchronyOptions.ChanceQuantile"/> quantile of the surrogate pairs' mean |z| — the chance threshold for one segment.</summary>
    public double? ChanceThresholdZ { get; init; }

    /// <summary>Library (recommended effect size): (mean of <see cref="SegmentZ"/> − <see cref="SurrogatePairZMean"/>) / <see cref="SurrogatePairZSd"/>, standardised by the spread across surrogates.</summary>
    public double? EsAcrossSurrogates { get; init; }

    /// <summary>Library: percent of segments whose <see cref="SegmentZ"/> exceeds <see cref="ChanceThresholdZ"/> (constant segments count as not above).</summary>
    public double? PercentSegmentsAboveChance { get; init; }

    /// <summary>Problems: <c>sync.too-few-segments</c>, <c>sync.non-finite</c>, <c>sync.infinite-z</c>, <c>sync.undefined</c>, <c>sync.constant-segment</c>. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    }
}
