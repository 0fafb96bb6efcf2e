using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using QuoteExtract.Entities;

namespace QuoteExtract.Training;

/// <summary>A gold entity: type and token range [Start, End).</summary>
internal readonly record struct GoldSpan(EntityType Type, int Start, int End);

/// <summary>
/// One document of an IOB2 file laid out as <c>score_ner.py make-input</c> lays it out: tokens joined by
/// spaces, one sentence per line. Keeps the gold tokens, sentences and entity spans.
/// </summary>
internal sealed class IobDocument
{
    public required string Corpus { get; init; }

    public required string Text { get; init; }

    public required Token[] Tokens { get; init; }

    public required Sentence[] Sentences { get; init; }

    /// <summary>Per token: entity type or null.</summary>
    public required EntityType?[] Types { get; init; }

    /// <summary>Per token: true where an entity begins (B-, or an I- that changes type or follows O).</summary>
    public required bool[] Begins { get; init; }

    public required List<GoldSpan> Gold { get; init; }

    /// <summary>Gold labels in a scheme.</summary>
    public byte[] Labels(NerLabels labels)
    {
        var result = new byte[Tokens.Length];
        foreach (Sentence s in Sentences)
        {
            labels.Encode(Types.AsSpan(s.FirstToken, s.TokenCount), Begins.AsSpan(s.FirstToken, s.TokenCount), result.AsSpan(s.FirstToken, s.TokenCount));
        }

        return result;
    }
}

/// <summary>Reads IOB2 files: token TAB tag, blank lines between sentences, -DOCSTART- lines between documents.</summary>
internal static class IobReader
{
    public static List<IobDocument> Read(string path, string corpus)
    {
        var docs = new List<IobDocument>();
        var doc = new List<List<(string Token, string Tag)>>();
        var sentence = new List<(string Token, string Tag)>();
        foreach (string raw in File.ReadLines(path, Encoding.UTF8))
        {
            string line = raw.TrimEnd('\n', '\r');
            if (line.Length == 0)
            {
                if (sentence.Count > 0)
                {
                    doc.Add(sentence);
                    sentence = [];
                }

                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new InvalidDataException($"{path}: line without a tab: '{line}'.");
            }

            string token = line[..tab];
            string tag = line[(tab + 1)..];
            if (token == "-DOCSTART-")
            {
                if (sentence.Count > 0)
                {
                    doc.Add(sentence);
                    sentence = [];
                }

                if (doc.Count > 0)
                {
                    docs.Add(Layout(doc, corpus));
                }

                doc = [];
                continue;
            }

            sentence.Add((token, tag));
        }

        if (sentence.Count > 0)
        {
            doc.Add(sentence);
        }

        if (doc.Count > 0)
        {
            docs.Add(Layout(doc, corpus));
        }

        return docs;
    }

    private static IobDocument Layout(List<List<(string Token, string Tag)>> doc, string corpus)
    {
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        var types = new List<EntityType?>();
        var begins = new List<bool>();
        var gold = new List<GoldSpan>();
        foreach (List<(string Token, string Tag)> sent in doc)
        {
            int first = tokens.Count;
            int start = text.Length;
            (EntityType Type, int Start)? current = null;
            for (int i = 0; i < sent.Count; i++)
            {
                (string tok, string tag) = sent[i];
                if (i > 0)
                {
                    text.Append(' ');
                }

                tokens.Add(GoldToken(text.Length, tok));
                text.Append(tok);
                EntityType? type = tag == "O" ? null : ParseType(tag[2..]);
                bool begin = tag.StartsWith("B-", StringComparison.Ordinal)
                    || (type is not null && (current is null || current.Value.Type != type));
                if (tag == "O" || begin)
                {
                    if (current is not null)
                    {
                        gold.Add(new GoldSpan(current.Value.Type, current.Value.Start, tokens.Count - 1));
                        current = null;
                    }

                    if (type is not null)
                    {
                        current = (type.Value, tokens.Count - 1);
                    }
                }

                types.Add(type);
                begins.Add(begin && type is not null);
            }

            if (current is not null)
            {
                gold.Add(new GoldSpan(current.Value.Type, current.Value.Start, tokens.Count));
            }

            sentences.Add(new Sentence(start, text.Length - start, first, tokens.Count - first, sentences.Count));
            text.Append('\n');
        }

        return Document(corpus, text.ToString(), tokens, sentences, types, begins, gold);
    }

