namespace RelationalNeuro.Components;

/// <summary>
/// What a <see cref="PauseTimer"/> session did, raised with <see cref="PauseTimer.OnCompleted"/> so an app can
/// log a pause or breathing entry.
/// </summary>
/// <param name="PatternId">The breathing pattern's id.</param>
/// <param name="CyclesCompleted">Whole cycles completed.</param>
/// <param name="Breathing">Time spent breathing, paused time excluded.</param>
/// <param name="StartedAt">When Start was pressed (the injected <see cref="TimeProvider"/>'s clock).</param>
/// <param name="EndedAt">When the last phase ended.</param>
public sealed record BreathingSessionSummary(string PatternId, int CyclesCompleted, TimeSpan Breathing, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
