using System.Runtime.CompilerServices;

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
        var lines = File.ReadAllLines(testFile);
        var begin = Array.FindIndex(lines, l => l.Trim() == "// doc:begin " + name);
        var end = Array.FindIndex(lines, l => l.Trim() == "// doc:end " + name);
        Assert.True(begin >= 0 && end > begin, $"markers for '{name}' not found in {testFile}");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var snippet = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", ".."));
        var doc = File.ReadAllText(Path.Combine(root, "docs", docFile)).ReplaceLineEndings("\n");
        Assert.True(doc.Contains(snippet, StringComparison.Ordinal), $"docs/{docFile} does not contain the example '{name}' exactly as the test has it:\n{snippet}");
    }
}
