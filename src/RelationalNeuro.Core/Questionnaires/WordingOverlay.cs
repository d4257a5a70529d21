using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// Adds licensed item wording (and option labels) to a definition whose wording the library may not ship.
/// </summary>
/// <remarks>
/// The overlay is a JSON file the app supplies under its own licence:
/// <code>
/// { "instrument": "ecr-r", "licence": "Used with written permission of R. C. Fraley, 2026-01-05.",
///   "attribution": "Fraley, Waller &amp; Brennan (2000)",
///   "items": { "1": "…", "2": "…" }, "options": { "1": "Strongly disagree" } }
/// </code>
/// Keys are item numbers (or option values) as text. Every problem is reported at once with its JSON path (an
/// overlay for another instrument, unknown items or option values, blank text, a missing licence); the returned
/// definition is a copy, the original is unchanged. Scoring keys are never changed by an overlay.
/// </remarks>
public static class WordingOverlay
{
    /// <summary>Applies an overlay read from UTF-8 JSON.</summary>
    /// <param name="definition">The definition to add wording to.</param>
    /// <param name="utf8Json">The overlay JSON.</param>
    /// <returns>The definition with wording, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static InstrumentLoadResult Apply(InstrumentDefinition definition, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(definition);
        WordingOverlayJson? json;
        try
        {
            json = JsonSerializer.Deserialize(utf8Json, QuestionnaireJsonContext.Default.WordingOverlayJson);
        }
        catch (JsonException ex)
        {
            return new(null, ProblemList.Create([new Problem("overlay.invalid-json", ex.Message, ProblemSeverity.Error, ex.Path ?? "$")]));
        }

        var problems = new ProblemCollector();
        if (json is null)
        {
            return new(null, ProblemList.Create([new Problem("overlay.invalid-json", "The document is null.", ProblemSeverity.Error, "$")]));
        }

        if (!string.Equals(json.Instrument, definition.Id, StringComparison.Ordinal))
        {
            problems.Add(new Problem("overlay.wrong-instrument", $"The overlay is for '{json.Instrument}', not '{definition.Id}'.", ProblemSeverity.Error, "$.instrument"));
        }

        if (string.IsNullOrWhiteSpace(json.Licence))
        {
            problems.Add(new Problem("overlay.missing-licence", "An overlay must state the licence under which its wording is used.", ProblemSeverity.Error, "$.licence"));
        }

        var texts = new Dictionary<int, string>();
        foreach (var (key, text) in json.Items ?? [])
        {
            var path = $"$.items['{key}']";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || definition.FindItem(number) is null)
            {
                problems.Add(new Problem("overlay.unknown-item", $"'{key}' is not an item number of {definition.Id}.", ProblemSeverity.Error, path));
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new Problem("overlay.blank-text", $"Item {key} has blank wording.", ProblemSeverity.Error, path));
            }
            else
            {
                texts[number] = text;
            }
        }

        var labels = new Dictionary<int, string>();
        foreach (var (key, label) in json.Options ?? [])
        {
            var path = $"$.options['{key}']";
            if (!int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < definition.Scale.Min || value > definition.Scale.Max)
            {
                problems.Add(new Problem("overlay.unknown-option", $"'{key}' is not a value of the {definition.Scale.Min}..{definition.Scale.Max} scale.", ProblemSeverity.Error, path));
            }
            else if (string.IsNullOrWhiteSpace(label))
            {
                problems.Add(new Problem("overlay.blank-text", $"Option {key} has a blank label.", ProblemSeverity.Error, path));
            }
            else
            {
                labels[value] = label;
            }
        }

        if (!problems.IsEmpty)
        {
            return new(null, problems.ToList());
        }

        var items = definition.Items.Select(i => texts.TryGetValue(i.Number, out var t) ? i with { Text = t } : i).ToImmutableArray();
        var options = definition.Scale.Options.ToDictionary(o => o.Value);
        foreach (var (value, label) in labels)
        {
            options[value] = options.TryGetValue(value, out var existing) ? existing with { Label = label } : new ResponseOption(value, label);
        }

        var result = definition with
        {
            Items = items,
            Scale = definition.Scale with { Options = [.. options.Values.OrderBy(o => o.Value)] },
            Licence = definition.Licence with
            {
                Statement = definition.Licence.Statement + " Item wording overlay: " + json.Licence,
                Attribution = json.Attribution ?? definition.Licence.Attribution,
            },
        };
        return new(result, ProblemList.Empty);
    }
}
