using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Pages.Practice;
using RelationalNeuro.Gallery.Components.Pages.Widgets;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// bUnit tests of the time zone a new client is given: every page that creates a client takes it from the injected
/// clock's local time zone (<see cref="TimeProvider.LocalTimeZone"/>), the zone that defines their days.
/// </summary>
public sealed class ClientTimeZoneComponentTests : BunitContext
{
    private const string Zone = "Asia/Kathmandu"; // UTC+05:45: neither UTC nor the machine's zone

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly InMemoryPracticeStore _store = new();

    public ClientTimeZoneComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IPracticeStore>(_store);
        Services.AddSingleton<RelationalNeuro.Gallery.Analyse.DyadExports>(); // the co-regulation page offers its report for download
        Services.AddSingleton<TimeProvider>(new ClockIn(TimeZoneInfo.FindSystemTimeZoneById(Zone)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The system clock, in a given local time zone.</summary>
    private sealed class ClockIn(TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;
    }

    [Fact]
    public async Task CoRegulation_AddClient_IsInTheClocksLocalTimeZone()
    {
        var cut = Render<CoRegulationPage>();

        cut.Find("#new-client").Change("Kai");
        cut.Find("#add-client").Click();

        cut.WaitForAssertion(() => Assert.Equal("Added Kai.", cut.Find("#save-status").TextContent));
        var kai = Assert.Single(await _store.ListClientsAsync(Ct));
        Assert.Equal(Zone, kai.TimeZoneId);
    }

    [Fact]
    public void Clients_NewClientForm_OffersTheClocksLocalTimeZone()
    {
        var cut = Render<Clients>();

        Assert.Equal(Zone, cut.Find("#new-client-zone").GetAttribute("value"));
    }
}
