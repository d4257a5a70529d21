using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The reliable change index of Jacobson &amp; Truax (1991) (<see cref="Change.ReliableChange"/>) fed by an instrument
/// definition's published reliability (<see cref="SubscaleDefinition.Reliability"/>) and norms
/// (<see cref="SubscaleDefinition.Norms"/>), either of which the caller may override.
/// </summary>
/// <remarks>
/// <para><b>Reliability</b>: the override wins; otherwise the definition's <b>test–retest</b> correlation, and only when
/// none is given, Cronbach's α (with a warning). Jacobson &amp; Truax (1991, p. 14) define r_xx as the test–retest
/// reliability of the measure; a pre/post difference contains occasion-to-occasion error, which a retest correlation
/// measures and α (item-sampling error on one occasion) does not. α is usually the higher figure, so using it gives a
/// smaller S_diff and calls more changes reliable (TEQ: α 0.87 vs retest 0.81 gives an S_diff √(0.19/0.13) = 1.21 times larger with the retest figure).</para>
/// <para><b>Norm SD</b>: the override wins; otherwise the first of the subscale's <see cref="NormativeData"/> (in definition
/// order) that gives a standard deviation, with a warning when several with different SDs exist. Jacobson &amp; Truax use
/// the SD of the pre-treatment (clinical) population; most catalog subscales publish none, so supply one.</para>
/// <para>Missing or out-of-range inputs (a reliability outside [0, 1), which a definition may hold since it only needs to be
/// a correlation) give <see cref="InstrumentReliableChange.Result"/> = null and an error <see cref="Problem"/>, never an
/// exception. Codes: <c>change.no-reliability</c>, <c>change.no-norm-sd</c>, <c>change.bad-reliability</c>,
/// <c>change.bad-norm-sd</c>; warnings <c>change.alpha-used</c>, <c>change.several-norms</c>.</para>
/// </remarks>
public static class InstrumentChange
{
    /// <summary>Computes the reliable change index on one subscale (critical value 1.96).</summary>
    /// <param name="instrument">The instrument definition.</param>
    /// <param name="subscaleId">The subscale's id (ordinal), e.g. <c>"total"</c>.</param>
    /// <param name="pre">Score before, in the subscale's unit.</param>
    /// <param name="post">Score after, in the subscale's unit.</param>
    /// <param name="direction">Which direction is better on this subscale.</param>
    /// <param name="overrides">Reliability and/or norm SD to use instead of the definition's; null members fall back to it.</param>
    /// <returns>The index (or null) with its inputs, their sources and the problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> or <paramref name="subscaleId"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument has no subscale <paramref name="subscaleId"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pre"/> or <paramref name="post"/> is not finite.</exception>
    public static InstrumentReliableChange ReliableChange(
        InstrumentDefinition instrument,
        string subscaleId,
        double pre,
        double post,
        ChangeDirection direction,
        ReliableChangeInputs? overrides = null)
    {
        Guard.NotNull(instrument);
        Guard.NotNull(subscaleId);
        Guard.Finite(pre);
        Guard.Finite(post);
        var subscale = instrument.FindSubscale(subscaleId)
            ?? throw new ArgumentException(
                $"Instrument '{instrument.Id}' has no subscale '{subscaleId}'; its subscales are: {string.Join(", ", instrument.Subscales.Select(s => s.Id))}.",
                nameof(subscaleId));
        var location = instrument.Id + "/" + subscale.Id;
        var problems = new ProblemCollector();

        double? reliability;
        ReliabilityChoice choice;
        if (overrides?.Reliability is double r)
        {
            (reliability, choice) = (r, ReliabilityChoice.Override);
        }
        else if (subscale.Reliability?.TestRetest is double retest)
        {
            (reliability, choice) = (retest, ReliabilityChoice.TestRetest);
        }
        else if (subscale.Reliability?.CronbachAlpha is double alpha)
        {
            (reliability, choice) = (alpha, ReliabilityChoice.CronbachAlpha);
            problems.Add(new Problem(
                "change.alpha-used",
                $"No test-retest reliability is given; Cronbach's alpha {Str(alpha)} is used instead ({subscale.Reliability.Source}). Alpha omits occasion-to-occasion error, so the index is more liberal.",
                ProblemSeverity.Warning,
                location));
        }
        else
        {
            (reliability, choice) = (null, ReliabilityChoice.None);
            problems.Add(new Problem("change.no-reliability", "The definition gives no reliability for this subscale and none was supplied; pass ReliableChangeInputs.Reliability.", ProblemSeverity.Error, location));
        }

        double? sd = null;
        string? normSource = null;
        if (overrides?.NormStandardDeviation is double overrideSd)
        {
            (sd, normSource) = (overrideSd, "override");
        }
        else
        {
            var withSd = subscale.Norms.Where(n => n.StandardDeviation is not null).ToList();
            if (withSd.Count == 0)
            {
                problems.Add(new Problem("change.no-norm-sd", "The definition gives no norm standard deviation for this subscale and none was supplied; pass ReliableChangeInputs.NormStandardDeviation.", ProblemSeverity.Error, location));
            }
            else
            {
                var norm = withSd[0];
                (sd, normSource) = (norm.StandardDeviation, $"{norm.Population} ({norm.Source})");
                if (withSd.Any(n => n.StandardDeviation != norm.StandardDeviation))
                {
                    problems.Add(new Problem(
                        "change.several-norms",
                        $"Several norms give an SD; the first, {Str(norm.StandardDeviation!.Value)} for {norm.Population}, is used. Override it to choose another population.",
                        ProblemSeverity.Warning,
                        location));
                }
            }
        }

        if (reliability is double rel && !(rel >= 0 && rel < 1))
        {
            problems.Add(new Problem("change.bad-reliability", $"Reliability {Str(rel)} ({choice}) must lie in [0, 1) for the reliable change index.", ProblemSeverity.Error, location));
        }

        if (sd is double s && !(s > 0 && double.IsFinite(s)))
        {
            problems.Add(new Problem("change.bad-norm-sd", $"Norm standard deviation {Str(s)} must be finite and greater than 0.", ProblemSeverity.Error, location));
        }

        ReliableChangeResult? result = problems.HasErrors
            ? null
            : Change.ReliableChange.Compute(pre, post, reliability!.Value, sd!.Value, direction);
        return new InstrumentReliableChange(instrument.Id, subscale.Id, reliability, choice, sd, normSource, result, problems.ToList());
    }

    private static string Str(double x) => x.ToString("G", CultureInfo.InvariantCulture);
}
