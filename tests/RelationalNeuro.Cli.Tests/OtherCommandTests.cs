using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Endocrine;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Cli.Tests;

public sealed class OtherCommandTests
{
    private const string Answers = """
        respondent_id,1,2,3,4,5,6,7,8,9,10
        p01,3,2,4,1,1,3,1,1,2,3
        p02,2,,3,1,9,2,2,2,2,2
        p03,0,0,0,0,0,0,0,0,0,0
        """;

    [Fact]
    public async Task QuestionnaireScore_Csv_EqualsTheScorerAndNamesTheLine()
    {
        using var temp = new TempFolder();
        var input = temp.Write("answers.csv", Answers);
        var run = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-10", input, "-o", temp["s.csv"]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["s.csv"]);
        Assert.Equal(["p01", "p02", "p03"], rows.Select(r => r["respondent_id"]));
        var scorer = InstrumentCatalog.GetScorer("pss-10");
        var expected = scorer.Score([3, 2, 4, 1, 1, 3, 1, 1, 2, 3]);
        Assert.Equal(expected["total"].Score, DuckDb.Number(rows[0]["total_score"]));
        // PSS-10 items 4, 5, 7, 8 are reverse-keyed (0–4): 3+2+4+(4−1)+(4−1)+3+(4−1)+(4−1)+2+3 = 29 (Cohen & Williamson 1988).
        Assert.Equal(29, DuckDb.Number(rows[0]["total_score"]));
        Assert.Equal("true", rows[0]["complete"]);
        Assert.Equal("false", rows[1]["complete"]);
        Assert.Contains("answers.csv:3: error answer.out-of-range", rows[1]["problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionnaireScore_FhirOutThenIn_SameScores()
    {
        using var temp = new TempFolder();
        var input = temp.Write("answers.csv", Answers);
        Directory.CreateDirectory(temp["fhir"]);
        await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-10", input, "-o", temp["a.csv"], "--fhir-out", temp["fhir"]);
        Assert.Equal(3, Directory.GetFiles(temp["fhir"], "*.json").Length);
        Assert.Contains("\"resourceType\": \"QuestionnaireResponse\"", File.ReadAllText(temp["fhir/p01.json"]).Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);

        var back = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-10", temp["fhir"], "-o", temp["b.csv"]);

        Assert.True(back.ExitCode is 0 or 1, back.Error);
        var a = DuckDb.Csv(temp["a.csv"]).ToDictionary(r => r["respondent_id"]!);
        foreach (var row in DuckDb.Csv(temp["b.csv"]).Where(r => r["respondent_id"] is "p01" or "p03"))
        {
            Assert.Equal(a[row["respondent_id"]!]["total_score"], row["total_score"]);
        }
    }

    [Fact]
    public async Task QuestionnaireScore_AFhirFileOf200000RepeatedItems_GivesOneBoundedRow()
    {
        using var temp = new TempFolder();
        // 10 MB of one item repeated: the import lists 100 problems and the total, and the problems cell is built in one
        // pass (its control-character pass went through StringBuilder's chunk-walking indexer: minutes for this file).
        var items = string.Join(',', Enumerable.Repeat("""{"linkId":"pss-4-01","answer":[{"valueInteger":1}]}""", 200_000));
        var input = temp.Write("r01.json", $$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{{items}}]}""");
        var run = RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["s.csv"]);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));

        Assert.Equal(1, (await run).ExitCode);
        var row = Assert.Single(DuckDb.Csv(temp["s.csv"]));
        Assert.Equal("102", row["problem_count"]); // 100 listed duplicates, the fhir.more-problems total, score.too-many-missing
        Assert.Contains("error fhir.more-problems: 199999 problems in total; the first 100 are listed.", row["problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionnaireScore_GarbageAndUnknownInstrument_Exit2NamingTheFile()
    {
        using var temp = new TempFolder();
        var garbage = temp.Write("garbage.csv", "\u0001\u0002binary;;;\n\u00ff\n");
        var run = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-10", garbage);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("garbage.csv:1: no column 'respondent_id'", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await RnRunner.InProcessAsync("questionnaire", "score", "-i", "nope", garbage)).ExitCode);
    }

    [Fact]
    public async Task CortisolProfile_EqualsTheLibraryPerParticipantDay()
    {
        using var temp = new TempFolder();
        var input = temp.Write("samples.csv", """
            participant_id,day,minutes_after_waking,cortisol
            p01,1,0,12.1
            p01,1,15,16.4
            p01,1,30,18.0
            p01,1,45,14.2
            p01,2,0,10
            p01,2,15,abc
            p01,2,30,14
            p01,2,45,12
            """);
        var run = await RnRunner.InProcessAsync("cortisol", "profile", input, "-o", temp["car.csv"]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["car.csv"]);
        Assert.Equal(2, rows.Count);
        var expected = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [12.1, 16.4, 18.0, 14.2]);
        Assert.Equal(expected.AucgNmolMinPerL, DuckDb.Number(rows[0]["aucg_nmol_min_l"]));
        Assert.Equal(expected.AuciNmolMinPerL, DuckDb.Number(rows[0]["auci_nmol_min_l"]));
        // Trapezoid (Pruessner et al. 2003): 15·(12.1+16.4)/2 + 15·(16.4+18.0)/2 + 15·(18.0+14.2)/2 = 713.25; AUCi = 713.25 − 45·12.1 = 168.75.
        Assert.Equal(713.25, DuckDb.Number(rows[0]["aucg_nmol_min_l"])!.Value, 9);
        Assert.Equal(168.75, DuckDb.Number(rows[0]["auci_nmol_min_l"])!.Value, 9);
        Assert.Equal("true", rows[0]["compliant"]);
        Assert.Contains("samples.csv:7: error cli.unparsable-number", rows[1]["problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_JacobsonTruaxWorkedValues()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\np02,10,12\np03,10,\n");
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "--cutoff", "15", "-o", temp["c.csv"]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["c.csv"]);
        // SE = 5·√0.2 = 2.236068; S_diff = √2·SE = 3.162278 (the R package clinicalsignificance's unit test value).
        Assert.Equal(3.162278, DuckDb.Number(rows[0]["se_difference"])!.Value, 6);
        Assert.Equal(8 / 3.1622776601683795, DuckDb.Number(rows[0]["rci"])!.Value, 12);
        Assert.Equal("reliable-improvement", rows[0]["outcome"]);
        Assert.Equal("recovered", rows[0]["category"]);
        Assert.Equal("no-reliable-change", rows[1]["outcome"]);
        var library = ReliableChange.Compute(10, 12, 0.8, 5, ChangeDirection.HigherIsBetter);
        Assert.Equal(library.Index, DuckDb.Number(rows[1]["rci"]));
        Assert.Contains("scores.csv:4: error cli.missing-score", rows[2]["problems"], StringComparison.Ordinal);
        Assert.Equal(2, (await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "1.5", "--sd", "5")).ExitCode);
    }

    [Fact]
    public async Task QuestionnaireScore_RepeatedAndBlankIds_AreWarnedOnTheirRows_AndNoFhirFileReplacesAnother()
    {
        using var temp = new TempFolder();
        // p01 twice, P01 (another id, the same file name on a file system that ignores case), a blank id.
        var input = temp.Write("answers.csv", "respondent_id,1,2,3,4\np01,3,2,4,1\nP01,2,1,3,1\np01,1,1,1,1\n,0,0,0,0\n");
        Directory.CreateDirectory(temp["fhir"]);
        var run = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["s.csv"], "--fhir-out", temp["fhir"]);

        Assert.Equal(1, run.ExitCode); // warnings are problems for the exit code
        var rows = DuckDb.Csv(temp["s.csv"]);
        Assert.Equal(["p01", "P01", "p01", ""], rows.Select(r => r["respondent_id"] ?? ""));
        Assert.Equal(["0", "0", "1", "1"], rows.Select(r => r["problem_count"]));
        Assert.Contains("answers.csv:4: warning cli.duplicate-id: 'p01' is also on line 2", rows[2]["problems"], StringComparison.Ordinal);
        Assert.Contains("answers.csv:5: warning cli.missing-id", rows[3]["problems"], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal("true", r["complete"])); // every row is still scored
        // PSS-4 items 2 and 3 are reverse-keyed (0–4): p01 = 3 + (4−2) + (4−4) + 1 = 6; its second row 1 + 3 + 3 + 1 = 8.
        Assert.Equal([6d, 8d], new[] { rows[0], rows[2] }.Select(r => DuckDb.Number(r["total_score"])!.Value));

        // Four rows, four files: before, the second p01 replaced the first (and P01 did on a case-insensitive file system).
        var files = Directory.GetFiles(temp["fhir"], "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["line_5.json", "p01-2.json", "p01-3.json", "p01.json"], files);
    }

    [Fact]
    public async Task QuestionnaireScore_FhirFilesOfARepeatedId_ReadBackWithTheIdNotTheFileName()
    {
        using var temp = new TempFolder();
        // p01 answered twice (two waves in one export): written as p01.json and p01-2.json.
        var input = temp.Write("answers.csv", "respondent_id,1,2,3,4\np01,3,2,4,1\np01,1,1,1,1\n");
        Directory.CreateDirectory(temp["fhir"]);
        await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["a.csv"], "--fhir-out", temp["fhir"]);
        Assert.True(File.Exists(temp["fhir/p01-2.json"]));

        var back = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", temp["fhir/p01.json"], temp["fhir/p01-2.json"], "-o", temp["b.csv"]);

        // Before: the second came back as respondent 'p01-2', an id nobody has.
        Assert.True(back.ExitCode is 0 or 1, back.Error);
        var rows = DuckDb.Csv(temp["b.csv"]);
        Assert.Equal(["p01", "p01"], rows.Select(r => r["respondent_id"]));
        // Inputs are read in ordinal order of their names ('-' before '.'): p01-2.json (the second row), then p01.json.
        // PSS-4 items 2 and 3 are reverse-keyed (0–4): 1 + 3 + 3 + 1 = 8; 3 + (4−2) + (4−4) + 1 = 6.
        Assert.Equal([8d, 6d], rows.Select(r => DuckDb.Number(r["total_score"])!.Value));
    }

    [Fact]
    public async Task QuestionnaireScore_FhirResponseWithASubjectReference_TheReferenceIsTheId_WithoutOneTheFileName()
    {
        using var temp = new TempFolder();
        const string Items = "\"item\": [] }";
        temp.Write("export-0001.json", """{ "resourceType": "QuestionnaireResponse", "status": "completed", "subject": { "reference": "Patient/123" }, """ + Items);
        temp.Write("export-0002.json", """{ "resourceType": "QuestionnaireResponse", "status": "completed", "source": { "identifier": { "value": "s-77" } }, """ + Items);
        temp.Write("p09.json", """{ "resourceType": "QuestionnaireResponse", "status": "completed", """ + Items);

        await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", temp.Path, "-o", temp["s.csv"]);

        Assert.Equal(["Patient/123", "s-77", "p09"], DuckDb.Csv(temp["s.csv"]).Select(r => r["respondent_id"]));
    }

    [Fact]
    public async Task QuestionnaireScore_AnUnusableSubjectId_IsWarnedAndTheFileNameIsTheId_APaddedCsvIdIsWrittenTrimmed()
    {
        using var temp = new TempFolder();
        temp.Write("q/export-7.json", """{ "resourceType": "QuestionnaireResponse", "status": "completed", "subject": { "identifier": { "value": "  " } }, "item": [] }""");
        var csv = temp.Write("wave.csv", "respondent_id,1,2,3,4\n\" p02 \",3,2,4,1\n");
        Directory.CreateDirectory(temp["out"]);

        var fromFhir = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", temp["q"], "-o", temp["f.csv"]);
        var fromCsv = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", csv, "-o", temp["c.csv"], "--fhir-out", temp["out"]);

        Assert.Equal(1, fromFhir.ExitCode);
        var row = Assert.Single(DuckDb.Csv(temp["f.csv"]));
        Assert.Equal("export-7", row["respondent_id"]);
        Assert.Contains("fhir.bad-reference", row["problems"], StringComparison.Ordinal);
        Assert.Contains("$.subject.identifier.value", row["problems"], StringComparison.Ordinal);
        Assert.True(fromCsv.ExitCode == 0, fromCsv.Error);
        using var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(temp["out"]))));
        Assert.Equal("p02", written.RootElement.GetProperty("subject").GetProperty("identifier").GetProperty("value").GetString());
    }

    [Fact]
    public async Task QuestionnaireScore_FhirOutIntoAFolderWithThoseFiles_RefusesBeforeWritingAnything_UnlessOverwrite()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["fhir"]);
        var wave1 = temp.Write("wave1.csv", "respondent_id,1,2,3,4\np01,3,2,4,1\n");
        var wave2 = temp.Write("wave2.csv", "respondent_id,1,2,3,4\np01,0,0,0,0\n");
        Assert.Equal(0, (await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", wave1, "-o", temp["w1.csv"], "--fhir-out", temp["fhir"])).ExitCode);
        var first = File.ReadAllText(temp["fhir/p01.json"]);

        var refused = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", wave2, "-o", temp["w2.csv"], "--fhir-out", temp["fhir"]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("1 of the 1 files exist already (p01.json first); give --overwrite", refused.Error, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(temp["fhir/p01.json"])); // wave 1's file kept
        Assert.False(File.Exists(temp["w2.csv"]));                     // and no table written either

        var replaced = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", wave2, "-o", temp["w2.csv"], "--fhir-out", temp["fhir"], "--overwrite");
        Assert.Equal(0, replaced.ExitCode);
        Assert.NotEqual(first, File.ReadAllText(temp["fhir/p01.json"]));
    }

    [Fact]
    public async Task ChangeRci_RepeatedId_IsWarnedOnTheLaterRow()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\np02,10,12\np01,11,19\n");
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", temp["c.csv"]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["c.csv"]);
        Assert.Equal(["0", "0", "1"], rows.Select(r => r["problem_count"]));
        Assert.Contains("scores.csv:4: warning cli.duplicate-id: 'p01' is also on line 2", rows[2]["problems"], StringComparison.Ordinal);
        Assert.Equal(8 / 3.1622776601683795, DuckDb.Number(rows[2]["rci"])!.Value, 12); // still computed
    }

    [Fact]
    public async Task Commands_UnderGermanCulture_WriteInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            using var temp = new TempFolder();
            var input = temp.Write("scores.csv", "id,pre,post\np01,10.5,18\n");
            var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5");
            Assert.Contains("p01,10.5,18,7.5,", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
