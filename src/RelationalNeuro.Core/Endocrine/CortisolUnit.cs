namespace RelationalNeuro.Endocrine;

/// <summary>The units a <see cref="CortisolConcentration"/> can be created from, converted to and parsed from.</summary>
public enum CortisolUnit
{
    /// <summary>Nanomoles per litre (<c>nmol/L</c>): the unit used by the peer software and most psychoneuroendocrinology papers; the stored unit.</summary>
    NanomolesPerLiter = 0,

    /// <summary>Micrograms per decilitre (<c>µg/dL</c>); 1 µg/dL = 10 000 / 362.46 nmol/L ≈ 27.589 nmol/L.</summary>
    MicrogramsPerDeciliter = 1,

    /// <summary>Nanograms per millilitre (<c>ng/mL</c>, equal to µg/L); 1 ng/mL = 1 000 / 362.46 nmol/L ≈ 2.7589 nmol/L.</summary>
    NanogramsPerMilliliter = 2,
}
