using System.Buffers;
using System.Globalization;
using System.Text;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// The output table of a run, written one unit (a recording's rows) at a time and flushed after each, so a kill loses
/// at most the unit being written. CSV and JSON Lines are appended in place; Parquet is written through a CSV journal
/// (<c>out.parquet.partial.csv</c>) and converted when the run completes. <c>--resume</c> reads what is there, drops
/// the last unit (it may be cut off) unless the run was stopped cleanly (<see cref="MarkStopped"/>), and reports the
/// units already done.
/// </summary>
internal sealed class TableSink : IAsyncDisposable
{
    private readonly string _path;
    private readonly TableFormat _format;
    private readonly TableSchema _schema;
    private readonly TableMetadata _metadata;
    private readonly string _textPath;
    private readonly TableFormat _textFormat;
    private readonly bool _parquetExisted;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private OutputStream? _text;
    private OutputStream? _stamps;
    private int _units;
    private long _rows;

    private TableSink(string path, TableFormat format, TableSchema schema, TableMetadata metadata, bool parquetExisted, Dictionary<string, DoneUnit> done, long rows)
    {
        DoneStamps = done.Count == 0 ? new Dictionary<string, InputStamp>() : InputStampFile.Read(InputStampFile.PathOf(path), FileHashes(done));
        _path = path;
        _format = format;
        _schema = schema;
        _metadata = metadata;
        _parquetExisted = parquetExisted;
        _textPath = format == TableFormat.Parquet ? TableFiles.JournalPath(path) : path;
        _textFormat = format == TableFormat.Parquet ? TableFormat.Csv : format;
        Done = done.Keys.ToHashSet(StringComparer.Ordinal);
        DoneInputs = done.ToDictionary(p => p.Key, p => (IReadOnlyList<(string File, string Hash)>)p.Value.Inputs, StringComparer.Ordinal);
        DoneSettings = done.ToDictionary(p => p.Key, p => p.Value.Settings, StringComparer.Ordinal);
        _units = done.Count;
        _rows = rows;
    }

    /// <summary>The units (recording ids) already in the output when resuming; empty otherwise.</summary>
    public IReadOnlySet<string> Done { get; }

    /// <summary>
    /// The units already in the output with the input files their first row names and those files' SHA-256
    /// (<see cref="TableSchema.InputColumns"/>; an empty list where the schema has none).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string File, string Hash)>> DoneInputs { get; }

    /// <summary>The units already in the output with their settings cells (<see cref="TableSchema.SettingsOf"/>; empty where the schema has none).</summary>
    public IReadOnlyDictionary<string, string> DoneSettings { get; }

    /// <summary>
    /// The input files (by id) of the units already in the output whose size and last-write time were stamped, with the
    /// same SHA-256 as their row, in <see cref="InputStampFile"/>; empty for an output without that file.
    /// </summary>
    public IReadOnlyDictionary<string, InputStamp> DoneStamps { get; }

    /// <summary>Rows written so far, resumed ones included.</summary>
    public long Rows => _rows;

    /// <summary>
    /// Opens the output. Without <paramref name="resume"/> an existing output is a usage error unless
    /// <paramref name="overwrite"/>; with it, the output's options must equal <paramref name="metadata"/>'s.
    /// </summary>
    public static async Task<TableSink> OpenAsync(string path, TableFormat format, TableSchema schema, TableMetadata metadata, bool resume, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UsageException($"{path}: the output folder {directory} does not exist.");
        }

