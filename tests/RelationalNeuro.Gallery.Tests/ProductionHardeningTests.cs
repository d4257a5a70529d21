using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The gallery as a practitioner runs it (Production environment, real Kestrel socket on 127.0.0.1): hostile or
/// malformed requests get a 4xx or a safe redirect, never a 500, and every response — errors included — carries
/// the strict Content-Security-Policy. Plain HTTP requests, except one browser check that "Analyse a recording" still
/// analyses over a damaged store.
/// </summary>
public sealed class ProductionHardeningTests : IAsyncLifetime
{
    private const string ThrowPath = "/test-only/throw";
    private readonly string _folder = Directory.CreateTempSubdirectory("rn-gallery-prod-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RelationalNeuro:PracticeStorePath"] = Path.Combine(_folder, "practice.db"),
            }));
            // After the app's own pipeline, an address that throws: the way to reach the exception handler.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpointFilter>());
        });
        _client = LoopbackGallery.Start(_factory);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PreferencePost_WithoutAntiforgeryToken_Answers400WithTheCsp_Not500()
    {
        using var response = await PostPreferenceAsync("/preferences/theme", "dark", "/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertCsp(response);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a rejected post must not set the preference");
    }

    [Theory]
    [InlineData("/\t/evil")]
    [InlineData("/\n/evil")]
    [InlineData("/\\evil")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ /evil")]
    [InlineData("")]
    public async Task PreferencePost_WithAHostileReturnUrl_RedirectsHome(string returnUrl)
    {
        using var response = await PostPreferenceAsync("/preferences/motion", "reduce", returnUrl, withToken: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        AssertCsp(response);
    }

    [Fact]
    public async Task PreferencePost_WithALocalReturnUrl_RedirectsThere()
    {
        using var response = await PostPreferenceAsync("/preferences/theme", "light", "/widgets/hrv-gauge?x=1", withToken: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/widgets/hrv-gauge?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnUnhandledException_AnswersTheErrorPage_WithTheCsp()
    {
        using var response = await _client.GetAsync(ThrowPath.TrimStart('/'), Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertCsp(response);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("test-only exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedStoreFile_ThePracticeAndDataPages_Answer503NamingTheFileAndWhatToDo_TheOthersWork()
    {
        // The practitioner's practice.db damaged (here 8 KB of seeded random bytes; the store is opened on first use).
        var path = Path.Combine(_folder, "practice.db");
        var garbage = new byte[8192];
        new Random(20261205).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage, Ct);

        foreach (var page in (string[])["practice", "data"])
        {
            using var response = await _client.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            AssertCsp(response);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<h1>The practice store could not be opened</h1>", html, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(path), html, StringComparison.Ordinal);
            Assert.Contains("The file is damaged, or is not a practice store. It has not been changed.", html, StringComparison.Ordinal);
        }

        // The widget pages do not use the store, and the analysis and Assess pages use it only to save: they work (before,
        // each answered the error page too). Assess says why a score cannot be saved. The file is as it was.
        foreach (var page in (string[])["widgets/hrv-gauge", "analyse", "analyse/dyad", "assess"])
        {
            using var response = await _client.GetAsync(page, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }

        Assert.Contains(
            "The practice store cannot be used, so a score cannot be saved to a client (it can still be read and downloaded)",
            await _client.GetStringAsync("assess?instrument=pss-4", Ct),
            StringComparison.Ordinal);

        Assert.Equal(garbage, await File.ReadAllBytesAsync(path, Ct));

        // Moved aside, as the page says: the next request starts a new, empty store.
        File.Move(path, path + ".damaged");
        using var fresh = await _client.GetAsync("practice", Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ADamagedStoreFile_TheAnalysisPages_StillAnalyse_AndSayWhyNothingCanBeSaved()
    {
        var path = Path.Combine(_folder, "practice.db");
        var garbage = new byte[8192];
        new Random(20261206).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage, Ct);

        // An interactive page needs the static web assets (blazor.web.js), which a factory serves in Development only.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration(c =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["RelationalNeuro:PracticeStorePath"] = path })));
        using var client = LoopbackGallery.Start(factory);
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = GalleryFixture.FindChromium(), Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(client.BaseAddress!, "analyse").ToString());
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.Locator("#analyse-sample").ClickAsync();

        // The report is there; the save section says why it cannot save, naming the store's problem.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#metric-rmssd")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".client-picker__status")).ToContainTextAsync("The practice store cannot be used, so nothing can be saved to a client:");

        // The same for a dyad: the sample is analysed, and the save form says why it cannot save.
        await page.GotoAsync(new Uri(client.BaseAddress!, "analyse/dyad").ToString());
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.Locator("#dyad-sample").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("The practice store cannot be used, so the session cannot be saved:", new() { Timeout = 60_000 });
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path, Ct));
    }

    [Fact]
    public async Task ErrorResponse_ForAPost_WritesTheStaticPageWithoutTouchingTheForm()
    {
        // The handler never reads the request: a failed POST (no antiforgery, any body) gets the same page.
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Response.Body = new MemoryStream();
        await ErrorResponse.WriteAsync(context);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("Something went wrong", await new StreamReader(context.Response.Body).ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostToAnUnknownAddress_IsAClientError_WithTheCsp()
    {
        using var content = new FormUrlEncodedContent([new("a", "b")]);
        using var response = await _client.PostAsync("no-such-page", content, Ct);
        Assert.InRange((int)response.StatusCode, 400, 499);
        AssertCsp(response);
    }

    [Theory]
    [InlineData("evil.example", "practice")]
    [InlineData("rebound.attacker.test:5029", "data")]
    [InlineData("rebound.attacker.test", "data/export/00000000-0000-0000-0000-000000000001")]
    public async Task ARequestNamingAnotherHost_IsRefused_SoDnsRebindingCannotReadTheClients(string host, string path)
    {
        // DNS rebinding: a site the practitioner visits makes its own name resolve to 127.0.0.1; its script's requests
        // then reach the loopback-only gallery with that name as Host, and could read every client.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task ARequestNamingALoopbackHost_IsServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "practice");
        request.Headers.Host = host + ":" + _client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCsp(response);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/widgets/pause-timer", true)]
    [InlineData("/a/b?c=d#e", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/a\u2028b", false)]
    [InlineData("evil", false)]
    [InlineData(null, false)]
    public void IsLocalPath_AcceptsOnlyPathsOnThisSite(string? returnUrl, bool expected) =>
        Assert.Equal(expected, Preferences.IsLocalPath(returnUrl));

    private async Task<HttpResponseMessage> PostPreferenceAsync(string path, string value, string returnUrl, bool withToken = false)
    {
        var fields = new List<KeyValuePair<string, string>> { new(path.EndsWith("theme", StringComparison.Ordinal) ? "theme" : "motion", value), new("returnUrl", returnUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'));
        if (withToken)
        {
            // The token the home page's own preference form carries, with its cookie, as a browser would send them.
            using var home = await _client.GetAsync("", Ct);
            var html = await home.Content.ReadAsStringAsync(Ct);
            var marker = "name=\"__RequestVerificationToken\" value=\"";
            var start = html.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(start >= 0, "the home page has no antiforgery token in its preference forms");
            start += marker.Length;
            fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)])));
            var cookies = home.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await _client.SendAsync(request, Ct);
    }

    private static void AssertCsp(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{(int)response.StatusCode} response has no CSP");
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", Assert.Single(values), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == ThrowPath ? throw new InvalidOperationException("test-only exception") : following(context));
        };
    }
}
