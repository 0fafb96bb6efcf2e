using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace QuoteExtract.Testing;

/// <summary>
/// What every <see cref="Analysis"/> must satisfy whatever the input: every span inside the text and in
/// order, texts equal to the text at their spans, tokens partitioned into sentences and paragraphs,
/// entities in order without overlap, one syntax entry per token and one dependency tree per parsed
/// sentence. Shared by the tests and the fuzz target (fuzz/QuoteExtract.Fuzz
/// links this file), so it uses the public API only and no test framework.
/// </summary>
internal static class AnalysisInvariants
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first broken invariant.</summary>
    /// <param name="text">The analysed text.</param>
    /// <param name="analysis">Its analysis.</param>
    /// <param name="options">The options of the pipeline that made it; null for the defaults.</param>
    public static void Check(string text, Analysis analysis, ExtractorOptions? options = null)
    {
        if (FindViolation(text, analysis, options) is { } violation)
        {
            throw new InvalidOperationException(violation);
        }
    }

    /// <summary>The first broken invariant, or null when there is none.</summary>
    /// <param name="text">The analysed text.</param>
    /// <param name="analysis">Its analysis.</param>
    /// <param name="options">The options of the pipeline that made it; null for the defaults.</param>
    /// <returns>A description of the violation, or null.</returns>
    public static string? FindViolation(string text, Analysis analysis, ExtractorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new ExtractorOptions();
        if (!string.Equals(analysis.Text, text, StringComparison.Ordinal))
        {
            return "Analysis.Text is not the analysed text";
        }

        return Tokens(text, analysis) ?? Sentences(analysis) ?? Paragraphs(text, analysis)
            ?? Quotes(text, analysis, options) ?? Entities(text, analysis) ?? Groups(text, analysis) ?? People(text, analysis) ?? Syntax(analysis, options);
    }

    /// <summary>
    /// What is wrong with <paramref name="count"/> entries of <paramref name="syntax"/> from <paramref name="first"/>
    /// as one parsed sentence, or null: every entry tagged and parsed, heads inside the sentence, exactly one root,
    /// no cycle, and the relation root on the root and on no other word.
    /// </summary>
    /// <param name="syntax">The syntax entries (of a document, or of <see cref="SyntaxModel.Parse"/>).</param>
    /// <param name="first">The sentence's first entry; heads count from the start of <paramref name="syntax"/>.</param>
    /// <param name="count">The sentence's number of words.</param>
    /// <returns>A description of the violation, or null.</returns>
    public static string? TreeViolation(IReadOnlyList<TokenSyntax> syntax, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        int end = first + count, root = -1;
        for (int i = first; i < end; i++)
        {
            TokenSyntax t = syntax[i];
            if (t.Pos == UniversalPos.None || !Enum.IsDefined(t.Pos))
            {
                return $"word {i} has part of speech {t.Pos}";
            }

            if (string.IsNullOrEmpty(t.Relation))
            {
                return $"word {i} of a parsed sentence has no relation";
            }

            if (t.Head == -1)
            {
                if (root >= 0)
                {
                    return $"words {root} and {i} are both roots";
                }

                root = i;
            }
            else if (t.Head < first || t.Head >= end || t.Head == i)
            {
                return $"word {i} has head {t.Head}, outside its sentence [{first}, {end}) or itself";
            }

            if (t.IsRoot != string.Equals(t.Relation, "root", StringComparison.Ordinal))
            {
                return $"word {i} has head {t.Head} and relation {t.Relation}: root is the relation of the root and of no other word";
            }
        }

        if (count > 0 && root < 0)
        {
            return $"the sentence [{first}, {end}) has no root";
        }

        // Every word reaches the root: marks 1 on the path being followed, 2 once known to reach the root.
        var state = new byte[count];
        var path = new List<int>();
        for (int i = first; i < end; i++)
        {
            int w = i;
            path.Clear();
            while (w >= 0 && state[w - first] == 0)
            {
                state[w - first] = 1;
                path.Add(w);
                w = syntax[w].Head;
            }

            if (w >= 0 && state[w - first] == 1)
            {
                return $"word {w} is in a cycle";
            }

            foreach (int p in path)
            {
                state[p - first] = 2;
            }
        }

        return null;
    }

    /// <summary>
    /// Everything an analysis holds, written out in a fixed order with invariant formatting: two analyses
    /// are equal exactly when their canonical forms are.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>Its canonical form.</returns>
    public static string Canonical(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var sb = new StringBuilder();
        foreach (Token t in analysis.Tokens)
        {
            sb.Append(CultureInfo.InvariantCulture, $"t {t.Start} {t.Length} {t.Kind} {t.Traits}\n");
        }

        foreach (Sentence s in analysis.Sentences)
        {
            sb.Append(CultureInfo.InvariantCulture, $"s {s.Start} {s.Length} {s.FirstToken} {s.TokenCount} {s.Paragraph}\n");
        }

        foreach (Paragraph p in analysis.Paragraphs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"p {p.Start} {p.Length} {p.FirstToken} {p.TokenCount} {p.FirstSentence} {p.SentenceCount}\n");
        }

        foreach (Quote q in analysis.Quotes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"q {q.Kind} {q.Span} {q.Confidence:R} [{string.Join(' ', q.Segments)}] {Escape(q.Text)}\n");
            if (q.Speaker is { } sp)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  speaker {sp.Span} {Escape(sp.Text)} {Escape(sp.Name)} [{Escape(string.Join("|", sp.Names))}]\n");
            }

            if (q.Cue is { } c)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  cue {c.Span} {Escape(c.Text)} {Escape(c.Lemma)}\n");
            }
        }

        foreach (Entity e in analysis.Entities)
        {
            sb.Append(CultureInfo.InvariantCulture, $"e {e.Span} {e.Type} {e.Confidence:R} {Escape(e.Text)} {Escape(e.Name)}\n");
        }

        foreach (EntityGroup g in analysis.Groups)
        {
            sb.Append(CultureInfo.InvariantCulture, $"g {g.Type} {Escape(g.Name)} [{string.Join(' ', g.Mentions)}] [{string.Join(' ', g.Quotes)}]\n");
        }

        foreach (TokenSyntax x in analysis.Syntax)
        {
            sb.Append(CultureInfo.InvariantCulture, $"x {x.Pos} {x.Head} {x.Relation ?? "_"}\n");
        }

        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static bool Inside(string text, TextSpan span) => span.Start >= 0 && span.Length >= 0 && span.Start <= text.Length - span.Length;

    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static string? SpanText(string text, TextSpan span, string actual, string what)
    {
        if (!Inside(text, span))
        {
            return $"{what} {span} is outside the text of length {text.Length}";
        }

        return string.Equals(At(text, span), actual, StringComparison.Ordinal) ? null : $"{what} text is not the text at its span {span}";
    }

    private static string? Tokens(string text, Analysis analysis)
    {
        int previousEnd = 0;
        for (int i = 0; i < analysis.Tokens.Length; i++)
        {
            Token t = analysis.Tokens[i];
            if (t.Length <= 0 || t.Start < previousEnd || !Inside(text, t.Span) || !Enum.IsDefined(t.Kind))
            {
                return $"token {i} {t} is empty, out of order or outside the text (previous end {previousEnd})";
            }

            previousEnd = t.End;
        }

        return null;
    }

    private static string? Sentences(Analysis analysis)
    {
        int nextToken = 0;
        for (int i = 0; i < analysis.Sentences.Length; i++)
        {
            Sentence s = analysis.Sentences[i];
            if (s.FirstToken != nextToken || s.TokenCount <= 0 || s.EndToken > analysis.Tokens.Length)
            {
                return $"sentence {i} {s} does not follow token {nextToken} or holds no tokens";
            }

            if (s.Start != analysis.Tokens[s.FirstToken].Start || s.End != analysis.Tokens[s.EndToken - 1].End)
            {
                return $"sentence {i} {s} does not run from its first token's start to its last token's end";
            }

            if ((uint)s.Paragraph >= (uint)analysis.Paragraphs.Length)
            {
                return $"sentence {i} {s} names no paragraph";
            }

            Paragraph p = analysis.Paragraphs[s.Paragraph];
            if (s.FirstToken < p.FirstToken || s.EndToken > p.EndToken || i < p.FirstSentence || i >= p.FirstSentence + p.SentenceCount)
            {
                return $"sentence {i} {s} is not inside its paragraph {p}";
            }

            nextToken = s.EndToken;
        }

        return nextToken == analysis.Tokens.Length ? null : $"the sentences end at token {nextToken} of {analysis.Tokens.Length}";
    }

    private static string? Paragraphs(string text, Analysis analysis)
    {
        int nextToken = 0, nextSentence = 0, previousEnd = 0;
        for (int i = 0; i < analysis.Paragraphs.Length; i++)
        {
            Paragraph p = analysis.Paragraphs[i];
            if (!Inside(text, p.Span) || p.Start < previousEnd || p.FirstToken != nextToken || p.FirstSentence != nextSentence
                || p.TokenCount < 0 || p.SentenceCount < 0 || p.EndToken > analysis.Tokens.Length)
            {
                return $"paragraph {i} {p} is outside the text, out of order, or does not follow token {nextToken} and sentence {nextSentence}";
            }

            if (p.TokenCount > 0 && (analysis.Tokens[p.FirstToken].Start < p.Start || analysis.Tokens[p.EndToken - 1].End > p.End))
            {
                return $"paragraph {i} {p} does not hold its tokens";
            }

            nextToken = p.EndToken;
            nextSentence = p.FirstSentence + p.SentenceCount;
            previousEnd = p.End;
        }

        return nextToken == analysis.Tokens.Length && nextSentence == analysis.Sentences.Length
            ? null
            : $"the paragraphs end at token {nextToken} and sentence {nextSentence}";
    }

    private static string? Quotes(string text, Analysis analysis, ExtractorOptions options)
    {
        int previousStart = 0;
        for (int i = 0; i < analysis.Quotes.Count; i++)
        {
            Quote q = analysis.Quotes[i];
            string what = $"quote {i}";
            if (q.Segments.IsDefaultOrEmpty)
            {
                return $"{what} has no segments";
            }

            int segmentEnd = 0;
            var parts = new List<string>(q.Segments.Length);
            foreach (TextSpan s in q.Segments)
            {
                if (!Inside(text, s) || s.Length == 0 || s.Start < segmentEnd)
                {
                    return $"{what} segment {s} is empty, outside the text or out of order";
                }

                segmentEnd = s.End;
                parts.Add(At(text, s));
            }

            if (q.Span != TextSpan.FromBounds(q.Segments[0].Start, q.Segments[^1].End))
            {
                return $"{what} span {q.Span} does not run from its first segment to its last";
            }

            if (!string.Equals(q.Text, string.Join("\n", parts), StringComparison.Ordinal))
            {
                return $"{what} text is not its segments' texts joined by line breaks";
            }

            if (q.Segments[0].Start < previousStart)
            {
                return $"{what} starts before the quote before it";
            }

            previousStart = q.Segments[0].Start;
            if (!Enum.IsDefined(q.Kind) || (q.Kind == QuoteKind.Indirect && !options.IncludeIndirect))
            {
                return $"{what} has kind {q.Kind}";
            }

            if (!(q.Confidence >= options.MinimumConfidence && q.Confidence <= 1))
            {
                return $"{what} has confidence {q.Confidence} outside [{options.MinimumConfidence}, 1]";
            }

            if (q.Speaker is { } speaker && Speaker(text, speaker, what) is { } bad)
            {
                return bad;
            }

            if (q.Cue is { } cue && (SpanText(text, cue.Span, cue.Text, what + " cue") ?? (string.IsNullOrEmpty(cue.Lemma) ? what + " cue has no lemma" : null)) is { } badCue)
            {
                return badCue;
            }
        }

        return null;
    }

    private static string? Speaker(string text, Speaker speaker, string what)
    {
        if (SpanText(text, speaker.Span, speaker.Text, what + " speaker") is { } bad)
        {
            return bad;
        }

        if (speaker.Span.Length == 0 || speaker.Names.IsDefault || speaker.Names.Any(string.IsNullOrWhiteSpace))
        {
            return $"{what} speaker has an empty mention or an empty name";
        }

        // Only an unresolved speaker has no name, and no name is a bare pronoun.
        if (speaker.Names.IsEmpty != (speaker.NameKind == SpeakerNameKind.Unresolved))
        {
            return $"{what} speaker has {speaker.Names.Length} names but is {speaker.NameKind}";
        }

        if (speaker.Names.Any(n => BarePronouns.Contains(n)))
        {
            return $"{what} speaker name is a bare pronoun: {string.Join(", ", speaker.Names)}";
        }

        if (speaker.Names.IsEmpty)
        {
            return speaker.Name.Length == 0 ? null : $"{what} unresolved speaker has a name";
        }

        string expected = speaker.Names.Length == 1
            ? speaker.Names[0]
            : string.Join(", ", speaker.Names.Take(speaker.Names.Length - 1)) + " and " + speaker.Names[^1];
        return string.Equals(speaker.Name, expected, StringComparison.Ordinal) ? null : $"{what} speaker name is not its names joined";
    }

    private static readonly HashSet<string> BarePronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "their", "who",
    };

    /// <summary>Each person's mentions are inside the text, their quotes are indexes of quotes whose speaker names them, and a quote's gender is its person's.</summary>
    private static string? People(string text, Analysis analysis)
    {
        foreach (Person p in analysis.People)
        {
            if (string.IsNullOrWhiteSpace(p.Name) || BarePronouns.Contains(p.Name) || p.Mentions.IsDefault || p.Quotes.IsDefault)
            {
                return $"person '{p.Name}' has no name or a pronoun for one";
            }

            if (p.Mentions.Any(m => m.Start < 0 || m.End > text.Length))
            {
                return $"person '{p.Name}' has a mention outside the text";
            }

            foreach (int q in p.Quotes)
            {
                if ((uint)q >= (uint)analysis.Quotes.Count)
                {
                    return $"person '{p.Name}' has quote {q}, which is out of range";
                }

                if (analysis.Quotes[q].Speaker is Speaker s && s.Names.Length == 1 && s.Names[0] == p.Name && s.Gender != p.Gender)
                {
                    return $"quote {q} speaker gender {s.Gender} is not {p.Name}'s {p.Gender}";
                }
            }
        }

        return null;
    }

    private static string? Entities(string text, Analysis analysis)
    {
        int previousEnd = 0;
        for (int i = 0; i < analysis.Entities.Count; i++)
        {
            Entity e = analysis.Entities[i];
            if (SpanText(text, e.Span, e.Text, $"entity {i}") is { } bad)
            {
                return bad;
            }

            if (e.Span.Length == 0 || e.Span.Start < previousEnd)
            {
                return $"entity {i} {e.Span} is empty, or overlaps or precedes the entity before it";
            }

            if (!Enum.IsDefined(e.Type) || !(e.Confidence is >= 0 and <= 1))
            {
                return $"entity {i} has type {e.Type} and confidence {e.Confidence}";
            }

            previousEnd = e.Span.End;
        }

        return null;
    }

    private static string? Groups(string text, Analysis analysis)
    {
        for (int i = 0; i < analysis.Groups.Count; i++)
        {
            EntityGroup g = analysis.Groups[i];
            int previousStart = 0;
            foreach (TextSpan m in g.Mentions)
            {
                if (!Inside(text, m) || m.Start < previousStart)
                {
                    return $"group {i} mention {m} is outside the text or out of order";
                }

                previousStart = m.Start;
            }

            int previousQuote = -1;
            foreach (int q in g.Quotes)
            {
                if (q <= previousQuote || q >= analysis.Quotes.Count)
                {
                    return $"group {i} quote index {q} is out of range or out of order";
                }

                previousQuote = q;
            }
        }

        return null;
    }

    /// <summary>
    /// None: no syntax. Otherwise every token tagged; per sentence either no word parsed (head -1, no relation) or
    /// one tree; all sentences parsed for <see cref="SyntaxScope.All"/>, and for <see cref="SyntaxScope.Attribution"/>
    /// at least those with a quote mark or a colon (the reporting verbs and phrases need the library's lexicons).
    /// </summary>
    private static string? Syntax(Analysis analysis, ExtractorOptions options)
    {
        if (options.Syntax == SyntaxScope.None)
        {
            return analysis.Syntax.IsEmpty ? null : $"syntax has {analysis.Syntax.Length} entries without a syntax stage";
        }

        if (analysis.Syntax.Length != analysis.Tokens.Length)
        {
            return $"syntax has {analysis.Syntax.Length} entries for {analysis.Tokens.Length} tokens";
        }

        for (int s = 0; s < analysis.Sentences.Length; s++)
        {
            Sentence sentence = analysis.Sentences[s];
            bool parsed = analysis.Syntax[sentence.FirstToken].IsParsed;
            bool mustParse = options.Syntax == SyntaxScope.All;
            for (int i = sentence.FirstToken; i < sentence.EndToken && !mustParse; i++)
            {
                Token t = analysis.Tokens[i];
                mustParse = t.IsQuoteMark || (t.Kind == TokenKind.Punctuation && t.GetText(analysis.Text).SequenceEqual(":"));
            }

            if (mustParse && !parsed)
            {
                return $"sentence {s} {sentence} was not parsed";
            }

            if (parsed)
            {
                if (TreeViolation(analysis.Syntax, sentence.FirstToken, sentence.TokenCount) is { } bad)
                {
                    return $"sentence {s} {sentence}: {bad}";
                }

                continue;
            }

            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                TokenSyntax t = analysis.Syntax[i];
                if (t.Pos == UniversalPos.None || !Enum.IsDefined(t.Pos) || t.Head != -1 || t.Relation is not null)
                {
                    return $"word {i} of unparsed sentence {s} is {t}: a part of speech, head -1 and no relation were expected";
                }
            }
        }

        return null;
    }
}
