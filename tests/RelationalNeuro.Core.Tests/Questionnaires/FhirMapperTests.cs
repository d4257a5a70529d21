using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// The FHIR R4 output is parsed by the official Firely SDK (Hl7.Fhir.R4 6.8.0) in strict mode, which reports every
/// structural error, and then validated against the SDK's cardinality and type attributes.
/// </summary>
public sealed class FhirMapperTests
{
    public static TheoryData<string> InstrumentIds => [.. InstrumentCatalog.Ids];

    [Theory]
    [MemberData(nameof(InstrumentIds))]
    public void ToQuestionnaireJson_EveryCatalogInstrument_ParsesAndValidatesInFirely(string id)
    {
        var definition = InstrumentCatalog.Get(id);

        var json = FhirMapper.ToQuestionnaireJson(definition);
        var questionnaire = FhirJsonDeserializer.STRICT.Deserialize<Questionnaire>(json);
        Assert.Empty(questionnaire.Validate());

        Assert.Equal(FhirMapper.CanonicalUrl(definition), questionnaire.Url);
        Assert.Equal(definition.Items.Length + definition.Subscales.Length, questionnaire.Item.Count);
        Assert.Equal(PublicationStatus.Active, questionnaire.Status);
        Assert.Equal(definition.Licence.ShipItemWording, questionnaire.Item[0].Text is not null);
    }

    [Fact]
    public void FirelyValidate_QuestionnaireWithoutStatus_ReportsIssue()
    {
        // Guards the check above: the SDK's validation does report a missing mandatory element (status is 1..1).
        var questionnaire = new Questionnaire { Url = "https://example.org/Questionnaire/x" };

        Assert.NotEmpty(questionnaire.Validate());
    }

    [Fact]
    public void ToQuestionnaireJson_Pss10_LoincCodesAndReversedOrdinalWeights()
    {
        var json = FhirMapper.ToQuestionnaireJson(InstrumentCatalog.Get("pss-10"));
        var q = FhirJsonDeserializer.STRICT.Deserialize<Questionnaire>(json);

        Assert.Equal("106875-8", q.Code.Single().Code);
        Assert.Equal("http://loinc.org", q.Code.Single().System);
        Assert.Equal("66830-1", q.Item[9].Code.Single().Code);
        // Item 1 is forward-keyed: "Never" (LA6270-8) weighs 0. Item 4 is reversed: "Never" weighs 4 (research file §1.14).
        var never1 = (Coding)q.Item[0].AnswerOption[0].Value!;
        var never4 = (Coding)q.Item[3].AnswerOption[0].Value!;
        Assert.Equal("LA6270-8", never1.Code);
        Assert.Equal(0m, ((FhirDecimal)never1.GetExtension(FhirMapper.OrdinalValueExtension)!.Value!).Value);
        Assert.Equal(4m, ((FhirDecimal)never4.GetExtension(FhirMapper.OrdinalValueExtension)!.Value!).Value);
        var total = q.Item.Single(i => i.LinkId == "pss-10-score-total");
        Assert.Equal("106860-0", total.Code.Single().Code);
        Assert.True(total.ReadOnly);
        Assert.Equal(Questionnaire.QuestionnaireItemType.Decimal, total.Type);
    }

    [Fact]
    public void QuestionnaireResponse_RoundTrip_SameAnswersAndScores()
    {
        var definition = InstrumentCatalog.Get("pss-10");
        var answers = Answers.Parse("2,1,2,3,3,1,3,3,2,_");
        var scores = InstrumentCatalog.GetScorer("pss-10").Score(answers);

        var json = FhirMapper.ToQuestionnaireResponseJson(definition, answers, scores, new FhirReference("Patient/example"), new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(1)));
        var parsed = FhirJsonDeserializer.STRICT.Deserialize<QuestionnaireResponse>(json);
        Assert.Empty(parsed.Validate());
        var back = FhirMapper.FromQuestionnaireResponseJson(definition, Encoding.UTF8.GetBytes(json));

        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, parsed.Status);
        Assert.Equal("Patient/example", parsed.Subject!.Reference);
        Assert.Equal("2026-11-23T08:30:00+01:00", parsed.Authored);
        var total = parsed.Item.Single(i => i.LinkId == "pss-10-score-total");
        Assert.Equal(13.333333, (double)((FhirDecimal)total.Answer.Single().Value!).Value!.Value, 1e-6); // research file §5
        Assert.Empty(back.Problems);
        Assert.Equal(answers, back.Answers);
        Assert.Equal(scores.Subscales, InstrumentCatalog.GetScorer("pss-10").Score(back.Answers.AsSpan()).Subscales);
    }

    [Fact]
    public void FromQuestionnaireResponseJson_ProblemsReportedNotGuessed()
    {
        const string json = """
            { "resourceType": "QuestionnaireResponse", "questionnaire": "https://example.org/Questionnaire/other", "status": "completed",
              "item": [
                { "linkId": "who-5-01", "answer": [ { "valueInteger": 3 } ] },
                { "linkId": "who-5-02", "answer": [ { "valueInteger": 9 } ] },
                { "linkId": "group", "item": [ { "linkId": "who-5-03", "answer": [ { "valueCoding": { "code": "4" } } ] } ] },
                { "linkId": "who-5-99", "answer": [ { "valueInteger": 1 } ] },
                { "linkId": "who-5-04", "answer": [ { "valueString": "often" } ] }
              ] }
            """;

        var result = FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("who-5"), Encoding.UTF8.GetBytes(json));

        Assert.Equal([3.0, null, 4.0, null, null], result.Answers);
        var found = result.Problems.Select(p => (p.Code, p.Location)).ToHashSet();
        Assert.Contains(("fhir.other-questionnaire", "$.questionnaire"), found);
        Assert.Contains(("fhir.bad-answer", "$.item[1].answer[0]"), found);
        Assert.Contains(("fhir.unknown-item", "$.item[2]"), found);
        Assert.Contains(("fhir.unknown-item", "$.item[3]"), found);
        Assert.Contains(("fhir.bad-answer", "$.item[4].answer[0]"), found);
    }

    [Fact]
    public void FromQuestionnaireResponseJson_NotAResponse_Reported()
    {
        var result = FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("who-5"), """{ "resourceType": "Patient" }"""u8);

        Assert.Equal("fhir.not-a-response", Assert.Single(result.Problems).Code);
        Assert.All(result.Answers, a => Assert.Null(a));
    }

    [Fact]
    public void FromQuestionnaireResponseJson_LoincAnswerCode_MapsToValue()
    {
        const string json = """
            { "resourceType": "QuestionnaireResponse", "status": "completed",
              "item": [ { "linkId": "pss-4-01", "answer": [ { "valueCoding": { "system": "http://loinc.org", "code": "LA16644-9" } } ] } ] }
            """;

        var result = FhirMapper.FromQuestionnaireResponseJson(InstrumentCatalog.Get("pss-4"), Encoding.UTF8.GetBytes(json));

        Assert.Equal(3.0, result.Answers[0]); // LA16644-9 = "Fairly often" = 3 (LOINC LL1625-4, research file §1.14)
        Assert.Empty(result.Problems);
    }
}
