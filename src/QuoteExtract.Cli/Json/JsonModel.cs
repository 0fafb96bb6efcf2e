using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtract.Cli.Json;

// The JSON shapes the tool writes. The --jsonl shape (DocumentJson and what it holds, without the
// members marked "--json only") is a contract other programs read: change it only by adding fields.

/// <summary>A range of the input text: UTF-16 code units, end exclusive.</summary>
internal sealed record SpanJson(int Start, int End);

/// <summary>A quote's speaker: the mention and the name it resolves to.</summary>
internal sealed record SpeakerJson(int Start, int End, string Text, string Name, string Gender)
{
    /// <summary>--json only: one name per speaker.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Names { get; init; }
}

/// <summary>A quote's cue.</summary>
internal sealed record CueJson(int Start, int End, string Text)
{
    /// <summary>--json only: the cue's base form.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lemma { get; init; }
}

/// <summary>A quote; <see cref="Kind"/> is direct, mixed or indirect.</summary>
internal sealed record QuoteJson(
    int Start, int End, string Text, string Kind, IReadOnlyList<SpanJson> Segments, SpeakerJson? Speaker, CueJson? Cue, double Confidence);

/// <summary>An entity mention; <see cref="Type"/> is PER, ORG, LOC or MISC.</summary>
internal sealed record EntityJson(int Start, int End, string Text, string Type, string Name)
{
    /// <summary>--json only: the tagger's confidence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }
}

/// <summary>One output line of --jsonl.</summary>
internal sealed record DocumentJson(string? Id, IReadOnlyList<QuoteJson> Quotes, IReadOnlyList<EntityJson> Entities, IReadOnlyList<PersonJson> People);

/// <summary>A person of the article: <see cref="Gender"/> is female, male or unknown; quoted when they speak at least one quote.</summary>
internal sealed record PersonJson(string Name, string Gender, bool Quoted, int Mentions);

/// <summary>A person, organisation or place with its mentions and the indexes of its quotes.</summary>
internal sealed record GroupJson(string Name, string Type, IReadOnlyList<SpanJson> Mentions, IReadOnlyList<int> Quotes);

/// <summary>A sentence, with the index of its paragraph.</summary>
internal sealed record SentenceJson(int Start, int End, int Paragraph);

/// <summary>A token.</summary>
internal sealed record TokenJson(
    int Start,
    int End,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TokenKind>))] TokenKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TokenTraits>))] TokenTraits Traits);

/// <summary>The whole analysis of a text (--json); <see cref="Boilerplate"/> is <see cref="Analysis.Boilerplate"/>.</summary>
internal sealed record AnalysisJson(
    string Text,
    IReadOnlyList<QuoteJson> Quotes,
    IReadOnlyList<EntityJson> Entities,
    IReadOnlyList<GroupJson> Groups,
    IReadOnlyList<SpanJson> Boilerplate,
    IReadOnlyList<SpanJson> Paragraphs,
    IReadOnlyList<SentenceJson> Sentences,
    IReadOnlyList<TokenJson> Tokens);

/// <summary>One input line of --jsonl. Other members (gold annotations, say) are skipped.</summary>
internal sealed class InputDocument
{
    /// <summary>A string or a number; echoed as a string.</summary>
    public JsonElement? Id { get; set; }

    /// <summary>The text; unpaired surrogate escapes are kept (see <see cref="LenientStringConverter"/>).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Text { get; set; }
}
