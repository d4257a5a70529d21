using RelationalNeuro.Change;
using RelationalNeuro.Endocrine;
using RelationalNeuro.Hrv;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// The same property for the numeric entry points the first pass left out: t tests, effect sizes from raw groups, the
/// biomarker, diurnal and reactivity profiles, CAR compliance, the area after an onset, trend bands, the autonomic
/// indexes, the HRV baseline over days, the spectrum, the resonance estimate and the breathing patterns.
/// </summary>
public partial class NumericPropertyTests
{
    private static double AnyProbability(Random random) => random.Next(3) == 0 ? AnyDouble(random) : random.NextDouble();

    // ---- change ----

    [Fact]
    public void TTests_AnyInput_TypedFinite() =>
        Holds("TTest", r =>
        {
            double[] a = AnyArray(r), b = r.Next(2) == 0 ? AnyArray(r) : [.. a.Select(v => v + AnyDouble(r))];
            double m1 = AnyDouble(r), s1 = AnyDouble(r), m2 = AnyDouble(r), s2 = AnyDouble(r), level = r.Next(3) == 0 ? AnyDouble(r) : 0.95;
            int n1 = HostileInts[r.Next(HostileInts.Length)], n2 = HostileInts[r.Next(HostileInts.Length)];
            var kind = (TTestKind)r.Next(0, 2);
            return (Show(a, b, m1, s1, n1, m2, s2, n2, kind, level), () => r.Next(4) switch
            {
                0 => (object)TTest.Independent(a, b, kind, level),
                1 => TTest.Paired(a, b.Length == a.Length ? b : a, level),
                2 => TTest.FromSummaries(m1, s1, n1, m2, s2, n2, kind, level),
                _ => TTest.Quantile(AnyProbability(r), r.Next(2) == 0 ? AnyDouble(r) : r.Next(1, 200)),
            });
        });

    [Fact]
    public void EffectSizesFromGroups_AnyInput_TypedFinite() =>
        Holds("EffectSize (groups)", r =>
        {
            double[] a = AnyArray(r), b = AnyArray(r);
            double s1 = AnyDouble(r), s2 = AnyDouble(r);
            int n1 = HostileInts[r.Next(HostileInts.Length)], n2 = HostileInts[r.Next(HostileInts.Length)];
            return (Show(a, b, s1, n1, s2, n2), () => r.Next(4) switch
            {
                0 => EffectSize.CohensD(a, b),
                1 => EffectSize.HedgesG(a, b, (HedgesCorrection)r.Next(0, 2)),
                2 => EffectSize.PooledStandardDeviation(a, b),
                _ => EffectSize.PooledStandardDeviation(s1, n1, s2, n2),
            });
        });

    [Fact]
    public void TrendBand_AnyInput_TypedFinite() =>
        Holds("TrendBand.At", r =>
        {
            var values = AnyArray(r);
            var weeks = Increasing(r, values.Length);
            double[] at = [.. Enumerable.Range(0, r.Next(0, 5)).Select(_ => AnyDouble(r))];
            return (Show(weeks, values, at), () =>
            {
                TrendResult trend;
                try
                {
                    trend = Trend.Fit(weeks, values, ChangeDirection.HigherIsBetter);
                }
                catch (ArgumentException)
                {
                    return null; // Trend.Fit's own property is checked above; here only the band of a fitted trend
                }

                return TrendBand.At(trend, weeks, values, at);
            });
        });

    // ---- endocrine ----

    [Fact]
    public void EndocrineAnalyses_AnyInput_TypedFinite() =>
        Holds("BiomarkerProfile/DiurnalCortisol/StressReactivity/CarCompliance/Auc.ComputeAfter/Oxytocin", r =>
        {
            var n = r.Next(0, 9);
            var times = r.Next(2) == 0 ? Increasing(r, n) : Enumerable.Range(0, n).Select(_ => AnyDouble(r)).ToArray();
            var values = Enumerable.Range(0, n).Select(_ => r.Next(2) == 0 ? 5 + (r.NextDouble() * 20) : AnyDouble(r)).ToArray();
            var nominal = r.Next(2) == 0 ? [.. times] : Enumerable.Range(0, n).Select(_ => AnyDouble(r)).ToArray();
            var onset = r.Next(2) == 0 ? 0 : AnyDouble(r);
            return (Show(times, values, nominal, onset), () => r.Next(6) switch
            {
                0 => (object)BiomarkerProfile.Analyze(times, values, r.Next(2) == 0 ? Analyte.Oxytocin : Analyte.Cortisol),
                1 => DiurnalCortisol.Analyze(times, values),
                2 => StressReactivity.Analyze(times, values),
                3 => CarCompliance.Check(times, values, nominal),
                4 => Auc.ComputeAfter(times, values, onset, MissingValuePolicy.Omit),
                _ => OxytocinConcentration.From(AnyDouble(r), (OxytocinUnit)r.Next(0, 2)).ToString(),
            });
        });

    // ---- HRV ----

    [Fact]
    public void Autonomic_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.Autonomic", r => { var x = AnyArray(r); return (Show(x), () => HrvMetrics.Autonomic(x)); });

