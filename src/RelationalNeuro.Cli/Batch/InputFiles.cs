using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace RelationalNeuro.Cli.Batch;

/// <summary>One input file: the path read and the id written into the table (the path as named, '/' separators).</summary>
internal sealed record InputFile(string FullPath, string Id)
{
    /// <summary>
    /// The problem of a file that could not be read (<c>cli.unreadable-file</c>), saying why. A name that is not valid UTF-8
    /// (an old Latin-1 file system, a name copied from elsewhere) is listed with U+FFFD in place of its bad bytes, and .NET
    /// cannot open a file by such a name: the message says so, rather than "Could not find file" for a file that is there.
    /// </summary>
    public Problem Unreadable(Exception exception) => new(
        "cli.unreadable-file",
        exception is FileNotFoundException or DirectoryNotFoundException && FullPath.Contains('\uFFFD', StringComparison.Ordinal)
            ? "The file's name is not valid UTF-8 (the bytes shown as \uFFFD), and a file by such a name cannot be opened; rename it (for example `convmv -f latin1 -t utf-8 --notest <file>`) and run again."
            : exception.Message);
}

/// <summary>
/// Expands file, folder and glob arguments into one sorted, de-duplicated list, and picks a shard of it.
/// Folders are searched recursively for the <c>--include</c> patterns; globs (<c>*</c>, <c>?</c>, <c>**</c>) are
/// matched with Microsoft.Extensions.FileSystemGlobbing relative to their fixed leading folder. Symbolic links to folders
/// are followed, except one that leads back into a folder the search is already inside (<see cref="LoopFreeDirectory"/>).
/// </summary>
internal static class InputFiles
{
    /// <summary>The default patterns for folders.</summary>
    public static readonly string[] DefaultIncludes = ["*.txt", "*.csv", "*.tsv", "*.rr", "*.hrv"];

    /// <summary>
    /// Every file the arguments name, sorted by id (ordinal) without duplicates. An argument that matches nothing is a
    /// usage error naming it.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments, IReadOnlyList<string> includes)
    {
        var byPath = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var found = 0;
            foreach (var (fullPath, id) in ExpandOne(argument, includes))
            {
                byPath.TryAdd(fullPath, new InputFile(fullPath, id));
                found++;
            }

            if (found == 0)
            {
                throw new UsageException(Directory.Exists(argument)
                    ? $"{argument}: the folder holds no file matching {string.Join(", ", includes)} (see --include)."
                    : $"{argument}: no such file, and no file matches it as a pattern.");
            }
        }

        var list = byPath.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    private static IEnumerable<(string FullPath, string Id)> ExpandOne(string argument, IReadOnlyList<string> includes)
    {
        if (File.Exists(argument))
        {
            yield return (Path.GetFullPath(argument), Normalize(argument));
            yield break;
        }

        string root;
        var matcher = new Matcher(StringComparison.Ordinal);
        if (Directory.Exists(argument))
        {
            root = argument;
            foreach (var include in includes)
            {
                matcher.AddInclude("**/" + include);
            }
        }
        else if (argument.AsSpan().IndexOfAny("*?[") >= 0)
        {
            var normalized = Normalize(argument);
            var parts = normalized.Split('/');
            var fixedCount = Array.FindIndex(parts, p => p.AsSpan().IndexOfAny("*?[") >= 0);
            root = fixedCount == 0 ? "." : string.Join('/', parts[..fixedCount]);
            if (root.Length == 0)
            {
                root = "/";
            }

            if (!Directory.Exists(root))
            {
                yield break;
            }

            matcher.AddInclude(string.Join('/', parts[fixedCount..]));
        }
        else
        {
            yield break;
        }

        var prefix = root == "." && !argument.StartsWith("./", StringComparison.Ordinal) ? string.Empty : Normalize(root).TrimEnd('/') + "/";
        var matches = matcher.Execute(new LoopFreeDirectory(new DirectoryInfo(root))).Files;
        foreach (var relative in matches.Select(match => Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, match.Path)))))
        {
            var path = Path.Combine(root, relative);
            yield return (Path.GetFullPath(path), prefix + Normalize(relative));
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>
    /// Shard <paramref name="index"/> of <paramref name="count"/>: the inputs (files, dyads) at positions index,
    /// index + count, ... of the sorted list. Deterministic for the same arguments on every node; every input is in
    /// exactly one shard.
    /// </summary>
    public static IReadOnlyList<T> Shard<T>(IReadOnlyList<T> inputs, int index, int count)
    {
        var shard = new List<T>(inputs.Count / count + 1);
        for (var i = index; i < inputs.Count; i += count)
        {
            shard.Add(inputs[i]);
        }

        return shard;
    }

    /// <summary>A SHA-256 of the sorted ids (hex, first 16 bytes): parts of one run carry the same fingerprint.</summary>
    public static string Fingerprint(IEnumerable<string> ids)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var id in ids)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset()[..16]);
    }

    /// <summary>Parses <c>I/N</c> (0 ≤ I &lt; N); a usage error otherwise.</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            && count > 0 && index < count)
        {
            return (index, count);
        }

        throw new UsageException($"--shard {text}: expected I/N with 0 <= I < N, e.g. --shard 0/4 (with Slurm: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT).");
    }
}
