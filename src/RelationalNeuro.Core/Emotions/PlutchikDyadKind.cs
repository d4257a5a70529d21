namespace RelationalNeuro.Emotions;

/// <summary>How far apart on Plutchik's wheel the two primaries of a dyad are.</summary>
public enum PlutchikDyadKind
{
    /// <summary>Adjacent primaries (one petal apart), e.g. joy + trust = love.</summary>
    Primary = 1,

    /// <summary>Two petals apart, e.g. sadness + anger = envy.</summary>
    Secondary = 2,

    /// <summary>Three petals apart, e.g. fear + disgust = shame.</summary>
    Tertiary = 3,
}
