using System.Text.Json;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// Cronbach's α, α if an item is dropped and corrected item–total correlations against what R <c>psych::alpha</c>
/// itself returns (psych 2.2.9 on R 4.2.2). The expected numbers and the response tables are in
/// <c>PsychReference/psych-alpha.json</c>, written by <c>PsychReference/psych-alpha.R</c> from R's own datasets
/// (<c>attitude</c>; psych's <c>bfi</c> agreeableness items, complete rows and, with <c>use = "complete.obs"</c>,
/// listwise rows with missing values; raw items with psych's <c>keys</c> reversing A1) — not by this library. Compared: raw and
/// standardised α, average inter-item r, raw and standardised α-if-dropped, corrected and uncorrected item–total r.
/// </summary>
public sealed class PsychometricsPsychReferenceTests
{
    // psych's numbers are written with 15 significant digits; the algebra is the same, so they agree to rounding.
    private const double Tolerance = 1e-12;

    private static readonly Lazy<JsonElement> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Questionnaires", "PsychReference", "psych-alpha.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").Clone();
    });

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases.Value.EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CronbachAlpha_RDatasets_MatchesPsychAlpha(string name)
    {
        var c = Cases.Value.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var itemCount = c.GetProperty("items").GetArrayLength();
        var table = c.GetProperty("rows").EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()))
            .ToArray();
        var rowsWithMissing = c.GetProperty("rows").EnumerateArray()
            .Count(row => row.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null));

        // The "keys" case holds raw bfi items and psych reversed A1 itself (x' = max + min − x with the observed 1..6, which
        // is bfi's declared scale); the library reverses the same columns on the declared scale.
        var reversed = c.GetProperty("reversed").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var result = reversed.Length == 0
            ? Psychometrics.CronbachAlpha(table, itemCount)
            : Psychometrics.CronbachAlpha(table, itemCount, reversed, scaleMin: 1, scaleMax: 6);
        Assert.Equal(reversed, result.ReversedColumns.ToArray());
        AssertRelative(c.GetProperty("std_alpha").GetDouble(), result.StandardizedAlpha!.Value, "std.alpha");
        AssertRelative(c.GetProperty("average_r").GetDouble(), result.AverageInterItemCorrelation!.Value, "average_r");
        var alphaDropStd = c.GetProperty("alpha_drop_std").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var rawR = c.GetProperty("raw_r").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < itemCount; i++)
        {
            AssertRelative(alphaDropStd[i], result.Items[i].StandardizedAlphaIfDropped!.Value, $"alpha.drop std.alpha[{i}]");
            AssertRelative(rawR[i], result.Items[i].ItemTotalCorrelation!.Value, $"raw.r[{i}]");
        }

        AssertRelative(c.GetProperty("raw_alpha").GetDouble(), result.Alpha!.Value, "raw_alpha");
        Assert.Equal(table.Length / itemCount - rowsWithMissing, result.RespondentsUsed);
        Assert.Equal(rowsWithMissing > 0, result.Problems.Any(p => p.Code == "alpha.rows-dropped"));
        var alphaDrop = c.GetProperty("alpha_drop").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var rDrop = c.GetProperty("r_drop").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(itemCount, result.Items.Length);
        for (var i = 0; i < itemCount; i++)
        {
            AssertRelative(alphaDrop[i], result.Items[i].AlphaIfDropped!.Value, $"alpha.drop[{i}]");
            AssertRelative(rDrop[i], result.Items[i].CorrectedItemTotalCorrelation!.Value, $"r.drop[{i}]");
        }

        if (rowsWithMissing == 0)
        {
            // With missing values psych's item means and SDs use every available value (not listwise), so they are
            // compared only on complete tables.
            var means = c.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var sds = c.GetProperty("sd").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var i = 0; i < itemCount; i++)
            {
                AssertRelative(means[i], result.Items[i].Mean, $"mean[{i}]");
                AssertRelative(sds[i], result.Items[i].StandardDeviation, $"sd[{i}]");
            }
        }
    }

    private static void AssertRelative(double expected, double actual, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R} (psych), got {actual:R}");
}
