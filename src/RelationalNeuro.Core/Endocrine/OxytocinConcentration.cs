using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// An oxytocin concentration: finite and not negative, stored in pg/mL, created from and converted to any
/// <see cref="OxytocinUnit"/>. Mixing units is impossible by construction.
/// </summary>
/// <remarks>
/// <para>Conversions use the molar mass of oxytocin (C43H66N12O12S2) of <see cref="MolarMassGramsPerMole"/> =
/// 1 007.19 g/mol (HMDB HMDB02865 average MW 1 007.187): pmol/L = pg/mL × 1 000 / 1 007.19 (≈ 0.99286);
/// 1 pmol/L ≈ 1.00719 pg/mL.</para>
/// <para>Peripheral oxytocin depends strongly on the assay (ELISA/RIA, with or without extraction, free or
/// "total" after reduction/alkylation): never compare values across assays; keep the method with every value.</para>
/// <para>Text form (invariant culture): <c>"10 pg/mL"</c>, <c>"50 pmol/L"</c>; unit tokens are case-insensitive
/// and <c>ng/L</c> is read as pg/mL. Equality, ordering and hashing use the stored pg/mL value exactly.</para>
/// </remarks>
public readonly struct OxytocinConcentration : IEquatable<OxytocinConcentration>, IComparable<OxytocinConcentration>, IComparable, IFormattable
{
    /// <summary>Molar mass of oxytocin, C43H66N12O12S2, in g/mol.</summary>
    public const double MolarMassGramsPerMole = 1007.19;

    private const double PmolPerPg = 1_000.0 / MolarMassGramsPerMole;
    private const string UnitList = "pg/mL, pmol/L";

    private readonly double picogramsPerMilliliter;

    private OxytocinConcentration(double picogramsPerMilliliter) => this.picogramsPerMilliliter = picogramsPerMilliliter;

    /// <summary>A concentration of zero.</summary>
    public static OxytocinConcentration Zero => default;

    /// <summary>The concentration in pg/mL.</summary>
    public double PicogramsPerMilliliter => picogramsPerMilliliter;

    /// <summary>Creates a concentration from a value in pg/mL.</summary>
    /// <param name="value">Concentration in pg/mL; finite and at least 0.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static OxytocinConcentration FromPicogramsPerMilliliter(double value) => new(Guard.NonNegative(value));

    /// <summary>Creates a concentration from a value in pmol/L (× 1.00719 to pg/mL).</summary>
    /// <param name="value">Concentration in pmol/L; finite and at least 0.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static OxytocinConcentration FromPicomolesPerLiter(double value) => new(Guard.NonNegative(value) / PmolPerPg);

    /// <summary>Creates a concentration from a value in the given unit.</summary>
    /// <param name="value">Concentration in <paramref name="unit"/>; finite and at least 0.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or <paramref name="unit"/> is not defined.</exception>
    public static OxytocinConcentration From(double value, OxytocinUnit unit) => unit switch
    {
        OxytocinUnit.PicogramsPerMilliliter => FromPicogramsPerMilliliter(value),
        OxytocinUnit.PicomolesPerLiter => FromPicomolesPerLiter(value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown oxytocin unit."),
    };

    /// <summary>The concentration in pmol/L.</summary>
    /// <returns>The value in pmol/L.</returns>
    public double ToPicomolesPerLiter() => picogramsPerMilliliter * PmolPerPg;

    /// <summary>The concentration in the given unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The value in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public double To(OxytocinUnit unit) => unit switch
    {
        OxytocinUnit.PicogramsPerMilliliter => picogramsPerMilliliter,
        OxytocinUnit.PicomolesPerLiter => ToPicomolesPerLiter(),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown oxytocin unit."),
    };

    /// <summary>The symbol of a unit as written by <see cref="ToString()"/>: <c>pg/mL</c> or <c>pmol/L</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public static string Symbol(OxytocinUnit unit) => unit switch
    {
        OxytocinUnit.PicogramsPerMilliliter => "pg/mL",
        OxytocinUnit.PicomolesPerLiter => "pmol/L",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown oxytocin unit."),
    };

    /// <summary>Parses invariant text such as <c>"10 pg/mL"</c> or <c>"50 pmol/L"</c>.</summary>
    /// <param name="text">A number (invariant culture), whitespace and a unit symbol.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a number and a known unit, or the number is negative or not finite; the message quotes the text.</exception>
    public static OxytocinConcentration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result) ? result : throw new FormatException(ConcentrationText.ParseError(text, UnitList));
    }

    /// <summary>Tries to parse invariant text such as <c>"10 pg/mL"</c>; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="result">The concentration, or <see cref="Zero"/> when parsing failed.</param>
    /// <returns>True when <paramref name="text"/> was a valid concentration.</returns>
    public static bool TryParse(string? text, out OxytocinConcentration result)
    {
        result = default;
        if (text is null || !ConcentrationText.TrySplit(text, out var value, out var unit) || value < 0)
        {
            return false;
        }

        if (ConcentrationText.UnitIs(unit, "pg/mL") || ConcentrationText.UnitIs(unit, "ng/L"))
        {
            result = new(value);
        }
        else if (ConcentrationText.UnitIs(unit, "pmol/L"))
        {
            result = new(value / PmolPerPg);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Invariant text in pg/mL with the shortest round-trippable number, e.g. <c>"10 pg/mL"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(OxytocinUnit.PicogramsPerMilliliter);

    /// <summary>Invariant text in the given unit with the shortest round-trippable number.</summary>
    /// <param name="unit">The unit to write.</param>
    /// <returns>The text.</returns>
    public string ToString(OxytocinUnit unit) => ToString(unit, null);

    /// <summary>Invariant text in the given unit, e.g. <c>"50 pmol/L"</c>.</summary>
    /// <param name="unit">The unit to write.</param>
    /// <param name="numberFormat">A .NET numeric format for the number (e.g. <c>"F2"</c>); null or empty for the shortest round-trippable form.</param>
    /// <returns>The text.</returns>
    public string ToString(OxytocinUnit unit, string? numberFormat) =>
        ConcentrationText.Number(To(unit), numberFormat) + " " + Symbol(unit);

    /// <summary>Text in pg/mL with a numeric <paramref name="format"/> for the number, in the culture <paramref name="formatProvider"/> (invariant when null).</summary>
    /// <param name="format">A .NET numeric format (e.g. <c>"F1"</c>); null for the shortest round-trippable form.</param>
    /// <param name="formatProvider">Culture for the number; null means the invariant culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        picogramsPerMilliliter.ToString(string.IsNullOrEmpty(format) ? "R" : format, formatProvider ?? CultureInfo.InvariantCulture) + " pg/mL";

    /// <inheritdoc />
    public bool Equals(OxytocinConcentration other) => picogramsPerMilliliter.Equals(other.picogramsPerMilliliter);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OxytocinConcentration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => picogramsPerMilliliter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(OxytocinConcentration other) => picogramsPerMilliliter.CompareTo(other.picogramsPerMilliliter);

    /// <summary>Compares with another boxed <see cref="OxytocinConcentration"/>; null sorts first.</summary>
    /// <param name="obj">Null or an <see cref="OxytocinConcentration"/>.</param>
    /// <returns>Negative, zero or positive as for <see cref="CompareTo(OxytocinConcentration)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is another type.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        OxytocinConcentration other => CompareTo(other),
        _ => throw new ArgumentException("Object must be an OxytocinConcentration.", nameof(obj)),
    };

    /// <summary>Equal stored pg/mL values.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(OxytocinConcentration left, OxytocinConcentration right) => left.Equals(right);

    /// <summary>Different stored pg/mL values.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(OxytocinConcentration left, OxytocinConcentration right) => !left.Equals(right);

    /// <summary>Lower concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is lower.</returns>
    public static bool operator <(OxytocinConcentration left, OxytocinConcentration right) => left.CompareTo(right) < 0;

    /// <summary>Lower or equal concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is lower or equal.</returns>
    public static bool operator <=(OxytocinConcentration left, OxytocinConcentration right) => left.CompareTo(right) <= 0;

    /// <summary>Higher concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is higher.</returns>
    public static bool operator >(OxytocinConcentration left, OxytocinConcentration right) => left.CompareTo(right) > 0;

    /// <summary>Higher or equal concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is higher or equal.</returns>
    public static bool operator >=(OxytocinConcentration left, OxytocinConcentration right) => left.CompareTo(right) >= 0;
}