        CheckWritable(path);
        try
        {
            return await OpenCheckedAsync(path, format, schema, metadata, resume, overwrite).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            // A read-only folder, a full disk, a file another program holds: the output cannot be written.
            throw new UsageException($"-o {path}: {exception.Message}");
        }
    }

    /// <summary>
    /// A usage error when the output names a folder, or something that exists but is not a regular file (a device such as
    /// /dev/zero, a named pipe; tried with <see cref="RecordingFile.OpenRead(string, TimeSpan)"/>): writing it would fail,
    /// block, or — with --overwrite — delete the device node. The null device (/dev/null, or a link to it) reads like an
    /// empty regular file, so it is named here: a table written to it, with its sidecar beside it, would be lost without a
    /// trace (and --resume could never find its rows), so it is refused like every other device.
    /// </summary>
    private static void CheckWritable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"-o {path}: is a folder; name a file in it, e.g. {Path.Combine(path, "out.csv")}.");
        }

        if (IsNullDevice(path))
        {
            throw new UsageException($"-o {path}: is the null device, not a file; rn writes each table (and its .meta.json) to a regular file. To discard the rows, write them to a temporary file and delete it, or use -o - (standard output) where the command offers it.");
        }

        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            RecordingFile.OpenRead(path, TimeSpan.FromSeconds(2)).Dispose();
        }
        catch (IOException exception)
        {
            throw new UsageException($"-o {path}: exists and is not a regular file ({exception.Message}); rn writes its tables to files.");
        }
        catch (UnauthorizedAccessException)
        {
            // Not readable, but a regular file as far as can be told: replacing it is the caller's call (--overwrite).
        }
    }

    /// <summary>True when <paramref name="path"/> is <c>/dev/null</c> or a link that ends there (Unix).</summary>
    private static bool IsNullDevice(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var full = Path.GetFullPath(path);
            var target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
            return string.Equals(target, "/dev/null", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // a link loop: reported when the output is opened
        }
    }

    private static async Task<TableSink> OpenCheckedAsync(string path, TableFormat format, TableSchema schema, TableMetadata metadata, bool resume, bool overwrite)
    {
        var textPath = format == TableFormat.Parquet ? TableFiles.JournalPath(path) : path;
        var textFormat = format == TableFormat.Parquet ? TableFormat.Csv : format;
        var sidecar = TableFiles.SidecarPath(textPath);
        var exists = File.Exists(path) || File.Exists(textPath);
        if (!resume)
        {
            if (exists && !overwrite)
            {
                throw new UsageException($"{path} exists; pass --resume to continue it or --overwrite to replace it.");
            }

            DeleteIfExists(path, textPath, sidecar, TableFiles.SidecarPath(path), path + ".tmp", InputStampFile.PathOf(path));
            var fresh = new TableSink(path, format, schema, metadata, parquetExisted: false, [], 0);
            fresh.Open(newFile: true);
            return fresh;
        }

        DeleteIfExists(path + ".tmp");
        if (format == TableFormat.Parquet && OutputStream.IsLink(textPath))
        {
            // The journal is rn's own file, named after the output: a link in its place is not a journal rn wrote, and
            // resuming would write (and trim) the file it points to.
            throw new UsageException($"{textPath}: is a symbolic link, not the journal rn writes beside {path}; cannot resume. Remove the link, or run with --overwrite.");
        }

        var done = new Dictionary<string, DoneUnit>(StringComparer.Ordinal);
        long rows = 0;
        var parquetExisted = format == TableFormat.Parquet && File.Exists(path);
        if (parquetExisted)
        {
            Check(path, await ParquetTable.ReadMetadataAsync(path).ConfigureAwait(false), metadata);
            await foreach (var row in ParquetTable.ReadAsync(path, schema).ConfigureAwait(false))
            {
                done.TryAdd(row[schema.UnitIndex], new DoneUnit(schema.InputsOf(row), schema.SettingsOf(row)));
                rows++;
            }
        }

        var newText = !File.Exists(textPath);
        if (!newText)
        {
            var previous = TableMetadata.ReadSidecar(sidecar);
            Check(textPath, previous, metadata);
            // Complete, or stopped cleanly (Ctrl+C, SIGTERM) and not written to since: every unit in it is whole, so the
            // last one is kept. Otherwise a kill may have cut the last unit, and it is analysed again.
            var whole = previous?["rn.complete"] == "true"
                || (previous?[StoppedAtBytesKey] is { } stoppedAt && stoppedAt == new FileInfo(textPath).Length.ToString(CultureInfo.InvariantCulture));
            rows += ScanAndTrim(textPath, textFormat, schema, done, whole);
            newText = new FileInfo(textPath).Length == 0;
        }

        var sink = new TableSink(path, format, schema, metadata, parquetExisted, done, rows);
        sink.Open(newText);
        return sink;
    }

    private static void Check(string path, TableMetadata? previous, TableMetadata current)
    {
        if (previous is null)
        {
            return;
        }

        // An unsharded output may be resumed over a grown input list (new recordings are appended); a shard may not,
        // because which inputs it holds depends on the whole list.
        foreach (var key in new[] { "rn.command", "rn.schema", "rn.shard", "rn.inputs.fingerprint" })
        {
            if (key == "rn.inputs.fingerprint" && current["rn.shard"] is null or "0/1")
            {
                continue;
            }

            if (previous[key] != current[key])
            {
                throw new UsageException($"{path}: cannot resume: it was made with {key}={previous[key]}, this run has {key}={current[key]}.");
            }
        }

        if (previous.OptionsText != current.OptionsText)
        {
            var first = previous.Pairs.Concat(current.Pairs)
                .First(p => p.Key.StartsWith("rn.options.", StringComparison.Ordinal) && previous[p.Key] != current[p.Key]).Key;
            throw new UsageException($"{path}: cannot resume: it was made with {first}={previous[first]}, this run has {first}={current[first]}.");
        }
    }

    /// <summary>Reads the units of a text table; unless it is complete, cuts off its last unit (and any cut-off line).</summary>
    private static long ScanAndTrim(string path, TableFormat format, TableSchema schema, Dictionary<string, DoneUnit> done, bool complete)
    {
        int[]? csvColumns = null;
        string? lastUnit = null;
        long lastUnitStart = 0, end = 0, rows = 0, lastUnitRows = 0;
        var lineNumber = 0;
        foreach (var line in TableReader.Lines(path))
        {
            lineNumber++;
            end = line.Offset + line.Bytes.Length + 1;
            if (format == TableFormat.Csv && csvColumns is null)
            {
                if (Encoding.UTF8.GetString(line.Bytes).TrimStart('\uFEFF') != schema.Header)
                {
                    throw new UsageException($"{path}:1: cannot resume: the header differs from this run's columns.");
                }

                csvColumns = RowCodec.MapCsvHeader(schema, line.Bytes);
                lastUnitStart = end;
                continue;
            }

            var cells = RowCodec.Decode(format, schema, line.Bytes, csvColumns)
                ?? throw new UsageException($"{path}:{lineNumber}: cannot resume: the line is not a row written by rn.");
            var unit = cells[schema.UnitIndex];
            if (!string.Equals(unit, lastUnit, StringComparison.Ordinal))
            {
                lastUnit = unit;
                lastUnitStart = line.Offset;
                lastUnitRows = 0;
            }

            done.TryAdd(unit, new DoneUnit(schema.InputsOf(cells), schema.SettingsOf(cells)));
            rows++;
            lastUnitRows++;
        }

        var cut = end;
        if (!complete && lastUnit is not null)
        {
            done.Remove(lastUnit);
            rows -= lastUnitRows;
            cut = lastUnitStart;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            if (stream.Length != cut)
            {
                stream.SetLength(cut);
            }
        }

        return rows;
    }

    /// <summary>Every input file the done units' rows name, with its hash (a file named by two units keeps the first).</summary>
    private static Dictionary<string, string> FileHashes(Dictionary<string, DoneUnit> done)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in done.Values)
        {
            foreach (var (file, hash) in unit.Inputs)
            {
                if (file.Length > 0)
                {
                    files.TryAdd(file, hash);
                }
            }
        }

        return files;
    }

    private void Open(bool newFile)
    {
        _text = OutputStream.Open(_textPath, newFile ? FileMode.Create : FileMode.Append, 1 << 16);
        if (newFile && _textFormat == TableFormat.Csv)
        {
            _text.Write(RowCodec.CsvHeader(_schema));
        }

        var started = _metadata.Clone();
        started["rn.complete"] = "false";
        started.WriteSidecar(TableFiles.SidecarPath(_textPath));
        _text.Flush();
    }

    /// <summary>
    /// Appends one unit's rows and flushes them to the file; then, given its inputs' <paramref name="stamps"/> (in
    /// <see cref="TableSchema.InputColumns"/> order), their lines in the stamps file (after the rows: a kill between the two
    /// leaves a unit without a stamp, which is hashed on resume).
    /// </summary>
    public void Write(IReadOnlyList<string[]> rows, IReadOnlyList<InputStamp?>? stamps = null)
    {
        _line.ResetWrittenCount();
        foreach (var row in rows)
        {
            RowCodec.Encode(_textFormat, _schema, row, _line);
        }

        _text!.Write(_line.WrittenSpan);
        _text.Flush();
        _units++;
        _rows += rows.Count;
        for (var i = 0; stamps is not null && rows.Count > 0 && i < stamps.Count && i < _schema.InputColumns.Count; i++)
        {
            if (stamps[i] is { } s)
            {
                var (file, hash) = _schema.InputColumns[i];
                Stamp(rows[0][file], rows[0][hash], s);
            }
        }
    }

    /// <summary>Records that the input file <paramref name="file"/>, hashed to <paramref name="hash"/>, had <paramref name="stamp"/> (an empty hash is not stamped).</summary>
    public void Stamp(string file, string hash, InputStamp stamp)
    {
        if (hash.Length == 0)
        {
            return;
        }

        _stamps ??= InputStampFile.OpenForAppend(_path);
        _stamps.Write(InputStampFile.Line(file, hash, stamp));
        _stamps.Flush();
    }

    /// <summary>
    /// The sidecar key a clean stop writes (<see cref="MarkStopped"/>): the text file's length in bytes when the run was
    /// stopped with every unit in it whole. A resume that finds the file at that length keeps its last unit.
    /// </summary>
    public const string StoppedAtBytesKey = "rn.stopped_at_bytes";

    /// <summary>
    /// Records a clean stop (the run was cancelled between units: every row written belongs to a whole unit): the
    /// sidecar keeps <c>rn.complete=false</c> and gains <see cref="StoppedAtBytesKey"/>, so <c>--resume</c> need not
    /// analyse the last unit again. Opening the table again (a resume) writes the sidecar without the key before any
    /// row, so a later kill is treated as a kill.
    /// </summary>
    /// <remarks>
    /// The record only spares the next resume one unit: where it cannot be written (a full disk, a folder made read-only)
    /// the sidecar stays as it was and the stop goes on (the next resume then analyses the last unit again).
    /// </remarks>
    public void MarkStopped()
    {
        try
        {
            _text!.Flush();
            _stamps?.Flush();
            var stopped = _metadata.Clone();
            stopped["rn.complete"] = "false";
            stopped[StoppedAtBytesKey] = _text.Length.ToString(CultureInfo.InvariantCulture);
            stopped.WriteSidecar(TableFiles.SidecarPath(_textPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not recorded: a kill's resume, which is safe.
        }
    }

    /// <summary>Marks the table complete (metadata <c>rn.complete=true</c>, <c>rn.units</c>, <c>rn.rows</c>); Parquet is written now.</summary>
    public async Task CompleteAsync()
    {
        await DisposeAsync().ConfigureAwait(false);

        var final = _metadata.Clone();
        final["rn.complete"] = "true";
        final["rn.units"] = _units.ToString(CultureInfo.InvariantCulture);
        final["rn.rows"] = _rows.ToString(CultureInfo.InvariantCulture);
        if (_format != TableFormat.Parquet)
        {
            final.WriteSidecar(TableFiles.SidecarPath(_path));
            return;
        }

        var temp = _path + ".tmp";
        await using (var parquet = await ParquetTable.CreateAsync(temp, _schema, final).ConfigureAwait(false))
        {
            if (_parquetExisted)
            {
                await foreach (var row in ParquetTable.ReadAsync(_path, _schema).ConfigureAwait(false))
                {
                    await parquet.AddAsync(row).ConfigureAwait(false);
                }
            }

            await foreach (var row in TableReader.RowsAsync(_textPath, TableFormat.Csv, _schema).ConfigureAwait(false))
            {
                await parquet.AddAsync(row).ConfigureAwait(false);
            }
        }

        File.Move(temp, _path, overwrite: true);
        DeleteIfExists(_textPath, TableFiles.SidecarPath(_textPath));
    }

    private static void DeleteIfExists(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// After a failed write (a full disk) the unwritten rest of the buffer fails again here; both files are closed
    /// whatever happens, and the first failure here is the one reported.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        Exception? failure = null;
        foreach (var stream in (OutputStream?[])[_text, _stamps])
        {
            if (stream is null)
            {
                continue;
            }

            try
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                failure ??= exception;  // FileStream closes its handle even when the final flush fails
            }
        }

        _text = null;
        _stamps = null;
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}

/// <summary>A unit already in the output being resumed: its first row's input files with their hashes, and its settings cells.</summary>
internal readonly record struct DoneUnit((string File, string Hash)[] Inputs, string Settings);
