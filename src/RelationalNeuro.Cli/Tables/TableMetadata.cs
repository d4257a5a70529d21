using System.Text;
using System.Text.Json;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// How a table was made: ordered key/value pairs (tool version, command, every analysis option, shard, input
/// fingerprint, completeness). Parquet keeps them as key-value metadata; CSV and JSON Lines in a sidecar
/// <c>&lt;output&gt;.meta.json</c> (one JSON object of strings). Keys are listed in docs/cli.md.
/// </summary>
internal sealed class TableMetadata
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    /// <summary>The pairs in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>The value of a key, or null.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var pair in _pairs)
            {
                if (string.Equals(pair.Key, key, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        set
        {
            var index = _pairs.FindIndex(p => string.Equals(p.Key, key, StringComparison.Ordinal));
            if (value is null)
            {
                if (index >= 0)
                {
                    _pairs.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _pairs[index] = new(key, value);
            }
            else
            {
                _pairs.Add(new(key, value));
            }
        }
    }

    /// <summary>A copy.</summary>
    public TableMetadata Clone()
    {
        var copy = new TableMetadata();
        copy._pairs.AddRange(_pairs);
        return copy;
    }

    /// <summary>The pairs whose key starts with <c>rn.options.</c>, as one comparable text.</summary>
    public string OptionsText => string.Join('\n', _pairs.Where(p => p.Key.StartsWith("rn.options.", StringComparison.Ordinal)).Select(p => p.Key + "=" + p.Value));

    /// <summary>The pairs as a dictionary (Parquet's key-value metadata).</summary>
    public Dictionary<string, string> ToDictionary() => _pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>From a dictionary (Parquet's key-value metadata).</summary>
    public static TableMetadata From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var metadata = new TableMetadata();
        foreach (var pair in pairs)
        {
            metadata[pair.Key] = pair.Value;
        }

        return metadata;
    }

    /// <summary>Writes the sidecar JSON (indented, UTF-8, no BOM) and replaces the file atomically.</summary>
    public void WriteSidecar(string path)
    {
        var temp = path + ".tmp";
        using (var stream = OutputStream.CreateTemporary(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var pair in _pairs)
            {
                json.WriteString(pair.Key, pair.Value);
            }

            json.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The largest sidecar read (1 MiB).</summary>
    private const long MaxSidecarBytes = 1 << 20;

    /// <summary>Reads a sidecar; null when it is absent. A sidecar that is not a JSON object of strings is a usage error naming it.</summary>
    public static TableMetadata? ReadSidecar(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // A sidecar is a few kilobytes; a link to a device or a pipe, or a huge file, in its place is not one.
            using var stream = RecordingFile.OpenRead(path);
            if (stream.Length > MaxSidecarBytes)
            {
                throw new UsageException(FormattableString.Invariant($"{path}: {stream.Length:N0} bytes; not a metadata file written by rn (those are a few kilobytes)."));
            }

            using var document = JsonDocument.Parse(stream);
            var metadata = new TableMetadata();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }

            return metadata;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or IOException)
        {
            throw new UsageException($"{path}: not a metadata file written by rn ({exception.Message}).");
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var pair in _pairs)
        {
            builder.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }

        return builder.ToString();
    }
}
