namespace RelationalNeuro.Components;

/// <summary>Where a <see cref="LiveHrvGauge"/>'s stream is.</summary>
public enum LiveHrvState
{
    /// <summary>Not started (no source yet, or waiting for Start).</summary>
    Idle = 0,

    /// <summary>Reading beats from the source.</summary>
    Running = 1,

    /// <summary>Stopped by <see cref="LiveHrvGauge.StopAsync"/> or the Stop button; the last metrics stay shown.</summary>
    Stopped = 2,

    /// <summary>The source ended (a replay reached its last beat).</summary>
    Completed = 3,

    /// <summary>The source failed; <see cref="LiveHrvGauge.StatusText"/> says why.</summary>
    Failed = 4,
}
