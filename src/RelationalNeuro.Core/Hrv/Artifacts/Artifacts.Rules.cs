namespace RelationalNeuro.Hrv;

public static partial class Artifacts
{
    /// <summary>The rule-based detectors; each writes its kind at the flagged indices.</summary>
    private static void DetectRule(ReadOnlySpan<double> rr, ArtifactOptions o, sbyte[] kinds)
    {
        var n = rr.Length;
        switch (o.Method)
        {
            case ArtifactMethod.AbsoluteRange:
                for (var i = 0; i < n; i++)
                {
                    if (rr[i] < o.MinimumMs || rr[i] > o.MaximumMs)
                    {
                        kinds[i] = (sbyte)ArtifactKind.OutOfRange;
                    }
                }

                break;

            case ArtifactMethod.Malik:
            case ArtifactMethod.Kamath:
            {
                // Each interval is compared with the one before it; after a flag, the next interval is not tested
                // (its "previous" is the artifact itself), as in hrv-analysis 1.0.5.
                var kind = o.Method == ArtifactMethod.Malik ? ArtifactKind.Malik : ArtifactKind.Kamath;
                var previousFlagged = false;
                for (var i = 1; i < n; i++)
                {
                    if (previousFlagged)
                    {
                        previousFlagged = false;
                        continue;
                    }

                    var before = rr[i - 1];
                    var current = rr[i];
                    bool ok;
                    if (kind == ArtifactKind.Malik)
                    {
                        ok = Math.Abs(before - current) <= o.MalikFraction * before;
                    }
                    else
                    {
                        // Kamath & Fallen: a lengthening up to 32.5 % or a shortening up to 24.5 % is normal.
                        ok = (current - before >= 0 && current - before <= 0.325 * before)
                            || (before - current >= 0 && before - current <= 0.245 * before);
                    }

                    if (!ok)
                    {
                        kinds[i] = (sbyte)kind;
                        previousFlagged = true;
                    }
                }

                break;
            }

            case ArtifactMethod.Karlsson:
                for (var i = 1; i < n - 1; i++)
                {
                    var mean = (rr[i - 1] + rr[i + 1]) / 2;
                    if (!(Math.Abs(mean - rr[i]) < o.KarlssonFraction * mean))
                    {
                        kinds[i] = (sbyte)ArtifactKind.Karlsson;
                    }
                }

                break;

            case ArtifactMethod.Acar:
            {
                var w = o.AcarWindow;
                for (var i = w; i < n; i++)
                {
                    double sum = 0;
                    var count = 0;
                    for (var k = i - w; k < i; k++)
                    {
                        if (kinds[k] == None)
                        {
                            sum += rr[k];
                            count++;
                        }
                    }

                    if (count == 0)
                    {
                        // Every interval of the window was flagged: the rhythm itself has changed (hrv-analysis
                        // then flags everything to the end). Re-anchor on the raw window instead.
                        for (var k = i - w; k < i; k++)
                        {
                            sum += rr[k];
                        }

                        count = w;
                    }

                    var mean = sum / count;
                    if (!(Math.Abs(mean - rr[i]) < o.AcarFraction * mean))
                    {
                        kinds[i] = (sbyte)ArtifactKind.Acar;
                    }
                }

                break;
            }
        }
    }
}