    /// <summary>
    /// A gold token with the kind and traits the tokenizer would give it, as far as the syntax stage and the entity
    /// tagger read them (quote marks and colons decide which sentences are parsed; capitals mark name words).
    /// </summary>
    internal static Token GoldToken(int start, string tok)
    {
        if (tok.Length == 0)
        {
            return new Token(start, 0, TokenKind.Symbol);
        }

        char c = tok[0];
        if (tok is "\"" or "''" or "``" or "'" or "`" or "\u201C" or "\u201D" or "\u2018" or "\u2019")
        {
            return new Token(start, tok.Length, TokenKind.AmbiguousQuote);
        }

        if (char.IsLetter(c))
        {
            return new Token(start, tok.Length, TokenKind.Word, char.IsUpper(c) ? TokenTraits.Capitalized : TokenTraits.None);
        }

        if (char.IsDigit(c))
        {
            return new Token(start, tok.Length, TokenKind.Number);
        }

        return new Token(start, tok.Length, tok.All(char.IsPunctuation) ? TokenKind.Punctuation : TokenKind.Symbol);
    }

    private static IobDocument Document(string corpus, string text, List<Token> tokens, List<Sentence> sentences, List<EntityType?> types, List<bool> begins, List<GoldSpan> gold) => new()
    {
        Corpus = corpus,
        Text = text,
        Tokens = tokens.ToArray(),
        Sentences = sentences.ToArray(),
        Types = types.ToArray(),
        Begins = begins.ToArray(),
        Gold = gold,
    };

    /// <summary>
    /// Case augmentation: a copy of a document with a fraction of its sentences lower-cased (chosen by a
    /// seeded generator), so that the tagger learns names written in lower case, as web text has them.
    /// With <paramref name="only"/>, the copy keeps only the lower-cased sentences.
    /// </summary>
    public static IobDocument LowerCased(IobDocument doc, double fraction, Random random, bool only, string corpus)
    {
        char[] text = doc.Text.ToCharArray();
        var keep = new List<int>();
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            if (random.NextDouble() >= fraction)
            {
                if (!only)
                {
                    keep.Add(s);
                }

                continue;
            }

            Sentence sentence = doc.Sentences[s];
            for (int c = sentence.Start; c < sentence.Start + sentence.Length; c++)
            {
                text[c] = char.ToLowerInvariant(text[c]);
            }

            keep.Add(s);
        }

        if (!only)
        {
            return new IobDocument
            {
                Corpus = corpus,
                Text = new string(text),
                Tokens = doc.Tokens,
                Sentences = doc.Sentences,
                Types = doc.Types,
                Begins = doc.Begins,
                Gold = doc.Gold,
            };
        }

        // Keep only the chosen sentences, laid out again from their (lower-cased) words and tags.
        var kept = new List<List<(string Token, string Tag)>>(keep.Count);
        foreach (int s in keep)
        {
            Sentence sentence = doc.Sentences[s];
            var words = new List<(string Token, string Tag)>(sentence.TokenCount);
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                Token token = doc.Tokens[t];
                string tag = doc.Types[t] is EntityType type ? (doc.Begins[t] ? "B-" : "I-") + type.ToLabel() : "O";
                words.Add((new string(text, token.Start, token.Length), tag));
            }

            kept.Add(words);
        }

        return Layout(kept, corpus);
    }

    public static EntityType ParseType(string label) => label.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => EntityType.Person,
        "ORG" or "ORGANIZATION" => EntityType.Organization,
        "LOC" or "LOCATION" or "GPE" => EntityType.Location,
        "MISC" or "MISCELLANEOUS" => EntityType.Miscellaneous,
        _ => throw new InvalidDataException($"Unknown entity type '{label}'."),
    };
}
