using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Cli.Hrv;

/// <summary>Everything <c>rn hrv analyze</c> was asked to do, mapped to the library's options.</summary>
internal sealed record HrvBatchOptions
{
    /// <summary>The library's one-call options.</summary>
    public HrvAnalysisOptions Analysis { get; init; } = HrvAnalysisOptions.Default;

    /// <summary>How files are read.</summary>
    public RrInputOptions Input { get; init; } = new();

    /// <summary>The window length in seconds, or null for one row per recording.</summary>
    public double? WindowSeconds { get; init; }

    /// <summary>The spectral preset name (<c>default</c>, <c>pyhrv-welch</c>, <c>hrvanalysis-welch</c>, <c>hrvanalysis-lomb</c>, <c>neurokit2-welch</c>).</summary>
    public string SpectralPreset { get; init; } = "default";

    /// <summary>Writes every option into the metadata (<c>rn.options.*</c>).</summary>
    public void WriteTo(TableMetadata metadata)
    {
        var a = Analysis;
        metadata["rn.options.artifact_method"] = Kebab(a.Artifacts.Method.ToString());
        metadata["rn.options.artifact_correction"] = Kebab(a.Artifacts.Correction.ToString());
        if (!a.Artifacts.ScreenIrregularRhythm)
        {
            // Only when off: an output written before the option existed (screened, no key) still resumes and merges.
            metadata["rn.options.rhythm_screening"] = "off";
        }

        metadata["rn.options.spectral_preset"] = SpectralPreset;
        metadata["rn.options.spectral_method"] = Kebab(a.FrequencyDomain.Method.ToString());
        metadata["rn.options.frequency"] = a.IncludeFrequencyDomain ? "on" : "off";
        metadata["rn.options.entropy"] = a.IncludeEntropy ? "on" : "off";
        metadata["rn.options.dfa"] = a.IncludeDfa ? "on" : "off";
        metadata["rn.options.window_s"] = WindowSeconds?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
        Input.WriteTo(metadata);
    }

    /// <summary><c>LipponenTarvainen</c> → <c>lipponen-tarvainen</c>.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    /// <summary>The enum member whose kebab-case name is <paramref name="text"/>; a usage error naming the option otherwise.</summary>
    public static T ParseKebab<T>(string option, string text)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Kebab(value.ToString()), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new UsageException($"{option} {text}: expected one of {string.Join(", ", Enum.GetValues<T>().Select(v => Kebab(v.ToString())))}.");
    }

    /// <summary>Parses a duration: <c>300</c>, <c>300s</c>, <c>5m</c>, <c>1h</c> (seconds; positive).</summary>
    public static double ParseDuration(string option, string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var factor = 1.0;
        if (t.EndsWith("ms", StringComparison.Ordinal))
        {
            factor = 0.001;
            t = t[..^2];
        }
        else if (t.EndsWith('s'))
        {
            t = t[..^1];
        }
        else if (t.EndsWith("min", StringComparison.Ordinal))
        {
            factor = 60;
            t = t[..^3];
        }
        else if (t.EndsWith('m'))
        {
            factor = 60;
            t = t[..^1];
        }
        else if (t.EndsWith('h'))
        {
            factor = 3600;
            t = t[..^1];
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0)
        {
            return value * factor;
        }

        throw new UsageException($"{option} {text}: expected a positive duration such as 300, 300s, 5m or 1h.");
    }
}
