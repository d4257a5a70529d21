using System.Text.Json;
using System.Text.Json.Serialization;
using RelationalNeuro.Connectivity;

namespace RelationalNeuro.Core.Tests.Connectivity;

[JsonSerializable(typeof(ConnectivityResult))]
[JsonSerializable(typeof(ShrunkCovariance))]
internal sealed partial class ConnectivityTestJsonContext : JsonSerializerContext;

public class ConnectivityJsonTests
{
    // TV9 (research file §8.4): r₀₁ = 0.8, r₀₂ = −0.8, r₁₂ = −0.3, unit diagonal.
    private static readonly double[,] Tv9 = { { 1, 2, 5 }, { 2, 1, 3 }, { 3, 4, 4 }, { 4, 3, 1 }, { 5, 5, 2 } };

    [Fact]
    public void Serialize_DefaultOptions_MatrixAsRowsAndRoundTrips()
    {
        var result = FunctionalConnectivity.Correlation(Tv9);
        var json = JsonSerializer.Serialize(result);
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("Matrix");
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal(1.0, rows[0][0].GetDouble());
        Assert.Equal(0.8, rows[0][1].GetDouble(), 12);
        Assert.Equal(-0.3, rows[2][1].GetDouble(), 12);
        Assert.Equal(0, document.RootElement.GetProperty("Problems").GetArrayLength());
    }

    [Fact]
    public void Serialize_SourceGeneratedContext_SameJsonAsDefaultOptions()
    {
        var result = FunctionalConnectivity.Compute(Tv9, new ConnectivityOptions { Estimator = CovarianceEstimator.LedoitWolf });
        var generated = JsonSerializer.Serialize(result, ConnectivityTestJsonContext.Default.ConnectivityResult);
        Assert.Equal(JsonSerializer.Serialize(result), generated);
        using var document = JsonDocument.Parse(generated);
        Assert.Equal(0.504526, document.RootElement.GetProperty("Matrix")[0][1].GetDouble(), 6);
        Assert.Equal(0.369343, document.RootElement.GetProperty("Shrinkage").GetDouble(), 6);

        var lw = FunctionalConnectivity.LedoitWolf(Tv9);
        var lwJson = JsonSerializer.Serialize(lw, ConnectivityTestJsonContext.Default.ShrunkCovariance);
        Assert.Equal(3, JsonDocument.Parse(lwJson).RootElement.GetProperty("Covariance").GetArrayLength());
    }

    [Fact]
    public void Deserialize_DefaultOptions_RestoresMatrix()
    {
        var result = FunctionalConnectivity.Correlation(Tv9);
        var back = JsonSerializer.Deserialize<ConnectivityResult>(JsonSerializer.Serialize(result));
        Assert.NotNull(back);
        Assert.Equal(result.Matrix, back.Matrix);
        Assert.Equal(result.Rois, back.Rois);
    }

    [Fact]
    public void Serialize_FailedResult_MatrixNullWithProblems()
    {
        double[,] constant = { { 1, 2 }, { 1, 3 }, { 1, 4 } };
        var result = FunctionalConnectivity.Correlation(constant);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(result));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("Matrix").ValueKind);
        Assert.Equal("connectivity.constant-series", document.RootElement.GetProperty("Problems")[0].GetProperty("Code").GetString());
    }

    // A non-finite entry is refused, naming it, never written as a made-up number.
    [Fact]
    public void Serialize_NonFiniteEntry_ThrowsNamingTheEntry()
    {
        var z = FisherZ.Transform(FunctionalConnectivity.Correlation(Tv9).Matrix!);
        var withZ = FunctionalConnectivity.Correlation(Tv9) with { Matrix = z };
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(withZ));
        Assert.Contains("[0, 0] is Infinity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsProblemCountAndCodes()
    {
        double[,] constant = { { 1, 2 }, { 1, 3 }, { 1, 4 } };
        var text = FunctionalConnectivity.Correlation(constant).ToString();
        Assert.Contains("Problems = 1 problem (connectivity.constant-series)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RelationalNeuro.Problem[]", text, StringComparison.Ordinal);
    }
}
