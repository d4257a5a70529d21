namespace RelationalNeuro.Endocrine;

/// <summary>The units an <see cref="OxytocinConcentration"/> can be created from, converted to and parsed from.</summary>
public enum OxytocinUnit
{
    /// <summary>Picograms per millilitre (<c>pg/mL</c>, equal to ng/L): the unit most assays report; the stored unit.</summary>
    PicogramsPerMilliliter = 0,

    /// <summary>Picomoles per litre (<c>pmol/L</c>); 1 pg/mL = 1 000 / 1 007.19 pmol/L ≈ 0.99286 pmol/L.</summary>
    PicomolesPerLiter = 1,
}
