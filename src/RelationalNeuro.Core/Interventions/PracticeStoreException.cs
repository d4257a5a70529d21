namespace RelationalNeuro.Interventions;

/// <summary>
/// A practice-store operation was refused (typed by <see cref="Error"/>, detailed by <see cref="Problems"/>);
/// the store is unchanged.
/// </summary>
public sealed class PracticeStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <param name="message">A sentence for a person.</param>
    /// <param name="problems">The individual problems, located (JSON paths for data); may be empty.</param>
    /// <param name="innerException">The underlying exception, or null.</param>
    public PracticeStoreException(PracticeStoreError error, string message, IReadOnlyList<Problem>? problems = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Problems = ProblemList.From(problems);
    }

    /// <summary>Creates an <see cref="PracticeStoreError.InvalidData"/> exception.</summary>
    public PracticeStoreException()
        : this(PracticeStoreError.InvalidData, "The practice store refused the operation.")
    {
    }

    /// <summary>Creates an <see cref="PracticeStoreError.InvalidData"/> exception with a message.</summary>
    /// <param name="message">A sentence for a person.</param>
    public PracticeStoreException(string message)
        : this(PracticeStoreError.InvalidData, message)
    {
    }

    /// <summary>Creates an <see cref="PracticeStoreError.InvalidData"/> exception with a message and cause.</summary>
    /// <param name="message">A sentence for a person.</param>
    /// <param name="innerException">The cause.</param>
    public PracticeStoreException(string message, Exception innerException)
        : this(PracticeStoreError.InvalidData, message, null, innerException)
    {
    }

    /// <summary>Why the operation was refused.</summary>
    public PracticeStoreError Error { get; }

    /// <summary>The individual problems (empty when the message says it all).</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
