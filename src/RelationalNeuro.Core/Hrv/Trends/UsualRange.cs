namespace RelationalNeuro.Hrv;

/// <summary>Where a value lies against a person's normal range (see <see cref="DailyBaseline"/>).</summary>
public enum UsualRange
{
    /// <summary>Strictly below the lower limit of the normal range.</summary>
    Below = 0,

    /// <summary>Within the normal range, limits included.</summary>
    Within = 1,

    /// <summary>Strictly above the upper limit of the normal range.</summary>
    Above = 2,
}
