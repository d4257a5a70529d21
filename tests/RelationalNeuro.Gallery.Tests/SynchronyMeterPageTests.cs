using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationalNeuro.Interventions;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The co-regulation page in real Chromium: the bundled dyad (the client's rhythm follows the therapist's by 2 s, by
/// construction) replayed into the synchrony meter, whose reading moves and whose lag indicator names the client as the
/// follower; the session's verdict and map; the session saved to two clients of the practice store; axe and the CSP clean.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class SynchronyMeterPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/co-regulation";

    private static ILocator Meter(GalleryPage page) => page.Page.Locator("#sync-meter [role=meter]");

    [Fact]
    public async Task Replay_MeterMoves_LagNamesTheClient_AndTheSessionIsSavedToBothClients()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var therapist = new Client { Id = Guid.NewGuid(), DisplayName = "Therapist " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Client " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(therapist, TestContext.Current.CancellationToken);
        await store.AddClientAsync(client, TestContext.Current.CancellationToken);

        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.GetByRole(AriaRole.Radio, new() { Name = "×30" }).CheckAsync();
        await Assertions.Expect(page.Page.Locator("#live-source")).ToHaveTextAsync("Source: the bundled dyad at ×30. Press Start.");
        var button = page.Page.Locator("#sync-meter button");
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveTextAsync("Stop");

        // A reading after the first 33 s of the session (about 1.1 s at ×30), then a different one: the meter moves.
        var meter = Meter(page);
        var reading = new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d mean \|z\|");
        await Assertions.Expect(meter).ToHaveAttributeAsync("aria-valuetext", reading, new() { Timeout = 20_000 });
        var first = await meter.GetAttributeAsync("aria-valuetext");
        await Assertions.Expect(meter).Not.ToHaveAttributeAsync("aria-valuetext", first!, new() { Timeout = 20_000 });
        // The known direction: the client's rhythm follows the therapist's.
        await Assertions.Expect(page.Page.Locator("#sync-meter .rn-sync-meter__lag")).ToContainTextAsync("the client follows the therapist by about", new() { Timeout = 20_000 });
        await page.ScreenshotAsync("synchrony-meter-replay");

        // Six minutes at ×30 end after about 12 s; the analysis of this session replaces the bundled one.
        await Assertions.Expect(page.Page.Locator("#sync-meter .rn-sync-meter__state")).ToHaveTextAsync("Both recordings ended.", new() { Timeout = 60_000 });
        await Assertions.Expect(meter).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex(@"chance band \d\.\d\d to \d\.\d\d"));
        await Assertions.Expect(page.Page.Locator("#analysis-heading")).ToHaveTextAsync("This session");
        await Assertions.Expect(page.Page.Locator("#verdict")).ToContainTextAsync("the client followed the therapist by about 2");

        // This session's report, downloaded: the verdict shown, in the CSV row rn writes.
        var download = await page.DownloadAsync("#session-export-csv");
        var csv = download.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(DyadReport.CsvHeader, csv[0]);
        Assert.Contains(await page.Page.Locator("#verdict").TextContentAsync() ?? "?", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("co-regulation-", download.Name, StringComparison.Ordinal);

        await page.Page.Locator("#client-a").SelectOptionAsync(new SelectOptionValue { Label = therapist.DisplayName });
        await page.Page.Locator("#client-b").SelectOptionAsync(new SelectOptionValue { Label = client.DisplayName });
        await page.Page.Locator("#save-session").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToContainTextAsync($"Saved to {therapist.DisplayName} and {client.DisplayName}");

        var forTherapist = Assert.Single((await store.ListEntriesAsync(therapist.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        var forClient = Assert.Single((await store.ListEntriesAsync(client.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        Assert.Equal((DyadMember.A, client.Id), (forTherapist.Member, forTherapist.PartnerClientId));
        Assert.Equal((DyadMember.B, therapist.Id), (forClient.Member, forClient.PartnerClientId));
        Assert.Equal(DyadLeader.A, forTherapist.Leader);
        Assert.Equal(forTherapist.Verdict, forClient.Verdict);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Save_PressedTwice_LogsTheSessionOnceForEachClient()
    {
        // A second press logged the same session again: two sessions each, counted twice towards the clients' plans.
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var therapist = new Client { Id = Guid.NewGuid(), DisplayName = "Therapist twice " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Client twice " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(therapist, TestContext.Current.CancellationToken);
        await store.AddClientAsync(client, TestContext.Current.CancellationToken);

        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#client-a").SelectOptionAsync(new SelectOptionValue { Label = therapist.DisplayName });
        await page.Page.Locator("#client-b").SelectOptionAsync(new SelectOptionValue { Label = client.DisplayName });
        await page.Page.Locator("#save-session").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToContainTextAsync($"Saved to {therapist.DisplayName} and {client.DisplayName}");
        await page.Page.Locator("#save-session").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Already saved to {therapist.DisplayName} and {client.DisplayName}.");

        Assert.Single((await store.ListEntriesAsync(therapist.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        Assert.Single((await store.ListEntriesAsync(client.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Replay_Keyboard_StartsAndStops_DarkAndReducedMotionClean()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark, ReducedMotion = ReducedMotion.Reduce });
        var button = page.Page.Locator("#sync-meter button");
        await button.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveTextAsync("Stop");
        await Assertions.Expect(page.Page.Locator("#sync-meter [role=status]")).ToHaveTextAsync("Measuring synchrony.");
        // Focus stays on the one button whose label toggled: Enter again stops.
        Assert.True(await button.EvaluateAsync<bool>("e => e === document.activeElement"), "focus left the Start/Stop button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveTextAsync("Start");
        await Assertions.Expect(page.Page.Locator("#sync-meter .rn-sync-meter__state")).ToHaveTextAsync("Stopped.");
        await page.ScreenshotWidgetAsync("synchrony-meter-dark", page.Page.Locator("#sync-meter"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Straps_WithoutWebBluetooth_PageSaysSoAndOffersTheReplay()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await Assertions.Expect(page.Page.Locator("#strap-a")).ToContainTextAsync("This browser has no Web Bluetooth", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Page.Locator("#strap-b")).ToHaveCountAsync(0); // the second strap is offered after the first
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Radio, new() { Name = "×10" })).ToBeCheckedAsync();
        await page.AssertCleanAsync();
    }
}
