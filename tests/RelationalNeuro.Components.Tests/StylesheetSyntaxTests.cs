using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests;

/// <summary>
/// Every stylesheet in the package and the gallery has balanced braces and closed comments and strings. Blazor joins the
/// scoped <c>.razor.css</c> files into one bundle, so one stray <c>}</c> or an unclosed <c>@media</c> block in one file
/// silently swallows the rules of every file after it (a synchrony-map stylesheet once put the feelings wheel's and the
/// pause timer's rules inside its <c>forced-colors</c> block, which only the browser tests noticed).
/// </summary>
public sealed class StylesheetSyntaxTests
{
    public static TheoryData<string> Stylesheets()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine("src", "RelationalNeuro.Components"), Path.Combine("samples", "RelationalNeuro.Gallery"), Path.Combine("samples", "RelationalNeuro.Gallery.Client") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, folder), "*.css", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(SharedData.RepositoryRoot, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void Stylesheet_BracesBalanceAndNeverCloseWhatIsNotOpen(string path)
    {
        var css = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, path));
        var depth = 0;
        var line = 1;
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Assert.True(end >= 0, $"{path}: comment opened on line {line} is never closed");
                line += css.AsSpan(i, end - i).Count('\n');
                i = end + 1;
            }
            else if (c is '"' or '\'')
            {
                var end = css.IndexOfAny([c, '\n'], i + 1);
                Assert.True(end >= 0 && css[end] == c, $"{path}: string opened on line {line} is not closed on that line");
                i = end;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
                Assert.True(depth >= 0, $"{path}: line {line} closes a block that is not open");
            }
        }

        Assert.True(depth == 0, $"{path}: {depth} block(s) still open at the end of the file");
    }
}
