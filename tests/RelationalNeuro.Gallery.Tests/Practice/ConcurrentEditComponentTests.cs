using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Pages.Practice;
using RelationalNeuro.Gallery.Components.Practice;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// A practitioner with two tabs open on the same store, both editing the same field of the same client or plan. The
/// first save is kept; the second is refused with "Not saved: … was changed in another tab or window …", its form stays
/// open with what was typed, and nothing is overwritten. Before, the last save silently won and the first was lost.
/// (Edits of different fields in two tabs both take effect: <see cref="StaleEditComponentTests"/>.)
/// </summary>
public sealed class ConcurrentEditComponentTests : BunitContext
{
    private const string Reload = "was changed in another tab or window since you opened it. Reload to see the current version.";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryPracticeStore _store = new();

    private readonly Client _ada = new() { Id = Guid.NewGuid(), DisplayName = "Ada", TimeZoneId = "Europe/Berlin", CreatedAt = Created };

    public ConcurrentEditComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IPracticeStore>(_store);
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _store.AddClientAsync(_ada).GetAwaiter().GetResult(); // the in-memory store completes at once
    }

    [Fact]
    public async Task Clients_TwoTabsRenameTheSameClient_SecondSaveIsRefused_AndTheFirstNameIsKept()
    {
        var tabOne = Render<Clients>();
        var tabTwo = Render<Clients>();
        StartRename(tabOne, "Ada L.");
        StartRename(tabTwo, "Ada Lovelace");

        SaveRename(tabOne);
        tabOne.WaitForAssertion(() => Assert.Equal("Saved Ada L..", tabOne.Find("#clients-status").TextContent));
        SaveRename(tabTwo);

        tabTwo.WaitForAssertion(() => Assert.Equal($"Not saved: Ada {Reload}", tabTwo.Find("#clients-status").TextContent));
        Assert.Equal(_ada with { DisplayName = "Ada L." }, await _store.GetClientAsync(_ada.Id, Ct));
        // The refused form stays open with what was typed (its Save button, which had focus, is still there).
        Assert.Equal("Ada Lovelace", tabTwo.Find("#edit-name").GetAttribute("value"));
        Assert.Single(tabTwo.FindAll(".record__edit button"), b => b.TextContent == "Save");
    }

    [Fact]
    public async Task Clients_RenameAfterTheTimeZoneWasChangedElsewhere_IsRefused_AndTheTimeZoneIsKept()
    {
        // The form shows (and would write) the time zone too: saving it over another tab's time zone would undo that.
        var cut = Render<Clients>();
        StartRename(cut, "Ada L.");
        await _store.UpdateClientAsync(_ada with { TimeZoneId = "Europe/London" }, Ct);

        SaveRename(cut);

        cut.WaitForAssertion(() => Assert.Equal($"Not saved: Ada {Reload}", cut.Find("#clients-status").TextContent));
        Assert.Equal(_ada with { TimeZoneId = "Europe/London" }, await _store.GetClientAsync(_ada.Id, Ct));
    }

    [Fact]
    public async Task Plan_TwoTabsEditTheSamePlan_SecondSaveIsRefused_AndTheFirstEditIsKept()
    {
        var plan = await AddPlanAsync();
        var tabOne = RenderPlans(plan);
        var tabTwo = RenderPlans(plan);
        tabOne.Find("button[aria-label='Edit plan Evenings']").Click();
        tabOne.Find("#plan-name").Input("Late evenings");
        tabTwo.Find("button[aria-label='Edit plan Evenings']").Click();
        tabTwo.Find("#plan-name").Input("Early evenings");

        tabOne.Find("#plan-save").Click();
        tabOne.WaitForAssertion(() => Assert.Equal("Saved plan Late evenings.", tabOne.Find("#plan-status").TextContent));
        tabTwo.Find("#plan-save").Click();

        tabTwo.WaitForAssertion(() => Assert.Equal($"Not saved: plan Evenings {Reload}", tabTwo.Find("#plan-status").TextContent));
        Assert.Equal("Late evenings", (await _store.GetPlanAsync(_ada.Id, plan.Id, Ct))?.Name);
        Assert.Equal("Early evenings", tabTwo.Find("#plan-name").GetAttribute("value"));
        Assert.Equal("Save plan", tabTwo.Find("#plan-save").TextContent);
    }

    [Fact]
    public async Task Plan_SaveAfterThePracticesWereChangedElsewhere_IsRefused_AndTheirChangeIsKept()
    {
        var plan = await AddPlanAsync();
        var cut = RenderPlans(plan);
        cut.Find("button[aria-label='Edit plan Evenings']").Click();
        cut.Find("#plan-name").Input("Late evenings");
        var editedElsewhere = plan with
        {
            Assignments = [new PlanAssignment(InterventionCatalog.GratitudeId, new PracticeSchedule { SessionsPerDay = 3 })],
        };
        await _store.UpdatePlanAsync(editedElsewhere, Ct);

        cut.Find("#plan-save").Click();

        cut.WaitForAssertion(() => Assert.Equal($"Not saved: plan Evenings {Reload}", cut.Find("#plan-status").TextContent));
        var stored = (await _store.GetPlanAsync(_ada.Id, plan.Id, Ct))!;
        Assert.Equal("Evenings", stored.Name);
        Assert.Equal(3, Assert.Single(stored.Assignments).Schedule.SessionsPerDay);
    }

    private static void StartRename(IRenderedComponent<Clients> tab, string name)
    {
        tab.Find("button[aria-label='Edit Ada']").Click();
        tab.Find("#edit-name").Input(name);
    }

    private static void SaveRename(IRenderedComponent<Clients> tab) =>
        tab.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

    private async Task<PracticePlan> AddPlanAsync()
    {
        var plan = new PracticePlan
        {
            Id = Guid.NewGuid(),
            ClientId = _ada.Id,
            Name = "Evenings",
            StartDate = new DateOnly(2026, 11, 23),
            TimeZoneId = _ada.TimeZoneId,
            Assignments = [new PlanAssignment(InterventionCatalog.GratitudeId, new PracticeSchedule { SessionsPerDay = 1 })],
        };
        await _store.AddPlanAsync(plan, Ct);
        return plan;
    }

    private IRenderedComponent<PlanSection> RenderPlans(PracticePlan shown) =>
        Render<PlanSection>(p => p
            .Add(c => c.Client, _ada)
            .Add(c => c.Plans, [shown])
            .Add(c => c.Entries, []));
}
