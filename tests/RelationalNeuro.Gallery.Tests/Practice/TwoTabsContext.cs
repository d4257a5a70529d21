using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Components.Practice;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// What the two-tab tests share: a real in-memory store holding one client, Ada (<see cref="Store"/>, where "the other
/// tab" writes), seen by the components through <see cref="Interleaving"/>, which can run the other tab's write right
/// after the component's next read, between its read and its write.
/// </summary>
public abstract class TwoTabsContext : BunitContext
{
    protected static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected TwoTabsContext()
    {
        Interleaving = new InterleavingStore(Store);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IPracticeStore>(Interleaving);
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Store.AddClientAsync(Ada).GetAwaiter().GetResult(); // the in-memory store completes at once
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected InMemoryPracticeStore Store { get; } = new();

    protected InterleavingStore Interleaving { get; }

    protected Client Ada { get; } = new() { Id = Guid.NewGuid(), DisplayName = "Ada", TimeZoneId = "Europe/Berlin", CreatedAt = Created };

    protected async Task<PracticePlan> AddPlanAsync()
    {
        var plan = new PracticePlan
        {
            Id = Guid.NewGuid(),
            ClientId = Ada.Id,
            Name = "Evenings",
            StartDate = new DateOnly(2026, 11, 23),
            TimeZoneId = Ada.TimeZoneId,
            Assignments = [new PlanAssignment(InterventionCatalog.GratitudeId, new PracticeSchedule { SessionsPerDay = 1 })],
        };
        await Store.AddPlanAsync(plan, Ct);
        return plan;
    }

    protected IRenderedComponent<PlanSection> RenderPlans(PracticePlan shown) =>
        Render<PlanSection>(p => p
            .Add(c => c.Client, Ada)
            .Add(c => c.Plans, [shown])
            .Add(c => c.Entries, []));
}

/// <summary>
/// The real store, with one hook: <see cref="AfterRead"/>, when set, runs once right after the next
/// <see cref="GetClientAsync"/> or <see cref="GetPlanAsync"/> has read — another tab's write landing between a
/// component's read and its write. Everything else goes straight to the store.
/// </summary>
public sealed class InterleavingStore(IPracticeStore inner) : ForwardingPracticeStore
{
    /// <summary>Runs once after the next single-record read, then is cleared.</summary>
    public Func<Task>? AfterRead { get; set; }

    /// <summary>How many single-record reads (clients and plans) were made.</summary>
    public int Reads { get; private set; }

    protected override IPracticeStore Inner => inner;

    public override async Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var client = await inner.GetClientAsync(clientId, cancellationToken);
        await InterleaveAsync();
        return client;
    }

    public override async Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await inner.GetPlanAsync(clientId, planId, cancellationToken);
        await InterleaveAsync();
        return plan;
    }

    private async Task InterleaveAsync()
    {
        Reads++;
        if (AfterRead is { } write)
        {
            AfterRead = null;
            await write();
        }
    }
}
