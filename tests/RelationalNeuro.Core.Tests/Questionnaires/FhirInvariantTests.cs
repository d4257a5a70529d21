using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// The FHIR R4 invariants of <c>Questionnaire</c> (que-0 … que-13), <c>QuestionnaireResponse</c> (qrs-1) and every
/// element (ele-1), evaluated by the official Firely SDK's FHIRPath engine on what <see cref="FhirMapper"/> writes.
/// The expressions are the specification's own (FHIR R4 4.0.1, Questionnaire and QuestionnaireResponse
/// "Constraints" tables); an invariant located on an element is evaluated on every occurrence of it. This is the
/// part of profile validation the SDK can run here: the Firely validator package and the specification package it
/// needs (Firely.Fhir.Validation.R4, Hl7.Fhir.Specification.R4) are not on the package registry served to CI.
/// </summary>
public sealed class FhirInvariantTests
{
    // (key, context, expression): context "" = the resource; otherwise a FHIRPath to the located elements.
    private static readonly (string Key, string Context, string Expression)[] QuestionnaireInvariants =
    [
        ("que-0", "", "name.exists() implies name.matches('[A-Z]([A-Za-z0-9_]){0,254}')"),
        ("que-1", "repeat(item)", "(type='group' implies item.empty().not()) and (type='display' implies item.empty())"),
        ("que-2", "", "descendants().linkId.isDistinct()"),
        ("que-3", "repeat(item)", "type!='display' or code.empty()"),
        ("que-4", "repeat(item)", "answerOption.empty() or answerValueSet.empty()"),
        ("que-5", "repeat(item)", "(type ='choice' or type = 'open-choice' or type = 'decimal' or type = 'integer' or type = 'date' or type = 'dateTime' or type = 'time' or type = 'string' or type = 'quantity') or (answerValueSet.empty() and answerOption.empty())"),
        ("que-6", "repeat(item)", "type!='display' or (required.empty() and repeats.empty())"),
        ("que-7", "repeat(item).enableWhen", "operator = 'exists' implies (answer is Boolean)"),
        ("que-8", "repeat(item)", "(type!='group' and type!='display') or initial.empty()"),
        ("que-9", "repeat(item)", "type!='display' or readOnly.empty()"),
        ("que-10", "repeat(item)", "(type in ('boolean' | 'decimal' | 'integer' | 'string' | 'text' | 'url' | 'open-choice')) or maxLength.empty()"),
        ("que-11", "repeat(item)", "answerOption.empty() or initial.empty()"),
        ("que-12", "repeat(item)", "enableWhen.count() > 2 implies enableBehavior.exists()"),
        ("que-13", "repeat(item)", "repeats=true or initial.count() <= 1"),
        ("ele-1", "descendants()", "hasValue() or (children().count() > id.count())"),
    ];

    internal static readonly (string Key, string Context, string Expression)[] ResponseInvariants =
    [
        ("qrs-1", "repeat(item | answer.item)", "(answer.exists() and item.exists()).not()"),
        ("ele-1", "descendants()", "hasValue() or (children().count() > id.count())"),
    ];

    public static TheoryData<string> InstrumentIds => [.. InstrumentCatalog.Ids];

    [Theory]
    [MemberData(nameof(InstrumentIds))]
    public void ToQuestionnaireJson_EveryCatalogInstrument_MeetsEveryR4Invariant(string id)
    {
        var questionnaire = FhirJsonDeserializer.STRICT.Deserialize<Questionnaire>(FhirMapper.ToQuestionnaireJson(InstrumentCatalog.Get(id)));

        Assert.Empty(Violations(questionnaire, QuestionnaireInvariants));
    }

    [Theory]
    [MemberData(nameof(InstrumentIds))]
    public void ToQuestionnaireResponseJson_EveryCatalogInstrument_MeetsEveryR4Invariant(string id)
    {
        var definition = InstrumentCatalog.Get(id);
        // Every item answered with the scale's lowest value: a complete response the scorer accepts.
        var answers = Enumerable.Repeat((double?)definition.Scale.Min, definition.Items.Length).ToArray();
        var scores = InstrumentCatalog.GetScorer(id).Score(answers);
        var json = FhirMapper.ToQuestionnaireResponseJson(definition, answers, scores, new FhirReference("Patient/example"), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var response = FhirJsonDeserializer.STRICT.Deserialize<QuestionnaireResponse>(json);

        Assert.Empty(Violations(response, ResponseInvariants));
    }

    [Fact]
    public void Violations_QuestionnaireBreakingQue2AndQue0_AreReported()
    {
        // Guards the checks above: the engine does report broken invariants.
        var broken = new Questionnaire
        {
            Name = "not-an-identifier",
            Status = PublicationStatus.Active,
            Item =
            [
                new Questionnaire.ItemComponent { LinkId = "1", Type = Questionnaire.QuestionnaireItemType.Integer },
                new Questionnaire.ItemComponent { LinkId = "1", Type = Questionnaire.QuestionnaireItemType.Display, Required = true },
            ],
        };

        Assert.Equal(["que-0", "que-2", "que-6"], Violations(broken, QuestionnaireInvariants));
    }

    internal static List<string> Violations(Base resource, (string Key, string Context, string Expression)[] invariants)
    {
        var violated = new List<string>();
        foreach (var (key, context, expression) in invariants)
        {
            var holds = context.Length == 0
                ? resource.IsTrue(expression)
                : resource.IsTrue($"{context}.all({expression})");
            if (!holds)
            {
                violated.Add(key);
            }
        }

        return violated;
    }
}
