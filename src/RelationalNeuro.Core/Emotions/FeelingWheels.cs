using System.Globalization;

namespace RelationalNeuro.Emotions;

/// <summary>The taxonomies shipped with the library.</summary>
public static class FeelingWheels
{
    private static readonly Lazy<FeelingTaxonomy> Own = new(LoadOwn);
    private static readonly Lazy<FeelingTaxonomy> PlutchikWheel = new(BuildPlutchik);

    /// <summary>
    /// The project's own feelings wheel (id <c>relationalneuro</c>, version 1.0): 9 core feelings (joyful,
    /// connected, calm, curious, afraid, angry, sad, ashamed, disconnected), 32 secondary and 65 specific ones,
    /// labels in English and German, valence/arousal and a colour token on each core.
    /// </summary>
    /// <remarks>
    /// Written by the project (MIT), not copied from the Willcox (1982) Feeling Wheel or the 7-core wheel
    /// attributed to G. Roberts: single words are free to use, but those lists' selection and arrangement may be
    /// protected and no licence was found (research notes §A.5). Load those wheels as user-supplied JSON with
    /// <see cref="FeelingTaxonomy.Load(Stream)"/>. The cores' valence/arousal are the project's coarse
    /// placement on Russell's circumplex (Russell 1980, <i>J Pers Soc Psychol</i> 39:1161–1178), not normed values.
    /// </remarks>
    public static FeelingTaxonomy RelationalNeuro => Own.Value;

    /// <summary>
    /// Plutchik's wheel as a taxonomy (id <c>plutchik</c>): the eight primaries as cores in wheel order (basic
    /// intensity), each with two children, its intense form then its mild form (e.g. <c>joy/ecstasy</c>,
    /// <c>joy/serenity</c>). Colour tokens <c>plutchik-joy</c>… on the cores. See <see cref="Plutchik"/>.
    /// </summary>
    public static FeelingTaxonomy Plutchik => PlutchikWheel.Value;

    /// <summary>The built-in taxonomy with <paramref name="id"/>, or null.</summary>
    /// <param name="id">A taxonomy id (<c>relationalneuro</c> or <c>plutchik</c>).</param>
    /// <returns>The taxonomy or null.</returns>
    public static FeelingTaxonomy? Find(string id) => id switch
    {
        "relationalneuro" => RelationalNeuro,
        "plutchik" => Plutchik,
        _ => null,
    };

    private static FeelingTaxonomy LoadOwn()
    {
        using var stream = typeof(FeelingWheels).Assembly.GetManifestResourceStream("RelationalNeuro.Emotions.relationalneuro-wheel.json")
            ?? throw new InvalidOperationException("The embedded feelings wheel is missing from the assembly.");
        var result = FeelingTaxonomy.Load(stream);
        return result.Taxonomy ?? throw new InvalidOperationException(
            "The embedded feelings wheel is invalid: " + string.Join("; ", result.Problems));
    }

    private static FeelingTaxonomy BuildPlutchik()
    {
        string[] de = ["Freude", "Vertrauen", "Angst", "Überraschung", "Traurigkeit", "Ekel", "Wut", "Erwartung"];
        string[] deIntense = ["Ekstase", "Bewunderung", "Entsetzen", "Erstaunen", "Kummer", "Abscheu", "Zorn", "Wachsamkeit"];
        string[] deMild = ["Gelassenheit", "Akzeptanz", "Besorgnis", "Ablenkung", "Nachdenklichkeit", "Langeweile", "Ärger", "Interesse"];
        var cores = new List<FeelingDefinition>(8);
        foreach (var p in Emotions.Plutchik.Primaries)
        {
            var i = (int)p;
            var basic = Emotions.Plutchik.Name(p, PlutchikIntensity.Basic);
            var intense = Emotions.Plutchik.Name(p, PlutchikIntensity.Intense);
            var mild = Emotions.Plutchik.Name(p, PlutchikIntensity.Mild);
            cores.Add(new FeelingDefinition
            {
                Id = basic,
                Label = Labels(basic, de[i]),
                Color = "plutchik-" + basic,
                Children =
                [
                    new FeelingDefinition { Id = intense, Label = Labels(intense, deIntense[i]) },
                    new FeelingDefinition { Id = mild, Label = Labels(mild, deMild[i]) },
                ],
            });
        }

        var definition = new FeelingTaxonomyDefinition
        {
            Id = "plutchik",
            Version = "1980",
            DefaultCulture = "en",
            Name = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = "Plutchik's wheel of emotions", ["de"] = "Plutchiks Rad der Emotionen" },
            Attribution = "After Plutchik, R. (1980). Emotion: A Psychoevolutionary Synthesis. The model's names, structured by RelationalNeuro.",
            Feelings = cores,
        };
        var result = FeelingTaxonomy.Create(definition);
        return result.Taxonomy ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
    }

    private static Dictionary<string, string> Labels(string english, string german) =>
        new(StringComparer.Ordinal)
        {
            ["en"] = char.ToUpper(english[0], CultureInfo.InvariantCulture) + english[1..],
            ["de"] = german,
        };
}
