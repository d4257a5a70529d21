using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Cli.Synchrony;

/// <summary>
/// One dyad of a run: its id, member A's and member B's file (null where there is none), and what pairing found wrong
/// (a dyad with problems is not analysed; its row carries them, named at <paramref name="Source"/>).
/// </summary>
/// <param name="Id">The dyad id (the table's <c>dyad_id</c>).</param>
/// <param name="A">Member A's RR file.</param>
/// <param name="B">Member B's RR file.</param>
/// <param name="Problems">The pairing's problems; empty for a dyad to analyse.</param>
/// <param name="Source">The file the problems are about (the manifest, or an input file).</param>
/// <param name="Line">The manifest line of the dyad; null when paired by name.</param>
/// <param name="BStartSeconds">When member B's first beat came, in seconds after member A's (the manifest's <c>b_start_s</c>; 0 without one).</param>
internal sealed record DyadInput(string Id, InputFile? A, InputFile? B, IReadOnlyList<Problem> Problems, string Source, int? Line = null, double BStartSeconds = 0)
{
    /// <summary>The dyad's settings cell as the table writes and reads it (<c>b_start_s</c>, shortest round-trip text).</summary>
    public string Settings => BStartSeconds.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Member B's series as read, its first beat placed <see cref="BStartSeconds"/> after A's.</summary>
    public RrSeries PlaceB(RrSeries seriesB) => BStartSeconds == 0 ? seriesB : seriesB.WithStartTimeSeconds(BStartSeconds);
}

/// <summary>
/// Which two files make a dyad: by name (<c>&lt;dyad&gt;.a.&lt;rest&gt;</c> with <c>&lt;dyad&gt;.b.&lt;rest&gt;</c> in the
/// same folder) or by a manifest (<c>--pairs</c>, columns <c>dyad,a,b</c>). Every input and every manifest row ends up in
/// exactly one dyad: a file without its partner, a dyad named twice and a manifest row naming a missing file become
/// dyads with problems, never dropped (docs/cli.md, "rn synchrony analyze").
/// </summary>
internal static class DyadPairing
{
    private static readonly string[] ManifestColumns = ["dyad", "a", "b"];

    /// <summary>The manifest's optional column: member B's first beat, seconds after member A's.</summary>
    public const string StartColumn = "b_start_s";

    /// <summary>
    /// Pairs files by name. A file name's dot-separated parts are split at the first part (after the first) that is
    /// <c>a</c> or <c>b</c> with at least one part after it: the parts before it are the dyad id, the parts after it the rest.
    /// <c>d07.a.rr_ms.txt</c> pairs with <c>d07.b.rr_ms.txt</c> in the same folder as dyad <c>d07</c>. The id does not
    /// include the folder, so the same dyad id in two folders (or with two rests) is a duplicate — unless
    /// <paramref name="withFolder"/> (<c>--dyad-id folder</c>): then the id is the folder as given followed by the name
    /// part (<c>site1/d07</c>), and only two rests in one folder make a duplicate.
    /// </summary>
    /// <returns>The dyads, sorted by id (ordinal).</returns>
    public static IReadOnlyList<DyadInput> ByName(IReadOnlyList<InputFile> files, bool withFolder = false)
    {
        var pairs = new Dictionary<(string Folder, string Dyad, string Tail), (InputFile? A, InputFile? B)>();
        var dyads = new List<DyadInput>();
        foreach (var file in files)
        {
            var slash = file.Id.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : file.Id[..(slash + 1)];
            if (!TrySplit(file.Id[folder.Length..], out var dyad, out var member, out var rest))
            {
                dyads.Add(new DyadInput(file.Id, null, null, [new Problem("cli.unpaired-file", "The file name has no .a. or .b. part, so it belongs to no dyad (name members <dyad>.a.<rest> and <dyad>.b.<rest>, narrow the inputs with --include or a glob, or pair files with --pairs).")], file.Id));
                continue;
            }

            var key = (folder, dyad, rest);
            pairs.TryGetValue(key, out var pair);
            pairs[key] = member == 'a' ? (file, pair.B) : (pair.A, file);
        }

        foreach (var ((folder, dyad, rest), (a, b)) in pairs)
        {
            var present = (a ?? b)!;
            var id = withFolder ? folder + dyad : dyad;
            dyads.Add(a is null || b is null
                ? new DyadInput(id, a, b, [new Problem("cli.missing-partner", $"No partner: {folder}{dyad}.{(a is null ? 'a' : 'b')}.{rest} is not among the inputs.")], present.Id)
                : new DyadInput(id, a, b, [], a.Id));
        }

        return Distinct(dyads, d => string.Join(", ", new[] { d.A?.Id, d.B?.Id, d.A is null && d.B is null ? d.Source : null }.OfType<string>()));
    }

    /// <summary>Splits <c>d07.a.rr_ms.txt</c> into <c>d07</c>, <c>a</c>, <c>rr_ms.txt</c>.</summary>
    private static bool TrySplit(string name, out string dyad, out char member, out string rest)
    {
        var parts = name.Split('.');
        for (var k = 1; k < parts.Length - 1; k++)
        {
            if (parts[k] is "a" or "b")
            {
                dyad = string.Join('.', parts[..k]);
                member = parts[k][0];
                rest = string.Join('.', parts[(k + 1)..]);
                return dyad.Length > 0 && rest.Length > 0;
            }
        }

        (dyad, member, rest) = (string.Empty, ' ', string.Empty);
        return false;
    }

