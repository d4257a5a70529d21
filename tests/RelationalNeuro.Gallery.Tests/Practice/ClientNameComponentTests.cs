using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Pages.Practice;
using RelationalNeuro.Gallery.Components.Pages.Widgets;
using RelationalNeuro.Gallery.Components.Shared;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// bUnit tests of how clients are named and chosen: a name must show something (a name made only of zero-width
/// characters is an empty, invisible link), and two clients of the same name must be told apart wherever one is chosen.
/// </summary>
public sealed partial class ClientNameComponentTests : BunitContext
{
    // U+200B ZERO WIDTH SPACE and U+200D ZERO WIDTH JOINER: format characters (Cf), nothing is drawn for either.
    private const string ZeroWidthOnly = "\u200B\u200D";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly InMemoryPracticeStore _store = new();

    public ClientNameComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IPracticeStore>(_store);
        Services.AddSingleton<RelationalNeuro.Gallery.Analyse.DyadExports>(); // the co-regulation page offers its report for download
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static Client NewClient(string name, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        DisplayName = name,
        TimeZoneId = "Europe/Berlin",
        CreatedAt = createdAt ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };

    // A letter, digit or symbol: something a sighted reader sees.
    [GeneratedRegex(@"[\p{L}\p{N}\p{S}]")]
    private static partial Regex Visible();

