using System.Collections.Generic;
using System.Linq;

namespace QuoteExtract.Cli.Json;

/// <summary>Turns the library's results into the tool's JSON shapes.</summary>
internal static class AnalysisMapper
{
    /// <summary>One --jsonl output line.</summary>
    public static DocumentJson ToDocument(string? id, Analysis analysis) =>
        ToDocument(id, analysis.Quotes, analysis.Entities, analysis.People);

    /// <summary>One --jsonl output line, from quotes, entities and people however they were made.</summary>
    public static DocumentJson ToDocument(string? id, IReadOnlyList<Quote> quotes, IReadOnlyList<Entity> entities, IReadOnlyList<Person>? people = null) =>
        new(
            id,
            quotes.Select(q => ToJson(q, full: false)).ToArray(),
            entities.Select(e => ToJson(e, full: false)).ToArray(),
            (people ?? []).Select(p => new PersonJson(p.Name, GenderName(p.Gender), p.IsQuoted, p.Mentions.Length)).ToArray());

    /// <summary>The whole analysis (--json).</summary>
    public static AnalysisJson ToJson(Analysis analysis) => new(
        analysis.Text,
        analysis.Quotes.Select(q => ToJson(q, full: true)).ToArray(),
        analysis.Entities.Select(e => ToJson(e, full: true)).ToArray(),
        analysis.Groups.Select(g => new GroupJson(g.Name, g.Type.ToLabel(), g.Mentions.Select(ToJson).ToArray(), g.Quotes)).ToArray(),
        analysis.Boilerplate.Select(ToJson).ToArray(),
        analysis.Paragraphs.Select(p => ToJson(p.Span)).ToArray(),
        analysis.Sentences.Select(s => new SentenceJson(s.Start, s.End, s.Paragraph)).ToArray(),
        analysis.Tokens.Select(t => new TokenJson(t.Start, t.End, t.Kind, t.Traits)).ToArray());

    /// <summary>A quote; <paramref name="full"/> adds the speaker's names and the cue's lemma (--json).</summary>
    public static QuoteJson ToJson(Quote quote, bool full) => new(
        quote.Span.Start,
        quote.Span.End,
        quote.Text,
        KindName(quote.Kind),
        quote.Segments.Select(ToJson).ToArray(),
        quote.Speaker is { } s ? new SpeakerJson(s.Span.Start, s.Span.End, s.Text, s.Name, GenderName(s.Gender)) { Names = full ? s.Names : null } : null,
        quote.Cue is { } c ? new CueJson(c.Span.Start, c.Span.End, c.Text) { Lemma = full ? c.Lemma : null } : null,
        quote.Confidence);

    /// <summary>An entity; <paramref name="full"/> adds the confidence (--json).</summary>
    public static EntityJson ToJson(Entity entity, bool full) =>
        new(entity.Span.Start, entity.Span.End, entity.Text, entity.Type.ToLabel(), entity.Name) { Confidence = full ? entity.Confidence : null };

    public static SpanJson ToJson(TextSpan span) => new(span.Start, span.End);

    /// <summary>The contract's name of a gender: female, male or unknown.</summary>
    public static string GenderName(PersonGender gender) => gender switch
    {
        PersonGender.Female => "female",
        PersonGender.Male => "male",
        _ => "unknown",
    };

    /// <summary>The contract's name of a kind; spelled out so that renaming the enum cannot change the output.</summary>
    public static string KindName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Mixed => "mixed",
        _ => "indirect",
    };
}
