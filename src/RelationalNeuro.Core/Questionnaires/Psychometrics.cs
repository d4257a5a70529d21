using System.Collections.Immutable;
using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>Reliability of a scale on a cohort: Cronbach's α, α if an item is dropped, corrected item–total correlations.</summary>
/// <remarks>
/// Definitions follow R <c>psych::alpha</c> (Revelle; source <c>alpha.R</c>, function <c>alpha.1</c>): with C the
/// item covariance matrix (n − 1 denominator) of k items, raw α = k/(k − 1) · (1 − tr(C)/ΣC) (Cronbach 1951; equal to
/// Guttman's λ3); α if item i is dropped = the same on C without row and column i; corrected item–total correlation
/// <c>r.drop</c> = (ΣC[,i] − C[i,i]) / √(C[i,i] · ΣC[−i,−i]). Differences from psych: rows with a missing value
/// (NaN) are dropped listwise (psych uses pairwise covariances), with a <c>alpha.rows-dropped</c> warning; with two
/// items α-if-dropped is null (psych prints C12/C22 there); psych's automatic <c>check.keys</c> is not offered — name the
/// reverse-keyed columns (<see cref="CronbachAlpha(ReadOnlySpan{double}, int, ReadOnlySpan{int}, double, double)"/>) or key
/// the table first. Standardised α, the average inter-item r, standardised α-if-dropped and the uncorrected item–total r
/// (psych <c>std.alpha</c>, <c>average_r</c>, <c>alpha.drop$std.alpha</c>, <c>raw.r</c>) come from the same covariance matrix.
/// </remarks>
public static class Psychometrics
{
    /// <summary>Cronbach's α of a row-major response table (one row per respondent, one column per item).</summary>
    /// <param name="responses">Keyed item values, row-major, <c>respondents × itemCount</c>; NaN = missing.</param>
    /// <param name="itemCount">Items (columns), at least 2.</param>
    /// <returns>α, item statistics and problems.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemCount"/> is below 2, or the length is not a multiple of it.</exception>
    public static ReliabilityAnalysis CronbachAlpha(ReadOnlySpan<double> responses, int itemCount)
    {
        Guard.InRange(itemCount, 2, int.MaxValue);
        if (responses.Length % itemCount != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(responses),
                responses.Length,
                string.Create(CultureInfo.InvariantCulture, $"Length {responses.Length} is not a multiple of itemCount {itemCount}."));
        }

        var k = itemCount;
        var rows = responses.Length / k;
        var problems = new ProblemCollector();

        var complete = new bool[rows];
        var used = 0;
        for (var r = 0; r < rows; r++)
        {
            var row = responses.Slice(r * k, k);
            complete[r] = true;
            foreach (var x in row)
            {
                if (!double.IsFinite(x))
                {
                    complete[r] = false;
                    break;
                }
            }

            used += complete[r] ? 1 : 0;
        }

        if (used < rows)
        {
            problems.Add(new Problem(
                "alpha.rows-dropped",
                string.Create(CultureInfo.InvariantCulture, $"{rows - used} of {rows} rows had a missing or non-finite value and were dropped (listwise)."),
                ProblemSeverity.Warning));
        }

        var means = new double[k];
        for (var r = 0; r < rows; r++)
        {
            if (!complete[r])
            {
                continue;
            }

            for (var i = 0; i < k; i++)
            {
                means[i] += responses[(r * k) + i];
            }
        }

        for (var i = 0; i < k; i++)
        {
            means[i] = used > 0 ? means[i] / used : 0;
        }

        if (used < 2)
        {
            problems.Add(new Problem("alpha.too-few-rows", string.Create(CultureInfo.InvariantCulture, $"α needs at least 2 complete rows; {used} available.")));
            return new ReliabilityAnalysis(null, [], used, problems.ToList());
        }

        var c = new double[k, k];
        for (var r = 0; r < rows; r++)
        {
            if (!complete[r])
            {
                continue;
            }

            for (var i = 0; i < k; i++)
            {
                var di = responses[(r * k) + i] - means[i];
                for (var j = i; j < k; j++)
                {
                    c[i, j] += di * (responses[(r * k) + j] - means[j]);
                }
            }
        }

