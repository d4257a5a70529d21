namespace RelationalNeuro.Endocrine;

/// <summary>Which pre-stressor value is the baseline of a stress-reactivity analysis.</summary>
public enum ReactivityBaseline
{
    /// <summary>Default: the last sample before the stressor (the value closest to its onset).</summary>
    LastPreStressor = 0,

    /// <summary>The mean of all pre-stressor samples.</summary>
    MeanPreStressor = 1,
}
