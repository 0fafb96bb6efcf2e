using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using QuoteExtract.Entities;

namespace QuoteExtract.Quotes;

/// <summary>The quotes of a text with their speakers, and the entities and groups after speaker resolution.</summary>
internal sealed record QuoteAttribution(ImmutableArray<Quote> Quotes, ImmutableArray<Entity> Entities, ImmutableArray<EntityGroup> Groups, ImmutableArray<Person> People, ImmutableArray<TextSpan> Boilerplate);

/// <summary>A cue (when there is one) and the speaker phrase it names.</summary>
internal readonly record struct Attribution(CueMatch? Cue, Phrase Speaker);

/// <summary>A quotation being attributed.</summary>
internal sealed class QuoteCandidate
{
    public required List<TextSpan> Segments { get; init; }

    public required QuoteKind Kind { get; init; }

    /// <summary>
    /// The first token of the quote (its opening mark, or the clause's first word); of a clause in two segments, the
    /// first word of the part after its cue.
    /// </summary>
    public required int Anchor { get; init; }

    public required int FirstParagraph { get; init; }

    public required int LastParagraph { get; init; }

    public CueMatch? Cue { get; set; }

    public Phrase Speaker { get; set; } = Phrase.None;

    /// <summary>Set when the speaker was taken from the quote before (a quote paragraph with no cue of its own).</summary>
    public QuoteCandidate? ContinuationOf { get; set; }

    public double Confidence { get; set; }

    public ResolvedSpeaker? Resolved { get; set; }
}

/// <summary>
/// Finds quotations and attributes them: quote marks are paired into direct and mixed quotes, cues
/// and speaker phrases are read around them by pattern (Q, X said / X said: Q / X told Y: Q /
/// Q – X / according to X / X warned that …), uncued quote paragraphs continue the quote before, and
/// speakers are resolved to names (pronouns, roles, short names, plural speakers).
/// </summary>
internal static class QuoteAttributor
{
    /// <summary>
    /// The parse may end a clause inside a phrase (X insisted that lifting the embargo | was not a response: the
    /// parse took the clause's verb for the sentence's root): where the surface reading of the same cue starts the
    /// clause at the same word and the parse's clause stops right before a verb, the surface reading's end is kept.
    /// </summary>
    private static void LongerFromSurface(DocumentView doc, ParseView parse, Dictionary<int, QuoteCandidate> byCue, QuoteCandidate surface)
    {
        if (surface.Cue is not CueMatch cue || surface.Segments.Count != 1 || !byCue.TryGetValue(cue.First, out QuoteCandidate? p)
            || p.Segments[0].Start != surface.Segments[0].Start || p.Segments[0].End >= surface.Segments[0].End)
        {
            return;
        }

        int next = p.Anchor;
        while (next < doc.Count && doc.Tokens[next].Start < p.Segments[0].End)
        {
            next++;
        }

        if (!doc.IsWord(next) || parse.Pos(next) is not (UniversalPos.Verb or UniversalPos.Aux))
        {
            return;
        }

        // Not over a cue of its own (…, former President Bill Clinton said this week): that is a second report.
        for (int t = next; t < doc.Count && doc.Tokens[t].Start < surface.Segments[0].End; t++)
        {
            if (doc.TryCue(t, out _))
            {
                return;
            }
        }

        p.Segments[0] = surface.Segments[0];
    }

