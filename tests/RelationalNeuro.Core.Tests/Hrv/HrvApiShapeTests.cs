using System.Reflection;
using System.Runtime.CompilerServices;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The shape rules of issue 12 for Hrv: every call that takes an <see cref="RrSeries"/> has <c>options = null</c> like its
/// span twin and gives the same answer, and a result's <c>ToString()</c> names its problem count and codes. The expected
/// problems follow from the documented minimums (SDSD needs 3 intervals; SDANN two complete 5-min segments;
/// Lipponen–Tarvainen 3 intervals) and RrSeries' refusal of non-finite values.
/// </summary>
public sealed class HrvApiShapeTests
{
    /// <summary>Seeded RR around 800 ms with a 0.1-Hz modulation and noise, plus one value 40 % long (an artifact to flag).</summary>
    private static double[] Recording()
    {
        var random = new Random(12);
        var rr = new double[400];
        var t = 0.0;
        for (var i = 0; i < rr.Length; i++)
        {
            rr[i] = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (20 * (random.NextDouble() - 0.5));
            t += rr[i] / 1000;
        }

        rr[200] *= 1.4;
        return rr;
    }

    [Fact]
    public void AnalyzeRrSeries_WithoutOptions_CompilesAndEqualsTheSpanCall()
    {
        var rr = Recording();
        var series = RrSeries.FromIntervalsMs(rr);

        var fromSeries = HrvAnalysis.Analyze(series, cancellationToken: TestContext.Current.CancellationToken);
        var fromSpan = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(fromSpan.ToJson(), fromSeries.ToJson());
        Assert.Equal(fromSpan.ToCsvRow(), fromSeries.ToCsvRow());
        Assert.Equal(HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken).ToJson(), fromSeries.ToJson());
        Assert.NotEqual(0, fromSeries.Artifacts!.FlaggedCount);
    }

    [Fact]
    public void ProcessRrSeries_WithoutOptions_CompilesAndEqualsTheSpanCall()
    {
        var rr = Recording();

        var fromSeries = Artifacts.Process(RrSeries.FromIntervalsMs(rr));
        var fromSpan = Artifacts.Process(rr);
        var withDefault = Artifacts.Process(rr, ArtifactOptions.Default);

        Assert.Contains(200, fromSeries.FlaggedIndices);
        foreach (var other in new[] { fromSpan, withDefault })
        {
            Assert.Equal(other.NnIntervalsMs.ToArray(), fromSeries.NnIntervalsMs.ToArray());
            Assert.Equal(other.Flags, fromSeries.Flags);
            Assert.Equal(other.FlaggedIndices, fromSeries.FlaggedIndices);
            Assert.Equal(other.Problems, fromSeries.Problems);
            Assert.Equal(other.Method, fromSeries.Method);
        }
    }

    [Fact]
    public void FlaggedIndices_IsTheSamePropertyOnTheResultAndTheReportSummary()
    {
        var rr = Recording();

        var result = Artifacts.Process(rr);
        var summary = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken).Artifacts!;

        Assert.Equal(result.Flags.Select(f => f.Index), result.FlaggedIndices);
        Assert.Same(result.FlaggedIndices, result.FlaggedIndices);
        Assert.Equal(result.FlaggedIndices, summary.FlaggedIndices);
        Assert.Equal(typeof(ArtifactResult).GetProperty(nameof(ArtifactResult.FlaggedIndices))!.PropertyType, typeof(HrvArtifactSummary).GetProperty(nameof(HrvArtifactSummary.FlaggedIndices))!.PropertyType);
    }

    [Fact]
    public void TimeDomainResultToString_TwoIntervals_ShowsTheProblemCountAndCodes()
    {
        // Two intervals: every 2-interval metric exists; SDSD (minimum 3) and SDANN/SDNN index (two 5-min segments) do not.
        var result = HrvMetrics.TimeDomain([800, 810]);

        var text = result.ToString();

        Assert.Contains("Problems = 2 problems (hrv.too-few-beats, hrv.recording-too-short)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Problem[]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ArtifactResultToString_TooFewIntervals_ShowsTheProblemCountAndCode()
    {
        var result = Artifacts.Process([800, 810]);

        var text = result.ToString();

        Assert.Contains("Problems = 1 problem (artifacts.too-few-intervals)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Problem[]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HrvReportToString_NaNOnly_ShowsTheProblemCountAndCodes()
    {
        var report = HrvAnalysis.Analyze([double.NaN], cancellationToken: TestContext.Current.CancellationToken);

        var text = report.ToString();

        // The report's own list (input problem, then the analysis's), and the input summary's.
        Assert.Contains("Problems = 2 problems (rr.non-finite, hrv.no-intervals)", text, StringComparison.Ordinal);
        Assert.Contains("Problems = 1 problem (rr.non-finite)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Problem[]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("List`1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_AfterAJsonRoundTrip_AreStillAProblemList()
    {
        var report = HrvAnalysis.Analyze([double.NaN, 800], cancellationToken: TestContext.Current.CancellationToken);

        var copy = HrvReport.FromJson(report.ToJson());

        Assert.IsType<ProblemList>(copy.Problems);
        Assert.IsType<ProblemList>(copy.Input.Problems);
        Assert.Equal(report.Problems, copy.Problems);
        Assert.Contains("Problems = 1 problem (rr.non-finite)", copy.Input.ToString(), StringComparison.Ordinal);
        Assert.Equal(report.ToJson(), copy.ToJson());
    }

    [Fact]
    public void Problems_OfEveryHrvResultType_IsDeclaredIReadOnlyListOfProblem()
    {
        var types = typeof(HrvReport).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "RelationalNeuro.Hrv" && t.GetProperty("Problems") is not null)
            .ToArray();

        Assert.Contains(typeof(ArtifactResult), types);
        Assert.Contains(typeof(SampleEntropyResult), types);
        Assert.All(types, t => Assert.Equal(typeof(IReadOnlyList<Problem>), t.GetProperty("Problems")!.PropertyType));
        Assert.All(types, t => Assert.Null(t.GetProperty("Problem")));
        // A record (class or struct) has the compiler's PrintMembers; a record class also its <Clone>$.
        Assert.All(types, t => Assert.True(
            t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic) is not null
                && (t.IsValueType ? t.IsDefined(typeof(IsReadOnlyAttribute), false) : t.IsSealed && t.GetMethod("<Clone>$") is not null),
            $"{t.Name} is neither a readonly record struct nor a sealed record."));
    }

    [Fact]
    public void Problems_OfADefaultStructResult_IsTheEmptyProblemList()
    {
        Assert.Same(ProblemList.Empty, default(TimeDomainResult).Problems);
        Assert.Same(ProblemList.Empty, default(SampleEntropyResult).Problems);
        Assert.Same(ProblemList.Empty, default(FrequencyDomainResult).Problems);
        Assert.Same(ProblemList.Empty, default(HrvInputSummary).Problems);
        Assert.Same(ProblemList.Empty, new DfaResult(1, 1, null!).Problems);
    }
}
