namespace RelationalNeuro.Hrv;

/// <summary>Why an interval was flagged.</summary>
public enum ArtifactKind
{
    /// <summary>Lipponen &amp; Tarvainen: ectopic beat (a large dRR with an opposite-signed neighbour, subspace S1).</summary>
    Ectopic = 0,

    /// <summary>Lipponen &amp; Tarvainen: missed beat (a long interval about twice the local median).</summary>
    Missed = 1,

    /// <summary>Lipponen &amp; Tarvainen: extra beat (a short interval that, added to the next one, makes about the local median).</summary>
    Extra = 2,

    /// <summary>Lipponen &amp; Tarvainen: long or short interval that is neither missed nor extra.</summary>
    LongShort = 3,

    /// <summary>Outside the absolute range of <see cref="ArtifactOptions"/>.</summary>
    OutOfRange = 4,

    /// <summary>Malik 20 % successive-difference rule.</summary>
    Malik = 5,

    /// <summary>Kamath asymmetric successive-difference rule.</summary>
    Kamath = 6,

    /// <summary>Karlsson rule (difference from the mean of the two neighbours).</summary>
    Karlsson = 7,

    /// <summary>Acar rule (difference from the mean of the previous 9 intervals).</summary>
    Acar = 8,

    /// <summary>Sinus-rhythm timing: the interval ends at or starts from a beat that came early against the local sinus rhythm (a premature beat; both of its intervals carry this kind).</summary>
    Premature = 9,

    /// <summary>Sinus-rhythm timing: the interval touches no premature beat and is more than 20 % longer than the local sinus cycle right after a late beat that follows a premature one (inside a run), or elsewhere more than 1.5 cycles long (a missed beat, a sinus pause).</summary>
    Pause = 10,
}
