using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Artifact detection and correction for RR series: Lipponen &amp; Tarvainen (2019) and the rule-based methods
/// (absolute range, Malik, Kamath, Karlsson, Acar). One call returns the corrected NN series, every flagged input
/// index with its reason and what was done, and the problems met.
/// </summary>
/// <remarks>
/// <para>Definitions, thresholds, citations and accuracy against labelled recordings: docs/hrv-artifacts.md.</para>
/// <para>Empty/invalid policy: the span must hold finite intervals in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (else <see cref="ArgumentException"/>
/// naming index and value, as every span calculator); an empty span gives an empty result. Too few intervals
/// for a method (L&amp;T needs 3) is a problem in the result, not an exception.</para>
/// </remarks>
public static partial class Artifacts
{
    private const sbyte None = -1;

    /// <summary>Share of flagged intervals above which the result carries an <c>artifacts.high-rate</c> warning (5 %).</summary>
    public const double HighArtifactRate = 0.05;

    /// <summary>Detects and corrects artifacts in an RR series.</summary>
    /// <param name="series">The RR series.</param>
    /// <param name="options">Method, thresholds and correction mode; null for <see cref="ArtifactOptions.Default"/>.</param>
    /// <returns>The NN series, flags, counts and problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Issue 12: the RrSeries overload takes options = null like its span twin; the first parameters differ in type, so no call is ambiguous.")]
    public static ArtifactResult Process(RrSeries series, ArtifactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Process(series.IntervalsMs, options);
    }

    /// <summary>Detects and corrects artifacts in RR intervals given in ms.</summary>
    /// <param name="rrMs">RR intervals in ms, each finite and &gt; 0.</param>
    /// <param name="options">Method, thresholds and correction mode; null for <see cref="ArtifactOptions.Default"/>.</param>
    /// <returns>The NN series, flags, counts and problems.</returns>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (the message names index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (e.g. an even or non-positive window, a negative fraction).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Issue 12: the RrSeries overload takes options = null like its span twin; the first parameters differ in type, so no call is ambiguous.")]
    public static ArtifactResult Process(ReadOnlySpan<double> rrMs, ArtifactOptions? options = null)
    {
        RrGuard.ValidIntervals(rrMs);
        options ??= ArtifactOptions.Default;
        Validate(options);
        return ProcessValidated(rrMs, options, null);
    }

