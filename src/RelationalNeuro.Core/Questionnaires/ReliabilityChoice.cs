namespace RelationalNeuro.Questionnaires;

/// <summary>Which reliability estimate fed an <see cref="InstrumentReliableChange"/>.</summary>
public enum ReliabilityChoice
{
    /// <summary>None was available: the index could not be computed.</summary>
    None = 0,

    /// <summary>The caller's override (<see cref="RelationalNeuro.Change.ReliableChangeInputs.Reliability"/>).</summary>
    Override = 1,

    /// <summary>The definition's test–retest correlation (preferred; see <see cref="InstrumentChange"/>).</summary>
    TestRetest = 2,

    /// <summary>The definition's Cronbach's α (fallback when no test–retest figure is given).</summary>
    CronbachAlpha = 3,
}
