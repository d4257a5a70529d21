namespace RelationalNeuro.Hrv;

/// <summary>The stage of <see cref="HrvAnalysis"/> that met a problem.</summary>
public enum HrvAnalysisStage
{
    /// <summary>Reading the raw RR values (<see cref="RrSeries"/>: refused non-finite or non-positive values, values outside physiology).</summary>
    Input = 0,

    /// <summary>Artifact detection and correction (<see cref="Artifacts"/>).</summary>
    Artifacts = 1,

    /// <summary>Time-domain and geometric metrics.</summary>
    TimeDomain = 2,

    /// <summary>Poincaré plot descriptors.</summary>
    Poincare = 3,

    /// <summary>Frequency-domain metrics.</summary>
    FrequencyDomain = 4,

    /// <summary>Sample entropy.</summary>
    SampleEntropy = 5,

    /// <summary>Approximate entropy.</summary>
    ApproximateEntropy = 6,

    /// <summary>Detrended fluctuation analysis.</summary>
    Dfa = 7,

    /// <summary>The analysis as a whole (e.g. nothing left to analyse, or a recording rejected in a batch).</summary>
    Analysis = 8,
}