        double total = 0, trace = 0;
        var columnSums = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                c[i, j] /= used - 1;
                c[j, i] = c[i, j];
            }
        }

        for (var i = 0; i < k; i++)
        {
            trace += c[i, i];
            for (var j = 0; j < k; j++)
            {
                columnSums[i] += c[i, j];
                total += c[i, j];
            }
        }

        double? alpha = Alpha(k, trace, total);
        if (alpha is null)
        {
            problems.Add(new Problem("alpha.zero-variance", "The total score has zero variance; α is undefined."));
        }

        // Standardised statistics from the correlation matrix R = D^-1/2 C D^-1/2 (psych alpha.1: std.alpha, average_r, alpha.drop std.alpha).
        var standardized = true;
        for (var i = 0; i < k; i++)
        {
            standardized &= c[i, i] > 0;
        }

        var rowSumsR = new double[k];
        double sumR = 0;
        if (standardized)
        {
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    var r = i == j ? 1 : c[i, j] / Math.Sqrt(c[i, i] * c[j, j]);
                    rowSumsR[i] += r;
                    sumR += r;
                }
            }
        }

        double? stdAlpha = standardized ? StandardizedAlpha(k, sumR) : null;
        double? averageR = standardized ? (sumR - k) / (k * (k - 1.0)) : null;

        var items = ImmutableArray.CreateBuilder<ItemReliability>(k);
        for (var i = 0; i < k; i++)
        {
            var restTotal = total - (2 * columnSums[i]) + c[i, i];
            var restTrace = trace - c[i, i];
            double? alphaDropped = k >= 3 ? Alpha(k - 1, restTrace, restTotal) : null;
            var denominator = c[i, i] * restTotal;
            double? rDrop = denominator > 0 ? (columnSums[i] - c[i, i]) / Math.Sqrt(denominator) : null;
            if (rDrop is null)
            {
                problems.Add(new Problem(
                    "alpha.zero-variance-item",
                    string.Create(CultureInfo.InvariantCulture, $"Item {i} or the rest of the scale has zero variance; its corrected item-total correlation is undefined."),
                    ProblemSeverity.Warning,
                    i.ToString(CultureInfo.InvariantCulture)));
            }

            double? stdDropped = standardized && k >= 3 ? StandardizedAlpha(k - 1, sumR - (2 * rowSumsR[i]) + 1) : null;
            var totalDenominator = c[i, i] * total;
            double? rawR = totalDenominator > 0 ? columnSums[i] / Math.Sqrt(totalDenominator) : null;
            items.Add(new ItemReliability(i, means[i], Math.Sqrt(c[i, i]), alphaDropped, rDrop)
            {
                StandardizedAlphaIfDropped = stdDropped,
                ItemTotalCorrelation = rawR,
            });
        }

        return new ReliabilityAnalysis(alpha, items.MoveToImmutable(), used, problems.ToList())
        {
            StandardizedAlpha = stdAlpha,
            AverageInterItemCorrelation = averageR,
        };
    }

    /// <summary>Cronbach's α of a response table given as a rectangular array <c>[respondent, item]</c>.</summary>
    /// <param name="responses">Keyed item values; NaN = missing.</param>
    /// <returns>α, item statistics and problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 item columns.</exception>
    public static ReliabilityAnalysis CronbachAlpha(double[,] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var flat = new double[responses.Length];
        var k = responses.GetLength(1);
        for (var r = 0; r < responses.GetLength(0); r++)
        {
            for (var i = 0; i < k; i++)
            {
                flat[(r * k) + i] = responses[r, i];
            }
        }

        return CronbachAlpha(flat, k);
    }

    /// <summary>
    /// Cronbach's α of a row-major table of raw (unkeyed) responses, reversing the given columns first as psych's <c>keys</c>
    /// do: x' = <paramref name="scaleMin"/> + <paramref name="scaleMax"/> − x, with the instrument's declared scale (psych uses the
    /// observed minimum and maximum of the table, which differ when nobody used an extreme).
    /// </summary>
    /// <param name="responses">Raw item values, row-major, <c>respondents × itemCount</c>; NaN = missing.</param>
    /// <param name="itemCount">Items (columns), at least 2.</param>
    /// <param name="reverseKeyedColumns">0-based columns to reverse (distinct, each in [0, itemCount)).</param>
    /// <param name="scaleMin">Lowest value of the response scale, finite.</param>
    /// <param name="scaleMax">Highest value of the response scale, finite, above <paramref name="scaleMin"/>.</param>
    /// <returns>α and item statistics of the keyed table, with <see cref="ReliabilityAnalysis.ReversedColumns"/>; a value outside the scale is reported (<c>alpha.outside-scale</c>) and treated as missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemCount"/> is below 2, the length is not a multiple of it, a column is outside the table or repeated, or the scale is not finite and increasing.</exception>
    public static ReliabilityAnalysis CronbachAlpha(ReadOnlySpan<double> responses, int itemCount, ReadOnlySpan<int> reverseKeyedColumns, double scaleMin, double scaleMax)
    {
        Guard.InRange(itemCount, 2, int.MaxValue);
        Guard.Finite(scaleMin);
        Guard.Finite(scaleMax);
        if (!(scaleMax > scaleMin))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleMax), scaleMax, string.Create(CultureInfo.InvariantCulture, $"must be above scaleMin ({scaleMin})."));
        }

        var reverse = new bool[itemCount];
        foreach (var column in reverseKeyedColumns)
        {
            Guard.InRange(column, 0, itemCount - 1, nameof(reverseKeyedColumns));
            if (reverse[column])
            {
                throw new ArgumentOutOfRangeException(nameof(reverseKeyedColumns), column, "Each column may be listed once.");
            }

            reverse[column] = true;
        }

        var keyed = responses.ToArray();
        var outside = 0;
        for (var j = 0; j < keyed.Length; j++)
        {
            var x = keyed[j];
            if (double.IsFinite(x) && (x < scaleMin || x > scaleMax))
            {
                outside++;
                keyed[j] = double.NaN;
            }
            else if (reverse[j % itemCount])
            {
                keyed[j] = scaleMin + scaleMax - x;
            }
        }

        var result = CronbachAlpha(keyed, itemCount);
        if (outside > 0)
        {
            var problems = new ProblemCollector();
            problems.Add(new Problem(
                "alpha.outside-scale",
                string.Create(CultureInfo.InvariantCulture, $"{outside} value(s) outside the scale [{scaleMin}, {scaleMax}] were treated as missing; reversing them would give values off the scale."),
                ProblemSeverity.Warning));
            problems.AddRange(result.Problems);
            result = result with { Problems = problems.ToList() };
        }

        return result with { ReversedColumns = [.. reverseKeyedColumns] };
    }

    private static double? StandardizedAlpha(int k, double sumR) => sumR > 0 ? k / (k - 1.0) * (1 - (k / sumR)) : null;

    private static double? Alpha(int k, double trace, double total) =>
        total > 0 ? k / (k - 1.0) * (1 - (trace / total)) : null;
}
