using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// An immutable series of RR intervals in milliseconds, with every data problem met while building it.
/// </summary>
/// <remarks>
/// <para>What is kept and what is refused (nothing is dropped silently; each case is a <see cref="Problem"/>
/// located by its 0-based input index):</para>
/// <list type="bullet">
/// <item><description>Non-finite values (NaN, ±∞) are <b>refused</b>: not in <see cref="IntervalsMs"/>, problem
/// <c>rr.non-finite</c> (<see cref="ProblemSeverity.Error"/>). No calculator can use them.</description></item>
/// <item><description>Values ≤ 0 are <b>refused</b>: problem <c>rr.non-positive</c> (Error).</description></item>
/// <item><description>Values outside the calculable range [<see cref="MinimumIntervalMs"/>, <see cref="MaximumIntervalMs"/>]
/// ms (1–60,000 ms) are <b>refused</b>: problem <c>rr.out-of-range</c> (Error). No heart beats 1,000 times a second or
/// less than once a minute; such values are a wrong unit (seconds, µs, ns) or corrupt data, and every HRV calculator
/// refuses them (its guard throws), which keeps their arithmetic finite and their work bounded (docs/reliability.md).
/// A beat-time interval that overflows to ∞ is such a value.</description></item>
/// <item><description>Values outside the physiological range [<see cref="PhysiologicalMinimumMs"/>,
/// <see cref="PhysiologicalMaximumMs"/>] ms (200–3000 ms, i.e. 20–300 bpm) are <b>kept</b> and flagged with
/// <c>rr.outside-physiology</c> (<see cref="ProblemSeverity.Warning"/>): they are usually detection artifacts,
/// which <see cref="Artifacts"/> detects and corrects, and removing them here would change the timing of every
/// later beat.</description></item>
/// <item><description>Beat times (<see cref="FromBeatTimesSeconds"/>): a non-finite beat time is refused
/// (<c>rr.non-finite-beat-time</c>, Error; the two intervals around it merge); a beat time equal to the previous one
/// is a duplicate, dropped with <c>rr.duplicate-beat-time</c> (Warning); a beat time earlier than the previous one
/// makes the whole series unusable: the result is empty with <c>rr.beat-times-unsorted</c> (Error), because no
/// interval after an ordering error can be trusted.</description></item>
/// </list>
/// <para>At most <see cref="MaxListedProblems"/> problems are listed; if there are more, the last listed problem is
/// <c>rr.more-problems</c> with the total, which is also in <see cref="ProblemCount"/>.</para>
/// <para>Indices in <see cref="IntervalsMs"/> are those of the accepted values; a refused value shifts the later
/// indices by one (the problems name input indices).</para>
/// <para>A <see langword="sealed"/> record (it holds the intervals and comes from reading data); equality compares the
/// interval array and the problem list by reference.</para>
/// </remarks>
public sealed record RrSeries
{
    /// <summary>Lower bound of the physiological range, 200 ms (300 bpm).</summary>
    public const double PhysiologicalMinimumMs = 200;

    /// <summary>Upper bound of the physiological range, 3000 ms (20 bpm).</summary>
    public const double PhysiologicalMaximumMs = 3000;

    /// <summary>Smallest RR interval any HRV calculator accepts, 1 ms (60,000 bpm): the lower end of the calculable range, far below physiology.</summary>
    public const double MinimumIntervalMs = 1;

    /// <summary>Largest RR interval any HRV calculator accepts, 60,000 ms (1 bpm): the upper end of the calculable range, far above physiology.</summary>
    public const double MaximumIntervalMs = 60_000;

    /// <summary>How many problems are listed at most; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The largest start time <see cref="WithStartTimeSeconds"/> accepts either way, 10⁹ s: beat times stay exact to well under a microsecond there.</summary>
    public const double MaximumStartTimeSeconds = 1e9;

    private readonly double[] _intervalsMs;
    private readonly ProblemList _problems;

    private RrSeries(double[] intervalsMs, ProblemList problems, int problemCount, bool hasErrors, double startTimeSeconds)
    {
        _intervalsMs = intervalsMs;
        _problems = problems;
        ProblemCount = problemCount;
        HasErrors = hasErrors;
        StartTimeSeconds = startTimeSeconds;
        var sum = 0.0;
        foreach (var v in intervalsMs)
        {
            sum += v;
        }

        DurationSeconds = sum / 1000.0;
    }

    /// <summary>An empty series with no problems.</summary>
    public static RrSeries Empty { get; } = new([], [], 0, false, 0);

