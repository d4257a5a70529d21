using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// A QuestionnaireResponse's <c>subject</c> as a FHIR R4 Reference by logical identifier (a study participant known by a
/// code) and/or literal reference: written by <see cref="FhirMapper"/> and read by the official Firely SDK, and written by
/// the Firely SDK and read back by <see cref="FhirMapper.FromQuestionnaireResponseJson"/>.
/// </summary>
public sealed class FhirReferenceTests
{
    private static readonly InstrumentDefinition Who5 = InstrumentCatalog.Get("who-5");
    private static readonly double?[] Answers = [3, 4, 2, 5, 1];

    [Fact]
    public void Write_ByIdentifier_FirelyReadsTheIdentifierAndNoLiteralReference_InvariantsHold()
    {
        var json = FhirMapper.ToQuestionnaireResponseJson(Who5, Answers, null, FhirReference.ToIdentifier("p-017", "https://example.org/study-42/participants"));

        var parsed = FhirJsonDeserializer.STRICT.Deserialize<QuestionnaireResponse>(json);
        Assert.Empty(parsed.Validate());
        Assert.Empty(FhirInvariantTests.Violations(parsed, FhirInvariantTests.ResponseInvariants));
        Assert.Null(parsed.Subject!.Reference);
        Assert.Equal("p-017", parsed.Subject.Identifier!.Value);
        Assert.Equal("https://example.org/study-42/participants", parsed.Subject.Identifier.System);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, parsed.Status);
    }

    [Fact]
    public void Write_ReferenceAndIdentifier_BothWritten_SubjectRightAfterStatus()
    {
        var json = FhirMapper.ToQuestionnaireResponseJson(Who5, Answers, null, new FhirReference("Patient/9", "p-9"));

        var parsed = FhirJsonDeserializer.STRICT.Deserialize<QuestionnaireResponse>(json);
        Assert.Equal("Patient/9", parsed.Subject!.Reference);
        Assert.Equal("p-9", parsed.Subject.Identifier!.Value);
        Assert.Null(parsed.Subject.Identifier.System);
        var names = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.IndexOf("status") + 1, names.IndexOf("subject"));
    }

    [Fact]
    public void Read_ASubjectAndSourceWrittenByFirely_ComeBackAsReferences()
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = FhirMapper.CanonicalUrl(Who5),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference { Identifier = new Identifier("urn:study:7", "A 12") },
            Source = new ResourceReference("RelatedPerson/mother-3"),
            Item = [new QuestionnaireResponse.ItemComponent { LinkId = "who-5-01", Answer = [new() { Value = new Integer(3) }] }],
        };
        var json = new FhirJsonSerializer().SerializeToString(response);

        var read = FhirMapper.FromQuestionnaireResponseJson(Who5, Encoding.UTF8.GetBytes(json));

        Assert.Empty(read.Problems);
        Assert.Equal(new FhirReference(identifierValue: "A 12", identifierSystem: "urn:study:7"), read.Subject);
        Assert.Equal(new FhirReference("RelatedPerson/mother-3"), read.Source);
        Assert.Equal(3.0, read.Answers[0]);
    }

    [Fact]
    public void RoundTrip_TheReferenceWrittenIsTheReferenceRead()
    {
        var subject = new FhirReference("Patient/1", "x-1", "urn:oid:1.2.3");
        var json = FhirMapper.ToQuestionnaireResponseJson(Who5, Answers, null, subject);

        var read = FhirMapper.FromQuestionnaireResponseJson(Who5, Encoding.UTF8.GetBytes(json));

        Assert.Equal(subject, read.Subject);
        Assert.Null(read.Source);
        Assert.Equal(Answers, read.Answers);
    }

    [Theory]
    [InlineData("5", "$.subject")]
    [InlineData("""{ "identifier": "p1" }""", "$.subject.identifier")]
    [InlineData("""{ "identifier": { "value": "" } }""", "$.subject.identifier.value")]
    [InlineData("""{ "identifier": { "value": " p1" } }""", "$.subject.identifier.value")]
    [InlineData("""{ "identifier": { "value": "\uD800" } }""", "$.subject.identifier.value")]
    [InlineData("""{ "reference": 42 }""", "$.subject.reference")]
    public void Read_AnUnusableSubject_IsAWarningAtItsPath_AnswersStillRead(string subject, string location)
    {
        var json = $$"""
            { "resourceType": "QuestionnaireResponse", "status": "completed", "subject": {{subject}},
              "item": [ { "linkId": "who-5-02", "answer": [ { "valueInteger": 4 } ] } ] }
            """;

        var read = FhirMapper.FromQuestionnaireResponseJson(Who5, Encoding.UTF8.GetBytes(json));

        Assert.Null(read.Subject);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("fhir.bad-reference", location, ProblemSeverity.Warning), (problem.Code, problem.Location, problem.Severity));
        Assert.Equal(4.0, read.Answers[1]);
    }

    [Fact]
    public void Read_ABadSystemBesideAGoodValue_KeepsTheValue()
    {
        const string json = """
            { "resourceType": "QuestionnaireResponse", "status": "completed",
              "subject": { "identifier": { "system": [], "value": "p1" } } }
            """;

        var read = FhirMapper.FromQuestionnaireResponseJson(Who5, Encoding.UTF8.GetBytes(json));

        Assert.Equal(FhirReference.ToIdentifier("p1"), read.Subject);
        Assert.Equal(("fhir.bad-reference", "$.subject.identifier.system"), (read.Problems.Single().Code, read.Problems.Single().Location));
    }

    [Theory]
    [InlineData(null, null, null, "reference")]
    [InlineData("", null, null, "reference")]
    [InlineData(null, "p1 ", null, "identifierValue")]
    [InlineData("Patient/1", null, "urn:x", "identifierSystem")]
    [InlineData(null, "p1", "\t", "identifierSystem")]
    public void Constructor_NotAUsableReference_ThrowsNamingTheArgument(string? reference, string? value, string? system, string parameter)
    {
        var thrown = Assert.Throws<ArgumentException>(() => new FhirReference(reference, value, system));

        Assert.Equal(parameter, thrown.ParamName);
    }

    [Fact]
    public void Constructor_ALoneSurrogate_ThrowsNamingTheArgument()
    {
        var lone = new string(['x', '\uDC00']);

        Assert.Equal("identifierValue", Assert.Throws<ArgumentException>(() => FhirReference.ToIdentifier(lone)).ParamName);
        Assert.Equal("x\uD83D\uDE00", new FhirReference(identifierValue: "x\uD83D\uDE00").IdentifierValue); // a pair is fine
    }

    [Fact]
    public void Write_NoSubject_WritesNone_ReadsNone()
    {
        var json = FhirMapper.ToQuestionnaireResponseJson(Who5, Answers);

        Assert.False(System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("subject", out _));
        Assert.Null(FhirMapper.FromQuestionnaireResponseJson(Who5, Encoding.UTF8.GetBytes(json)).Subject);
    }
}