    [Fact]
    public async Task Clients_CreateWithZeroWidthOnlyName_IsRefusedWithAMessage_AndNothingIsStored()
    {
        var cut = Render<Clients>();

        cut.Find("#new-client-name").Input(ZeroWidthOnly);
        cut.Find("#create-client").Click();

        cut.WaitForAssertion(() => Assert.Contains("A name must contain at least one visible character.", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task Clients_RenameToZeroWidthOnlyName_IsRefusedWithAMessage_AndTheNameIsKept()
    {
        var ada = NewClient("Ada");
        await _store.AddClientAsync(ada, Ct);
        var cut = Render<Clients>();

        cut.Find("button[aria-label='Edit Ada']").Click();
        cut.Find("#edit-name").Input(ZeroWidthOnly);
        cut.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("A name must contain at least one visible character.", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Equal("Ada", (await _store.GetClientAsync(ada.Id, Ct))!.DisplayName);
    }

    [Fact]
    public async Task ClientPicker_CreateWithZeroWidthOnlyName_IsRefusedWithAMessage()
    {
        var cut = Render<ClientPicker>();

        cut.Find("#client-picker-new-name").Input(ZeroWidthOnly);
        cut.Find(".client-picker__new button").Click();

        cut.WaitForAssertion(() => Assert.Contains("A name must contain at least one visible character.", cut.Find(".client-picker__status").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task StoredZeroWidthOnlyName_IsShownWithAVisibleFallback_InTheListAndThePicker()
    {
        // Stored before the check existed, or imported: it must still be findable and openable.
        var invisible = NewClient(ZeroWidthOnly);
        await _store.AddClientAsync(invisible, Ct);
        var idStart = invisible.Id.ToString("N")[..8];

        var list = Render<Clients>();
        var link = list.Find("a.record__name");
        Assert.Matches(Visible(), link.TextContent);
        Assert.Contains(idStart, link.TextContent, StringComparison.Ordinal);

        var picker = Render<ClientPicker>();
        var option = picker.FindAll("option").Single(o => o.GetAttribute("value") == invisible.Id.ToString("D"));
        Assert.Matches(Visible(), option.TextContent);
    }

    [Fact]
    public async Task ClientPicker_TwoClientsOfTheSameName_AreToldApartByTheirCreationDate()
    {
        var samJanuary = NewClient("Sam", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var samMarch = NewClient("Sam", new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        var ada = NewClient("Ada");
        foreach (var c in new[] { samJanuary, samMarch, ada })
        {
            await _store.AddClientAsync(c, Ct);
        }

        var cut = Render<ClientPicker>();

        string Option(Client c) => cut.FindAll("option").Single(o => o.GetAttribute("value") == c.Id.ToString("D")).TextContent;
        Assert.NotEqual(Option(samJanuary), Option(samMarch));
        Assert.Contains("2026-01-05", Option(samJanuary), StringComparison.Ordinal);
        Assert.Contains("2026-03-09", Option(samMarch), StringComparison.Ordinal);
        Assert.Equal("Ada", Option(ada)); // a name nobody else has is shown as it is
    }

    [Fact]
    public async Task Clients_TwoClientsOfTheSameName_TheirButtonsAndLinksAreToldApartForScreenReaders()
    {
        var samJanuary = NewClient("Sam", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var samMarch = NewClient("Sam", new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        var ada = NewClient("Ada");
        foreach (var c in new[] { samJanuary, samMarch, ada })
        {
            await _store.AddClientAsync(c, Ct);
        }

        var cut = Render<Clients>();

        List<string?> Names(Client c) => cut.Find($"li[data-client='{c.Id:D}']").QuerySelectorAll("button")
            .Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Edit Sam (since 2026-01-05)", "Archive Sam (since 2026-01-05)", "Delete Sam (since 2026-01-05)"], Names(samJanuary));
        Assert.Equal(["Edit Sam (since 2026-03-09)", "Archive Sam (since 2026-03-09)", "Delete Sam (since 2026-03-09)"], Names(samMarch));
        Assert.Equal(["Edit Ada", "Archive Ada", "Delete Ada"], Names(ada)); // a name nobody else has is used as it is

        string? LinkName(Client c) => cut.Find($"li[data-client='{c.Id:D}'] a.record__name").GetAttribute("aria-label");
        Assert.Equal("Sam (since 2026-01-05)", LinkName(samJanuary));
        Assert.Equal("Sam (since 2026-03-09)", LinkName(samMarch));
        Assert.Null(LinkName(ada)); // its visible text is its name
    }

    [Fact]
    public async Task ClientPicker_SameNameAndSameDay_OrOnlyAnInvisibleCharacterApart_AreStillToldApart()
    {
        var day = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var sam = NewClient("Sam", day);
        var samAgain = NewClient("Sam", day.AddHours(2));
        var samZeroWidth = NewClient("Sam\u200B", day.AddHours(3)); // looks exactly like "Sam"
        foreach (var c in new[] { sam, samAgain, samZeroWidth })
        {
            await _store.AddClientAsync(c, Ct);
        }

        var cut = Render<ClientPicker>();

        var texts = cut.FindAll("option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Replace("\u200B", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Equal(3, texts.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task CoRegulation_TwoClientsOfTheSameName_AreToldApartInBothSelects()
    {
        var samJanuary = NewClient("Sam", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var samMarch = NewClient("Sam", new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        await _store.AddClientAsync(samJanuary, Ct);
        await _store.AddClientAsync(samMarch, Ct);

        var cut = Render<CoRegulationPage>();

        foreach (var select in new[] { "#client-a", "#client-b" })
        {
            string Option(Client c) => cut.FindAll(select + " option").Single(o => o.GetAttribute("value") == c.Id.ToString()).TextContent;
            Assert.NotEqual(Option(samJanuary), Option(samMarch));
            Assert.Contains("2026-01-05", Option(samJanuary), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CoRegulation_ArchivedClients_AreNotOffered()
    {
        var ada = NewClient("Ada");
        var bo = NewClient("Bo");
        var archived = NewClient("Cy") with { ArchivedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero) };
        foreach (var c in new[] { ada, bo, archived })
        {
            await _store.AddClientAsync(c, Ct);
        }

        var cut = Render<CoRegulationPage>();

        foreach (var select in new[] { "#client-a", "#client-b" })
        {
            var offered = cut.FindAll(select + " option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
            Assert.Equal(new[] { ada.Id.ToString(), bo.Id.ToString() }.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task CoRegulation_OneActiveAndOneArchivedClient_AsksForASecondClient()
    {
        await _store.AddClientAsync(NewClient("Ada"), Ct);
        await _store.AddClientAsync(NewClient("Cy") with { ArchivedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero) }, Ct);

        var cut = Render<CoRegulationPage>();

        Assert.NotNull(cut.Find("#need-clients"));
        Assert.Empty(cut.FindAll("#client-a"));
    }
}
