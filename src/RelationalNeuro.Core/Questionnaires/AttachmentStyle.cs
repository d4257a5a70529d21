namespace RelationalNeuro.Questionnaires;

/// <summary>The four attachment prototypes of Bartholomew's model (Bartholomew &amp; Horowitz 1991).</summary>
public enum AttachmentStyle
{
    /// <summary>Low anxiety, low avoidance (RQ paragraph A).</summary>
    Secure = 0,

    /// <summary>Low anxiety, high avoidance (RQ paragraph D).</summary>
    Dismissing = 1,

    /// <summary>High anxiety, low avoidance (RQ paragraph C).</summary>
    Preoccupied = 2,

    /// <summary>High anxiety, high avoidance: fearful-avoidant (RQ paragraph B).</summary>
    Fearful = 3,
}

/// <summary>Where the anxiety and avoidance dimensions are split into "low" and "high".</summary>
/// <remarks>
/// The default splits are the 1–7 scale midpoint 4 on both dimensions; "high" means strictly greater than the split,
/// so a score exactly at the split is "low". Other published choices are the sample median or z &gt; 0: pass the
/// sample's medians (or means) as the splits. Fraley's FAQ stresses that the ECR-R is dimensional; the category
/// is a derived label and results always carry the dimensional scores.
/// </remarks>
public sealed record AttachmentClassificationOptions
{
    /// <summary>The defaults: both splits at the scale midpoint 4.</summary>
    public static AttachmentClassificationOptions Default { get; } = new();

    /// <summary>Anxiety above this value (strictly) is "high". Default 4.</summary>
    public double AnxietySplit { get; init; } = 4.0;

    /// <summary>Avoidance above this value (strictly) is "high". Default 4.</summary>
    public double AvoidanceSplit { get; init; } = 4.0;
}

/// <summary>An attachment style derived from anxiety and avoidance, with the scores and splits it rests on.</summary>
/// <param name="Style">The derived category.</param>
/// <param name="Anxiety">The anxiety score (scale points, item mean).</param>
/// <param name="Avoidance">The avoidance score (scale points, item mean).</param>
/// <param name="AnxietySplit">The anxiety split used.</param>
/// <param name="AvoidanceSplit">The avoidance split used.</param>
public readonly record struct AttachmentClassification(
    AttachmentStyle Style,
    double Anxiety,
    double Avoidance,
    double AnxietySplit,
    double AvoidanceSplit);
