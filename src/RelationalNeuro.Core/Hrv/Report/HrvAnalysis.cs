using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// One-call HRV analysis: raw RR intervals in, one immutable <see cref="HrvReport"/> out. The stages run in order —
/// input screening (<see cref="RrSeries.FromIntervalsMs"/>: non-finite values and values outside
/// [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms refused with a problem),
/// artifact detection and correction (<see cref="Artifacts.Process(ReadOnlySpan{double}, ArtifactOptions?)"/>), then on
/// the corrected NN series <see cref="HrvMetrics.TimeDomain"/>, <see cref="HrvMetrics.Poincare"/>,
/// <see cref="HrvMetrics.FrequencyDomain"/>, <see cref="HrvMetrics.SampleEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>,
/// <see cref="HrvMetrics.ApproximateEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>, <see cref="HrvMetrics.DetrendedFluctuation"/> and
/// <see cref="HrvMetrics.Autonomic"/>, each with its options
/// from <see cref="HrvAnalysisOptions"/>. The report's metrics are exactly those calls' results. See docs/hrv.md.
/// </summary>
/// <remarks>
/// Cost: every stage but entropy is linear in the number of beats (the spectrum is bounded by
/// <see cref="HrvMetrics.MaximumSpectralPoints"/>); entropy is computed on at most <see cref="EntropyOptions.MaximumIntervals"/>
/// intervals. A <see cref="CancellationToken"/> is observed between stages and every 4,096 templates inside the entropy
/// counts; cancellation throws <see cref="OperationCanceledException"/>. See docs/reliability.md.
/// </remarks>
public static class HrvAnalysis
{
    /// <summary>Analyses one recording of RR intervals in ms. Bad values never throw: they are refused and reported.</summary>
    /// <param name="rrMs">Raw RR intervals in ms (may hold NaN, ±∞ or values ≤ 0: they are refused with problems).</param>
    /// <param name="options">Stage options; null for <see cref="HrvAnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed between stages and inside the entropy counts.</param>
    /// <returns>The report (<see cref="HrvReport.RecordingId"/> null; set it with <c>with { RecordingId = "..." }</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A stage option is out of range (a programmer error, not a data problem).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Issue 12: the RrSeries overload takes options = null like its span twin; the first parameters differ in type, so no call is ambiguous.")]
    public static HrvReport Analyze(ReadOnlySpan<double> rrMs, HrvAnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        Analyze(RrSeries.FromIntervalsMs(rrMs), options, null, rrMs.Length, cancellationToken);

    /// <summary>Analyses one recording already read into an <see cref="RrSeries"/> (e.g. by <c>RrReader</c>); the series' problems come first in <see cref="HrvReport.Problems"/> and are in <see cref="HrvInputSummary.Problems"/>.</summary>
    /// <param name="series">The RR series.</param>
    /// <param name="options">Stage options; null for <see cref="HrvAnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed between stages and inside the entropy counts.</param>
    /// <returns>The report (<see cref="HrvReport.RecordingId"/> null).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A stage option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Issue 12: the RrSeries overload takes options = null like its span twin; the first parameters differ in type, so no call is ambiguous.")]
    public static HrvReport Analyze(RrSeries series, HrvAnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Analyze(series, options, null, series.Count, cancellationToken);
    }

    /// <summary>
    /// Analyses one recording whose artifact step has already run — e.g. a page that shows the flags before the report:
    /// the report is the one <see cref="Analyze(RrSeries, HrvAnalysisOptions?, CancellationToken)"/> gives with the same
    /// options, without detecting and correcting the artifacts a second time.
    /// </summary>
    /// <param name="series">The RR series.</param>
    /// <param name="artifacts">The result of <see cref="Artifacts.Process(RrSeries, ArtifactOptions?)"/> on <paramref name="series"/> with <paramref name="options"/>' <see cref="HrvAnalysisOptions.Artifacts"/>.</param>
    /// <param name="options">Stage options (<see cref="HrvAnalysisOptions.Default"/> for the defaults).</param>
    /// <param name="cancellationToken">Observed between stages and inside the entropy counts.</param>
    /// <returns>The report (<see cref="HrvReport.RecordingId"/> null).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="artifacts"/> was computed on another series (a different number or sum of intervals) or with other artifact options than <paramref name="options"/>' <see cref="HrvAnalysisOptions.Artifacts"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A stage option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Sixth session: options are required here, so a call with two arguments still means the RrSeries overload and no call is ambiguous.")]
    public static HrvReport Analyze(RrSeries series, ArtifactResult artifacts, HrvAnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(options);
        var sum = 0.0;
        foreach (var v in series.IntervalsMs)
        {
            sum += v;
        }

        if (artifacts.InputCount != series.Count || !sum.Equals(artifacts.InputSumMs))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The artifact result is for another series: {artifacts.InputCount} intervals summing to {artifacts.InputSumMs} ms, the series has {series.Count} summing to {sum} ms."),
                nameof(artifacts));
        }