    [Fact]
    public void PowerSpectralDensity_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.PowerSpectralDensity", r =>
        {
            var x = AnyArray(r);
            var options = FrequencyDomainOptions.Default with { Method = r.Next(2) == 0 ? SpectralMethod.Welch : SpectralMethod.LombScargle };
            return (Show(x, options.Method), () => HrvMetrics.PowerSpectralDensity(x, options));
        });

    [Fact]
    public void ResonanceEstimate_AnyInput_TypedFiniteBounded() =>
        Holds("ResonanceFrequency.Estimate", r =>
        {
            var x = AnyArray(r);
            var segments = Enumerable.Range(0, r.Next(0, 4))
                .Select(i => r.Next(2) == 0
                    ? new PacedBreathingSegment(i * 120, (i + 1) * 120, 4.5 + i)
                    : new PacedBreathingSegment(AnyDouble(r), AnyDouble(r), AnyDouble(r)))
                .ToArray();
            var criterion = (ResonanceCriterion)r.Next(0, Enum.GetValues<ResonanceCriterion>().Length);
            return (Show(x) + $", {segments.Length} segments, {criterion}", () => ResonanceFrequency.Estimate(x, segments, criterion));
        });

    [Fact]
    public void DailyBaseline_AnyInput_TypedFinite() =>
        Holds("DailyBaseline", r =>
        {
            var x = AnyArray(r);
            var start = new DateOnly(2026, 1, 1);
            var days = x.Select((v, i) => new DailyValue(start.AddDays(r.Next(4) == 0 ? r.Next(-3, 3) + i : i), v)).ToArray();
            double? value = r.Next(4) == 0 ? null : AnyDouble(r), lower = r.Next(4) == 0 ? null : AnyDouble(r), upper = r.Next(4) == 0 ? null : AnyDouble(r);
            return (Show(x) + $", {value}, {lower}, {upper}", () => r.Next(2) == 0 ? DailyBaseline.Compute(days) : DailyBaseline.Classify(value, lower, upper));
        });

    // ---- interventions ----

    [Fact]
    public void BreathingPatterns_AnyInput_TypedFinite() =>
        Holds("BreathingPatterns", r =>
        {
            double count = AnyDouble(r), rate = r.Next(2) == 0 ? 3 + (r.NextDouble() * 5) : AnyDouble(r), fraction = AnyProbability(r);
            var cycles = HostileInts[r.Next(HostileInts.Length)];
            return (Show(count, cycles, rate, fraction), () => r.Next(2) == 0 ? BreathingPatterns.FourSevenEight(count, cycles) : BreathingPatterns.Resonance(rate, fraction));
        });

    // ---- questionnaires ----

    [Fact]
    public void QuestionnaireScoring_AnyAnswers_TypedFinite() =>
        Holds("InstrumentScorer.Score/AttachmentStyles/FhirMapper.ToQuestionnaireResponseJson", r =>
        {
            var ids = RelationalNeuro.Questionnaires.InstrumentCatalog.Ids;
            var definition = RelationalNeuro.Questionnaires.InstrumentCatalog.Get(ids[r.Next(ids.Length)]);
            var answers = Enumerable.Range(0, r.Next(3) == 0 ? r.Next(0, 2 * definition.Items.Length) : definition.Items.Length)
                .Select(_ => r.Next(5) switch
                {
                    0 => (double?)null,
                    1 => AnyDouble(r),
                    _ => definition.Scale.Min + r.Next(0, (int)(definition.Scale.Max - definition.Scale.Min) + 1),
                })
                .ToArray();
            double anxiety = r.Next(2) == 0 ? AnyDouble(r) : 1 + (r.NextDouble() * 6), avoidance = r.Next(2) == 0 ? AnyDouble(r) : 1 + (r.NextDouble() * 6);
            return ($"{definition.Id}, " + Show(answers.Select(a => a ?? double.NaN).ToArray(), anxiety, avoidance), () => r.Next(4) switch
            {
                0 => (object)new RelationalNeuro.Questionnaires.InstrumentScorer(definition).Score(answers),
                1 => RelationalNeuro.Questionnaires.AttachmentStyles.Classify(anxiety, avoidance),
                2 => RelationalNeuro.Questionnaires.AttachmentStyles.ClassifyRelationshipQuestionnaire(answers.Take(4).ToArray()),
                _ => RelationalNeuro.Questionnaires.FhirMapper.ToQuestionnaireResponseJson(definition, answers),
            });
        });

    // ---- live ----

    [Fact]
    public void HeartRateMeasurement_AnyBytes_TypedFinite() =>
        Holds("HeartRateMeasurementParser.TryParse", r =>
        {
            var bytes = new byte[r.Next(0, 41)];
            r.NextBytes(bytes);
            return (Convert.ToHexString(bytes), () =>
            {
                var ok = RelationalNeuro.Hrv.Live.HeartRateMeasurementParser.TryParse(bytes, out var measurement, out var error);
                return (object)(ok, measurement, RelationalNeuro.Hrv.Live.HeartRateMeasurementParser.Describe(error));
            });
        });
}
