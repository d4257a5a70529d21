using System.Collections.Concurrent;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// The reports the "Analyse a recording" page offers for download, held in memory under an unguessable id and served by
/// plain GET endpoints (<c>/analyse/export/{id}.json</c> and <c>.csv</c>), so a download is a link — no script. Holds
/// the <see cref="Capacity"/> most recent reports; older ones are dropped and their links answer 404.
/// </summary>
internal sealed class ReportExports
{
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<Guid, Entry> _reports = new();
    private long _sequence;

    private sealed record Entry(HrvReport Report, string FileStem, long Sequence);

    /// <summary>Keeps a report; returns the id its links use.</summary>
    public Guid Add(HrvReport report, string fileName)
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
    public HrvReport? Find(Guid id) => _reports.TryGetValue(id, out var entry) ? entry.Report : null;

    private static string Stem(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.Length == 0 ? "recording" : safe;
    }

    /// <summary>Maps the two download endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/analyse/export/{id:guid}.json", (Guid id, ReportExports exports) =>
            exports._reports.TryGetValue(id, out var entry)
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(entry.Report.ToJson()), "application/json", entry.FileStem + ".hrv.json")
                : Results.NotFound());
        app.MapGet("/analyse/export/{id:guid}.csv", (Guid id, ReportExports exports) =>
            exports._reports.TryGetValue(id, out var entry)
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(HrvReport.ToCsv([entry.Report])), "text/csv", entry.FileStem + ".hrv.csv")
                : Results.NotFound());
    }
}
