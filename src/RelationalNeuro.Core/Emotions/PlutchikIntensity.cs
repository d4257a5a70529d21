namespace RelationalNeuro.Emotions;

/// <summary>The three intensities of each Plutchik primary (outer, middle and inner ring of the wheel).</summary>
public enum PlutchikIntensity
{
    /// <summary>The mild form (outer ring), e.g. serenity for joy.</summary>
    Mild = 0,

    /// <summary>The basic form (middle ring), e.g. joy.</summary>
    Basic = 1,

    /// <summary>The intense form (inner ring), e.g. ecstasy for joy.</summary>
    Intense = 2,
}
