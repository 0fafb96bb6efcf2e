using System.IO;
using System.Text.Json;
using QuoteExtract.Cli.Eval;

namespace QuoteExtract.Tests.Cli;

/// <summary>The scorer port's details, without Python (ScorerAgreementTests checks the whole against it).</summary>
public class ScorerTests
{
    [Theory]
    [InlineData(0.0625, "0.062")] // an exact tie: half to even
    [InlineData(0.0005, "0.001")] // just above the tie in binary
    [InlineData(0.1235, "0.123")] // just below the tie in binary
    [InlineData(0.3125, "0.312")]
    [InlineData(0.4445, "0.445")]
    [InlineData(2.0 / 3, "0.667")]
    [InlineData(0.9995, "1.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    public void Rounds_and_prints_like_python(double value, string expected)
    {
        Assert.Equal(expected, PyJson.Round3(value));
    }

    [Fact]
    public void Overlap_needs_half_of_the_longer_span()
    {
        Assert.True(QuoteScorer.Overlaps(new(0, 10), new(5, 20)) is false); // 5 of 15
        Assert.True(QuoteScorer.Overlaps(new(0, 10), new(0, 5)));         // exactly half
        Assert.False(QuoteScorer.Overlaps(new(0, 10), new(0, 4)));
        Assert.False(QuoteScorer.Overlaps(new(0, 10), new(10, 20)));      // touching is not overlapping
    }

    private static GoldSegment Gold(params string[] aliases) => new(new(0, 10), aliases, [new(50, 60)], HasSource: true);

    private static PredictedQuote Said(string? name, string? text, int? start = null, int? end = null) =>
        new(new(0, 10), "direct", null, new PredictedSpeaker(start, end, text, name));

    [Fact]
    public void Speaker_counts_by_overlap_or_alias_but_never_as_a_bare_pronoun()
    {
        Assert.True(QuoteScorer.SpeakerOk(Said(null, "he", 55, 57), Gold("Boris Johnson"))); // overlap first, pronoun or not
        Assert.False(QuoteScorer.SpeakerOk(Said(null, "He"), Gold("Boris Johnson", "he")));
        Assert.True(QuoteScorer.SpeakerOk(Said("Boris\u00a0JOHNSON", "he"), Gold("Boris Johnson")));
        Assert.True(QuoteScorer.SpeakerOk(Said("", "the former Mr Johnson"), Gold("Mr\u00a0Johnson")));
        Assert.False(QuoteScorer.SpeakerOk(Said("Jeremy", "Jeremy", 10, 20), Gold("Boris Johnson")));
        Assert.False(QuoteScorer.SpeakerOk(new PredictedQuote(new(0, 10), null, null, null), Gold("Boris Johnson")));
    }

    [Fact]
    public void Lower_case_follows_python()
    {
        Assert.Equal("i\u0307stanbul", PyText.Lower("İstanbul"));
        Assert.Equal("οδυσσεας σa", PyText.Lower("ΟΔΥΣΣΕΑΣ ΣA"));
        Assert.Equal("éa", PyText.Lower("ÉA"));
        Assert.Equal("x", PyText.Strip("\u001f\u00a0 x\n"));
    }

    [Fact]
    public void Indirect_predictions_score_against_reported_gold_only()
    {
        var gold = new GoldSet([Gold("A")], [Gold("A") with { Span = new(20, 30) }]);
        PredictedQuote[] predictions =
        [
            new(new(20, 30), "indirect", null, null),
            new(new(0, 10), null, [], new PredictedSpeaker(null, null, "A", "A")), // no kind: direct; no segments: the span
            new(new(40, 45), "mixed", null, null),
        ];
        (ScoreCounts quoted, ScoreCounts reported) = QuoteScorer.Score(gold, predictions);
        Assert.Equal(new ScoreCounts(1, 2, 1, 1, 1, 1), quoted);
        Assert.Equal(new ScoreCounts(1, 1, 1, 1, 0, 1), reported);
        Assert.Equal(
            """{"quoted": {"gold": 1, "predicted": 2, "precision": 0.5, "recall": 1.0, "attribution_accuracy": 1.0, "end_to_end_f1": 0.667}, "reported": {"gold": 1, "predicted": 1, "precision": 1.0, "recall": 1.0, "attribution_accuracy": 0.0, "end_to_end_f1": 0.0}}""",
            PyJson.SeedScores(quoted, reported));
    }

    [Fact]
    public void Polnear_gold_takes_quoted_segments_from_double_marks_in_code_points()
    {
        // The emoji is two UTF-16 code units but one code point, as the gold offsets count.
        const string text = "😀 She said the plan “works well” and “a” is fine. “Inside,” he said. Talks went on.";
        int[] cp = CodePointIndexes(text);
        int C(string part) => cp[text.IndexOf(part, StringComparison.Ordinal)];
        string line = JsonSerializer.Serialize(new
        {
            id = 7,
            text,
            attributions = new object[]
            {
                new { source = new[] { new[] { C("She"), C("She") + 3 } }, content = new[] { new[] { C("the plan"), C(" is fine") } } },
                new { source = new[] { new[] { C("he said"), C("he said") + 2 } }, content = new[] { new[] { C("Inside,"), C("Inside,") + 7 } } },
                new { source = (int[][]?)null, content = new[] { new[] { C("Talks"), C("Talks") + 14 } } },
            },
        });
        using JsonDocument doc = JsonDocument.Parse(line);
        PolnearArticle article = PolnearArticle.Parse(doc.RootElement);

        Assert.Equal("7", article.Id);
        Assert.Equal(
            new[] { (C("works"), C("works") + 10), (C("Inside,"), C("Inside,") + 7) },
            article.Gold.Quotes.Select(q => (q.Span.Start, q.Span.End)));
        Assert.Empty(article.Gold.Quotes[0].Aliases); // "She" is a pronoun
        Assert.Equal(new[] { (C("Talks"), C("Talks") + 14) }, article.Gold.Reported.Select(q => (q.Span.Start, q.Span.End)));
        Assert.False(article.Gold.Reported[0].HasSource);
        Assert.Equal(C("works"), article.Utf16ToCodePoint(text.IndexOf("works", StringComparison.Ordinal)));
        Assert.Equal(cp[^1], article.Utf16ToCodePoint(text.Length + 5));
    }

    [Fact]
    public void Eval_names_the_file_and_line_of_malformed_gold()
    {
        string dir = Directory.CreateTempSubdirectory("quote-extract-gold-").FullName;
        try
        {
            string gold = Path.Combine(dir, "gold.jsonl");
            File.WriteAllText(gold, "{\"id\": \"a\", \"text\": \"x\", \"attributions\": []}\n{\"id\": \"b\", \"text\": \"y\", \"attributions\": [{\"content\": [[0, \"z\"]]}]}\n");
            CliResult result = CliHost.Run("eval", "polnear", gold);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"{gold} line 2: ", result.Stderr, StringComparison.Ordinal);

            File.WriteAllText(gold, "{\"quotes\": [{\"start\": 1}]}");
            result = CliHost.Run("eval", "quotes", gold, "-");
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"{gold}: missing \"end\"", result.Stderr, StringComparison.Ordinal);

            result = CliHost.Run("eval", "quotes", Path.Combine(dir, "none.json"), "-");
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("cannot read", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The code-point index of every UTF-16 offset, and the code-point length at the end.</summary>
    internal static int[] CodePointIndexes(string text)
    {
        var map = new int[text.Length + 1];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = n;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                map[++i] = n;
            }

            n++;
        }

        map[text.Length] = n;
        return map;
    }
}
