using System.Buffers;
using System.Text;
using System.Text.Json;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// An input's size and last-write time when it was read: on <c>--resume</c>, an input whose size and time are still those
/// stamped beside its row's <c>input_sha256</c> is taken as unchanged without hashing it again (the trade-off of make
/// and rsync: an edit that keeps both the size and the modification time, e.g. one that resets the time, is not seen).
/// </summary>
/// <param name="Bytes">The file's length, in bytes.</param>
/// <param name="LastWriteUtcTicks">The file's last-write time (UTC), in 100-ns ticks.</param>
internal readonly record struct InputStamp(long Bytes, long LastWriteUtcTicks)
{
    /// <summary>The stamp of an open file, from its handle (the file being read, not whatever the path names later).</summary>
    public static InputStamp Of(FileStream stream) =>
        new(stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle).Ticks);

    /// <summary>The stamp of the file at <paramref name="path"/> now, or null when it cannot be read.</summary>
    public static InputStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new InputStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// The stamps file beside an output, <c>&lt;output&gt;.inputs.jsonl</c>: one line per input file written (one per
/// recording, two per dyad), <c>{"id":…,"input_sha256":…,"bytes":…,"last_write_utc_ticks":…}</c> with the file's id
/// (the path as named), appended and flushed after the unit's rows. It is an index, never the record: a stamp counts
/// only while its <c>input_sha256</c> equals the hash the rows give that file, and an output without
/// the file (made before it existed, or after it was deleted) resumes by hashing every input, as before.
/// </summary>
internal static class InputStampFile
{
    /// <summary>The largest stamps file read (256 MiB, over a million inputs); a larger one is ignored.</summary>
    private const long MaxBytes = 256L << 20;

    /// <summary>The stamps file of an output table.</summary>
    public static string PathOf(string output) => output + ".inputs.jsonl";

    /// <summary>
    /// Opens the stamps file of <paramref name="output"/> to append to it. The file is rn's own, named after the output;
    /// a symbolic link in its place (planted in a shared folder, or copied along) is removed and a regular file started,
    /// so an append never lands in the file the link points to. Losing the link's stamps costs only hashing (they were
    /// not read either: <see cref="Read"/>).
    /// </summary>
    public static OutputStream OpenForAppend(string output)
    {
        var path = PathOf(output);
        if (OutputStream.IsLink(path))
        {
            File.Delete(path); // deletes the link, never its target
        }

        return OutputStream.Open(path, FileMode.Append, 4096);
    }

    /// <summary>The last stamp of each file id whose hash equals its rows' in <paramref name="done"/> (file id → hash); lines cut off or malformed are skipped.</summary>
    public static Dictionary<string, InputStamp> Read(string path, IReadOnlyDictionary<string, string> done)
    {
        var stamps = new Dictionary<string, InputStamp>(StringComparer.Ordinal);
        if (!File.Exists(path) || OutputStream.IsLink(path))
        {
            // No stamps, or a link in their place (not rn's file, replaced at the first append): every input is hashed.
            return stamps;
        }

        // A stamps file holds one line of about 150 bytes per input. In its place a link to a device or a pipe (read
        // forever), or a file far larger than any cohort's, is ignored: every input is then hashed, which is always safe.
        FileStream stream;
        try
        {
            stream = RecordingFile.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return stamps;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        if (stream.Length > MaxBytes)
        {
            return stamps;
        }

        while (reader.ReadLine() is { } line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.GetProperty("id").GetString();
                var hash = root.GetProperty("input_sha256").GetString();
                if (id is not null && hash is { Length: > 0 } && done.TryGetValue(id, out var written) && string.Equals(hash, written, StringComparison.Ordinal))
                {
                    stamps[id] = new InputStamp(root.GetProperty("bytes").GetInt64(), root.GetProperty("last_write_utc_ticks").GetInt64());
                }
                else if (id is not null)
                {
                    stamps.Remove(id);
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A line cut off by a kill, or not written by rn: that input is hashed.
            }
        }

        return stamps;
    }

    /// <summary>One line for <paramref name="id"/>, UTF-8, ending in a line feed.</summary>
    public static byte[] Line(string id, string hash, InputStamp stamp)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("input_sha256", hash);
            writer.WriteNumber("bytes", stamp.Bytes);
            writer.WriteNumber("last_write_utc_ticks", stamp.LastWriteUtcTicks);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
