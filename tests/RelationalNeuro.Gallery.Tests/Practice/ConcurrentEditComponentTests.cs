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
public sealed class ConcurrentEditComponentTests : TwoTabsContext
{
    private const string Reload = "was changed in another tab or window since you opened it. Reload to see the current version.";

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
        Assert.Equal(Ada with { DisplayName = "Ada L." }, await Store.GetClientAsync(Ada.Id, Ct));
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
        await Store.UpdateClientAsync(Ada with { TimeZoneId = "Europe/London" }, Ct);

        SaveRename(cut);

        cut.WaitForAssertion(() => Assert.Equal($"Not saved: Ada {Reload}", cut.Find("#clients-status").TextContent));
        Assert.Equal(Ada with { TimeZoneId = "Europe/London" }, await Store.GetClientAsync(Ada.Id, Ct));
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
        Assert.Equal("Late evenings", (await Store.GetPlanAsync(Ada.Id, plan.Id, Ct))?.Name);
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
        await Store.UpdatePlanAsync(editedElsewhere, Ct);

        cut.Find("#plan-save").Click();

        cut.WaitForAssertion(() => Assert.Equal($"Not saved: plan Evenings {Reload}", cut.Find("#plan-status").TextContent));
        var stored = (await Store.GetPlanAsync(Ada.Id, plan.Id, Ct))!;
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
}
