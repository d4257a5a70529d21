using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// A cortisol concentration (salivary, serum or plasma): finite and not negative, stored in nmol/L, created from
/// and converted to any <see cref="CortisolUnit"/>. Two concentrations can only be compared after each was
/// created through a named unit, so mixing units is impossible by construction.
/// </summary>
/// <remarks>
/// <para>Conversions use the molar mass of cortisol (C21H30O5) of <see cref="MolarMassGramsPerMole"/> = 362.46 g/mol at
/// full double precision: 1 µg/dL = 10 000 ng/L = 10 000 / 362.46 nmol/L (≈ 27.589); 1 ng/mL = 1 µg/L =
/// 1 000 / 362.46 nmol/L (≈ 2.7589). Round only for display.</para>
/// <para>Text form (invariant culture, as <see cref="ToString()"/> writes and <see cref="Parse"/> reads):
/// <c>"12.3 nmol/L"</c>, <c>"0.5 µg/dL"</c>, <c>"4.5 ng/mL"</c>; unit tokens are case-insensitive and accept
/// µ, μ or u for micro.</para>
/// <para>Equality, ordering and hashing use the stored nmol/L value exactly (no tolerance), as NodaTime's
/// <c>Offset</c> does for its ticks.</para>
/// </remarks>
public readonly struct CortisolConcentration : IEquatable<CortisolConcentration>, IComparable<CortisolConcentration>, IComparable, IFormattable
{
    /// <summary>Molar mass of cortisol, C21H30O5, in g/mol.</summary>
    public const double MolarMassGramsPerMole = 362.46;

    private const double NmolPerUgDl = 10_000.0 / MolarMassGramsPerMole;
    private const double NmolPerNgMl = 1_000.0 / MolarMassGramsPerMole;
    private const string UnitList = "nmol/L, µg/dL, ng/mL";

    private readonly double nanomolesPerLiter;

    private CortisolConcentration(double nanomolesPerLiter) => this.nanomolesPerLiter = nanomolesPerLiter;

    /// <summary>A concentration of zero.</summary>
    public static CortisolConcentration Zero => default;

    /// <summary>The concentration in nmol/L.</summary>
    public double NanomolesPerLiter => nanomolesPerLiter;

    /// <summary>Creates a concentration from a value in nmol/L.</summary>
    /// <param name="value">Concentration in nmol/L; finite and at least 0.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static CortisolConcentration FromNanomolesPerLiter(double value) => new(Guard.NonNegative(value));

    /// <summary>Creates a concentration from a value in µg/dL (×10 000 / 362.46 to nmol/L).</summary>
    /// <param name="value">Concentration in µg/dL; finite and at least 0.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or beyond double's range once converted to nmol/L.</exception>
    public static CortisolConcentration FromMicrogramsPerDeciliter(double value) => new(InNmolPerL(value, NmolPerUgDl));

    /// <summary>Creates a concentration from a value in ng/mL (= µg/L; ×1 000 / 362.46 to nmol/L).</summary>
    /// <param name="value">Concentration in ng/mL; finite and at least 0.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or beyond double's range once converted to nmol/L.</exception>
    public static CortisolConcentration FromNanogramsPerMilliliter(double value) => new(InNmolPerL(value, NmolPerNgMl));

    /// <summary>value × factor in nmol/L, which must be finite: 1e308 µg/dL is 2.8e309 nmol/L, beyond double's range.</summary>
    private static double InNmolPerL(double value, double factor, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        var nmolPerL = Guard.NonNegative(value, name) * factor;
        if (!double.IsFinite(nmolPerL))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"is {nmolPerL} nmol/L, beyond the range of double-precision numbers; was {value}"));
        }

        return nmolPerL;
    }

    /// <summary>Creates a concentration from a value in the given unit.</summary>
    /// <param name="value">Concentration in <paramref name="unit"/>; finite and at least 0.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or <paramref name="unit"/> is not defined.</exception>
    public static CortisolConcentration From(double value, CortisolUnit unit) => unit switch
    {
        CortisolUnit.NanomolesPerLiter => FromNanomolesPerLiter(value),
        CortisolUnit.MicrogramsPerDeciliter => FromMicrogramsPerDeciliter(value),
        CortisolUnit.NanogramsPerMilliliter => FromNanogramsPerMilliliter(value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown cortisol unit."),
    };

    /// <summary>The concentration in µg/dL.</summary>
    /// <returns>The value in µg/dL.</returns>
    public double ToMicrogramsPerDeciliter() => nanomolesPerLiter / NmolPerUgDl;

    /// <summary>The concentration in ng/mL (= µg/L).</summary>
    /// <returns>The value in ng/mL.</returns>
    public double ToNanogramsPerMilliliter() => nanomolesPerLiter / NmolPerNgMl;

    /// <summary>The concentration in the given unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The value in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public double To(CortisolUnit unit) => unit switch
    {
        CortisolUnit.NanomolesPerLiter => nanomolesPerLiter,
        CortisolUnit.MicrogramsPerDeciliter => ToMicrogramsPerDeciliter(),
        CortisolUnit.NanogramsPerMilliliter => ToNanogramsPerMilliliter(),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown cortisol unit."),
    };

    /// <summary>The symbol of a unit as written by <see cref="ToString()"/>: <c>nmol/L</c>, <c>µg/dL</c> or <c>ng/mL</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public static string Symbol(CortisolUnit unit) => unit switch
    {
        CortisolUnit.NanomolesPerLiter => "nmol/L",
        CortisolUnit.MicrogramsPerDeciliter => "\u00B5g/dL",
        CortisolUnit.NanogramsPerMilliliter => "ng/mL",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown cortisol unit."),
    };

    /// <summary>Parses invariant text such as <c>"12.3 nmol/L"</c>, <c>"0.5 µg/dL"</c> or <c>"4.5 ng/mL"</c>.</summary>
    /// <param name="text">A number (invariant culture), whitespace and a unit symbol.</param>
    /// <returns>The concentration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a number and a known unit, or the number is negative or not finite (also once converted to nmol/L); the message quotes the text.</exception>
    public static CortisolConcentration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result) ? result : throw new FormatException(ConcentrationText.ParseError(text, UnitList));
    }

    /// <summary>Tries to parse invariant text such as <c>"12.3 nmol/L"</c>; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="result">The concentration, or <see cref="Zero"/> when parsing failed.</param>
    /// <returns>True when <paramref name="text"/> was a valid concentration.</returns>
    public static bool TryParse(string? text, out CortisolConcentration result)
    {
        static bool Fail(out CortisolConcentration failed)
        {
            failed = default;
            return false;
        }

        result = default;
        if (text is null || !ConcentrationText.TrySplit(text, out var value, out var unit) || value < 0)
        {
            return false;
        }

        if (ConcentrationText.UnitIs(unit, "nmol/L"))
        {
            result = new(value);
        }
        else if (ConcentrationText.UnitIs(unit, "ug/dL"))
        {
            result = new(value * NmolPerUgDl);
            return double.IsFinite(result.nanomolesPerLiter) || Fail(out result);
        }
        else if (ConcentrationText.UnitIs(unit, "ng/mL") || ConcentrationText.UnitIs(unit, "ug/L"))
        {
            result = new(value * NmolPerNgMl);
            return double.IsFinite(result.nanomolesPerLiter) || Fail(out result);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Invariant text in nmol/L with the shortest round-trippable number, e.g. <c>"12.3 nmol/L"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(CortisolUnit.NanomolesPerLiter);

    /// <summary>Invariant text in the given unit with the shortest round-trippable number.</summary>
    /// <param name="unit">The unit to write.</param>
    /// <returns>The text.</returns>
    public string ToString(CortisolUnit unit) => ToString(unit, null);

    /// <summary>Invariant text in the given unit, e.g. <c>"0.5 µg/dL"</c>.</summary>
    /// <param name="unit">The unit to write.</param>
    /// <param name="numberFormat">A .NET numeric format for the number (e.g. <c>"F2"</c>); null or empty for the shortest round-trippable form.</param>
    /// <returns>The text.</returns>
    public string ToString(CortisolUnit unit, string? numberFormat) =>
        ConcentrationText.Number(To(unit), numberFormat) + " " + Symbol(unit);

    /// <summary>Text in nmol/L with a numeric <paramref name="format"/> for the number, in the culture <paramref name="formatProvider"/> (invariant when null).</summary>
    /// <param name="format">A .NET numeric format (e.g. <c>"F1"</c>); null for the shortest round-trippable form.</param>
    /// <param name="formatProvider">Culture for the number; null means the invariant culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        nanomolesPerLiter.ToString(string.IsNullOrEmpty(format) ? "R" : format, formatProvider ?? CultureInfo.InvariantCulture) + " nmol/L";

    /// <inheritdoc />
    public bool Equals(CortisolConcentration other) => nanomolesPerLiter.Equals(other.nanomolesPerLiter);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CortisolConcentration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => nanomolesPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(CortisolConcentration other) => nanomolesPerLiter.CompareTo(other.nanomolesPerLiter);

    /// <summary>Compares with another boxed <see cref="CortisolConcentration"/>; null sorts first.</summary>
    /// <param name="obj">Null or a <see cref="CortisolConcentration"/>.</param>
    /// <returns>Negative, zero or positive as for <see cref="CompareTo(CortisolConcentration)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is another type.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CortisolConcentration other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a CortisolConcentration.", nameof(obj)),
    };

    /// <summary>Equal stored nmol/L values.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CortisolConcentration left, CortisolConcentration right) => left.Equals(right);

    /// <summary>Different stored nmol/L values.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(CortisolConcentration left, CortisolConcentration right) => !left.Equals(right);

    /// <summary>Lower concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is lower.</returns>
    public static bool operator <(CortisolConcentration left, CortisolConcentration right) => left.CompareTo(right) < 0;

    /// <summary>Lower or equal concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is lower or equal.</returns>
    public static bool operator <=(CortisolConcentration left, CortisolConcentration right) => left.CompareTo(right) <= 0;

    /// <summary>Higher concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is higher.</returns>
    public static bool operator >(CortisolConcentration left, CortisolConcentration right) => left.CompareTo(right) > 0;

    /// <summary>Higher or equal concentration.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>True when <paramref name="left"/> is higher or equal.</returns>
    public static bool operator >=(CortisolConcentration left, CortisolConcentration right) => left.CompareTo(right) >= 0;
}
