namespace RelationalNeuro.Interventions;

/// <summary>A published source and what it actually showed.</summary>
/// <param name="Authors">Authors as cited (e.g. "Lieberman, M. D., et al.").</param>
/// <param name="Year">Publication year.</param>
/// <param name="Title">Title of the article or book.</param>
/// <param name="Source">Journal with volume and pages, or publisher.</param>
/// <param name="Finding">What the study showed, in one or two sentences (no more than it showed).</param>
/// <param name="Doi">DOI without the resolver prefix, or null.</param>
public sealed record Citation(string Authors, int Year, string Title, string Source, string Finding, string? Doi = null);
