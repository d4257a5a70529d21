using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>Pre/post change of the outcomes a plan's interventions target, with the reliable change index where possible.</summary>
public static class OutcomeChanges
{
    /// <summary>
    /// The key an outcome's values are found under: the measure alone (<c>hrv.rmssd</c>, <c>PSS-10</c>) or
    /// measure/subscale (<c>DERS-36/Clarity</c>). Reliability inputs passed to <see cref="Compute"/> are keyed by it.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    public static string KeyOf(TargetedOutcome outcome)
    {
        Guard.NotNull(outcome);
        return outcome.Subscale is null ? outcome.Measure : outcome.Measure + "/" + outcome.Subscale;
    }

    /// <summary>Computes pre/post change for every distinct outcome targeted by the plan's interventions.</summary>
    /// <param name="plan">The plan (its client, start date and time zone are used).</param>
    /// <param name="measurements">The client's measurements (other clients' are ignored).</param>
    /// <param name="scores">The client's questionnaire scores (other clients' are ignored).</param>
    /// <param name="interventions">Where the plan's intervention ids are looked up, e.g. <see cref="InterventionCatalog.All"/> or <see cref="PracticeStoreOptions.Interventions"/>.</param>
    /// <param name="reliableChangeInputs">Reliability and norm SD per <see cref="KeyOf"/> key (exact, ordinal), or null; outcomes without both get no index.</param>
    /// <returns>One <see cref="OutcomeChange"/> per distinct key, in plan then outcome order, and plan-level problems.</returns>
    /// <remarks>
    /// <para><b>Values</b>: a <see cref="OutcomeKind.Questionnaire"/> outcome reads <see cref="QuestionnaireScore"/>s whose
    /// <see cref="QuestionnaireScore.InstrumentId"/> equals the measure and whose <see cref="QuestionnaireScore.Scores"/> has the
    /// subscale (<c>total</c> when the outcome names none); every other kind reads <see cref="Measurement"/>s whose
    /// <see cref="Measurement.Metric"/> equals the measure. Names compare ordinal ignoring case (the catalog writes
    /// <c>PSS-10</c>, the questionnaire catalog <c>pss-10</c>).</para>
    /// <para><b>Pre</b> is the last value whose date in the plan's time zone is on or before <see cref="PracticePlan.StartDate"/>
    /// (a baseline taken on the first morning counts); <b>post</b> is the latest value dated after it. Equal times: the later
    /// in input order wins. Missing pre or post gives a problem (<c>outcome.no-pre</c>, <c>outcome.no-post</c>), not an
    /// exception.</para>
    /// <para><b>Reliable change</b>: <see cref="ReliableChange.Compute(double, double, double, double, ChangeDirection)"/>
    /// (Jacobson &amp; Truax 1991, critical value 1.96) with the caller's reliability and norm SD for the key; missing ones give
    /// a warning (<c>outcome.no-rci-inputs</c>), invalid ones (reliability outside [0, 1), SD ≤ 0) an error
    /// (<c>outcome.bad-rci-inputs</c>). An intervention id the list does not know gives <c>outcome.unknown-intervention</c>
    /// in the report's problems; two interventions targeting one key in opposite directions give
    /// <c>outcome.conflicting-direction</c> (the first direction is used).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="reliableChangeInputs"/> is null.</exception>
    /// <exception cref="TimeZoneNotFoundException">The plan's time zone is unknown on this machine.</exception>
    public static OutcomeChangeReport Compute(
        PracticePlan plan,
        IEnumerable<Measurement> measurements,
        IEnumerable<QuestionnaireScore> scores,
        IReadOnlyList<Intervention> interventions,
        IReadOnlyDictionary<string, ReliableChangeInputs>? reliableChangeInputs = null)
    {
        Guard.NotNull(plan);
        Guard.NotNull(measurements);
        Guard.NotNull(scores);
        Guard.NotNull(interventions);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var reportProblems = new ProblemCollector();
        var order = new List<string>();
        var byKey = new Dictionary<string, (TargetedOutcome Outcome, List<string> Ids, ProblemCollector Problems)>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in plan.Assignments)
        {
            var intervention = interventions.FirstOrDefault(i => i.Id == assignment.InterventionId);
            if (intervention is null)
            {
                reportProblems.Add(new Problem("outcome.unknown-intervention", $"Intervention '{assignment.InterventionId}' is not in the list given; its outcomes are not reported.", ProblemSeverity.Error, assignment.InterventionId));
                continue;
            }

            foreach (var outcome in intervention.Outcomes)
            {
                var key = KeyOf(outcome);
                if (!byKey.TryGetValue(key, out var entry))
                {
                    entry = (outcome, new List<string>(), new ProblemCollector());
                    byKey.Add(key, entry);
                    order.Add(key);
                }
                else if (entry.Outcome.Direction != outcome.Direction)
                {
                    entry.Problems.Add(new Problem("outcome.conflicting-direction", $"'{intervention.Id}' expects {outcome.Direction} but '{entry.Ids[0]}' expects {entry.Outcome.Direction}; the first is used.", ProblemSeverity.Warning, key));
                }

                if (!entry.Ids.Contains(intervention.Id))
                {
                    entry.Ids.Add(intervention.Id);
                }
            }
        }

