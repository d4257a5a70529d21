using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>The gallery's client labels on names a file import can bring in, not only what the forms let through.</summary>
public sealed class ClientNamesTests
{
    [Fact]
    public void ChoiceLabels_NamesWithALoneSurrogate_AreLabelledNotThrown()
    {
        // "\uD800" alone is not well-formed UTF-16; string.Normalize throws on it. Two such clients (same name, same day)
        // still get two labels told apart by their ids.
        var day = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Client Make(Guid id) => new() { Id = id, DisplayName = "Sam\uD800", TimeZoneId = "Etc/UTC", CreatedAt = day };
        var a = Make(Guid.Parse("1a2b3c4d-0000-0000-0000-000000000001"));
        var b = Make(Guid.Parse("5e6f7a8b-0000-0000-0000-000000000002"));

        var labels = ClientNames.ChoiceLabels([a, b]);

        Assert.Equal("Sam\uD800 (since 2026-11-23, id 1a2b3c4d)", labels[a.Id]);
        Assert.Equal("Sam\uD800 (since 2026-11-23, id 5e6f7a8b)", labels[b.Id]);
    }
}
