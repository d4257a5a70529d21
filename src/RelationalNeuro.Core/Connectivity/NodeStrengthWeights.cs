namespace RelationalNeuro.Connectivity;

/// <summary>Which edge weights a node's strength sums (the diagonal is never included).</summary>
public enum NodeStrengthWeights
{
    /// <summary>Σⱼ≠ᵢ wᵢⱼ: net signed sum (Brain Connectivity Toolbox <c>strengths_und</c> on a signed matrix).</summary>
    Net = 0,

    /// <summary>Σⱼ≠ᵢ |wᵢⱼ|.</summary>
    Absolute = 1,

    /// <summary>Σⱼ≠ᵢ max(wᵢⱼ, 0) (BCT <c>strengths_und_sign</c>, positive part).</summary>
    Positive = 2,

    /// <summary>Σⱼ≠ᵢ min(wᵢⱼ, 0) (BCT <c>strengths_und_sign</c>, negative part; ≤ 0).</summary>
    Negative = 3,
}