    /// <summary>Whether any token of the clause <paramref name="c"/> (from its first word) is inside quote marks. Bounded by the clause.</summary>
    private static bool HoldsQuotedWords(DocumentView doc, bool[] inside, QuoteCandidate c)
    {
        for (int t = Math.Max(0, c.Anchor); t < doc.Count && doc.Tokens[t].Start < c.Segments[0].End; t++)
        {
            if (inside[t])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far after a closing mark the attribution may start (Q, the former foreign secretary said).</summary>
    private const int AfterWindow = 10;

    /// <summary>The most words a title of a work in quote marks has (“The Late Show with Stephen Colbert”).</summary>
    private const int MaxTitleWords = 8;

    /// <summary>The longest signature line under a quote (– Jane Smith, a teacher from Leeds).</summary>
    private const int MaxSignatureTokens = 12;

    /// <summary>How far before an opening mark a cue may be.</summary>
    private const int BeforeWindow = 40;

    public static QuoteAttribution Attribute(SegmentedText text, TokenSyntax[] syntax, ImmutableArray<Entity> entities, ExtractorOptions options, CancellationToken cancellationToken)
    {
        if (text.Tokens.IsEmpty)
        {
            return new QuoteAttribution([], [], [], [], []);
        }

        entities = EntityGrouper.WithPlacesAsWritten(text.Text, entities);
        List<MarkedQuote> marked = QuoteMarkPairer.Pair(text);
        var doc = new DocumentView(text, entities, marked);
        cancellationToken.ThrowIfCancellationRequested();
        var inside = new bool[doc.Count];
        ParseView parse = syntax.Length == doc.Count ? new ParseView(syntax) : ParseView.Empty;
        var candidates = new List<QuoteCandidate>(marked.Count);
        foreach (MarkedQuote quote in marked)
        {
            foreach (MarkedSegment s in quote.Segments)
            {
                int close = s.Close >= 0 ? s.Close : text.Paragraphs[s.Paragraph].EndToken - 1;
                Array.Fill(inside, true, s.Open, close - s.Open + 1);
            }

            candidates.Add(AttributeMarked(doc, parse, quote));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (options.IncludeIndirect)
        {
            // Reported speech from the parse first; the surface rules add the clauses of cues the parse gives
            // none for (a misparse, an unparsed sentence): on PolNeAR dev they add recall at equal precision.
            List<QuoteCandidate> fromParse = ReportedClauses.Find(doc, parse, inside, cancellationToken);
            candidates.AddRange(fromParse);
            var covered = new bool[doc.Text.Length + 1]; // characters inside a clause from the parse: one pass each
            var byCue = new Dictionary<int, QuoteCandidate>();
            foreach (QuoteCandidate p in fromParse)
            {
                foreach (TextSpan segment in p.Segments)
                {
                    Array.Fill(covered, true, segment.Start, segment.Length);
                }

                if (p.Cue is CueMatch pc && p.Segments.Count == 1)
                {
                    byCue.TryAdd(pc.First, p);
                }
            }

            foreach (QuoteCandidate c in ReportedSpeech.Find(doc, parse, inside, cancellationToken))
            {
                int endToken = c.Anchor;
                while (endToken < doc.Count && doc.Tokens[endToken].Start < c.Segments[^1].End)
                {
                    endToken++;
                }

                if (ReportedClauses.IsNounPhraseAfterThat(doc, parse, c.Anchor, endToken))
                {
                    continue; // (disputed that characterization on Wednesday)
                }

                if (covered.AsSpan(c.Segments[0].Start, c.Segments[0].Length).IndexOf(true) < 0
                    || (c.Cue is CueMatch sc && !byCue.ContainsKey(sc.First) && !covered[c.Segments[0].Start] && !HoldsQuotedWords(doc, inside, c)))
                {
                    // (also a clause the parse missed around one it found inside, with no words in marks: She said S, none
                    // of whom wanted T; a clause with a quote in it the parse passed over on purpose, as that quote)
                    candidates.Add(c);
                }
                else
                {
                    LongerFromSurface(doc, parse, byCue, c);
                }
            }

            candidates = ReportedClauses.JoinInterrupted(doc, candidates, inside);
            candidates.Sort((a, b) => a.Segments[0].Start.CompareTo(b.Segments[0].Start));
        }

        // After the reported speech is in: a quote paragraph may continue a reported clause (X responded,
        // saying the campaign was wrong. ¶ “I am sick of it.”).
        Continue(candidates);

        // Bylines, credits, datelines, footers and navigation lines: their names speak no quote and are no one's group.
        ImmutableArray<TextSpan> boilerplate = Speakers.Boilerplate.Find(text.Text);
        bool[] inBoilerplate = Speakers.Boilerplate.TokenMask(text.Tokens, boilerplate);
        var resolver = new SpeakerResolver(doc, inside, parse, inBoilerplate);
        foreach (QuoteCandidate c in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // SASKATOON — Emergency physicians at the hospital say S: the parse's subject took in the dateline; the
            // speaker is what follows it.
            if (!c.Speaker.IsNone && resolver.InBoilerplate(c.Speaker.First) && !resolver.InBoilerplate(c.Speaker.Last))
            {
                int first = c.Speaker.First;
                while (first < c.Speaker.Last && (resolver.InBoilerplate(first) || !doc.IsWord(first)))
                {
                    first++;
                }

                c.Speaker = c.Speaker with { First = first };
            }

            if (!c.Speaker.IsNone && (resolver.InBoilerplate(c.Speaker.First) || resolver.InBoilerplate(c.Speaker.Last)))
            {
                c.Speaker = Phrase.None; // the quote stays, its speaker unknown: a credited name is not who said it
            }

            // WASHINGTON (AP) — S, X said: a reported clause starts after the dateline that opens its sentence.
            if (c.Kind == QuoteKind.Indirect && Speakers.Boilerplate.EndOfSpanAt(boilerplate, c.Segments[0].Start) is int skip and >= 0)
            {
                TextSpan first = c.Segments[0];
                while (skip < first.End && char.IsWhiteSpace(text.Text[skip]))
                {
                    skip++;
                }

                if (skip < first.End)
                {
                    c.Segments[0] = TextSpan.FromBounds(skip, first.End);
                }
            }

            c.Resolved = c.ContinuationOf?.Resolved ?? resolver.Resolve(c.Speaker, c.Anchor);
            if (c.Resolved is not null && c.ContinuationOf is null)
            {
                resolver.Remember(c.Resolved, c.Anchor);
            }
        }

        EntityGrouping grouping = EntityGrouper.Group(text, entities, boilerplate);
        var join = new SpeakerGroups(grouping);
        ImmutableArray<Quote> quotes = Build(doc, candidates, options.MinimumConfidence, join);
        ImmutableArray<EntityGroup> groups = join.Build();
        (ImmutableArray<Person> people, quotes) = Speakers.PeopleBuilder.Build(doc, inside, groups, join.RoleGroups(), quotes);
        return new QuoteAttribution(quotes, grouping.Entities, groups, people, boilerplate);
    }

    private static QuoteCandidate AttributeMarked(DocumentView doc, ParseView parse, MarkedQuote quote)
    {
        MarkedSegment first = quote.First;
        int open = first.Open;
        int paragraphStart = doc.Segments.Paragraphs[first.Paragraph].FirstToken;
        int prev = open - 1;
        bool atParagraphStart = open == paragraphStart;
        bool afterColon = prev >= 0 && doc.Is(prev, ':');
        bool direct = atParagraphStart || prev < 0 || afterColon || doc.Is(prev, ',') || doc.Tokens[prev].Kind is TokenKind.Dash or TokenKind.OpeningQuote
            || doc.IsTerminal(prev) || doc.Is(prev, '(') || doc.IsQuoteMark(prev)
            || (doc.TryCue(prev, out _) && StartsUpper(doc, first.Content));
        var candidate = new QuoteCandidate
        {
            Segments = Contents(quote.Segments),
            Kind = direct ? QuoteKind.Direct : QuoteKind.Mixed,
            Anchor = open,
            FirstParagraph = first.Paragraph,
            LastParagraph = quote.Last.Paragraph,
        };

        // Where the attribution may be before the quote: the sentence (or, for "X said:" closing the
        // paragraph before, that paragraph's last sentence), not before an earlier quote's closing mark.
        int lowerBound = Math.Max(0, atParagraphStart && afterColon ? doc.SentenceStart(prev) : paragraphStart);
        lowerBound = Math.Max(lowerBound, open - BeforeWindow);
        if (!atParagraphStart)
        {
            lowerBound = Math.Max(lowerBound, doc.SentenceStart(prev));
        }

        for (int t = open - 1; t >= lowerBound && direct; t--)
        {
            if (doc.Tokens[t].Kind is TokenKind.ClosingQuote)
            {
                lowerBound = t + 1; // a direct quote's attribution does not reach past the quote before it
                break;
            }
        }

        Attribution? before = TryBefore(doc, parse, open, lowerBound);
        Attribution? after = TryAfter(doc, quote);
        bool cueRightBefore = afterColon || (prev >= 0 && doc.TryCue(prev, out _));
        Attribution? chosen;
        if (afterColon && before is { Cue: null } && after is { Cue: not null })
        {
            chosen = after; // Cruz defends his bona fides in an ad: “…” the senator says.
        }
        else if (cueRightBefore || (!direct && !InvitesAttributionAfter(doc, quote)))
        {
            chosen = before ?? after;
        }
        else if (InvitesAttributionAfter(doc, quote) || !doc.Is(prev, ','))
        {
            chosen = after ?? before;
        }
        else
        {
            chosen = before ?? after; // “…” X replied to Y with, “Q”
        }

        bool found = chosen is not null;
        if (chosen is Attribution a)
        {
            candidate.Cue = a.Cue;
            candidate.Speaker = a.Speaker;
        }
        else if (!direct)
        {
            candidate.Speaker = SentenceSubject(doc, open, lowerBound);
        }

        candidate.Confidence = Score(doc, candidate, quote, found);
        return candidate;
    }

    private static List<TextSpan> Contents(List<MarkedSegment> segments)
    {
        var contents = new List<TextSpan>(segments.Count);
        foreach (MarkedSegment s in segments)
        {
            contents.Add(s.Content);
        }

        return contents;
    }

    private static bool StartsUpper(DocumentView doc, TextSpan content) => content.Length > 0 && char.IsUpper(doc.Text[content.Start]);

    /// <summary>X said: Q / X said Q / X told Y: Q / according to X, Q / X insisted Britain ‘Q’ / X: Q.</summary>
    private static Attribution? TryBefore(DocumentView doc, ParseView parse, int open, int lowerBound)
    {
        for (int t = open - 1; t >= lowerBound; t--)
        {
            if (!doc.TryCue(t, out CueMatch cue) || cue.Last >= open)
            {
                continue;
            }

            if (t > lowerBound && doc.TryCue(t - 1, out CueMatch verb) && !verb.IsAccordingTo && verb.Last >= t - 1)
            {
                cue = verb with { Last = Math.Max(verb.Last, cue.Last) }; // said + in a statement
                t--;
            }

            Phrase opening = cue.IsAccordingTo && doc.IsSentenceStart(cue.First) ? ReportedSpeech.OpeningSource(doc, cue.Last + 1, open) : Phrase.None;
            Phrase speaker = !opening.IsNone ? opening // According to conservative talk radio host X, …: the source runs to the comma
                : cue.IsAccordingTo ? doc.SubjectAfter(cue.Last, open)
                : IsDependentCue(doc, cue) ? DependentCueSpeaker(doc, cue, lowerBound) : Phrase.None;

            if (speaker.IsNone && !cue.IsAccordingTo)
            {
                speaker = doc.SubjectBefore(cue.First, lowerBound, out _);
            }

            if (speaker.IsNone && !cue.IsAccordingTo && (cue.First == lowerBound || doc.Is(cue.First - 1, ',') || doc.IsSentenceStart(cue.First))
                && doc.IsNameWord(cue.Last + 1))
            {
                speaker = InvertedBeforeQuote(doc, cue, open); // …, explained Ann Lee, “Q” / Said Ann Lee: “Q”
            }

            if (speaker.IsNone && !cue.IsAccordingTo)
            {
                speaker = SentenceSubject(doc, cue.First, Math.Max(lowerBound, doc.SentenceStart(cue.First)));
            }

            if (speaker.IsNone && !cue.IsAccordingTo)
            {
                speaker = ParseAttribution.PluralSubjectBefore(doc, parse, cue.First, lowerBound); // Demonstrators said they want “…”
            }

            if (!speaker.IsNone)
            {
                return new Attribution(cue, speaker);
            }
        }

        // Bush: “Q” / Ms Okafor was cautious: ‘Q’ — no cue verb, the clause's subject introduces the quote.
        int colon = open - 1;
        if (colon > 0 && doc.Is(colon, ':'))
        {
            int start = Math.Max(lowerBound, doc.SentenceStart(colon - 1));
            Phrase named = doc.SubjectBefore(colon, start, out _);
            if (!named.IsNone && (doc.IsSentenceStart(named.First) || doc.Tokens[named.First - 1].Kind == TokenKind.Dash))
            {
                return new Attribution(null, named);
            }

            Phrase subject = SentenceSubject(doc, colon, start);
            if (!subject.IsNone)
            {
                return new Attribution(null, subject);
            }
        }

        return null;
    }

    /// <summary>
    /// The name after an inverted cue that leads straight into the quote: the name, then the opening mark,
    /// perhaps after a comma or colon, or after an apposition between commas (Said Ann Lee, who grew up
    /// there, “Q”). Not an object (told Jo Smith he would run).
    /// </summary>
    private static Phrase InvertedBeforeQuote(DocumentView doc, CueMatch cue, int open)
    {
        Phrase named = doc.SubjectAfter(cue.Last, open);
        if (named.IsNone || doc.IsPossessive(named.Last))
        {
            return Phrase.None; // questioned Trump’s “values”: a possessive is no speaker
        }

        int next = named.Last + 1;
        if (next == open || (next == open - 1 && (doc.Is(next, ',') || doc.Is(next, ':'))))
        {
            return named;
        }

        bool apposition = doc.Is(next, ',') && doc.Is(open - 1, ',') && next + 1 < open - 1
            && (doc.Word(next + 1).Equals("who", StringComparison.OrdinalIgnoreCase) || (doc.ClassOf(next + 1) & (SpeakerWord.Determiner | SpeakerWord.Role)) != 0);
        return apposition ? named : Phrase.None;
    }

    /// <summary>A comma, question or exclamation mark right before the closing mark: the attribution follows (“…,” she said).</summary>
    private static bool InvitesAttributionAfter(DocumentView doc, MarkedQuote quote)
    {
        MarkedSegment segment = quote.Segments.Find(s => s.Close >= 0);
        if (segment.Close <= 0)
        {
            return false;
        }

        int inner = segment.Close - 1;
        return inner > segment.Open && (doc.Is(inner, ',') || doc.Is(inner, '?') || doc.Is(inner, '!'));
    }

    /// <summary>Q, X said. / Q, said X. / Q, X told Y. / Q – X / Q, according to X.</summary>
    private static Attribution? TryAfter(DocumentView doc, MarkedQuote quote)
    {
        MarkedSegment segment = quote.Segments.Find(s => s.Close >= 0);
        if (segment.Close < 0 || (segment.Open == 0 && segment.Close == 0))
        {
            return null;
        }

        int close = segment.Close;
        bool endedSentence = close - 1 > segment.Open && doc.Is(close - 1, '.');

        int paragraphEnd = doc.Segments.Paragraphs[segment.Paragraph].EndToken;
        int a = close + 1;
        while (a < paragraphEnd && (doc.Is(a, ',') || doc.Tokens[a].Kind == TokenKind.ClosingQuote))
        {
            a++;
        }

        if (a >= paragraphEnd)
        {
            return DashLineAfter(doc, segment.Paragraph); // “Q” ¶ – Jane Smith, Leeds.
        }

        if (doc.Tokens[a].Kind == TokenKind.Dash)
        {
            Phrase named = doc.SubjectAfter(a, paragraphEnd);
            if (!named.IsNone)
            {
                return new Attribution(null, named);
            }
        }

        // After a quote that ended its sentence, only "X said" or "said X" right at the start belongs to it.
        // A parenthesis beside a name (Rep. Ann Lee (D-Wis.) said) is read past and not counted.
        int limit = Math.Min(paragraphEnd, a + (endedSentence ? 4 : AfterWindow));
        for (int t = a; t < limit; t++)
        {
            int past = doc.AfterParenthesis(t, paragraphEnd);
            if (past != t)
            {
                limit = Math.Min(paragraphEnd, limit + (past - t));
                t = past;
                if (t >= limit)
                {
                    break;
                }
            }

            bool fullStop = doc.IsTerminal(t) && !doc.Is(t + 1, ','); // R-Ky., said: an abbreviation's point
            if (fullStop || doc.IsQuoteMark(t) || doc.Is(t, ':') || doc.Is(t, ';'))
            {
                break;
            }

            if (!doc.TryCue(t, out CueMatch cue))
            {
                continue;
            }

            Phrase speaker = Phrase.None;
            if (!cue.IsAccordingTo && cue.First > a)
            {
                speaker = doc.SubjectBefore(cue.First, a, out _);
            }

            if (speaker.IsNone && cue.IsAccordingTo)
            {
                speaker = doc.SubjectAfter(cue.Last, paragraphEnd);
            }
            else if (speaker.IsNone && (cue.First == a || doc.Is(cue.First - 1, ',')) && !doc.IsCapitalized(cue.First)
                && !doc.Word(cue.First).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            {
                // “…,” said one of those advisers; “…” about the decision, said X: the words between the closing mark
                // and the comma go on with the quoted sentence, and the cue after them is its attribution.
                speaker = doc.InvertedSubject(cue.Last, paragraphEnd);
            }

            if (!speaker.IsNone)
            {
                return new Attribution(cue, speaker);
            }

            break; // a cue with no speaker of its own (” Bennett shot back with a laugh): try a name and a verb
        }

        return endedSentence ? null : NameThenVerb(doc, a, paragraphEnd);
    }

    /// <summary>A short paragraph right after the quote's that opens with a dash and a name signs the quote (– Jane Smith, Leeds).</summary>
    private static Attribution? DashLineAfter(DocumentView doc, int paragraph)
    {
        if (paragraph + 1 >= doc.Segments.Paragraphs.Length)
        {
            return null;
        }

        Paragraph next = doc.Segments.Paragraphs[paragraph + 1];
        if (next.EndToken - next.FirstToken is < 2 or > MaxSignatureTokens || doc.Tokens[next.FirstToken].Kind != TokenKind.Dash)
        {
            return null;
        }

        Phrase named = doc.SubjectAfter(next.FirstToken, next.EndToken);
        return named.IsNone || !doc.IsNameWord(named.Last) ? null : new Attribution(null, named);
    }

    /// <summary>
    /// ” Trump assured Jones / ” Deborah Tamargo, the chairwoman of the county party, told AFP: a name or
    /// pronoun right after the closing mark, then a verb (a cue or not) or an apposition and a cue.
    /// </summary>
    private static Attribution? NameThenVerb(DocumentView doc, int a, int paragraphEnd)
    {
        Phrase named = doc.SubjectAfter(a - 1, paragraphEnd);
        if (named.IsNone)
        {
            // ” beamed Donald Hartley: an unknown past-tense verb, then a name.
            if (doc.IsWord(a) && !doc.IsCapitalized(a) && doc.Word(a).EndsWith("ed", StringComparison.Ordinal))
            {
                Phrase inverted = doc.SubjectAfter(a, paragraphEnd);
                return !inverted.IsNone && doc.IsNameWord(inverted.Last) ? new Attribution(null, inverted) : null;
            }

            return null;
        }

        int next = named.Last + 1;
        if (next >= paragraphEnd)
        {
            return null;
        }

        if (doc.Is(next, ','))
        {
            for (int t = next + 1; t < paragraphEnd && t <= next + 25; t++)
            {
                if (doc.IsTerminal(t) || doc.IsQuoteMark(t))
                {
                    break;
                }

                if (doc.Is(t, ',') && t + 1 < paragraphEnd)
                {
                    // X, 30, of Raleigh, N.C., who was polled, said: the cue follows one of the commas.
                    int v = t + 1;
                    while (v < paragraphEnd && (doc.ClassOf(v) & SpeakerWord.Skip) != 0)
                    {
                        v++;
                    }

                    if (v < paragraphEnd && doc.TryCue(v, out CueMatch late))
                    {
                        return new Attribution(late, named);
                    }
                }
            }

            return null;
        }

        if (!doc.IsVerbLike(next))
        {
            return null;
        }

        return new Attribution(doc.TryCue(next, out CueMatch cue) ? cue : null, named);
    }

    /// <summary>
    /// A cue without a subject of its own: a participle after a comma (…, saying), an infinitive (used the
    /// question to demand) or a verb coordinated with an earlier one (referred to X as … but described).
    /// </summary>
    internal static bool IsDependentCue(DocumentView doc, CueMatch cue)
    {
        int prev = cue.First - 1;
        if (prev < 1 || cue.IsAccordingTo || !doc.IsWord(cue.First))
        {
            return false;
        }

        if (doc.Is(prev, ','))
        {
            return doc.Word(cue.First).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        }

        if (!doc.IsWord(prev) || doc.IsCapitalized(prev))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(prev);
        if (w.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "and said" after a verb phrase, not "Smith and Jones said" or "the spokesman and adviser said".
        return (w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("but", StringComparison.OrdinalIgnoreCase))
            && !doc.IsNameWord(prev - 1) && !doc.IsPronoun(prev - 1) && (doc.ClassOf(prev - 1) & (SpeakerWord.Role | SpeakerWord.Modifier)) == 0;
    }

    /// <summary>
    /// The speaker of a dependent cue (X did Y, saying … / X did Y and said … / used Y to demand …): the
    /// nearest clause before it in its sentence, with its subject or a cue of its own (X said, noting …;
    /// “…,” said X, adding …; when I asked X …, he looked …, frowned and said).
    /// </summary>
    internal static Phrase DependentCueSpeaker(DocumentView doc, CueMatch cue, int lowerBound)
    {
        lowerBound = Math.Max(Math.Max(lowerBound, doc.SentenceStart(cue.First)), cue.First - BeforeWindow);
        for (int t = cue.First - 1; t >= lowerBound; t--)
        {
            if (doc.TryCue(t, out CueMatch earlier) && earlier.Last < cue.First && !earlier.IsAccordingTo && !IsDependentCue(doc, earlier))
            {
                Phrase speaker = doc.SubjectBefore(earlier.First, lowerBound, out _);
                if (speaker.IsNone && t > lowerBound && (doc.IsQuoteMark(t - 1) || (doc.Is(t - 1, ',') && t >= 2 && doc.IsQuoteMark(t - 2))))
                {
                    speaker = doc.SubjectAfter(earlier.Last, cue.First); // “…,” said X, adding
                }

                if (!speaker.IsNone)
                {
                    return speaker;
                }
            }

            bool clauseStart = t == lowerBound || doc.Is(t - 1, ',') || doc.Tokens[t - 1].Kind is TokenKind.ClosingQuote or TokenKind.Dash;
            if (clauseStart && ClauseSubject(doc, t, cue.First) is { IsNone: false } subject)
            {
                return subject;
            }
        }

        return Phrase.None;
    }

    /// <summary>A subject phrase at <paramref name="t"/> followed by a verb, perhaps after a parenthesis between commas (X, speaking on radio, called).</summary>
    private static Phrase ClauseSubject(DocumentView doc, int t, int end)
    {
        Phrase subject = doc.SubjectAfter(t - 1, end);
        if (subject.IsNone || subject.Last + 1 >= end)
        {
            return Phrase.None;
        }

        int next = subject.Last + 1;
        if (doc.Is(next, ','))
        {
            for (int u = next + 1; u < end && u <= next + 12; u++)
            {
                if (doc.Is(u, ','))
                {
                    next = u + 1;
                    break;
                }

                if (doc.IsTerminal(u) || doc.IsQuoteMark(u))
                {
                    return Phrase.None;
                }
            }
        }

        return next < end && doc.IsVerbLike(next) ? subject : Phrase.None;
    }

    /// <summary>The subject of the clause that holds <paramref name="before"/>: a phrase after the sentence start or a comma.</summary>
    internal static Phrase SentenceSubject(DocumentView doc, int before, int lowerBound)
    {
        lowerBound = Math.Max(lowerBound, before - BeforeWindow);
        int sentenceStart = Math.Max(lowerBound, doc.SentenceStart(Math.Max(0, before - 1)));
        if (sentenceStart < before)
        {
            Phrase atStart = doc.SubjectAfter(sentenceStart - 1, before);
            if (!atStart.IsNone && !IsExpletiveIt(doc, atStart))
            {
                return atStart;
            }
        }

        for (int t = before - 1; t >= lowerBound; t--)
        {
            bool clauseStart = t == lowerBound || doc.Is(t - 1, ',') || doc.IsSentenceStart(t) || doc.Tokens[t - 1].Kind == TokenKind.Dash;
            if (!clauseStart)
            {
                continue;
            }

            Phrase p = doc.SubjectAfter(t - 1, before);
            if (!p.IsNone && !IsExpletiveIt(doc, p))
            {
                return p;
            }
        }

        return Phrase.None;
    }

    /// <summary>"It is strange that …", "It's the pull of …": an "it" before a form of be stands for no one.</summary>
    private static bool IsExpletiveIt(DocumentView doc, Phrase p)
    {
        if (p.First != p.Last || !doc.Word(p.First).Equals("it", StringComparison.OrdinalIgnoreCase) || !doc.IsWord(p.Last + 1))
        {
            return false;
        }

        ReadOnlySpan<char> next = doc.Word(p.Last + 1);
        return next.Equals("is", StringComparison.OrdinalIgnoreCase) || next.Equals("was", StringComparison.OrdinalIgnoreCase)
            || (doc.IsPossessive(p.Last + 1) && next.Length == 2); // it’s / it's
    }

    /// <summary>A quote paragraph with no cue of its own continues the speaker of the quote just before it.</summary>
    private static void Continue(List<QuoteCandidate> candidates)
    {
        QuoteCandidate? previous = null;
        foreach (QuoteCandidate c in candidates)
        {
            if (c.Speaker.IsNone && c.Kind == QuoteKind.Direct && previous is not null
                && (!previous.Speaker.IsNone || previous.ContinuationOf is not null)
                && c.FirstParagraph - previous.LastParagraph <= 2)
            {
                c.ContinuationOf = previous.ContinuationOf ?? previous;
                c.Cue = null;
                c.Confidence = Math.Max(c.Confidence, 0.8);
            }

            previous = c;
        }
    }

    private static double Score(DocumentView doc, QuoteCandidate c, MarkedQuote quote, bool cued)
    {
        int open = quote.First.Open;
        if (open > 0 && doc.Is(open - 1, '=') && doc.Tokens[open].Start == doc.Tokens[open - 1].End)
        {
            return 0; // author="…" in scraped markup: an attribute value
        }

        double score = c.Kind == QuoteKind.Direct ? (cued ? 0.95 : 0.6) : (cued ? 0.85 : c.Speaker.IsNone ? 0.3 : 0.55);
        if (!quote.Closed)
        {
            score -= 0.1;
        }

        if ((!cued || IntroducesTitle(doc, open)) && LooksLikeTitle(doc, quote.First))
        {
            score = Math.Min(score, 0.2); // a film, a programme: every word capitalised, and no cue or a title's cue
        }

        return Math.Clamp(score, 0, 1);
    }

    /// <summary>
    /// Before the opening mark: a possessive (MSNBC’s “Morning Joe”) or a word such as documentary, titled, on, also
    /// with "of", "for" or a comma between (a broadcast of “Fox News Sunday”; her documentary, “13th”).
    /// </summary>
    private static bool IntroducesTitle(DocumentView doc, int open)
    {
        if (open <= 0)
        {
            return false;
        }

        int before = open - 1;
        if (before > 0 && (doc.Is(before, ',') || (doc.IsWord(before) && doc.Word(before) is "of" or "for")))
        {
            before--;
        }

        return doc.IsPossessive(open - 1)
            || (doc.IsWord(before) && QuoteLexicons.TitleWords.TryGetValue(doc.Word(before), out TitleWord w) && w == TitleWord.Introduces);
    }

    /// <summary>Short and in title case (“Morning Joe”, “Face the Nation”): capitalised words, numbers, small words after the first.</summary>
    private static bool LooksLikeTitle(DocumentView doc, MarkedSegment segment)
    {
        // The document's own tokens between the marks; more than eight words is no title, so stop there.
        int end = segment.Close >= 0 ? segment.Close : doc.Segments.Paragraphs[segment.Paragraph].EndToken;
        int words = 0;
        int capitals = 0;
        for (int t = segment.Open + 1; t < end; t++)
        {
            Token token = doc.Tokens[t];
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                continue;
            }

            if (++words > MaxTitleWords)
            {
                return false;
            }

            if ((token.Traits & TokenTraits.Capitalized) != 0 || token.Kind == TokenKind.Number)
            {
                capitals++;
            }
            else if (words == 1 || !QuoteLexicons.TitleWords.TryGetValue(doc.Word(t), out TitleWord w) || w != TitleWord.Minor)
            {
                return false;
            }
        }

        return capitals > 0;
    }

    private static ImmutableArray<Quote> Build(DocumentView doc, List<QuoteCandidate> candidates, double minimumConfidence, SpeakerGroups groups)
    {
        var quotes = ImmutableArray.CreateBuilder<Quote>(candidates.Count);
        foreach (QuoteCandidate c in candidates)
        {
            if (c.Confidence < minimumConfidence)
            {
                continue;
            }

            ImmutableArray<TextSpan> segments = NonEmpty(c.Segments);
            if (segments.IsEmpty)
            {
                continue;
            }

            Speaker? speaker = c.Resolved is ResolvedSpeaker r ? groups.Join(r, quotes.Count).ToSpeaker(doc.Text) : null;
            Cue? cue = null;
            if (c.Cue is CueMatch m)
            {
                TextSpan span = TextSpan.FromBounds(doc.Tokens[m.First].Start, doc.Tokens[m.Last].End);
                cue = new Cue(span, doc.Text.Substring(span.Start, span.Length), m.Lemma);
            }

            quotes.Add(new Quote
            {
                Text = JoinLines(doc.Text, segments),
                Span = TextSpan.FromBounds(segments[0].Start, segments[^1].End),
                Segments = segments,
                Kind = c.Kind,
                Speaker = speaker,
                Cue = cue,
                Confidence = Math.Round(c.Confidence, 3),
            });
        }

        // A quote whose first paragraph held only its opening mark starts at a later segment, after quotes
        // that opened after it: order by where the quotes start (a stable sort keeps the rest as they are).
        for (int i = 1; i < quotes.Count; i++)
        {
            if (quotes[i].Span.Start < quotes[i - 1].Span.Start)
            {
                return [.. quotes.OrderBy(q => q.Span.Start)];
            }
        }

        return quotes.Count == quotes.Capacity ? quotes.MoveToImmutable() : quotes.ToImmutable();
    }

    /// <summary>The segments that are not empty, in order.</summary>
    private static ImmutableArray<TextSpan> NonEmpty(List<TextSpan> segments)
    {
        int count = 0;
        foreach (TextSpan s in segments)
        {
            count += s.Length > 0 ? 1 : 0;
        }

        var kept = new TextSpan[count];
        int at = 0;
        foreach (TextSpan s in segments)
        {
            if (s.Length > 0)
            {
                kept[at++] = s;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(kept);
    }

    /// <summary>The segments' texts, one per line.</summary>
    private static string JoinLines(string text, ImmutableArray<TextSpan> segments)
    {
        if (segments.Length == 1)
        {
            return text.Substring(segments[0].Start, segments[0].Length);
        }

        int length = segments.Length - 1;
        foreach (TextSpan s in segments)
        {
            length += s.Length;
        }

        var builder = new StringBuilder(length);
        foreach (TextSpan s in segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(text, s.Start, s.Length);
        }

        return builder.ToString();
    }
}
