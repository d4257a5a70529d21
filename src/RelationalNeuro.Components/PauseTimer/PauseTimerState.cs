namespace RelationalNeuro.Components;

/// <summary>Where a <see cref="PauseTimer"/> is in its session.</summary>
public enum PauseTimerState
{
    /// <summary>Not started, or reset.</summary>
    Ready = 0,

    /// <summary>Counting.</summary>
    Running = 1,

    /// <summary>Paused; Resume continues where it stopped.</summary>
    Paused = 2,

    /// <summary>Every cycle done.</summary>
    Completed = 3,
}
