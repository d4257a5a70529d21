using System.Collections.Concurrent;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// Reports a page offers for download, held in memory under an unguessable id and served by plain GET endpoints, so a
/// download is a link — no script. Holds the <see cref="Capacity"/> most recent reports; older ones are dropped and
/// their links answer 404. Nothing is written to disk: a report leaves the machine only as the practitioner's download.
/// </summary>
/// <typeparam name="TReport">The report type.</typeparam>
internal abstract class ExportShelf<TReport>
    where TReport : class
{
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<Guid, Entry> _reports = new();
    private long _sequence;

    private sealed record Entry(TReport Report, string FileStem, long Sequence);

    /// <summary>Keeps a report; returns the id its links use.</summary>
    /// <param name="report">The report.</param>
    /// <param name="fileName">The name the downloaded files are named after (its extension dropped, unsafe characters replaced).</param>
    public Guid Add(TReport report, string fileName)
    {
        var id = Guid.NewGuid();
        _reports[id] = new Entry(report, Stem(fileName), Interlocked.Increment(ref _sequence));
        while (_reports.Count > Capacity)
        {
            var oldest = _reports.MinBy(p => p.Value.Sequence).Key;
            _reports.TryRemove(oldest, out _);
        }

        return id;
    }

    /// <summary>The report with this id, or null.</summary>
    public TReport? Find(Guid id) => _reports.TryGetValue(id, out var entry) ? entry.Report : null;

    private static string Stem(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.Length == 0 ? "recording" : safe;
    }

    /// <summary>
    /// Maps <c>{prefix}/{id}.json</c> and <c>{prefix}/{id}.csv</c>, downloaded as <c>{stem}{suffix}.json</c> and <c>.csv</c>.
    /// </summary>
    protected static void Map<TShelf>(IEndpointRouteBuilder app, string prefix, string suffix, Func<TReport, string> json, Func<TReport, string> csv)
        where TShelf : ExportShelf<TReport>
    {
        app.MapGet(prefix + "/{id:guid}.json", (Guid id, TShelf shelf) => Download(shelf, id, json, "application/json", suffix + ".json"));
        app.MapGet(prefix + "/{id:guid}.csv", (Guid id, TShelf shelf) => Download(shelf, id, csv, "text/csv", suffix + ".csv"));
    }

    private static IResult Download(ExportShelf<TReport> shelf, Guid id, Func<TReport, string> write, string contentType, string ending) =>
        shelf._reports.TryGetValue(id, out var entry)
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(write(entry.Report)), contentType, entry.FileStem + ending)
            : Results.NotFound();
}
