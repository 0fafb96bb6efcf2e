using System.Collections.Immutable;
using System.Text.Json;
using QuoteExtract.Cli;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// The --jsonl output contract, on quotes and entities built by hand: it must not wait for the attributor and
/// the tagger to find anything, and it must not change when they do.
/// </summary>
public class JsonContractTests
{
    // "Hi 😀 " is 6 UTF-16 code units but 5 code points: the quote starts at 7 in UTF-16, at 6 in code points.
    private const string Text = "Hi 😀 “We will win,” Jane Smith said. Critics said it was ‘naïve’.";

    private static TextSpan Find(string part, int from = 0) => new(Text.IndexOf(part, from, StringComparison.Ordinal), part.Length);

    private static Quote DirectQuote() => new()
    {
        Text = "We will win,",
        Span = Find("We will win,"),
        Segments = [Find("We will win,")],
        Kind = QuoteKind.Direct,
        Speaker = new Speaker { Span = Find("Jane Smith"), Text = "Jane Smith", Name = "Jane Smith", Names = ["Jane Smith"] },
        Cue = new Cue(Find("said"), "said", "say"),
        Confidence = 0.9,
    };

    private static Quote MixedQuoteWithoutSpeaker() => new()
    {
        Text = "naïve",
        Span = Find("naïve"),
        Segments = [Find("naïve")],
        Kind = QuoteKind.Mixed,
        Confidence = 0.5,
    };

    private static Entity Person() => new() { Span = Find("Jane Smith"), Text = "Jane Smith", Type = EntityType.Person, Name = "Jane Smith", Confidence = 0.8 };

    private static string Line(string? id, Quote[] quotes, Entity[] entities) =>
        JsonLinesCommand.ToJsonLine(AnalysisMapper.ToDocument(id, quotes, entities));

    [Fact]
    public void Line_has_the_contract_fields_in_order_with_utf16_offsets()
    {
        Assert.Equal(7, Text.IndexOf("We", StringComparison.Ordinal)); // the emoji counts two
        Assert.Equal(
            """{"id":"a1","quotes":[{"start":7,"end":19,"text":"We will win,","kind":"direct","segments":[{"start":7,"end":19}],"speaker":{"start":21,"end":31,"text":"Jane Smith","name":"Jane Smith","gender":"unknown"},"cue":{"start":32,"end":36,"text":"said"},"confidence":0.9}],"entities":[{"start":21,"end":31,"text":"Jane Smith","type":"PER","name":"Jane Smith"}],"people":[]}""",
            Line("a1", [DirectQuote()], [Person()]));
    }

    [Fact]
    public void Missing_speaker_and_cue_are_null_not_absent()
    {
        using JsonDocument doc = JsonDocument.Parse(Line("x", [MixedQuoteWithoutSpeaker()], []));
        JsonElement quote = doc.RootElement.GetProperty("quotes")[0];
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("speaker").ValueKind);
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("cue").ValueKind);
        Assert.Equal("mixed", quote.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData(QuoteKind.Direct, "direct")]
    [InlineData(QuoteKind.Mixed, "mixed")]
    [InlineData(QuoteKind.Indirect, "indirect")]
    public void Kinds_are_lower_case(QuoteKind kind, string expected)
    {
        using JsonDocument doc = JsonDocument.Parse(Line("x", [DirectQuote() with { Kind = kind }], []));
        Assert.Equal(expected, doc.RootElement.GetProperty("quotes")[0].GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData(EntityType.Person, "PER")]
    [InlineData(EntityType.Organization, "ORG")]
    [InlineData(EntityType.Location, "LOC")]
    [InlineData(EntityType.Miscellaneous, "MISC")]
    public void Entity_types_are_conll_labels(EntityType type, string expected)
    {
        using JsonDocument doc = JsonDocument.Parse(Line("x", [], [Person() with { Type = type }]));
        Assert.Equal(expected, doc.RootElement.GetProperty("entities")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Offsets_slice_the_input_text_in_utf16()
    {
        using JsonDocument doc = JsonDocument.Parse(Line("x", [DirectQuote(), MixedQuoteWithoutSpeaker()], [Person()]));
        foreach (JsonElement q in doc.RootElement.GetProperty("quotes").EnumerateArray())
        {
            Assert.Equal(q.GetProperty("text").GetString(), Slice(q));
            foreach (JsonElement s in q.GetProperty("segments").EnumerateArray())
            {
                Assert.Equal(q.GetProperty("text").GetString(), Slice(s));
            }
        }

        JsonElement speaker = doc.RootElement.GetProperty("quotes")[0].GetProperty("speaker");
        Assert.Equal("Jane Smith", Slice(speaker));
        Assert.Equal("said", Slice(doc.RootElement.GetProperty("quotes")[0].GetProperty("cue")));
        Assert.Equal("Jane Smith", Slice(doc.RootElement.GetProperty("entities")[0]));

        static string Slice(JsonElement e) => Text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()];
    }

    [Fact]
    public void Non_ascii_is_written_as_is_and_only_json_specials_are_escaped()
    {
        Quote quote = MixedQuoteWithoutSpeaker() with { Text = "naïve 😀 “x” \u00a0<&> \"q\" back\\slash\nline\u0001" };
        string line = Line("é", [quote], []);
        Assert.Contains("naïve 😀 “x” \u00a0<&> \\\"q\\\" back\\\\slash\\nline\\u0001", line, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"é\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        using JsonDocument doc = JsonDocument.Parse(line);
        Assert.Equal(quote.Text, doc.RootElement.GetProperty("quotes")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Multi_segment_quote_lists_every_segment()
    {
        TextSpan first = Find("We will win,");
        TextSpan second = Find("naïve");
        Quote quote = DirectQuote() with { Span = TextSpan.FromBounds(first.Start, second.End), Segments = [first, second], Text = "We will win,\nnaïve" };
        using JsonDocument doc = JsonDocument.Parse(Line("x", [quote], []));
        JsonElement q = doc.RootElement.GetProperty("quotes")[0];
        Assert.Equal(first.Start, q.GetProperty("start").GetInt32());
        Assert.Equal(second.End, q.GetProperty("end").GetInt32());
        Assert.Equal(
            new[] { (first.Start, first.End), (second.Start, second.End) },
            q.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())));
    }

    [Fact]
    public void Null_id_is_written_as_null()
    {
        Assert.Equal("""{"id":null,"quotes":[],"entities":[],"people":[]}""", Line(null, [], []));
    }

    [Fact]
    public void Full_json_adds_speaker_names_cue_lemma_and_entity_confidence()
    {
        QuoteJson quote = AnalysisMapper.ToJson(DirectQuote(), full: true);
        Assert.Equal(ImmutableArray.Create("Jane Smith"), quote.Speaker!.Names);
        Assert.Equal("say", quote.Cue!.Lemma);
        Assert.Equal(0.8, AnalysisMapper.ToJson(Person(), full: true).Confidence);
        Assert.Null(AnalysisMapper.ToJson(DirectQuote(), full: false).Speaker!.Names);
    }
}
