namespace RelationalNeuro.Change;

/// <summary>
/// Within-person (pre/post) effect sizes (Lakens 2013, Frontiers in Psychology 4:863), with the statistics they come from.
/// Differences are post − pre; SDs are sample SDs (n − 1). Every d is reported with its name because they differ a lot.
/// </summary>
/// <param name="Count">Number of pairs.</param>
/// <param name="MeanDifference">Mean of post − pre, score units.</param>
/// <param name="StandardDeviationOfDifference">SD of post − pre (n − 1), score units.</param>
/// <param name="StandardDeviationPre">SD of the pre scores (n − 1).</param>
/// <param name="StandardDeviationPost">SD of the post scores (n − 1).</param>
/// <param name="Correlation">Pearson r between pre and post.</param>
/// <param name="Dz">d_z = M_diff / SD_diff (= t / √n).</param>
/// <param name="Dav">d_av = M_diff / ((SD_pre + SD_post)/2).</param>
/// <param name="Drm">d_rm = M_diff / √(SD_pre² + SD_post² − 2·r·SD_pre·SD_post) · √(2(1 − r)).</param>
public readonly record struct RepeatedMeasuresEffectSizes(
    int Count,
    double MeanDifference,
    double StandardDeviationOfDifference,
    double StandardDeviationPre,
    double StandardDeviationPost,
    double Correlation,
    double Dz,
    double Dav,
    double Drm);