    /// <summary>The accepted RR intervals, in ms (finite and &gt; 0; may include values outside physiology, see remarks).</summary>
    public ReadOnlySpan<double> IntervalsMs => _intervalsMs;

    /// <summary>The accepted intervals' own array (never handed out publicly: callers must not write to it).</summary>
    internal double[] IntervalsArray => _intervalsMs;

    /// <summary>Number of accepted intervals.</summary>
    public int Count => _intervalsMs.Length;

    /// <summary>Time of the first beat in seconds: 0 for series built from intervals, the first valid beat time for <see cref="FromBeatTimesSeconds"/>.</summary>
    public double StartTimeSeconds { get; }

    /// <summary>Sum of the accepted intervals, in seconds.</summary>
    public double DurationSeconds { get; }

    /// <summary>The problems met (listed up to <see cref="MaxListedProblems"/>).</summary>
    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>Total number of problems met, listed or not.</summary>
    public int ProblemCount { get; }

    /// <summary>True when at least one value was refused (an <see cref="ProblemSeverity.Error"/> problem).</summary>
    public bool HasErrors { get; }

    /// <summary>
    /// The beat times in seconds: <see cref="Count"/> + 1 values, starting at <see cref="StartTimeSeconds"/>,
    /// each the previous plus the interval. Allocates a new array on every call.
    /// </summary>
    /// <returns>Beat times in seconds, strictly increasing.</returns>
    public double[] GetBeatTimesSeconds()
    {
        var times = new double[_intervalsMs.Length + 1];
        var sumMs = 0.0;
        times[0] = StartTimeSeconds;
        for (var i = 0; i < _intervalsMs.Length; i++)
        {
            sumMs += _intervalsMs[i];
            times[i + 1] = StartTimeSeconds + (sumMs / 1000.0);
        }

        return times;
    }

    /// <summary>
    /// The same intervals and problems on a clock whose first beat is at <paramref name="startTimeSeconds"/>: for two
    /// recordings that did not start together (a dyad's second member started 2 s after the first), whose files carry
    /// intervals only. Beat times become <c>startTimeSeconds + (Σ RR)/1000</c> (<see cref="GetBeatTimesSeconds"/>); the
    /// intervals themselves are unchanged, value for value. The series shares its interval array (both are immutable).
    /// </summary>
    /// <param name="startTimeSeconds">Time of the first beat in s; finite, at most 10⁹ s (about 32 years) either way.</param>
    /// <returns>The series on the new clock.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startTimeSeconds"/> is not finite or beyond ±10⁹ s.</exception>
    public RrSeries WithStartTimeSeconds(double startTimeSeconds)
    {
        Guard.InRange(startTimeSeconds, -MaximumStartTimeSeconds, MaximumStartTimeSeconds);
        return new RrSeries(_intervalsMs, _problems, ProblemCount, HasErrors, startTimeSeconds);
    }

    /// <summary>Builds a series from RR intervals in milliseconds.</summary>
    /// <param name="intervalsMs">RR intervals in ms.</param>
    /// <returns>The series with the problems met (see the type's remarks for what is kept and refused).</returns>
    public static RrSeries FromIntervalsMs(ReadOnlySpan<double> intervalsMs) => FromIntervals(intervalsMs, 1.0);

    /// <summary>Builds a series from RR intervals in seconds (each multiplied by 1000).</summary>
    /// <param name="intervalsSeconds">RR intervals in s.</param>
    /// <returns>The series with the problems met; problem messages quote the values in seconds as given.</returns>
    public static RrSeries FromIntervalsSeconds(ReadOnlySpan<double> intervalsSeconds) => FromIntervals(intervalsSeconds, 1000.0);

