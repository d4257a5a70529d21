using Xunit;
using Xunit.Sdk;

namespace RelationalNeuro.TestSupport;

/// <summary>
/// Finds the project's shared reference data (<c>../shared</c> beside the repository root). Tests read the
/// files in place; they are never copied into the project. The environment variable
/// <see cref="EnvironmentVariable"/> names the folder explicitly (CI sets it, and then the folder must exist);
/// otherwise the folder beside the repository root is used. Where neither exists, tests that need it are
/// skipped with the reason printed.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable that points at the shared folder.</summary>
    public const string EnvironmentVariable = "RELATIONALNEURO_SHARED";

    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The shared folder, or null where this clone has none.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The repository root (the folder holding RelationalNeuro.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The path of a folder under the shared folder. Skips the calling test, with the reason, when the shared
    /// folder is absent and not required; fails it when <see cref="EnvironmentVariable"/> is set but wrong.
    /// </summary>
    public static string RequireDirectory(string relative)
    {
        var root = Directory ?? throw SkipException.ForSkip(
            $"../shared is not beside this clone and {EnvironmentVariable} is not set; reference-data tests skipped.");

        var path = Path.GetFullPath(Path.Combine(root, relative));
        Assert.True(System.IO.Directory.Exists(path), $"Shared reference folder missing: {path}");
        return path;
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!System.IO.Directory.Exists(fromEnvironment))
            {
                throw new DirectoryNotFoundException($"{EnvironmentVariable}={fromEnvironment} does not exist.");
            }

            return Path.GetFullPath(fromEnvironment);
        }

        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return System.IO.Directory.Exists(beside) ? beside : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RelationalNeuro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RelationalNeuro.sln not found above {AppContext.BaseDirectory}.");
    }
}
