namespace RelationalNeuro.Endocrine;

/// <summary>Where the nominal schedule of a CAR day came from (<see cref="CarResult.ScheduleSource"/>).</summary>
public enum CarScheduleSource
{
    /// <summary><see cref="CarOptions.NominalScheduleMinutes"/>, which had one entry per sample.</summary>
    Options = 0,

    /// <summary>
    /// Inferred for a five-sample day while <see cref="CarOptions.NominalScheduleMinutes"/> was left at its four-sample default:
    /// 0, 15, 30, 45, 60 min (the consensus schedule with its optional +60 sample; CARWatch: nominal time = waking + 15 min ×
    /// sample index). Reported as the warning <c>car.schedule-inferred</c>.
    /// </summary>
    InferredFifteenMinuteGrid = 1,
}
