using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components;

/// <summary>One assessment on an <see cref="AttachmentQuadrant"/>: its name and the classified anxiety and avoidance scores.</summary>
/// <param name="Label">A short name ("Intake", "Week 12"), shown beside the point and read out.</param>
/// <param name="Classification">Anxiety, avoidance, the splits and the style, from <see cref="AttachmentStyles.Classify"/>.</param>
public sealed record AttachmentAssessment(string Label, AttachmentClassification Classification);
