namespace RelationalNeuro.Questionnaires;

/// <summary>
/// What an ECR-family response says about each attachment dimension, even when only one could be scored: the scores, whether
/// each is high, and the four-category style when both are available (<see cref="AttachmentStyles.ClassifyDimensions"/>).
/// </summary>
/// <param name="Anxiety">Anxiety (item mean, scale points), or null when not scored.</param>
/// <param name="Avoidance">Avoidance (item mean, scale points), or null when not scored.</param>
/// <param name="HighAnxiety">Anxiety strictly above <paramref name="AnxietySplit"/>; null when anxiety is not scored.</param>
/// <param name="HighAvoidance">Avoidance strictly above <paramref name="AvoidanceSplit"/>; null when avoidance is not scored.</param>
/// <param name="Style">The four-category style; null unless both dimensions are scored.</param>
/// <param name="AnxietySplit">The anxiety split used.</param>
/// <param name="AvoidanceSplit">The avoidance split used.</param>
/// <param name="Problems"><c>attachment.unavailable</c> (a warning) for each dimension that is not scored.</param>
public readonly record struct AttachmentDimensions(
    double? Anxiety,
    double? Avoidance,
    bool? HighAnxiety,
    bool? HighAvoidance,
    AttachmentStyle? Style,
    double AnxietySplit,
    double AvoidanceSplit,
    IReadOnlyList<Problem> Problems);
