using System.Runtime.ExceptionServices;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The stages of <see cref="HrvAnalysis"/> that read only the corrected NN series and their options — time domain,
/// Poincaré, frequency domain, the two entropies, DFA, the autonomic indexes — run in that order on the calling thread,
/// or (<see cref="HrvAnalysisOptions.MaxDegreeOfParallelism"/> ≥ 2) with the costliest moved to thread-pool threads.
/// Each stage writes only its own field, so the results are those of the in-order run whatever the threads.
/// </summary>
internal sealed class NnStages(double[] nn, HrvAnalysisOptions options, CancellationToken cancellationToken)
{
    private const int TimeDomainStage = 0;
    private const int PoincareStage = 1;
    private const int FrequencyStage = 2;
    private const int EntropyStage = 3;
    private const int DfaStage = 4;
    private const int AutonomicStage = 5;
    private const int StageCount = 6;

    /// <summary>The stages moved off the calling thread, costliest first (entropy ≈ half of a 24-h analysis after artifacts).</summary>
    private static readonly int[] MovableByCost = [EntropyStage, FrequencyStage, DfaStage];

    public TimeDomainResult TimeDomain { get; private set; }

    public PoincareResult Poincare { get; private set; }

    public FrequencyDomainResult? Frequency { get; private set; }

    public SampleEntropyResult? SampleEntropy { get; private set; }

    public ApproximateEntropyResult? ApproximateEntropy { get; private set; }

    public DfaResult? Dfa { get; private set; }

    public AutonomicResult? Autonomic { get; private set; }

    /// <summary>Runs every included stage on up to <paramref name="degree"/> threads (the calling thread included).</summary>
    /// <remarks>
    /// Every stage runs to its end before this returns. Should stages throw (an option out of range, cancellation), the
    /// exception of the earliest stage in the in-order sequence is rethrown — the one the in-order run would have thrown.
    /// </remarks>
    public void Run(int degree)
    {
        var moved = new Task?[StageCount];
        var slots = Math.Min(degree, MovableByCost.Length + 1) - 1;
        foreach (var stage in MovableByCost)
        {
            if (slots > 0 && Included(stage))
            {
                moved[stage] = Task.Run(() => RunStage(stage), CancellationToken.None);
                slots--;
            }
        }

        var failures = new ExceptionDispatchInfo?[StageCount];
        for (var stage = 0; stage < StageCount; stage++)
        {
            if (moved[stage] is not null || !Included(stage))
            {
                continue;
            }

            try
            {
                RunStage(stage);
            }
            catch (Exception exception)
            {
                failures[stage] = ExceptionDispatchInfo.Capture(exception);
                break;
            }
        }

        for (var stage = 0; stage < StageCount; stage++)
        {
            if (moved[stage] is { } task)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException aggregate) when (aggregate.InnerException is { } inner)
                {
                    failures[stage] = ExceptionDispatchInfo.Capture(inner);
                }
            }
        }

        foreach (var failure in failures)
        {
            failure?.Throw();
        }
    }

    private bool Included(int stage) => stage switch
    {
        FrequencyStage => options.IncludeFrequencyDomain,
        EntropyStage => options.IncludeEntropy,
        DfaStage => options.IncludeDfa,
        AutonomicStage => options.IncludeAutonomic,
        _ => true,
    };

    private void RunStage(int stage)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (stage)
        {
            case TimeDomainStage:
                TimeDomain = HrvMetrics.TimeDomain(nn, options.TimeDomain);
                break;
            case PoincareStage:
                Poincare = HrvMetrics.Poincare(nn, options.Poincare);
                break;
            case FrequencyStage:
                Frequency = HrvMetrics.FrequencyDomain(nn, options.FrequencyDomain);
                break;
            case EntropyStage:
                // Both from one set of template counts (equal to the two separate calls).
                (SampleEntropy, ApproximateEntropy) = HrvMetrics.EntropiesCancellable(nn, options.Entropy, cancellationToken);
                break;
            case DfaStage:
                Dfa = HrvMetrics.DetrendedFluctuation(nn, options.Dfa);
                break;
            default:
                Autonomic = HrvMetrics.Autonomic(nn, options.Autonomic);
                break;
        }
    }
}
