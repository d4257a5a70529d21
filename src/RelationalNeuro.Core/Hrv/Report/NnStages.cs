using System.Runtime.ExceptionServices;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The stages of <see cref="HrvAnalysis"/> that read only the corrected NN series and their options — time domain,
/// Poincaré, frequency domain, the two entropies, DFA, the autonomic indexes — run in that order on the calling thread,
/// or (<see cref="HrvAnalysisOptions.MaxDegreeOfParallelism"/> ≥ 2) in groups on the calling and thread-pool threads.
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

    public TimeDomainResult TimeDomain { get; private set; }

    public PoincareResult Poincare { get; private set; }

    public FrequencyDomainResult? Frequency { get; private set; }

    public SampleEntropyResult? SampleEntropy { get; private set; }

    public ApproximateEntropyResult? ApproximateEntropy { get; private set; }

    public DfaResult? Dfa { get; private set; }

    public AutonomicResult? Autonomic { get; private set; }

    /// <summary>Runs every included stage on up to <paramref name="degree"/> threads (the calling thread included).</summary>
    /// <remarks>
    /// The calling thread, already running, takes the costliest stage (the entropies, ≈ half of a 24-h analysis after the
    /// artifact step); the other stages go to thread-pool threads in groups — with 2 threads one group of all of them, with
    /// 3 the spectrum apart, with 4 also DFA apart — so on a busy machine the calling thread rarely waits for a late
    /// pool thread. Every stage runs to its end before this returns. Should stages throw (an option out of range,
    /// cancellation), the exception of the earliest stage in the in-order sequence is rethrown — the one the in-order run
    /// would have thrown.
    /// </remarks>
    public void Run(int degree)
    {
        var failures = new ExceptionDispatchInfo?[StageCount];
        if (degree <= 1 || OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
        {
            // In a browser or WASI there may be no second thread to wait for: the stages run in order.
            RunInOrder([TimeDomainStage, PoincareStage, FrequencyStage, EntropyStage, DfaStage, AutonomicStage], failures);
        }
        else
        {
            int[][] groups = degree switch
            {
                2 => [[EntropyStage], [TimeDomainStage, PoincareStage, FrequencyStage, DfaStage, AutonomicStage]],
                3 => [[EntropyStage], [FrequencyStage], [TimeDomainStage, PoincareStage, DfaStage, AutonomicStage]],
                _ => [[EntropyStage], [FrequencyStage], [DfaStage], [TimeDomainStage, PoincareStage, AutonomicStage]],
            };
            var included = groups.Select(g => g.Where(Included).ToArray()).Where(g => g.Length > 0).ToArray();
            var moved = new Task[included.Length - 1];
            for (var g = 1; g < included.Length; g++)
            {
                var group = included[g];
                moved[g - 1] = Task.Run(() => RunInOrder(group, failures), CancellationToken.None);
            }

            RunInOrder(included[0], failures);
            Task.WaitAll(moved, CancellationToken.None);
        }

        foreach (var failure in failures)
        {
            failure?.Throw();
        }
    }

    /// <summary>Runs the included stages of <paramref name="stages"/> in order; the first to throw ends the group, its exception kept at its stage.</summary>
    private void RunInOrder(int[] stages, ExceptionDispatchInfo?[] failures)
    {
        foreach (var stage in stages)
        {
            if (!Included(stage))
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
                return;
            }
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
