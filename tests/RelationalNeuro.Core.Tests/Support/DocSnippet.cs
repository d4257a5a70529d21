using System.Runtime.CompilerServices;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Support;

/// <summary>
/// Keeps a docs page's example and a compiled test identical: the example lives in a test between
/// <c>// doc:begin name</c> and <c>// doc:end name</c>; <see cref="AssertDocContains"/> checks the page contains that exact text
/// (dedented), so neither can drift (Sep's ReadMeTest idea).
/// </summary>
internal static class DocSnippet
{
    public static void AssertDocContains(string docFile, string name, [CallerFilePath] string testFile = "")
    {
        // CallerFilePath is path-mapped ("/_/tests/...") in CI builds: resolve it against the repository root.
        var normalized = testFile.Replace('\\', '/');
        var at = normalized.IndexOf("tests/RelationalNeuro.Core.Tests/", StringComparison.Ordinal);
        Assert.True(at >= 0, $"unexpected test source path {testFile}");
        var root = SharedData.RepositoryRoot;
        var lines = File.ReadAllLines(Path.Combine(root, normalized[at..]));
        var begin = Array.FindIndex(lines, l => l.Trim() == "// doc:begin " + name);
        var end = Array.FindIndex(lines, l => l.Trim() == "// doc:end " + name);
        Assert.True(begin >= 0 && end > begin, $"markers for '{name}' not found in {testFile}");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var snippet = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        var doc = File.ReadAllText(Path.Combine(root, "docs", docFile)).ReplaceLineEndings("\n");
        Assert.True(doc.Contains(snippet, StringComparison.Ordinal), $"docs/{docFile} does not contain the example '{name}' exactly as the test has it:\n{snippet}");
    }
}