        var measurementList = measurements.Where(m => m is not null && m.ClientId == plan.ClientId).ToList();
        var scoreList = scores.Where(s => s is not null && s.ClientId == plan.ClientId).ToList();
        var result = new List<OutcomeChange>(order.Count);
        foreach (var key in order)
        {
            var (outcome, ids, problems) = byKey[key];
            var values = outcome.Kind == OutcomeKind.Questionnaire
                ? scoreList
                    .Where(s => string.Equals(s.InstrumentId, outcome.Measure, StringComparison.OrdinalIgnoreCase))
                    .Select(s => (At: s.CompletedAt, Value: Find(s.Scores, outcome.Subscale ?? "total")))
                    .Where(v => v.Value is not null)
                    .Select(v => (v.At, Value: v.Value!.Value))
                : measurementList
                    .Where(m => string.Equals(m.Metric, outcome.Measure, StringComparison.OrdinalIgnoreCase))
                    .Select(m => (At: m.MeasuredAt, m.Value));
            (double Value, DateTimeOffset At)? pre = null, post = null;
            foreach (var (at, value) in values)
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
                if (day <= plan.StartDate)
                {
                    if (pre is null || at >= pre.Value.At)
                    {
                        pre = (value, at);
                    }
                }
                else if (post is null || at >= post.Value.At)
                {
                    post = (value, at);
                }
            }

            if (pre is null)
            {
                problems.Add(new Problem("outcome.no-pre", $"No value of '{key}' on or before the plan's start {plan.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.", ProblemSeverity.Error, key));
            }

            if (post is null)
            {
                problems.Add(new Problem("outcome.no-post", $"No value of '{key}' after the plan's start {plan.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.", ProblemSeverity.Error, key));
            }

            double? change = null;
            bool? improved = null;
            ReliableChangeResult? rci = null;
            if (pre is { } p && post is { } q)
            {
                change = q.Value - p.Value;
                improved = outcome.Direction == ChangeDirection.HigherIsBetter ? change > 0 : change < 0;
                rci = Reliable(key, p.Value, q.Value, outcome.Direction, reliableChangeInputs, problems);
            }

            result.Add(new OutcomeChange(outcome, key, ids, pre?.Value, pre?.At, post?.Value, post?.At, change, improved, rci, problems.ToList()));
        }

        return new OutcomeChangeReport(plan.Id, result, reportProblems.ToList());
    }

    private static ReliableChangeResult? Reliable(
        string key,
        double pre,
        double post,
        ChangeDirection direction,
        IReadOnlyDictionary<string, ReliableChangeInputs>? inputs,
        ProblemCollector problems)
    {
        if (inputs is null || !inputs.TryGetValue(key, out var given) || given?.Reliability is not double r || given.NormStandardDeviation is not double sd)
        {
            problems.Add(new Problem("outcome.no-rci-inputs", $"No reliability and norm SD were supplied for '{key}'; no reliable change index.", ProblemSeverity.Warning, key));
            return null;
        }

        if (!(r >= 0 && r < 1) || !(sd > 0 && double.IsFinite(sd)))
        {
            problems.Add(new Problem(
                "outcome.bad-rci-inputs",
                $"Reliability {r.ToString("G", CultureInfo.InvariantCulture)} must lie in [0, 1) and norm SD {sd.ToString("G", CultureInfo.InvariantCulture)} must be greater than 0.",
                ProblemSeverity.Error,
                key));
            return null;
        }

        return ReliableChange.Compute(pre, post, r, sd, direction);
    }

    private static double? Find(IReadOnlyDictionary<string, double> scores, string name)
    {
        if (scores.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (k, v) in scores)
        {
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
