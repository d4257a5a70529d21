using System.Runtime.CompilerServices;

namespace RelationalNeuro.Tests.Docs;

/// <summary>
/// Keeps documentation code blocks compiled: an example lives in a test between <c>// doc:NAME</c> and
/// <c>// end-doc:NAME</c>, runs there, and the markdown page must contain the same lines (de-indented).
/// </summary>
internal static class DocExample
{
    public static void AssertDocContains(string docRelativePath, string name, [CallerFilePath] string sourceFile = "")
    {
        var lines = File.ReadAllLines(sourceFile);
        var begin = Array.FindIndex(lines, l => l.Trim() == "// doc:" + name);
        var end = Array.FindIndex(lines, l => l.Trim() == "// end-doc:" + name);
        Assert.True(begin >= 0 && end > begin, $"markers for '{name}' not found in {sourceFile}");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        var root = RelationalNeuro.TestSupport.SharedData.RepositoryRoot;
        var doc = File.ReadAllText(Path.Combine(root, docRelativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(doc.Contains(expected, StringComparison.Ordinal), $"{docRelativePath} does not contain the example '{name}' exactly:\n{expected}");
    }
}
