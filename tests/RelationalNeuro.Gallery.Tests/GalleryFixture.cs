using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// Hosts the gallery in-process on a real Kestrel socket on 127.0.0.1 (a free port) and starts one headless
/// Chromium for the whole test collection. Chromium is Debian's (CHROMIUM_PATH overrides); when it is missing
/// the fixture fails with the command that installs it: browser tests never skip silently.
/// </summary>
public sealed class GalleryFixture : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new();
    private IPlaywright? _playwright;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The gallery's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running app's services (for tests that seed data).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The gallery's practice store file for this test run (a temporary folder, deleted afterwards).</summary>
    public string PracticeStorePath { get; } = Path.Combine(Directory.CreateTempSubdirectory("rn-gallery-").FullName, "practice.db");

    public async ValueTask InitializeAsync()
    {
        // The app reads configuration from the environment: point its store at a temporary file.
        Environment.SetEnvironmentVariable("RelationalNeuro__PracticeStorePath", PracticeStorePath);
        // A save waits 2 s (not the app's default 5) for a lock another program holds: StoreLock tests wait that long.
        Environment.SetEnvironmentVariable("RelationalNeuro__StoreBusySeconds", "2");
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>Opens a gallery page in a fresh browser context (see <see cref="GalleryPage"/>).</summary>
    public Task<GalleryPage> OpenAsync(string relativePath, GalleryPageOptions? options = null) =>
        GalleryPage.OpenAsync(this, relativePath, options ?? new GalleryPageOptions());

    internal static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH={configured} does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => new[] { Path.Combine(d, "chromium"), Path.Combine(d, "chromium-browser") })
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "Chromium is needed for the browser tests and was not found. On Debian/Ubuntu: sudo apt-get install -y chromium " +
            "(or run ./build.sh test, which installs it). Elsewhere set CHROMIUM_PATH to a Chromium or Chrome executable.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(PracticeStorePath)!, recursive: true);
    }
}

[CollectionDefinition(nameof(GalleryCollection))]
public sealed class GalleryCollection : ICollectionFixture<GalleryFixture>;
