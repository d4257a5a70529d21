using System.Globalization;
using System.Text;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

public class Diag
{
    [Fact]
    public void Dump()
    {
        var sb = new StringBuilder();
        foreach (var reference in HrvReference.All)
        {
            var x = reference.RrMs;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var se = HrvMetrics.SampleEntropy(x);
            var tSe = sw.ElapsedMilliseconds; sw.Restart();
            var ap = HrvMetrics.ApproximateEntropy(x);
            var tAp = sw.ElapsedMilliseconds; sw.Restart();
            var dfa = HrvMetrics.DetrendedFluctuation(x);
            var tDfa = sw.ElapsedMilliseconds; sw.Restart();
            var k = (x.Length + 1) / 10;
            var nk = HrvMetrics.DetrendedFluctuation(x, new DfaOptions { ShortTermMinBeats = 4, ShortTermMaxBeats = 11, LongTermMinBeats = 12, LongTermMaxBeats = Math.Max(k, 13), Windowing = DfaWindowing.HalfOverlapping });
            var tNk = sw.ElapsedMilliseconds;
            var nolds = HrvMetrics.DetrendedFluctuation(x, new DfaOptions { LongTermMinBeats = 17 });
            sb.AppendLine(CultureInfo.InvariantCulture, $"{reference.SeriesId} n={x.Length} t={tSe}/{tAp}/{tDfa}/{tNk}ms");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  SampEn {se.Value:R} nk {reference.Number("neurokit2.hrv_nonlinear.values.HRV_SampEn"):R} r {se.ToleranceMs:R} fc {reference.Number("formula_check.SampEn_tolerance_0.2SD_ddof1"):R} {se.Problem}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  ApEn {ap.Value:R} nk {reference.Number("neurokit2.hrv_nonlinear.values.HRV_ApEn"):R} {ap.Problem}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  DFA def {dfa.Alpha1:R} {dfa.Alpha2:R} | nkopt {nk.Alpha1:R} {nk.Alpha2:R} | NK {reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha1"):R} {reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha2"):R}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  nolds-opt {nolds.Alpha1:R} {nolds.Alpha2:R} | pyhrv {reference.Number("pyhrv.dfa.values.dfa_alpha1"):R} {reference.Number("pyhrv.dfa.values.dfa_alpha2"):R} {string.Join(";", dfa.Problems)}");
        }

        File.WriteAllText("/tmp/hrvc-diag.txt", sb.ToString());
    }
}
