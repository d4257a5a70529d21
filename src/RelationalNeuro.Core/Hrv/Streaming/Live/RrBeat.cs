namespace RelationalNeuro.Hrv.Live;

/// <summary>One RR interval delivered by an <see cref="IRrSource"/>.</summary>
/// <param name="RrMs">The interval that ended with this beat, in ms.</param>
/// <param name="Timestamp">When the beat happened, by the source's <see cref="TimeProvider"/> (UTC): for a replay the beat's due time on the replay's timeline; for a strap the notification's arrival, moved back by the later intervals of the same notification.</param>
/// <param name="Index">0-based position of the beat in the source's sequence.</param>
public readonly record struct RrBeat(double RrMs, DateTimeOffset Timestamp, long Index);
