namespace RelationalNeuro.Hrv;

/// <summary>What to do with flagged intervals.</summary>
public enum ArtifactCorrection
{
    /// <summary>Correct each flag as its class says (see <see cref="ArtifactAction"/>). Default.</summary>
    Correct = 0,

    /// <summary>Drop every flagged interval from the NN series.</summary>
    Remove = 1,

    /// <summary>Flag only: the NN series equals the input.</summary>
    FlagOnly = 2,
}
