using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Hrv;

/// <summary>The rows of one input file: read, analysed (whole or per window), problems attached. Never throws for data.</summary>
internal static class HrvFileAnalyzer
{
    /// <summary>
    /// Reads and analyses one file; an unreadable file or an unexpected failure becomes a row with its problem. A cancelled
    /// <paramref name="cancellationToken"/> (rn interrupted) stops the analysis with <see cref="OperationCanceledException"/>: no row.
    /// </summary>
    public static UnitResult Analyze(InputFile input, HrvBatchOptions options, CancellationToken cancellationToken = default)
    {
        RrReadResult read;
        string hash;
        InputStamp stamp;
        try
        {
            // One open: the hash of input_sha256 is taken from the bytes the reader reads (RecordingFile refuses pipes and devices).
            (read, hash, stamp) = options.Input.ReadAndHash(input);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Single(HrvRows.Failed(input.Id, input.Unreadable(exception)), options, string.Empty, default);
        }

        return Analyze(input, options, read, hash, cancellationToken) with { Stamps = [stamp] };
    }

    private static UnitResult Analyze(InputFile input, HrvBatchOptions options, RrReadResult read, string hash, CancellationToken cancellationToken)
    {
        try
        {
            if (options.WindowSeconds is not { } window)
            {
                var report = HrvRows.WithReadProblems(HrvAnalysis.Analyze(read.Series, options.Analysis, cancellationToken), input.Id, read);
                return Single(report, options, hash, read.SourceLineNumbers);
            }

            return Windows(input.Id, read, window, hash, options, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
        {
            // The library reports data problems in its results; this is the batch's last line of defence.
            var problem = new Problem("cli.analysis-failed", string.Create(CultureInfo.InvariantCulture, $"The recording could not be analysed: {exception.GetType().Name}: {exception.Message}"));
            return Single(HrvRows.Failed(input.Id, problem), options, hash, default);
        }
    }

    private static UnitResult Single(HrvReport report, HrvBatchOptions options, string hash, ReadOnlySpan<int> lines)
    {
        var cells = HrvRows.Cells(report, options.WindowSeconds is null ? null : (0, 0, 0), hash, lines, 0);
        return new UnitResult([cells], report.Problems.Count > 0, HasErrors(report.Problems));
    }

    /// <summary>
    /// Consecutive windows [kW, (k+1)W) over the time at the end of each beat (cumulative RR from 0); a beat belongs to the
    /// window holding its end. A trailing part shorter than W is not analysed.
    /// </summary>
    private static UnitResult Windows(string id, RrReadResult read, double windowSeconds, string hash, HrvBatchOptions options, CancellationToken cancellationToken)
    {
        var rr = read.Series.IntervalsMs;
        var lines = read.SourceLineNumbers;
        var rows = new List<string[]>();
        bool problems = false, errors = false;
        var total = 0.0;
        foreach (var v in rr)
        {
            total += v;
        }

        var windowCount = (int)Math.Floor(total / 1000.0 / windowSeconds);
        if (windowCount == 0)
        {
            var report = HrvRows.Failed(id, new Problem(
                "cli.shorter-than-window",
                string.Create(CultureInfo.InvariantCulture, $"The recording lasts {total / 1000.0:0.###} s, less than one window of {windowSeconds:0.###} s."),
                ProblemSeverity.Error));
            report = report with { Problems = [.. read.Problems, .. report.Problems] };
            return new UnitResult([HrvRows.Cells(report, (0, 0, windowSeconds), hash, lines, 0)], true, true);
        }

        var start = 0;
        var elapsedMs = 0.0;
        for (var k = 0; k < windowCount; k++)
        {
            var endMs = (k + 1) * windowSeconds * 1000.0;
            var stop = start;
            while (stop < rr.Length && elapsedMs + rr[stop] < endMs)
            {
                elapsedMs += rr[stop];
                stop++;
            }

            var report = HrvAnalysis.Analyze(RrSeries.FromIntervalsMs(rr[start..stop]), options.Analysis, cancellationToken);
            report = report with { RecordingId = id, Problems = [.. read.Problems, .. report.Problems] };
            rows.Add(HrvRows.Cells(report, (k, k * windowSeconds, (k + 1) * windowSeconds), hash, lines, start));
            problems |= report.Problems.Count > 0;
            errors |= HasErrors(report.Problems);
            start = stop;
        }

        return new UnitResult(rows, problems, errors);
    }

    /// <summary>
    /// Whether the problems make the run exit 1: an error-severity problem, except <see cref="MetricTooShort"/> — a metric
    /// undefined for the recording's length (ULF below 24 h, SDANN below 10 min) is in the row but is not an input problem.
    /// </summary>
    public static bool HasErrors(IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.Severity == ProblemSeverity.Error && problem.Code != MetricTooShort)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The library's code for a metric that needs a longer recording.</summary>
    public const string MetricTooShort = "hrv.recording-too-short";
}
