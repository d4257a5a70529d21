using System.Text;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>Issue #13, defect 4: every malformed QuestionnaireResponse shape is a problem at its JSON path; nothing throws, nothing is dropped.</summary>
public sealed class FhirResponseImportHardeningTests
{
    private static FhirResponseImport Import(string json) =>
        FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("who-5"), Encoding.UTF8.GetBytes(json));

    private static string Response(string items) =>
        $$"""{ "resourceType": "QuestionnaireResponse", "status": "completed", "item": {{items}} }""";

    [Theory]
    [InlineData("[1]", "fhir.bad-structure", "$.item[0]")]
    [InlineData("[null]", "fhir.bad-structure", "$.item[0]")]
    [InlineData("{}", "fhir.bad-structure", "$.item")]
    [InlineData("""[ { "linkId": "who-5-01", "answer": [3] } ]""", "fhir.bad-structure", "$.item[0].answer[0]")]
    [InlineData("""[ { "linkId": "who-5-01", "answer": [null] } ]""", "fhir.bad-structure", "$.item[0].answer[0]")]
    [InlineData("""[ { "linkId": "who-5-01", "answer": [ { "valueCoding": "2" } ] } ]""", "fhir.bad-structure", "$.item[0].answer[0].valueCoding")]
    [InlineData("""[ { "linkId": "who-5-01", "answer": [ { "valueInteger": "2" } ] } ]""", "fhir.bad-structure", "$.item[0].answer[0].valueInteger")]
    [InlineData("""[ { "linkId": "who-5-01", "answer": { "valueInteger": 2 } } ]""", "fhir.bad-structure", "$.item[0].answer")]
    [InlineData("""[ { "linkId": 1, "answer": [ { "valueInteger": 2 } ] } ]""", "fhir.bad-structure", "$.item[0].linkId")]
    [InlineData("""[ { "answer": [ { "valueInteger": 2 } ] } ]""", "fhir.missing-link-id", "$.item[0].linkId")]
    [InlineData("""[ { "linkId": "g", "item": { "linkId": "who-5-01" } } ]""", "fhir.bad-structure", "$.item[0].item")]
    public void FromQuestionnaireResponseJson_MalformedShape_IsAProblemAtItsPath(string items, string code, string path)
    {
        var result = Import(Response(items));

        Assert.Contains(result.Problems, p => p.Code == code && p.Location == path);
        Assert.All(result.Answers, a => Assert.Null(a));
    }

    [Fact]
    public void FromQuestionnaireResponseJson_ManyRepeatedItems_ListTheFirst100AndTheTotal()
    {
        // 500 copies of item 1: the first is read, the 499 others are each fhir.duplicate-item (and the answer is dropped).
        var items = "[" + string.Join(',', Enumerable.Repeat("""{ "linkId": "who-5-01", "answer": [ { "valueInteger": 2 } ] }""", 500)) + "]";
        var result = Import(Response(items));

        Assert.Equal(FhirMapper.MaxListedImportProblems + 1, result.Problems.Count);
        Assert.All(result.Problems.Take(100), p => Assert.Equal("fhir.duplicate-item", p.Code));
        Assert.Equal("$.item[100]", result.Problems[99].Location);
        var summary = result.Problems[^1];
        Assert.Equal(("fhir.more-problems", ProblemSeverity.Error), (summary.Code, summary.Severity));
        Assert.Equal("499 problems in total; the first 100 are listed.", summary.Message);
        Assert.Null(result.Answers[0]);
    }

    [Fact]
    public void FromQuestionnaireResponseJson_TrailingGarbage_IsInvalidJson()
    {
        var result = Import(Response("""[ { "linkId": "who-5-01", "answer": [ { "valueInteger": 2 } ] } ]""") + " }garbage");

        Assert.Equal(("fhir.invalid-json", "$"), (Assert.Single(result.Problems).Code, result.Problems[0].Location));
        Assert.All(result.Answers, a => Assert.Null(a));
    }

    [Fact]
    public void FromQuestionnaireResponseJson_SecondValueAfterTheResource_IsInvalidJson()
    {
        var result = Import(Response("[]") + " {}");

        Assert.Equal("fhir.invalid-json", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void FromQuestionnaireResponseJson_TrailingWhiteSpace_IsFine()
    {
        var result = Import(Response("""[ { "linkId": "who-5-01", "answer": [ { "valueInteger": 2 } ] } ]""") + " \n\t ");

        Assert.Empty(result.Problems);
        Assert.Equal(2.0, result.Answers[0]);
    }

    [Fact]
    public void FromQuestionnaireResponseJson_InvalidUtf8InAString_IsInvalidJson()
    {
        // Found by the fuzz suite (seed 13, iteration 1264): a flipped bit inside a linkId threw InvalidOperationException.
        var bytes = Encoding.UTF8.GetBytes(Response("""[ { "linkId": "who-5-01", "answer": [ { "valueInteger": 2 } ] } ]"""));
        var at = Array.IndexOf(bytes, (byte)'w');
        bytes[at] = 0xC3;

        var result = FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("who-5"), bytes);

        Assert.Equal(("fhir.invalid-json", "$"), (Assert.Single(result.Problems).Code, result.Problems[0].Location));
    }

    [Fact]
    public void FromQuestionnaireResponseJson_LoneSurrogateEscapeInLinkId_IsAProblemAtThePath()
    {
        var result = Import(Response("""[ { "linkId": "who-5-\uD800", "answer": [ { "valueInteger": 2 } ] } ]"""));

        Assert.Contains(result.Problems, p => p.Code == "fhir.bad-structure" && p.Location == "$.item[0].linkId");
    }
}
