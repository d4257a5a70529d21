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
public sealed class StaleEditComponentTests : TwoTabsContext
{
    private static readonly DateTimeOffset ArchivedElsewhere = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Clients_RenameAfterTheClientWasArchivedElsewhere_KeepsThemArchived()
    {
        var cut = Render<Clients>();
        cut.Find("button[aria-label='Edit Ada']").Click();
        cut.Find("#edit-name").Input("Ada L.");
        await Store.UpdateClientAsync(Ada with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved Ada L..", cut.Find("#clients-status").TextContent));
        var stored = (await Store.GetClientAsync(Ada.Id, Ct))!;
        Assert.Equal("Ada L.", stored.DisplayName);
        Assert.Equal(ArchivedElsewhere, stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveAfterTheClientWasRenamedElsewhere_KeepsTheNewName()
    {
        var cut = Render<Clients>();
        await Store.UpdateClientAsync(Ada with { DisplayName = "Ada Lovelace", TimeZoneId = "Europe/London" }, Ct);

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived Ada;", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        var stored = (await Store.GetClientAsync(Ada.Id, Ct))!;
        Assert.Equal("Ada Lovelace", stored.DisplayName);
        Assert.Equal("Europe/London", stored.TimeZoneId);
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveAfterTheClientWasArchivedElsewhere_KeepsTheFirstArchiveTime()
    {
        var cut = Render<Clients>();
        await Store.UpdateClientAsync(Ada with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived Ada;", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Equal(ArchivedElsewhere, (await Store.GetClientAsync(Ada.Id, Ct))!.ArchivedAt);
    }

    [Fact]
    public async Task Clients_RenameAfterTheClientWasDeletedElsewhere_IsNotSaved_AndNothingIsRecreated()
    {
        var cut = Render<Clients>();
        cut.Find("button[aria-label='Edit Ada']").Click();
        cut.Find("#edit-name").Input("Ada L.");
        Assert.True(await Store.DeleteClientAsync(Ada.Id, Ct));

        cut.FindAll(".record__edit button").Single(b => b.TextContent == "Save").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: ", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Empty(await Store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task Plan_SaveAfterThePlanWasArchivedElsewhere_KeepsItArchived_AndSavesTheEdit()
    {
        var plan = await AddPlanAsync();
        var cut = RenderPlans(plan);
        cut.Find("button[aria-label='Edit plan Evenings']").Click();
        cut.Find("#plan-name").Input("Late evenings");
        await Store.UpdatePlanAsync(plan with { ArchivedAt = ArchivedElsewhere }, Ct);

        cut.Find("#plan-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved plan Late evenings.", cut.Find("#plan-status").TextContent));
        var stored = (await Store.GetPlanAsync(Ada.Id, plan.Id, Ct))!;
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
        await Store.UpdatePlanAsync(edited, Ct);

        cut.Find("button[aria-label='Archive plan Evenings']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived plan Evenings;", cut.Find("#plan-status").TextContent, StringComparison.Ordinal));
        var stored = (await Store.GetPlanAsync(Ada.Id, plan.Id, Ct))!;
        Assert.Equal("Mornings", stored.Name);
        Assert.Equal(3, Assert.Single(stored.Assignments).Schedule.SessionsPerDay);
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveWhileARenameLandsBetweenItsReadAndWrite_KeepsTheRename()
    {
        // The other tab's rename is written right after the archive has read Ada: a plain write would put her back as
        // read ("Ada"), losing the rename; the conditional write is refused, the archive reads again and goes on top.
        var cut = Render<Clients>();
        Interleaving.AfterRead = () => Store.UpdateClientAsync(Ada with { DisplayName = "Ada Lovelace" }, Ct);

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived Ada;", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        var stored = (await Store.GetClientAsync(Ada.Id, Ct))!;
        Assert.Equal("Ada Lovelace", stored.DisplayName);
        Assert.NotNull(stored.ArchivedAt);
        Assert.Equal(2, Interleaving.Reads);   // read, refused write, read again, written
    }

    [Fact]
    public async Task Clients_RestoreWhileARenameLandsBetweenItsReadAndWrite_KeepsTheRename()
    {
        await Store.UpdateClientAsync(Ada with { ArchivedAt = ArchivedElsewhere }, Ct);
        var cut = Render<Clients>();
        cut.Find("#show-archived").Change(true);
        Interleaving.AfterRead = () => Store.UpdateClientAsync(Ada with { DisplayName = "Ada Lovelace", ArchivedAt = ArchivedElsewhere }, Ct);

        cut.Find("button[aria-label='Restore Ada']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Restored Ada.", cut.Find("#clients-status").TextContent));
        var stored = (await Store.GetClientAsync(Ada.Id, Ct))!;
        Assert.Equal("Ada Lovelace", stored.DisplayName);
        Assert.Null(stored.ArchivedAt);
    }

    [Fact]
    public async Task Clients_ArchiveWhileTheClientIsDeletedBetweenItsReadAndWrite_IsNotSaved_AndNothingIsRecreated()
    {
        var cut = Render<Clients>();
        Interleaving.AfterRead = async () => Assert.True(await Store.DeleteClientAsync(Ada.Id, Ct));

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: ", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Assert.Empty(await Store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task Plan_ArchiveWhileAnEditLandsBetweenItsReadAndWrite_KeepsTheEdit()
    {
        var plan = await AddPlanAsync();
        var cut = RenderPlans(plan);
        Interleaving.AfterRead = () => Store.UpdatePlanAsync(plan with { Name = "Mornings" }, Ct);

        cut.Find("button[aria-label='Archive plan Evenings']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Archived plan Evenings;", cut.Find("#plan-status").TextContent, StringComparison.Ordinal));
        var stored = (await Store.GetPlanAsync(Ada.Id, plan.Id, Ct))!;
        Assert.Equal("Mornings", stored.Name);
        Assert.NotNull(stored.ArchivedAt);
        Assert.Equal(2, Interleaving.Reads);
    }

    [Fact]
    public async Task Clients_ArchiveWhileAnotherWriteLandsAfterEveryRead_GivesUpAfterFiveReads_AndKeepsTheLastWrite()
    {
        var cut = Render<Clients>();
        var renames = 0;
        Func<Task> rename = null!;
        rename = async () =>
        {
            await Store.UpdateClientAsync(Ada with { DisplayName = $"Ada {++renames}" }, Ct);
            Interleaving.AfterRead = rename;
        };
        Interleaving.AfterRead = rename;

        cut.Find("button[aria-label='Archive Ada']").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: ", cut.Find("#clients-status").TextContent, StringComparison.Ordinal));
        Interleaving.AfterRead = null;
        Assert.Equal(5, Interleaving.Reads);
        var stored = (await Store.GetClientAsync(Ada.Id, Ct))!;
        Assert.Equal("Ada 5", stored.DisplayName);
        Assert.Null(stored.ArchivedAt);
    }
}
