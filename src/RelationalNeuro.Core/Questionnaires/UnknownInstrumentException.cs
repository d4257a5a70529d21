using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// An instrument id that <see cref="InstrumentCatalog"/> does not know. The message names the id and every known id
/// (<see cref="InstrumentCatalog.Ids"/>); <see cref="ArgumentException.ParamName"/> names the argument. Use
/// <see cref="InstrumentCatalog.TryGet"/> to look up an id that may be unknown without an exception.
/// </summary>
public sealed class UnknownInstrumentException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="instrumentId"/>.</summary>
    /// <param name="instrumentId">The id asked for.</param>
    /// <param name="knownIds">The ids the catalog knows, in the order to list them.</param>
    /// <param name="paramName">The argument that held the id, or null.</param>
    public UnknownInstrumentException(string instrumentId, IEnumerable<string> knownIds, string? paramName = null)
        : this(instrumentId, [.. knownIds ?? []], paramName)
    {
    }

    /// <summary>Creates the exception with a message and no id.</summary>
    public UnknownInstrumentException()
        : this("An instrument id is not in the catalog.")
    {
    }

    /// <summary>Creates the exception with a message and no id.</summary>
    /// <param name="message">A sentence for a person.</param>
    public UnknownInstrumentException(string message)
        : base(message)
    {
        KnownIds = [];
    }

    /// <summary>Creates the exception with a message, a cause and no id.</summary>
    /// <param name="message">A sentence for a person.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownInstrumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        KnownIds = [];
    }

    private UnknownInstrumentException(string? instrumentId, ImmutableArray<string> knownIds, string? paramName)
        : base($"No built-in instrument has the id '{instrumentId}'. Known ids: {string.Join(", ", knownIds)}.", paramName)
    {
        InstrumentId = instrumentId;
        KnownIds = knownIds;
    }

    /// <summary>The id asked for, or null when the exception was created from a message only.</summary>
    public string? InstrumentId { get; }

    /// <summary>The ids the catalog knows (sorted when thrown by <see cref="InstrumentCatalog"/>); empty when created from a message only.</summary>
    public ImmutableArray<string> KnownIds { get; }
}
