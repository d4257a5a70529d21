using System.Globalization;
using System.Runtime.InteropServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Emotions;

/// <summary>
/// The "expanding emotional vocabulary": how many different feelings a person names, how specific they are and
/// how evenly they are spread.
/// </summary>
public static class EmotionalGranularity
{
    /// <summary>Measures vocabulary size, depth and diversity of <paramref name="labels"/>.</summary>
    /// <param name="labels">The labels (e.g. every label of a client's check-ins in a period).</param>
    /// <param name="taxonomy">
    /// The taxonomy the labels come from. When given, labels whose path it does not contain are skipped (each a
    /// <c>granularity.unknown-path</c> problem) and <see cref="GranularityResult.DepthRatio"/> is computed.
    /// </param>
    /// <returns>The metrics; with no (valid) labels the counts are 0 and the ratios null with a problem.</returns>
    /// <remarks>
    /// <para>Definitions. <b>Distinct labels</b>: number of different paths (exact path equality; the same
    /// word under two parents counts twice). <b>Depth</b>: number of path segments (core = 1).
    /// <b>Emodiversity</b>: Shannon entropy H = −Σ pᵢ ln pᵢ over the relative frequencies pᵢ of each distinct
    /// path, natural logarithm, as defined for emotions by Quoidbach et al. (2014), "Emodiversity and the
    /// emotional ecosystem", <i>J Exp Psychol Gen</i> 143(6):2057–2066 (they computed it over emotion
    /// categories; here over paths, and <see cref="GranularityResult.CoreEmodiversityNats"/> over cores).
    /// <b>Evenness</b>: Pielou's J = H / ln S with S distinct paths (Pielou 1966, <i>J Theor Biol</i> 13:131–144);
    /// undefined for S &lt; 2.</para>
    /// <para>Not computed: emotional granularity in Barrett's sense (intraclass correlation between same-valence
    /// ratings across occasions; Barrett et al. 2001, <i>Cogn Emot</i> 15:713–724) needs several emotions rated on
    /// every occasion, which a wheel check-in does not collect. Labels with an intensity outside 0–10 are
    /// skipped with a problem; intensity does not weight the counts.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    public static GranularityResult Measure(IEnumerable<EmotionLabel> labels, FeelingTaxonomy? taxonomy = null)
    {
        Guard.NotNull(labels);
        var problems = new ProblemCollector();
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        var cores = new Dictionary<string, int>(StringComparer.Ordinal);
        var coreLookup = cores.GetAlternateLookup<ReadOnlySpan<char>>();
        var n = 0;
        long depthSum = 0;
        var maxDepth = 0;
        var index = -1;
        foreach (var label in labels)
        {
            index++;
            if (label is null || string.IsNullOrWhiteSpace(label.Path)
                || label.Intensity is < EmotionLabel.MinIntensity or > EmotionLabel.MaxIntensity
                || (taxonomy is not null && !taxonomy.Contains(label.Path)))
            {
                // Slow path only for bad labels: build the located messages.
                var at = string.Create(CultureInfo.InvariantCulture, $"[{index}]");
                if (label is null)
                {
                    problems.Add(new Problem("granularity.null-label", "A label is null; skipped.", ProblemSeverity.Warning, at));
                    continue;
                }

                var labelProblems = taxonomy is null ? label.Validate(at) : taxonomy.Validate(label, at);
                foreach (var p in labelProblems)
                {
                    problems.Add(p with { Severity = ProblemSeverity.Warning, Message = p.Message + " Label skipped." });
                }

                continue;
            }

            n++;
            var depth = 1 + label.Path.AsSpan().Count(FeelingTaxonomy.PathSeparator);
            depthSum += depth;
            maxDepth = Math.Max(maxDepth, depth);
            CollectionsMarshal.GetValueRefOrAddDefault(paths, label.Path, out _)++;
            var slash = label.Path.IndexOf(FeelingTaxonomy.PathSeparator, StringComparison.Ordinal);
            var core = slash < 0 ? label.Path.AsSpan() : label.Path.AsSpan(0, slash);
            coreLookup[core] = coreLookup.TryGetValue(core, out var c) ? c + 1 : 1; // allocates only for a new core
        }

        if (n == 0)
        {
            problems.Add(new Problem("granularity.no-labels", "No valid labels: depth and diversity are unavailable."));
            return new GranularityResult(0, 0, 0, null, 0, null, null, null, null, problems.ToList());
        }

        var meanDepth = (double)depthSum / n;
        var h = Entropy(paths.Values, n);
        double? evenness = null;
        if (paths.Count >= 2)
        {
            evenness = h / Math.Log(paths.Count);
        }
        else
        {
            problems.Add(new Problem(
                "granularity.single-label",
                "Evenness needs at least two distinct labels (ln 1 = 0).",
                ProblemSeverity.Warning,
                nameof(GranularityResult.Evenness)));
        }

        return new GranularityResult(
            n,
            paths.Count,
            cores.Count,
            meanDepth,
            maxDepth,
            taxonomy is null ? null : meanDepth / taxonomy.MaxDepth,
            h,
            evenness,
            Entropy(cores.Values, n),
            problems.ToList());
    }

    private static double Entropy(IEnumerable<int> counts, int total)
    {
        var h = 0.0;
        foreach (var c in counts)
        {
            var p = (double)c / total;
            h -= p * Math.Log(p);
        }

        return h;
    }
}
