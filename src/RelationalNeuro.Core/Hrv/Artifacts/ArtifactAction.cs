namespace RelationalNeuro.Hrv;

/// <summary>What the correction did with a flagged interval.</summary>
public enum ArtifactAction
{
    /// <summary>Nothing: flag-only mode, or the interval could not be corrected (at the end of the series; a problem says so).</summary>
    None = 0,

    /// <summary>Dropped from the NN series (<see cref="ArtifactCorrection.Remove"/>).</summary>
    Removed = 1,

    /// <summary>
    /// Replaced: for L&amp;T ectopic and long/short intervals, the beats inside each run of consecutive flagged
    /// intervals were placed evenly between the run's first and last beat (a lone flagged interval shares its
    /// duration with the next one; total duration kept); for the rule-based methods and the default's range pass,
    /// the value was linearly interpolated from the nearest unflagged intervals.
    /// </summary>
    Interpolated = 2,

    /// <summary>Missed beat: the interval was split into two equal halves.</summary>
    Split = 3,

    /// <summary>Extra beat: the beat ending the interval was removed, merging it with the next interval.</summary>
    Merged = 4,
}