    /// <summary>
    /// <see cref="Process(ReadOnlySpan{double}, ArtifactOptions?)"/>, with the irregular-rhythm screening (which runs its
    /// own ectopy check, so it needs no method's flags) on a thread-pool thread while the method runs on the calling
    /// thread when <paramref name="maxDegreeOfParallelism"/> ≥ 2. The screening reads only
    /// the input, so the result is the one-thread result bit for bit (tested); only the wall time changes.
    /// </summary>
    internal static ArtifactResult Process(double[] rrMs, ArtifactOptions? options, int maxDegreeOfParallelism)
    {
        RrGuard.ValidIntervals(rrMs);
        options ??= ArtifactOptions.Default;
        Validate(options);
        if (maxDegreeOfParallelism < 2 || !Screens(options) || rrMs.Length < IrregularSegmentLength
            || OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
        {
            return ProcessValidated(rrMs, options, null);
        }

        var screening = Task.Run(() => FindIrregularSegments(rrMs, null, options), CancellationToken.None);
        try
        {
            return ProcessValidated(rrMs, options, screening);
        }
        finally
        {
            // Observed on every path, so a failure of the method never leaves the screening running unobserved.
            screening.Wait(CancellationToken.None);
        }
    }

    private static ArtifactResult ProcessValidated(ReadOnlySpan<double> rrMs, ArtifactOptions options, Task<IrregularRhythmSegment[]>? screening)
    {
        var problems = new ProblemCollector();
        var n = rrMs.Length;
        var kinds = new sbyte[n];
        kinds.AsSpan().Fill(None);
        var actions = new ArtifactAction[n];
        double[] nn;
        IrregularRhythmSegment[]? irregular = null;
        switch (options.Method)
        {
            case ArtifactMethod.Default:
            {
                // L&T + range, unless the recording has frequent ectopy: there L&T's thresholds are inflated by the ectopy
                // itself, and the sinus-rhythm detector is used (docs/hrv-artifacts.md, "The default").
                if (n >= 2 * CouplingMinimum)
                {
                    var sinus = new double[n];
                    var coupling = DetectSinusRhythm(rrMs, options, kinds, sinus);
                    if (coupling <= DefaultCoupling)
                    {
                        problems.Add(new Problem(
                            "artifacts.frequent-ectopy",
                            Invariant($"Frequent premature beats with a full compensatory pause (three in four come at most {coupling:0.00} sinus cycles after the beat before them): the default used the sinus-rhythm detector, since Lipponen & Tarvainen's thresholds are inflated by frequent ectopy. See docs/hrv-artifacts.md."),
                            ProblemSeverity.Warning));
                        // As the sinus-rhythm method: no premature or pause flags inside irregular segments; with the
                        // screening off only their report goes (the flags and intervals are the same).
                        var found = screening?.GetAwaiter().GetResult() ?? FindIrregularSegments(rrMs, null, options);
                        ClearInside(found, kinds);
                        irregular = options.ScreenIrregularRhythm ? found : [];
                        nn = CorrectSinusRhythm(rrMs, kinds, sinus, actions, options.Correction);
                        break;
                    }

                    kinds.AsSpan().Fill(None);
                }

                nn = ProcessLipponenTarvainen(rrMs, options, kinds, actions, problems, rangePass: true);
                break;
            }

            case ArtifactMethod.LipponenTarvainen:
                nn = ProcessLipponenTarvainen(rrMs, options, kinds, actions, problems, rangePass: false);
                break;
            case ArtifactMethod.SinusRhythm:
            {
                if (n is > 0 and < 3)
                {
                    problems.Add(new Problem("artifacts.too-few-intervals", Invariant($"The sinus-rhythm detector needs at least 3 intervals; got {n}, none examined."), ProblemSeverity.Warning));
                }

                var sinus = new double[n];
                DetectSinusRhythm(rrMs, options, kinds, sinus);
                irregular = screening?.GetAwaiter().GetResult() ?? FindIrregularSegments(rrMs, null, options);
                ClearInside(irregular, kinds);
                nn = CorrectSinusRhythm(rrMs, kinds, sinus, actions, options.Correction);
                break;
            }

            default:
                DetectRule(rrMs, options, kinds);
                nn = CorrectByValue(rrMs, kinds, actions, options.Correction, problems);
                break;
        }

        irregular ??= screening?.GetAwaiter().GetResult() ?? IrregularSegmentsFor(rrMs, options);
        if (irregular.Length > 0)
        {
            var seconds = 0.0;
            foreach (var segment in irregular)
            {
                seconds += segment.DurationSeconds;
            }

            problems.Add(new Problem(
                "artifacts.irregular-rhythm",
                Invariant($"{irregular.Length} of {n / IrregularSegmentLength} segments of {IrregularSegmentLength} intervals ({seconds / 60:0.#} min) show a sustained irregular rhythm (e.g. atrial fibrillation; Dash et al. 2009 tests, not explained by premature beats): HRV metrics are not interpretable there. See IrregularSegments."),
                ProblemSeverity.Warning));
        }

        var flags = new List<ArtifactFlag>();
        for (var i = 0; i < n; i++)
        {
            if (kinds[i] != None)
            {
                flags.Add(new ArtifactFlag(i, (ArtifactKind)kinds[i], actions[i], rrMs[i]));
            }
        }

        if (n > 0 && flags.Count > HighArtifactRate * n)
        {
            problems.Add(new Problem(
                "artifacts.high-rate",
                Invariant($"{flags.Count} of {n} intervals ({100.0 * flags.Count / n:0.#} %) were flagged; above {HighArtifactRate * 100:0} % corrected data may bias HRV metrics."),
                ProblemSeverity.Warning));
        }

        var sum = 0.0;
        foreach (var v in rrMs)
        {
            sum += v;
        }

        return new ArtifactResult(nn, [.. flags], problems.ToList(), options, n, sum, irregular);
    }

    /// <summary>
    /// Irregular-rhythm segments for a method other than the sinus-rhythm detector: that detector runs on the side for the
    /// ectopy check, and only when some segment passes Dash et al.'s tests (the result is the same; a clean recording
    /// does not pay for it).
    /// </summary>
    private static IrregularRhythmSegment[] IrregularSegmentsFor(ReadOnlySpan<double> rr, ArtifactOptions o) =>
        rr.Length < IrregularSegmentLength || !o.ScreenIrregularRhythm ? [] : FindIrregularSegments(rr, null, o);

    /// <summary>Whether the irregular-rhythm screening runs: <see cref="ArtifactMethod.SinusRhythm"/>'s definition includes it; every other method follows <see cref="ArtifactOptions.ScreenIrregularRhythm"/>.</summary>
    private static bool Screens(ArtifactOptions o) => o.Method == ArtifactMethod.SinusRhythm || o.ScreenIrregularRhythm;

    /// <summary>Removes the premature-beat and pause flags inside irregular segments: there they are the rhythm, not ectopy.</summary>
    private static void ClearInside(IrregularRhythmSegment[] segments, sbyte[] kinds)
    {
        foreach (var segment in segments)
        {
            for (var i = segment.StartIndex; i < segment.StartIndex + segment.Count; i++)
            {
                if (kinds[i] is (sbyte)ArtifactKind.Premature or (sbyte)ArtifactKind.Pause)
                {
                    kinds[i] = None;
                }
            }
        }
    }

    private static void Validate(ArtifactOptions o)
    {
        if (!Enum.IsDefined(o.Method))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.Method, "Method: Unknown artifact method.");
        }

