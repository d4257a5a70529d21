namespace RelationalNeuro.Endocrine;

/// <summary>One cortisol sample of a profile: when it was taken, and its concentration (null when missing).</summary>
/// <param name="Minutes">Time in minutes after the profile's reference point (waking, stressor onset...).</param>
/// <param name="Concentration">The measured concentration; null when the sample is missing (lost, insufficient saliva, failed assay).</param>
public readonly record struct CortisolSample(double Minutes, CortisolConcentration? Concentration)
{
    internal static (double[] Minutes, double[] NmolPerL) Split(IReadOnlyList<CortisolSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var minutes = new double[samples.Count];
        var values = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            minutes[i] = samples[i].Minutes;
            values[i] = samples[i].Concentration?.NanomolesPerLiter ?? double.NaN;
        }

        return (minutes, values);
    }
}
