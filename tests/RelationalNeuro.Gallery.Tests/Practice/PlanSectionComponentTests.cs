using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Practice;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>bUnit tests of the plan form on a client's page.</summary>
public sealed class PlanSectionComponentTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly InMemoryPracticeStore _store = new();

    private readonly Client _client = new()
    {
        Id = Guid.NewGuid(),
        DisplayName = "Ada",
        TimeZoneId = "Europe/Berlin",
        CreatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };

    public PlanSectionComponentTests()
    {
        Services.AddSingleton<IPracticeStore>(_store);
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _store.AddClientAsync(_client).GetAwaiter().GetResult(); // the in-memory store completes at once
    }

    private IRenderedComponent<PlanSection> RenderForm(string sessionsPerDay)
    {
        var cut = Render<PlanSection>(p => p
            .Add(c => c.Client, _client)
            .Add(c => c.Plans, [])
            .Add(c => c.Entries, []));
        cut.Find("#plan-name").Input("Evenings");
        cut.Find("#plan-practice-" + InterventionCatalog.GratitudeId).Change(true);
        cut.Find("#plan-sessions").Change(sessionsPerDay);
        cut.Find("#plan-save").Click();
        return cut;
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task Save_SessionsPerDayNotAWholeNumberOfAtLeastOne_IsRefusedWithAMessage(string typed)
    {
        var cut = RenderForm(typed);

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: sessions per day must be a whole number", cut.Find("#plan-status").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", cut.Find("#plan-sessions").GetAttribute("aria-invalid"));
        Assert.Empty(await _store.ListPlansAsync(_client.Id, Ct));
    }

    [Fact]
    public async Task Save_TwoSessionsPerDay_IsStoredAsTwo()
    {
        var cut = RenderForm("2");

        cut.WaitForAssertion(() => Assert.Equal("Created plan Evenings.", cut.Find("#plan-status").TextContent));
        var plan = Assert.Single(await _store.ListPlansAsync(_client.Id, Ct));
        Assert.Equal(2, Assert.Single(plan.Assignments).Schedule.SessionsPerDay);
        Assert.Null(cut.Find("#plan-sessions").GetAttribute("aria-invalid"));
    }
}