        if (!Enum.IsDefined(o.Correction))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.Correction, "Correction: Unknown correction mode.");
        }

        Guard.Positive(o.MinimumMs);
        Guard.Positive(o.MaximumMs);
        Guard.InRange(o.MaximumMs, o.MinimumMs, double.MaxValue);
        Guard.NonNegative(o.MalikFraction);
        Guard.NonNegative(o.KarlssonFraction);
        Guard.NonNegative(o.AcarFraction);
        Guard.Positive(o.AcarWindow);
        Guard.Positive(o.Alpha);
        Guard.Finite(o.C1);
        Guard.Finite(o.C2);
        Guard.Positive(o.ThresholdWindow);
        Guard.Positive(o.MedianWindow);
        if ((o.ThresholdWindow & 1) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.ThresholdWindow, "ThresholdWindow: The centred window must have an odd number of beats.");
        }

        if ((o.MedianWindow & 1) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.MedianWindow, "MedianWindow: The centred window must have an odd number of beats.");
        }
    }

    /// <summary>
    /// Correction in the value domain (rule-based methods): a flagged value is replaced by linear interpolation (by
    /// index) between the nearest unflagged values on each side, or copies the one side that exists; removed; or
    /// left (flag only).
    /// </summary>
    /// <summary>The intervals not flagged (kind <c>None</c>), marking each flagged one as removed.</summary>
    private static double[] RemoveFlagged(ReadOnlySpan<double> rr, sbyte[] kinds, ArtifactAction[] actions)
    {
        var kept = new List<double>(rr.Length);
        for (var i = 0; i < rr.Length; i++)
        {
            if (kinds[i] == None)
            {
                kept.Add(rr[i]);
            }
            else
            {
                actions[i] = ArtifactAction.Removed;
            }
        }

        return [.. kept];
    }

    private static double[] CorrectByValue(ReadOnlySpan<double> rr, sbyte[] kinds, ArtifactAction[] actions, ArtifactCorrection mode, ProblemCollector problems)
    {
        var n = rr.Length;
        switch (mode)
        {
            case ArtifactCorrection.FlagOnly:
                return rr.ToArray();
            case ArtifactCorrection.Remove:
                return RemoveFlagged(rr, kinds, actions);

            default:
            {
                var nn = rr.ToArray();
                InterpolateFlagged(nn, i => kinds[i] != None, i => actions[i] = ArtifactAction.Interpolated, problems);
                return nn;
            }
        }
    }

    /// <summary>Replaces each position where <paramref name="flagged"/> holds by linear interpolation between the nearest unflagged values.</summary>
    private static void InterpolateFlagged(double[] values, Func<int, bool> flagged, Action<int> done, ProblemCollector problems)
    {
        var n = values.Length;
        var i = 0;
        while (i < n)
        {
            if (!flagged(i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < n && flagged(i))
            {
                i++;
            }

            var end = i; // exclusive
            var left = start - 1;
            var right = end < n ? end : -1;
            if (left < 0 && right < 0)
            {
                problems.Add(new Problem("artifacts.uncorrectable", "Every interval was flagged; nothing to interpolate from, values left as they were.", ProblemSeverity.Warning));
                return;
            }

            for (var k = start; k < end; k++)
            {
                values[k] = left < 0 ? values[right]
                    : right < 0 ? values[left]
                    : values[left] + ((values[right] - values[left]) * (k - left) / (right - left));
                done(k);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
