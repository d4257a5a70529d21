using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// A paced-breathing pattern: the phases of one cycle with their durations, and the session's default length.
/// The pause/breathing timer widget runs it with <see cref="Locate"/>. Presets are in <see cref="BreathingPatterns"/>.
/// </summary>
public sealed record BreathingPattern
{
    /// <summary>Stable id (e.g. <c>box-4</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name in English.</summary>
    public required string Name { get; init; }

    /// <summary>The phases of one cycle, in order; at least one, each longer than 0 s.</summary>
    public required IReadOnlyList<BreathPhase> Phases { get; init; }

    /// <summary>Default number of cycles per session, or null when the session is timed (<see cref="DefaultSessionSeconds"/>).</summary>
    public int? DefaultCycles { get; init; }

    /// <summary>Default session length in seconds when cycles are not counted, or null.</summary>
    public double? DefaultSessionSeconds { get; init; }

    /// <summary>Safety cap on cycles per session (e.g. 4 for 4-7-8 breathing in the first month), or null.</summary>
    public int? MaxCycles { get; init; }

    /// <summary>Instruction and caution shown with the pacer, or null.</summary>
    public string? Guidance { get; init; }

    /// <summary>The length of one cycle in seconds (sum of the phases).</summary>
    public double CycleSeconds
    {
        get
        {
            var s = 0.0;
            foreach (var p in Phases)
            {
                s += p.DurationSeconds;
            }

            return s;
        }
    }

    /// <summary>Breathing rate in breaths (cycles) per minute: 60 / <see cref="CycleSeconds"/>.</summary>
    public double BreathsPerMinute => 60.0 / CycleSeconds;

    /// <summary>
    /// Cycles in a default session: <see cref="DefaultCycles"/>, else ⌈<see cref="DefaultSessionSeconds"/> /
    /// <see cref="CycleSeconds"/>⌉, capped by <see cref="MaxCycles"/>; 1 when neither is set.
    /// </summary>
    public int SessionCycles
    {
        get
        {
            var cycles = DefaultCycles ?? (DefaultSessionSeconds is { } s ? (int)Math.Ceiling((s / CycleSeconds) - 1e-9) : 1);
            return MaxCycles is { } max ? Math.Min(cycles, max) : cycles;
        }
    }

    /// <summary>Checks the pattern: an id, at least one phase, positive finite durations, positive counts.</summary>
    /// <param name="location">Prefix for the problems' locations (a JSON path).</param>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<Problem> Validate(string location = "$")
    {
        var root = new ProblemCollector();
        var problems = root.At(location);
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Error("breathing.missing-id", "The pattern has no id.", ".id");
        }

        if (Phases is null || Phases.Count == 0)
        {
            problems.Error("breathing.no-phases", "The pattern has no phases.", ".phases");
        }
        else
        {
            for (var i = 0; i < Phases.Count; i++)
            {
                var d = Phases[i].DurationSeconds;
                if (!(d > 0) || !double.IsFinite(d) || !Enum.IsDefined(Phases[i].Kind))
                {
                    problems.Error(
                        "breathing.invalid-phase",
                        string.Create(CultureInfo.InvariantCulture, $"Phase {i} ({Phases[i].Kind}) must have a defined kind and a finite duration > 0 s; was {d}."),
                        string.Create(CultureInfo.InvariantCulture, $".phases[{i}]"));
                }
            }
        }

        if (DefaultCycles is <= 0 || MaxCycles is <= 0 || DefaultSessionSeconds is { } s && !(s > 0 && double.IsFinite(s)))
        {
            problems.Error("breathing.invalid-length", "Cycle counts and session seconds must be positive.");
        }

        return root.ToList();
    }

    /// <summary>Where a session of <paramref name="cycles"/> cycles is after <paramref name="elapsedSeconds"/>.</summary>
    /// <param name="elapsedSeconds">Seconds since the session started (≥ 0).</param>
    /// <param name="cycles">Cycles in the session; null means <see cref="SessionCycles"/>.</param>
    /// <returns>The cycle, the phase and the time into and left in it; <see cref="BreathingPosition.IsComplete"/> at or after the end.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsedSeconds"/> is negative or not finite, or <paramref name="cycles"/> ≤ 0.</exception>
    public BreathingPosition Locate(double elapsedSeconds, int? cycles = null)
    {
        Guard.NonNegative(elapsedSeconds);
        var total = Guard.Positive(cycles ?? SessionCycles);
        var cycleSeconds = CycleSeconds;
        if (elapsedSeconds >= total * cycleSeconds)
        {
            var last = Phases[^1];
            return new BreathingPosition(total - 1, Phases.Count - 1, last, last.DurationSeconds, 0, true);
        }

        var cycle = (int)Math.Floor(elapsedSeconds / cycleSeconds);
        var t = elapsedSeconds - (cycle * cycleSeconds);
        for (var i = 0; i < Phases.Count; i++)
        {
            var p = Phases[i];
            if (t < p.DurationSeconds || i == Phases.Count - 1)
            {
                return new BreathingPosition(cycle, i, p, t, Math.Max(0, p.DurationSeconds - t), false);
            }

            t -= p.DurationSeconds;
        }

        throw new InvalidOperationException("unreachable: a pattern has at least one phase");
    }
}