    /// <summary>
    /// Builds a series from beat (R-peak) times in seconds: interval i is <c>1000 · (t[i+1] − t[i])</c> ms.
    /// </summary>
    /// <param name="beatTimesSeconds">Beat times in s, expected strictly increasing.</param>
    /// <returns>
    /// The series with the problems met: duplicates dropped (Warning), non-finite times refused (Error), and an
    /// empty series with <c>rr.beat-times-unsorted</c> (Error) if any time is earlier than the one before it.
    /// </returns>
    public static RrSeries FromBeatTimesSeconds(ReadOnlySpan<double> beatTimesSeconds)
    {
        var problems = new ProblemCollector(100, "rr.more-problems");
        var intervals = new List<double>(Math.Max(0, beatTimesSeconds.Length - 1));
        double? previous = null;
        var previousIndex = -1;
        double start = 0;
        for (var i = 0; i < beatTimesSeconds.Length; i++)
        {
            var t = beatTimesSeconds[i];
            if (!double.IsFinite(t))
            {
                problems.Add(new Problem("rr.non-finite-beat-time", Invariant($"Beat time {t} is not a finite number; the beat is ignored and the intervals around it merge."), ProblemSeverity.Error, Invariant($"beat {i}")));
                continue;
            }

            if (previous is not { } p)
            {
                previous = t;
                previousIndex = i;
                start = t;
                continue;
            }

            if (t == p)
            {
                problems.Add(new Problem("rr.duplicate-beat-time", Invariant($"Beat time {t} s repeats beat {previousIndex}; the duplicate is ignored."), ProblemSeverity.Warning, Invariant($"beat {i}")));
                continue;
            }

            if (t < p)
            {
                problems.Add(new Problem("rr.beat-times-unsorted", Invariant($"Beat time {t} s is earlier than beat {previousIndex} at {p} s; beat times must increase, so no interval is accepted."), ProblemSeverity.Error, Invariant($"beat {i}")));
                return new RrSeries([], problems.ToList(), problems.Count, true, 0);
            }

            intervals.Add((t - p) * 1000.0);
            previous = t;
            previousIndex = i;
        }

        var accepted = new double[intervals.Count];
        var n = 0;
        for (var i = 0; i < intervals.Count; i++)
        {
            if (Accept(intervals[i], intervals[i], "ms", i, problems))
            {
                accepted[n++] = intervals[i];
            }
        }

        if (n != accepted.Length)
        {
            Array.Resize(ref accepted, n);
        }

        return new RrSeries(accepted, problems.ToList(), problems.Count, problems.HasErrors, start);
    }

    /// <summary>
    /// Builds a series from intervals in ms that the caller hands over (the array is kept, and compacted in place if a value
    /// is refused): the readers' path, which saves a copy of every interval.
    /// </summary>
    internal static RrSeries FromOwnedIntervalsMs(double[] intervalsMs) => FromIntervals(intervalsMs, 1.0, intervalsMs);

    private static RrSeries FromIntervals(ReadOnlySpan<double> values, double toMs) => FromIntervals(values, toMs, new double[values.Length]);

    /// <summary>Checks each value and writes the accepted ones to <paramref name="accepted"/>, which may be the array behind <paramref name="values"/> (each write is at or before the read).</summary>
    private static RrSeries FromIntervals(ReadOnlySpan<double> values, double toMs, double[] accepted)
    {
        var problems = new ProblemCollector(100, "rr.more-problems");
        var unit = toMs == 1.0 ? "ms" : "s";
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                problems.Add(new Problem("rr.non-finite", Invariant($"RR interval {v} is not a finite number; refused."), ProblemSeverity.Error, Invariant($"index {i}")));
                continue;
            }

            if (v <= 0)
            {
                problems.Add(new Problem("rr.non-positive", Invariant($"RR interval {v} {unit} is not greater than 0; refused."), ProblemSeverity.Error, Invariant($"index {i}")));
                continue;
            }

            var ms = v * toMs;
            if (Accept(ms, v, unit, i, problems))
            {
                accepted[n++] = ms;
            }
        }

        if (n != accepted.Length)
        {
            Array.Resize(ref accepted, n);
        }

        return new RrSeries(accepted, problems.ToList(), problems.Count, problems.HasErrors, 0);
    }

    /// <summary>Refuses an interval outside the calculable range (Error) and flags one outside physiology (Warning).</summary>
    private static bool Accept(double ms, double given, string unit, int index, ProblemCollector problems)
    {
        if (!RrGuard.InRange(ms))
        {
            problems.Add(new Problem(
                "rr.out-of-range",
                Invariant($"RR interval {given} {unit} is outside the calculable range {MinimumIntervalMs}–{MaximumIntervalMs} ms; refused (a wrong unit or corrupt data)."),
                ProblemSeverity.Error,
                Invariant($"index {index}")));
            return false;
        }

        CheckPhysiology(ms, index, problems);
        return true;
    }

    private static void CheckPhysiology(double ms, int index, ProblemCollector problems)
    {
        if (ms < PhysiologicalMinimumMs || ms > PhysiologicalMaximumMs)
        {
            problems.Add(new Problem(
                "rr.outside-physiology",
                Invariant($"RR interval {ms} ms is outside the physiological range {PhysiologicalMinimumMs}–{PhysiologicalMaximumMs} ms; kept, for artifact detection to handle."),
                ProblemSeverity.Warning,
                Invariant($"index {index}")));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
