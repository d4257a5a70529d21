using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// A measured substance and the unit its values are in, carried by every <see cref="BiomarkerProfileResult"/> so a number
/// never travels without its unit. Create your own for any analyte (<c>new Analyte("testosterone", "pg/mL")</c>).
/// </summary>
/// <remarks>
/// The predefined analytes use the units salivary assays usually report: cortisol nmol/L (the unit of
/// <see cref="CortisolConcentration"/>'s storage), oxytocin pg/mL (<see cref="OxytocinConcentration"/>), alpha-amylase U/mL
/// (enzyme activity, kinetic assay; Rohleder &amp; Nater 2009, Psychoneuroendocrinology 34(4):469–485) and DHEA pg/mL. Values
/// passed with an analyte must be in its unit; convert at the boundary (e.g. <c>CortisolConcentration.NanomolesPerLiter</c>,
/// <c>OxytocinConcentration.PicogramsPerMilliliter</c>).
/// </remarks>
public sealed record Analyte
{
    /// <summary>Creates an analyte.</summary>
    /// <param name="name">What is measured, e.g. "alpha-amylase"; not blank.</param>
    /// <param name="unit">The unit of the values, e.g. "U/mL"; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="unit"/> is null or blank.</exception>
    public Analyte(string name, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        Name = name;
        Unit = unit;
    }

    /// <summary>Salivary cortisol in nmol/L.</summary>
    public static Analyte Cortisol { get; } = new("cortisol", "nmol/L");

    /// <summary>Oxytocin in pg/mL (= ng/L); results depend on the assay (extraction or not), so keep the method with the value.</summary>
    public static Analyte Oxytocin { get; } = new("oxytocin", "pg/mL");

    /// <summary>Salivary alpha-amylase activity in U/mL.</summary>
    public static Analyte AlphaAmylase { get; } = new("alpha-amylase", "U/mL");

    /// <summary>Salivary dehydroepiandrosterone (DHEA) in pg/mL.</summary>
    public static Analyte Dhea { get; } = new("DHEA", "pg/mL");

    /// <summary>What is measured.</summary>
    public string Name { get; }

    /// <summary>The unit of the values.</summary>
    public string Unit { get; }
}
