using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Pages.Practice;
using RelationalNeuro.Gallery.Components.Practice;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// A practitioner with two tabs open: the list in one was shown before a change made in the other (written to the store
/// here, after rendering). An edit or an archive in the stale tab changes only its own fields and never undoes the other
/// tab's change — before, a rename wrote the whole client as first shown, so it silently restored a client archived
/// elsewhere, and an archive reverted a rename.
/// </summary>
public sealed class StaleEditComponentTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ArchivedElsewhere = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

    private readonly InMemoryPracticeStore _store = new();

    private readonly Client _ada = new() { Id = Guid.NewGuid(), DisplayName = "Ada", TimeZoneId = "Europe/Berlin", CreatedAt = Created };

    public StaleEditComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IPracticeStore>(_store);
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _store.AddClientAsync(_ada).GetAwaiter().GetResult(); // the in-memory store completes at once
    }

    [Fact]
    public async Task Clients_RenameAfterTheClientWasArchivedElsewhere_KeepsThemArchived()
    {
        var cut = Render<Clients>();
        cut.Find("button[aria-label='Edit Ada']").Click();
        cut.Find("#edit-name").Input("Ada L.");
        await _store.UpdateClientAsync(_ada with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved Ada L..", cut.Find("#clients-status").TextContent));
        var stored = (await _store.GetClientAsync(_ada.Id, Ct))!;
        Assert.Equal("Ada L.", stored.DisplayName);
        Assert.Equal(ArchivedElsewhere, stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveAfterTheClientWasRenamedElsewhere_KeepsTheNewName()
    {
        var cut = Render<Clients>();
        await _store.UpdateClientAsync(_ada with { DisplayName = "Ada Lovelace", TimeZoneId = "Europe/London" }, Ct);

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived Ada;", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        var stored = (await _store.GetClientAsync(_ada.Id, Ct))!;
        Assert.Equal("Ada Lovelace", stored.DisplayName);
        Assert.Equal("Europe/London", stored.TimeZoneId);
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveAfterTheClientWasArchivedElsewhere_KeepsTheFirstArchiveTime()
    {
        var cut = Render<Clients>();
        await _store.UpdateClientAsync(_ada with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived Ada;", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Equal(ArchivedElsewhere, (await _store.GetClientAsync(_ada.Id, Ct))!.ArchivedAt);
    }

    [Fact]
    public async Task Clients_RenameAfterTheClientWasDeletedElsewhere_IsNotSaved_AndNothingIsRecreated()
    {
        var cut = Render<Clients>();
        cut.Find("button[aria-label='Edit Ada']").Click();
        cut.Find("#edit-name").Input("Ada L.");
        Assert.True(await _store.DeleteClientAsync(_ada.Id, Ct));

        cut.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: ", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task Plan_SaveAfterThePlanWasArchivedElsewhere_KeepsItArchived_AndSavesTheEdit()
    {
        var plan = await AddPlanAsync();
        var cut = RenderPlans(plan);
        cut.Find("button[aria-label='Edit plan Evenings']").Click();
        cut.Find("#plan-name").Input("Late evenings");
        await _store.UpdatePlanAsync(plan with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.Find("#plan-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved plan Late evenings.", cut.Find("#plan-status").TextContent));
        var stored = (await _store.GetPlanAsync(_ada.Id, plan.Id, Ct))!;
        Assert.Equal("Late evenings", stored.Name);
        Assert.Equal(ArchivedElsewhere, stored.ArchivedAt);
    }

    [Fact]
    public async Task Plan_ArchiveAfterThePlanWasEditedElsewhere_KeepsTheEdit()
    {
        var plan = await AddPlanAsync();
        var cut = RenderPlans(plan);
        var edited = plan with
        {
            Name = "Mornings",
            Assignments = [new PlanAssignment(InterventionCatalog.GratitudeId, new PracticeSchedule { SessionsPerDay = 3 })],
        };
        await _store.UpdatePlanAsync(edited, Ct);

        cut.Find("button[aria-label='Archive plan Evenings']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived plan Evenings;", cut.Find("#plan-status").TextContent, StringComparison.Ordinal));
        var stored = (await _store.GetPlanAsync(_ada.Id, plan.Id, Ct))!;
        Assert.Equal("Mornings", stored.Name);
        Assert.Equal(3, Assert.Single(stored.Assignments).Schedule.SessionsPerDay);
        Assert.NotNull(stored.ArchivedAt);
    }

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
