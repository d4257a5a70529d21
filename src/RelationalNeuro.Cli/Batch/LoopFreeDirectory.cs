using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// A folder for the glob matcher that follows symbolic links to folders (a study's data folder often links to scratch
/// space) but does not enter one that leads back to a folder it is already inside. The library's own wrapper follows
/// every link, so a link to a parent listed the same recording once per level, up to the system's limit of 40, and two
/// such links 2⁴⁰ times.
/// </summary>
internal sealed class LoopFreeDirectory : DirectoryInfoBase
{
    private readonly DirectoryInfo _info;
    private readonly LoopFreeDirectory? _parent;
    private readonly string _realPath;
    private readonly bool _isParentPath;

    public LoopFreeDirectory(DirectoryInfo info)
        : this(info, null, RealPath(info.FullName), isParentPath: false)
    {
    }

    private LoopFreeDirectory(DirectoryInfo info, LoopFreeDirectory? parent, string realPath, bool isParentPath)
    {
        _info = info;
        _parent = parent;
        _realPath = realPath;
        _isParentPath = isParentPath;
    }

    public override string Name => _isParentPath ? ".." : _info.Name;

    public override string FullName => _info.FullName;

    public override DirectoryInfoBase? ParentDirectory =>
        _parent ?? (_info.Parent is { } up ? new LoopFreeDirectory(up, null, RealPath(up.FullName), isParentPath: false) : null);

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        if (!_info.Exists)
        {
            yield break;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = _info.GetFileSystemInfos("*", SearchOption.TopDirectoryOnly);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            yield break; // as the library's wrapper: a folder that vanished or cannot be listed holds nothing
        }

        foreach (var entry in entries)
        {
            switch (entry)
            {
                case DirectoryInfo folder:
                    var real = folder.LinkTarget is null ? Path.Combine(_realPath, folder.Name) : RealPath(folder.FullName);
                    if (!InsideOf(real))
                    {
                        yield return new LoopFreeDirectory(folder, this, real, isParentPath: false);
                    }

                    break;
                case FileInfo file:
                    yield return new FileInfoWrapper(file);
                    break;
            }
        }
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        if (string.Equals(path, "..", StringComparison.Ordinal))
        {
            return _info.Parent is { } up ? new LoopFreeDirectory(up, null, RealPath(up.FullName), isParentPath: true) : null;
        }

        var folder = new DirectoryInfo(Path.Combine(_info.FullName, path));
        return new LoopFreeDirectory(folder, this, folder.Exists ? RealPath(folder.FullName) : folder.FullName, isParentPath: false);
    }

    public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(_info.FullName, path)));

    /// <summary>True when <paramref name="realPath"/> is this folder or one of the folders the walk came through.</summary>
    private bool InsideOf(string realPath)
    {
        for (var folder = this; folder is not null; folder = folder._parent)
        {
            if (string.Equals(folder._realPath, realPath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The path with every symbolic link in it resolved (what realpath(3) gives), or the full path where one cannot be.</summary>
    private static string RealPath(string fullPath)
    {
        try
        {
            var root = Path.GetPathRoot(fullPath) ?? string.Empty;
            var current = root;
            foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                current = Path.Combine(current, part);
                for (var hops = 0; hops < 40 && new DirectoryInfo(current) is { LinkTarget: not null } link; hops++)
                {
                    var target = link.LinkTarget!;
                    current = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(current) ?? root, target));
                }
            }

            return Path.TrimEndingDirectorySeparator(current);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return fullPath;
        }
    }
}