        if (!artifacts.Options.Equals(options.Artifacts))
        {
            throw new ArgumentException("The artifact result was computed with other artifact options than options.Artifacts.", nameof(artifacts));
        }

        return Analyze(series, options, null, series.Count, cancellationToken, artifacts);
    }

    /// <summary>
    /// Analyses many recordings in parallel on all cores (<see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>).
    /// A recording with bad data — NaN, nothing usable, even a null array — gives a report with problems; it never fails the batch.
    /// </summary>
    /// <param name="recordings">Each recording's id and raw RR intervals in ms.</param>
    /// <param name="options">Stage options shared by all recordings; null for the defaults.</param>
    /// <param name="progress">Told once per finished recording (in completion order); optional.</param>
    /// <param name="cancellationToken">Stops the batch, also inside a running recording's analysis (between stages and inside the entropy counts); the task then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One report per recording, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recordings"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public static async Task<IReadOnlyList<HrvReport>> AnalyzeManyAsync(
        IReadOnlyList<(string Id, double[] RrMs)> recordings,
        HrvAnalysisOptions? options = null,
        IProgress<HrvBatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        options ??= HrvAnalysisOptions.Default;
        var reports = new HrvReport[recordings.Count];
        var completed = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, recordings.Count), parallel, (index, token) =>
        {
            token.ThrowIfCancellationRequested();
            var (id, rr) = recordings[index];
            reports[index] = AnalyzeOne(id, rr, options, token);
            var done = Interlocked.Increment(ref completed);
            progress?.Report(new HrvBatchProgress(done, recordings.Count, id, index));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return reports;
    }

    private static HrvReport AnalyzeOne(string id, double[]? rrMs, HrvAnalysisOptions options, CancellationToken cancellationToken)
    {
        if (rrMs is null)
        {
            return Rejected(id, new Problem("hrv.no-data", "The recording has no RR array (null).", ProblemSeverity.Error));
        }

        try
        {
            return Analyze(RrSeries.FromIntervalsMs(rrMs), options, id, rrMs.Length, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            // Data never reaches a throwing guard (RrSeries refuses bad values first); this is the batch's last line of defence.
            return Rejected(id, new Problem(
                "hrv.analysis-failed",
                string.Create(CultureInfo.InvariantCulture, $"The recording could not be analysed: {exception.Message}"),
                ProblemSeverity.Error));
        }
    }

    private static HrvReport Rejected(string id, Problem problem) => new(
        id,
        new HrvInputSummary(0, 0, 0, null, null, null, 0, ProblemList.Empty),
        null, null, null, null, null, null, null,
        ProblemList.Create([problem]));

    private static HrvReport Analyze(RrSeries series, HrvAnalysisOptions? options, string? recordingId, int inputCount, CancellationToken cancellationToken, ArtifactResult? artifactStep = null)
    {
        options ??= HrvAnalysisOptions.Default;
        Guard.Positive(options.MaxDegreeOfParallelism);
        cancellationToken.ThrowIfCancellationRequested();
        var problems = new ProblemCollector();
        problems.AddRange(series.Problems);
        var rr = series.IntervalsMs;
        var input = Summarize(rr, inputCount, series.DurationSeconds, series.ProblemCount, series.Problems);
        if (rr.IsEmpty)
        {
            problems.Error(
                "hrv.no-intervals",
                string.Create(CultureInfo.InvariantCulture, $"None of the {inputCount} input values is a usable RR interval; no metric can be computed."));
            return new HrvReport(recordingId, input, null, null, null, null, null, null, null, problems.ToList());
        }

        var artifacts = artifactStep ?? Artifacts.Process(series.IntervalsArray, options.Artifacts, options.MaxDegreeOfParallelism);
        cancellationToken.ThrowIfCancellationRequested();
        problems.AddRange(artifacts.Problems);
        var nn = artifacts.NnArray;
        var nnDuration = 0.0;
        var outside = 0;
        foreach (var v in nn)
        {
            nnDuration += v;
            outside += RrGuard.InRange(v) ? 0 : 1;
        }

        if (outside > 0)
        {
            // Correction can split an interval near 1 ms below the calculable range (a "missed beat" halved): such NN
            // intervals are left out of the metrics, with a problem, rather than reaching a calculator's guard.
            nn = WithinRange(nn, outside);
            nnDuration = 0;
            foreach (var v in nn)
            {
                nnDuration += v;
            }

            problems.Error(
                "hrv.nn-out-of-range",
                string.Create(CultureInfo.InvariantCulture, $"{outside} corrected NN interval(s) fell outside {RrSeries.MinimumIntervalMs}–{RrSeries.MaximumIntervalMs} ms and are left out of the metrics."));
        }

        var counts = new ArtifactKindCount[ArtifactResult.KindCount];
        for (var k = 0; k < counts.Length; k++)
        {
            counts[k] = new ArtifactKindCount((ArtifactKind)k, artifacts.CountOf((ArtifactKind)k));
        }

        var artifactSummary = new HrvArtifactSummary(
            artifacts.Method, options.Artifacts.Correction, artifacts.FlaggedCount, counts, artifacts.FlaggedIndices, nn.Length, nnDuration / 1000.0, artifacts.Problems)
        {
            IrregularSegments = artifacts.IrregularSegments,
        };
        if (nn.Length == 0)
        {
            problems.Error("hrv.no-nn-intervals", "Artifact correction left no NN interval; no metric can be computed.");
            return new HrvReport(recordingId, input, artifactSummary, null, null, null, null, null, null, problems.ToList());
        }

        var stages = new NnStages(nn, options, cancellationToken);
        stages.Run(options.MaxDegreeOfParallelism);
        problems.AddRange(stages.TimeDomain.Problems);
        problems.AddRange(stages.Poincare.Problems);
        if (stages.Frequency is { } frequency)
        {
            problems.AddRange(frequency.Problems);
        }

        if (stages.SampleEntropy is { } sampleEntropy && stages.ApproximateEntropy is { } approximateEntropy)
        {
            problems.AddRange(sampleEntropy.Problems);
            problems.AddRange(approximateEntropy.Problems);
        }

        if (stages.Dfa is { } dfa)
        {
            problems.AddRange(dfa.Problems);
        }

        if (stages.Autonomic is { } autonomic)
        {
            problems.AddRange(autonomic.Problems);
        }

        return new HrvReport(
            recordingId, input, artifactSummary, stages.TimeDomain, stages.Poincare, stages.Frequency, stages.SampleEntropy, stages.ApproximateEntropy, stages.Dfa, problems.ToList())
        {
            Autonomic = stages.Autonomic,
        };
    }

    private static double[] WithinRange(double[] nn, int outside)
    {
        var kept = new double[nn.Length - outside];
        var k = 0;
        foreach (var v in nn)
        {
            if (RrGuard.InRange(v))
            {
                kept[k++] = v;
            }
        }

        return kept;
    }

    private static HrvInputSummary Summarize(ReadOnlySpan<double> rr, int inputCount, double durationSeconds, int problemCount, IReadOnlyList<Problem> problems)
    {
        if (rr.IsEmpty)
        {
            return new HrvInputSummary(inputCount, 0, 0, null, null, null, problemCount, problems);
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (var v in rr)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        return new HrvInputSummary(inputCount, rr.Length, durationSeconds, min, max, sum / rr.Length, problemCount, problems);
    }
}
