using RelationalNeuro.Connectivity;

namespace RelationalNeuro.Core.Tests.Connectivity;

/// <summary>
/// Issue #13 (defect 7, undefined enum values): a cast such as <c>(ConnectivityKind)42</c> used to be accepted — an
/// undefined kind fell through to the precision path and came back as a partial-correlation-like matrix, an undefined
/// estimator was treated as Ledoit–Wolf, an undefined node-strength weighting summed net weights. Each is now a
/// programmer error that names the argument and the value.
/// </summary>
public sealed class ConnectivityEnumGuardTests
{
    private static readonly double[,] Series = { { 1, 2, 5 }, { 2, 1, 3 }, { 3, 4, 4 }, { 4, 3, 1 }, { 5, 5, 2 } };

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    [InlineData(4)] // one past Precision = 3
    public void Compute_UndefinedKind_Throws_NamingOptionsKindAndTheValue(int value)
    {
        var options = ConnectivityOptions.Default with { Kind = (ConnectivityKind)value };
        AssertRefused(() => FunctionalConnectivity.Compute(Series, options), "options.Kind", (ConnectivityKind)value);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    [InlineData(2)] // one past LedoitWolf = 1
    public void Compute_UndefinedEstimator_Throws_NamingOptionsEstimatorAndTheValue(int value)
    {
        var options = ConnectivityOptions.Default with { Estimator = (CovarianceEstimator)value };
        AssertRefused(() => FunctionalConnectivity.Compute(Series, options), "options.Estimator", (CovarianceEstimator)value);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    [InlineData(4)] // one past Negative = 3
    public void NodeStrength_UndefinedWeights_Throws_NamingWeightsAndTheValue(int value)
    {
        var matrix = new double[,] { { 1, 0.5 }, { 0.5, 1 } };
        AssertRefused(() => FunctionalConnectivity.NodeStrength(matrix, (NodeStrengthWeights)value), "weights", (NodeStrengthWeights)value);
    }

    [Fact]
    public void Compute_EveryDefinedKindAndEstimator_IsAccepted()
    {
        // The guard must not refuse a named value: every kind × estimator pair computes (5 × 3, full rank).
        foreach (var kind in Enum.GetValues<ConnectivityKind>())
        {
            foreach (var estimator in Enum.GetValues<CovarianceEstimator>())
            {
                var result = FunctionalConnectivity.Compute(Series, new ConnectivityOptions { Kind = kind, Estimator = estimator });
                Assert.Equal((kind, estimator), (result.Kind, result.Estimator));
                Assert.NotNull(result.Matrix);
            }
        }
    }

    /// <summary>The guard's exception names the argument, carries the value and says it in the message ("was 42").</summary>
    private static void AssertRefused(Action call, string parameter, Enum value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.Contains("was " + Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
