using System.IO;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using QuoteExtract.Cli;

namespace QuoteExtract.Tests.Cli;

/// <summary>The readable output and --json, end to end, with assertions that hold whatever the extractor finds.</summary>
public class TextCommandTests
{
    private static string Sample => CliHost.SampleArticle;

    private const string ShortArticle = "Hi 😀 “We will win,” Jane Smith said.\n\nShe added that the club would appeal.";

    [Fact]
    public void Sample_article_gives_a_title_and_one_block_per_quote()
    {
        CliResult result = CliHost.Run(Sample);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^" + Regex.Escape(Sample) + @": (no|\d+) quotes?$", result.Lines[0]);
        foreach (string line in result.Lines.Skip(1))
        {
            Assert.True(char.IsDigit(line[0]) || line.StartsWith("   ", StringComparison.Ordinal) || line == result.Lines[^1], line);
        }

        Assert.StartsWith("Quotes by gender: ", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Readable_output_gives_kind_speaker_mention_cue_and_each_segment()
    {
        const string text = "“We will win,” Jane Smith said.\n“Then we rest.\n“Later we celebrate.”\nShe said the club would appeal.";
        TextSpan Find(string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);
        Quote[] quotes =
        [
            new()
            {
                Text = "We will win,", Span = Find("We will win,"), Segments = [Find("We will win,")], Kind = QuoteKind.Direct, Confidence = 0.91,
                Speaker = new Speaker { Span = Find("Jane Smith"), Text = "Jane Smith", Name = "Jane Smith", Names = ["Jane Smith"] },
                Cue = new Cue(Find("said"), "said", "say"),
            },
            new()
            {
                Text = "Then we rest.\nLater we celebrate.", Span = TextSpan.FromBounds(Find("Then").Start, Find("celebrate.").End),
                Segments = [Find("Then we rest."), Find("Later we celebrate.")], Kind = QuoteKind.Direct, Confidence = 0.5,
            },
            new()
            {
                Text = "the club would appeal", Span = Find("the club would appeal"), Segments = [Find("the club would appeal")], Kind = QuoteKind.Indirect, Confidence = 0.7,
                Speaker = new Speaker { Span = Find("She"), Text = "She", Name = "Jane Smith", Names = ["Jane Smith"], Gender = PersonGender.Female },
                Cue = new Cue(Find("said the"), "said", "say") with { Span = new TextSpan(Find("said the").Start, 4) },
            },
        ];
        using var output = new StringWriter();
        TextCommands.WriteQuotes("t.txt", text, quotes, output);
        Assert.Equal(
            """
            t.txt: 3 quotes
            1. direct · Jane Smith · cue: said · confidence 0.91
               “We will win,”
            2. direct · speaker unknown · cue: none · confidence 0.50
               “Then we rest.”
               “Later we celebrate.”
            3. indirect · Jane Smith (“She”), female · cue: said · confidence 0.70
               the club would appeal
            Quotes by gender: 1 female (100%), 0 male (0%), 1 unknown, 1 without a speaker

            """.ReplaceLineEndings(output.NewLine),
            output.ToString());
    }

    [Fact]
    public void Standard_input_and_several_files()
    {
        CliResult result = CliHost.RunWithInput(ShortArticle, "-", Sample);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("(standard input): ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n\n" + Sample + ": ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_and_the_others_still_printed()
    {
        CliResult result = CliHost.Run("no-such-article.txt", Sample);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot read 'no-such-article.txt'", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith(Sample + ": ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_the_whole_analysis()
    {
        CliResult result = CliHost.Run("--json", Sample);
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(
            new[] { "text", "quotes", "entities", "groups", "boilerplate", "paragraphs", "sentences", "tokens" },
            root.EnumerateObject().Select(p => p.Name));
        string text = File.ReadAllText(Sample);
        Assert.Equal(text, root.GetProperty("text").GetString());
        Assert.Equal(10, root.GetProperty("paragraphs").GetArrayLength());
        JsonElement first = root.GetProperty("tokens")[0];
        Assert.Equal("Seaside", text[first.GetProperty("start").GetInt32()..first.GetProperty("end").GetInt32()]);
        Assert.Equal("Word", first.GetProperty("kind").GetString());
    }

    [Fact]
    public void Json_gives_the_boilerplate_spans_and_their_names_form_no_group()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("quote-extract-json-").FullName, "byline.txt");
        File.WriteAllText(file, "By Kate Ellis, Political Correspondent\n\nThe harbour will reopen in May, Helen Marsh said on Monday.\n");
        CliResult result = CliHost.Run("--json", file);
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        string text = root.GetProperty("text").GetString()!;
        JsonElement span = Assert.Single(root.GetProperty("boilerplate").EnumerateArray());
        Assert.StartsWith("By Kate Ellis", text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()], StringComparison.Ordinal);
        string[] groups = [.. root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!)];
        Assert.DoesNotContain(groups, g => g.Contains("Ellis", StringComparison.Ordinal));
        Assert.Contains("Helen Marsh", groups);
    }

    /// <summary>
    /// Meaningful once the attributor finds quotes: whatever it returns, its offsets must slice the input
    /// (UTF-16, an emoji before the quote) to the texts it reports.
    /// </summary>
    [Fact]
    public void Returned_quotes_entities_speakers_and_cues_slice_the_input_to_their_text()
    {
        foreach (string text in new[] { ShortArticle, File.ReadAllText(Sample) })
        {
            string line = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "t", ["text"] = text });
            CliResult result = CliHost.RunWithInput(line, "--jsonl");
            Assert.Equal(0, result.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(Assert.Single(result.Lines));
            foreach (JsonElement q in doc.RootElement.GetProperty("quotes").EnumerateArray())
            {
                string[] segments = q.GetProperty("segments").EnumerateArray().Select(s => Slice(text, s)).ToArray();
                Assert.NotEmpty(segments);
                Assert.Equal(q.GetProperty("text").GetString(), segments.Length == 1 ? Slice(text, q) : string.Join("\n", segments));
                Assert.Equal(q.GetProperty("segments")[0].GetProperty("start").GetInt32(), q.GetProperty("start").GetInt32());
                Assert.Equal(q.GetProperty("segments")[segments.Length - 1].GetProperty("end").GetInt32(), q.GetProperty("end").GetInt32());
                Assert.Contains(q.GetProperty("kind").GetString(), new[] { "direct", "mixed", "indirect" });
                foreach (string part in new[] { "speaker", "cue" })
                {
                    if (q.GetProperty(part) is { ValueKind: JsonValueKind.Object } mention)
                    {
                        Assert.Equal(mention.GetProperty("text").GetString(), Slice(text, mention));
                    }
                }
            }

            foreach (JsonElement e in doc.RootElement.GetProperty("entities").EnumerateArray())
            {
                Assert.Equal(e.GetProperty("text").GetString(), Slice(text, e));
                Assert.Contains(e.GetProperty("type").GetString(), new[] { "PER", "ORG", "LOC", "MISC" });
            }
        }

        static string Slice(string text, JsonElement e) => text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()];
    }
}