    /// <summary>
    /// Reads a manifest: a CSV with the columns <c>dyad</c>, <c>a</c>, <c>b</c> (any order, more ignored), one row per dyad,
    /// paths relative to the manifest's folder (or absolute), and optionally <c>b_start_s</c>: when member B's first beat
    /// came, in seconds after member A's (blank = 0). A file id is the manifest's folder as named joined with the path,
    /// '/' separators. A blank cell, a file that does not exist, an unusable start and a dyad on two rows are problems of
    /// that dyad.
    /// </summary>
    /// <returns>The dyads, sorted by id (ordinal).</returns>
    /// <exception cref="UsageException">The manifest cannot be read or lacks a column.</exception>
    public static IReadOnlyList<DyadInput> FromManifest(string manifest)
    {
        var csv = CsvInput.Read(manifest);
        var columns = ManifestColumns.Select(name =>
        {
            var index = csv.Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new UsageException($"--pairs {manifest}:1: no column '{name}'; a manifest has the columns dyad,a,b (one row per dyad, paths relative to its folder); its columns are: {string.Join(", ", csv.Header)}.");
        }).ToArray();
        var startColumn = csv.Header.ToList().FindIndex(h => string.Equals(h, StartColumn, StringComparison.OrdinalIgnoreCase));
        var folder = Path.GetDirectoryName(manifest) ?? string.Empty;
        var dyads = new List<DyadInput>();
        foreach (var row in csv.Rows)
        {
            var id = row[columns[0]];
            var problems = new List<Problem>();
            if (id.Length == 0)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{manifest.Replace('\\', '/')}:{row.Line}");
                problems.Add(new Problem("cli.missing-id", "The dyad column is blank: the row names no dyad.", ProblemSeverity.Error));
            }

            var members = new InputFile?[2];
            for (var m = 0; m < 2; m++)
            {
                var cell = row[columns[m + 1]];
                var name = m == 0 ? "a" : "b";
                if (cell.Length == 0)
                {
                    problems.Add(new Problem("cli.missing-file", $"The {name} column is blank: member {name.ToUpperInvariant()} has no file.", ProblemSeverity.Error));
                    continue;
                }

                var path = Path.IsPathRooted(cell) ? cell : Path.Combine(folder, cell);
                members[m] = new InputFile(Path.GetFullPath(path), path.Replace('\\', '/'));
                if (!File.Exists(path))
                {
                    problems.Add(new Problem("cli.missing-file", $"{path.Replace('\\', '/')} (member {name.ToUpperInvariant()}) does not exist.", ProblemSeverity.Error));
                }
            }

            var start = startColumn < 0 ? 0 : Start(row[startColumn], problems);
            dyads.Add(new DyadInput(id, members[0], members[1], problems, manifest.Replace('\\', '/'), row.Line, start));
        }

        return Distinct(dyads, d => string.Create(CultureInfo.InvariantCulture, $"line {d.Line}"));
    }

    /// <summary>The <c>b_start_s</c> cell as seconds: blank is 0; text, a non-finite number or one beyond ±10⁹ s is a problem (and 0).</summary>
    private static double Start(string cell, List<Problem> problems)
    {
        if (cell.Length == 0)
        {
            return 0;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= RrSeries.MaximumStartTimeSeconds)
        {
            return value == 0 ? 0 : value; // -0 is 0
        }

        problems.Add(new Problem("cli.bad-start", string.Create(CultureInfo.InvariantCulture,
            $"The {StartColumn} cell '{cell}' is not a number of seconds between -{RrSeries.MaximumStartTimeSeconds:0} and {RrSeries.MaximumStartTimeSeconds:0} (when member B's first beat came, after member A's; blank = 0)."), ProblemSeverity.Error));
        return 0;
    }

    /// <summary>
    /// Sorted by id; a dyad id given more than once becomes one dyad with <c>cli.duplicate-dyad</c> (not analysed: which
    /// pair is meant cannot be told), naming each occurrence with <paramref name="describe"/>.
    /// </summary>
    private static List<DyadInput> Distinct(List<DyadInput> dyads, Func<DyadInput, string> describe)
    {
        var result = new List<DyadInput>();
        foreach (var group in dyads.GroupBy(d => d.Id, StringComparer.Ordinal))
        {
            var list = group.ToList();
            if (list.Count == 1)
            {
                result.Add(list[0]);
                continue;
            }

            var where = string.Join("; ", list.Select(describe).Where(s => s.Length > 0));
            var problem = new Problem("cli.duplicate-dyad", string.Create(CultureInfo.InvariantCulture,
                $"The dyad '{group.Key}' is given {list.Count} times ({where}); none of them is analysed. Give each dyad once (rename the files apart, or pair them with --pairs)."));
            result.Add(new DyadInput(group.Key, null, null, [problem], list[0].Source, list[0].Line));
        }

        result.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        return result;
    }
}
