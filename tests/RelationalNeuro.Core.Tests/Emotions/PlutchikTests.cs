using RelationalNeuro.Emotions;

namespace RelationalNeuro.Tests.Emotions;

// Expected values: research notes feelings-wheel-interventions.md §A.3 (table of primaries, intensities, opposites,
// primary dyads, and the four secondary/tertiary dyads it lists).
public sealed class PlutchikTests
{
    [Theory]
    [InlineData(PlutchikPrimary.Joy, "serenity", "ecstasy", PlutchikPrimary.Sadness)]
    [InlineData(PlutchikPrimary.Trust, "acceptance", "admiration", PlutchikPrimary.Disgust)]
    [InlineData(PlutchikPrimary.Fear, "apprehension", "terror", PlutchikPrimary.Anger)]
    [InlineData(PlutchikPrimary.Surprise, "distraction", "amazement", PlutchikPrimary.Anticipation)]
    [InlineData(PlutchikPrimary.Sadness, "pensiveness", "grief", PlutchikPrimary.Joy)]
    [InlineData(PlutchikPrimary.Disgust, "boredom", "loathing", PlutchikPrimary.Trust)]
    [InlineData(PlutchikPrimary.Anger, "annoyance", "rage", PlutchikPrimary.Fear)]
    [InlineData(PlutchikPrimary.Anticipation, "interest", "vigilance", PlutchikPrimary.Surprise)]
    public void NameAndOpposite_EachPrimary_MatchTheTable(PlutchikPrimary primary, string mild, string intense, PlutchikPrimary opposite)
    {
        Assert.Equal(mild, Plutchik.Name(primary, PlutchikIntensity.Mild));
        Assert.Equal(intense, Plutchik.Name(primary, PlutchikIntensity.Intense));
        Assert.Equal(opposite, Plutchik.Opposite(primary));
    }

    [Theory]
    [InlineData(PlutchikPrimary.Joy, PlutchikPrimary.Trust, "love", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Trust, PlutchikPrimary.Fear, "submission", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Fear, PlutchikPrimary.Surprise, "awe", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Surprise, PlutchikPrimary.Sadness, "disapproval", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Sadness, PlutchikPrimary.Disgust, "remorse", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Disgust, PlutchikPrimary.Anger, "contempt", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Anger, PlutchikPrimary.Anticipation, "aggressiveness", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Anticipation, PlutchikPrimary.Joy, "optimism", PlutchikDyadKind.Primary)]
    [InlineData(PlutchikPrimary.Sadness, PlutchikPrimary.Anger, "envy", PlutchikDyadKind.Secondary)]
    [InlineData(PlutchikPrimary.Anticipation, PlutchikPrimary.Trust, "hope", PlutchikDyadKind.Secondary)]
    [InlineData(PlutchikPrimary.Fear, PlutchikPrimary.Disgust, "shame", PlutchikDyadKind.Tertiary)]
    [InlineData(PlutchikPrimary.Anticipation, PlutchikPrimary.Fear, "anxiety", PlutchikDyadKind.Tertiary)]
    public void Dyad_EitherOrder_MatchesTheTable(PlutchikPrimary a, PlutchikPrimary b, string name, PlutchikDyadKind kind)
    {
        Assert.Equal((name, kind), (Plutchik.Dyad(a, b)!.Value.Name, Plutchik.Dyad(a, b)!.Value.Kind));
        Assert.Equal(name, Plutchik.Dyad(b, a)!.Value.Name);
    }

    [Fact]
    public void Dyads_EveryNonOppositePair_ExactlyOnceWithKindEqualToWheelDistance()
    {
        Assert.Equal(24, Plutchik.Dyads.Count);
        foreach (var d in Plutchik.Dyads)
        {
            var distance = Math.Abs((int)d.First - (int)d.Second);
            Assert.Equal((int)d.Kind, Math.Min(distance, 8 - distance));
        }

        Assert.Equal(24, Plutchik.Dyads.Select(d => (Math.Min((int)d.First, (int)d.Second), Math.Max((int)d.First, (int)d.Second))).Distinct().Count());
        Assert.Null(Plutchik.Dyad(PlutchikPrimary.Joy, PlutchikPrimary.Sadness));
        Assert.Null(Plutchik.Dyad(PlutchikPrimary.Fear, PlutchikPrimary.Fear));
    }

    [Fact]
    public void Name_UndefinedPrimary_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Plutchik.Name((PlutchikPrimary)9, PlutchikIntensity.Basic));
        Assert.Equal("primary", ex.ParamName);
    }
}
