using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// What the server sends for a page, read over plain HTTP from the gallery on a real Kestrel socket (no browser): the
/// markup of the server-rendered pages, and how page routes answer other methods than GET.
/// </summary>
public sealed class PageHttpTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rn-gallery-http-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPracticeStore Store => _factory.Services.GetRequiredService<IPracticeStore>();

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RelationalNeuro:PracticeStorePath"] = Path.Combine(_folder, "practice.db"),
            })));
        _client = LoopbackGallery.Start(_factory);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AssessClientSelect_TwoClientsOfTheSameName_AreToldApartByTheirCreationDate()
    {
        var january = new Client { Id = Guid.NewGuid(), DisplayName = "Sam", TimeZoneId = "Europe/Berlin", CreatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) };
        var march = january with { Id = Guid.NewGuid(), CreatedAt = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero) };
        await Store.AddClientAsync(january, Ct);
        await Store.AddClientAsync(march, Ct);

        var html = await _client.GetStringAsync("assess", Ct);

        var page = new HtmlParser().ParseDocument(html);
        string Option(Client c) => page.QuerySelector($"#assess-client option[value='{c.Id:D}']")!.TextContent;
        Assert.NotEqual(Option(january), Option(march));
        Assert.Contains("2026-01-05", Option(january), StringComparison.Ordinal);
        Assert.Contains("2026-03-09", Option(march), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("practice")]
    [InlineData("analyse")]
    [InlineData("assess")]
    [InlineData("widgets/hrv-gauge")]
    public async Task Head_OnAPageRoute_AnswersAsGetDoes_WithoutABody(string path)
    {
        // RFC 9110 §9.3.2: HEAD is GET without the content; the status and headers are the same.
        using var get = await _client.GetAsync(path, Ct);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(head.Headers.Contains("Content-Security-Policy"));
        // Nothing of a body was sent after the headers: the kept-alive connection still reads the next answer right.
        using var again = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("</html>", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_OnAStaticFile_AnswersAsGetDoes_WithItsLengthAndNoBody()
    {
        using var get = await _client.GetAsync("app.css", Ct);
        var length = (await get.Content.ReadAsByteArrayAsync(Ct)).Length;
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "app.css"), Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        using var again = await _client.GetAsync("app.css", Ct);
        Assert.Equal(length, (await again.Content.ReadAsByteArrayAsync(Ct)).Length);
    }

    [Fact]
    public async Task Head_OnAMissingPage_Answers404AsGetDoes()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "no-such-page"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
