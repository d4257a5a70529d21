using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>The code block of docs/questionnaires.md "Scoring in four lines", compiled and checked.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void ScoringExample_FromDocs_CompilesAndGivesDocumentedValues()
    {
        var scorer = InstrumentCatalog.GetScorer("pss-10");
        double?[] answers = [2, 1, 2, 3, 3, 1, 3, 3, 2, null];   // item 10 not answered
        ScoreResult result = scorer.Score(answers);
        SubscaleScore total = result["total"];                   // Score 13.333 (12 / 9 × 10), Prorated, 9 of 10 answered
        string fhir = FhirMapper.ToQuestionnaireResponseJson(scorer.Definition, answers, result, new FhirReference("Patient/example"));
        FhirResponseImport back = FhirMapper.FromQuestionnaireResponseJson(scorer.Definition, System.Text.Encoding.UTF8.GetBytes(fhir));

        Assert.Equal(12.0 / 9 * 10, total.Score!.Value, 1e-12);
        Assert.True(total.Prorated);
        Assert.Equal(9, total.ItemsAnswered);
        Assert.Equal(answers, back.Answers);
        Assert.Equal(new FhirReference("Patient/example"), back.Subject);
    }
}
