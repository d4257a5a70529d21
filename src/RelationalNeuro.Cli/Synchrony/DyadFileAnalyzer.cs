using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Io;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Synchrony;

/// <summary>The row of one dyad: both files read, <see cref="DyadAnalysis"/> run, problems attached. Never throws for data.</summary>
internal static class DyadFileAnalyzer
{
    /// <summary>
    /// Reads both members (each in one open, hashed on the way) and analyses the dyad. A dyad with pairing problems, a
    /// file that cannot be read and an unexpected failure become a row with the problems and empty values. A cancelled
    /// <paramref name="cancellationToken"/> (rn interrupted) stops the analysis with <see cref="OperationCanceledException"/>: no row.
    /// </summary>
    public static UnitResult Analyze(DyadInput dyad, SynchronyBatchOptions options, CancellationToken cancellationToken = default)
    {
        if (dyad.Problems.Count > 0)
        {
            // Not analysed; the files it does name are hashed, so a resume sees when one changes.
            var text = ProblemText.Describe(dyad.Source, dyad.Problems, default, 0, dyad.Line);
            return Failed(dyad, dyad.Problems, text, HashOrEmpty(dyad.A), HashOrEmpty(dyad.B), null, null);
        }

        var a = Read(dyad.A!, options);
        var b = Read(dyad.B!, options);
        if (a.Failure is not null || b.Failure is not null)
        {
            Problem[] failures = [.. new[] { a.Failure, b.Failure }.OfType<Problem>()];
            var text = Join(
                a.Failure is { } fa ? ProblemText.Describe(dyad.A!.Id, [fa], default, 0) : string.Empty,
                b.Failure is { } fb ? ProblemText.Describe(dyad.B!.Id, [fb], default, 0) : string.Empty);
            return Failed(dyad, failures, text, a.Hash, b.Hash, a.Stamp, b.Stamp);
        }

        DyadReport report;
        try
        {
            report = DyadAnalysis.Analyze(a.Read!.Series, dyad.PlaceB(b.Read!.Series), options.Analysis, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
        {
            // The library reports data problems in its report; this is the batch's last line of defence.
            Problem[] failed = [.. a.Read!.Problems, .. b.Read!.Problems, new Problem("cli.analysis-failed", string.Create(CultureInfo.InvariantCulture, $"The dyad could not be analysed: {exception.GetType().Name}: {exception.Message}"))];
            var text = Join(Describe(dyad.A!, a.Read), Describe(dyad.B!, b.Read), ProblemText.Describe(dyad.Id, [failed[^1]], default, 0));
            return Failed(dyad, failed, text, a.Hash, b.Hash, a.Stamp, b.Stamp);
        }

        var own = report.Problems;
        report = report with { DyadId = dyad.Id, Problems = [.. a.Read.Problems, .. b.Read.Problems, .. own] };
        var problems = Join(Describe(dyad.A!, a.Read), Describe(dyad.B!, b.Read), ProblemText.Describe(dyad.Id, own, default, 0));
        var cells = SynchronyRows.Cells(report, (dyad.A!.Id, a.Hash), (dyad.B!.Id, b.Hash), dyad.Settings, problems);
        return new UnitResult([cells], report.Problems.Count > 0, HrvFileAnalyzer.HasErrors(report.Problems), [a.Stamp, b.Stamp]);
    }

    private sealed record Member(RrReadResult? Read, string Hash, InputStamp? Stamp, Problem? Failure);

    private static Member Read(InputFile file, SynchronyBatchOptions options)
    {
        try
        {
            var (read, hash, stamp) = options.Input.ReadAndHash(file);
            return new Member(read, hash, stamp, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new Member(null, string.Empty, null, file.Unreadable(exception));
        }
    }

    private static string HashOrEmpty(InputFile? file)
    {
        if (file is null)
        {
            return string.Empty;
        }

        try
        {
            return InputHashing.HashFile(file.FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static string Describe(InputFile file, RrReadResult read) => ProblemText.Describe(file.Id, read.Problems, read.SourceLineNumbers, 0);

    private static string Join(params string[] parts) => string.Join(" | ", parts.Where(p => p.Length > 0));

    private static UnitResult Failed(DyadInput dyad, IReadOnlyList<Problem> problems, string text, string hashA, string hashB, InputStamp? stampA, InputStamp? stampB)
    {
        var cells = SynchronyRows.Failed(dyad.Id, problems, (dyad.A?.Id ?? string.Empty, hashA), (dyad.B?.Id ?? string.Empty, hashB), dyad.Settings, text);
        return new UnitResult([cells], true, true, [stampA, stampB]);
    }
}
