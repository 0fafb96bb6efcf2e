using System;
using System.Collections.Generic;
using System.Threading;

namespace QuoteExtract.Quotes;

/// <summary>
/// Finds reported speech without quote marks: X said (that) CLAUSE, X told Y that CLAUSE,
/// according to X, CLAUSE / CLAUSE, according to X, CLAUSE, X said, and CLAUSE, X said, CLAUSE.
/// </summary>
internal static class ReportedSpeech
{
    /// <summary>How far after the cue "that" may come (X told BBC Radio 4’s Today programme that …).</summary>
    private const int ThatWindow = 12;

    private const int MinimumClauseTokens = 3;

    /// <summary>The source of "According to X, …" opening a sentence is at most this many words (veteran local radio host Ann Pike).</summary>
    private const int MaxOpeningSourceTokens = 8;

    /// <summary>A phrase between a cue and its comma (the agency said in a June report, …) is at most this long: bounds the work per cue.</summary>
    private const int MaxTrailingPhraseTokens = 12;

    /// <summary>A headline's source before its colon is at most this many words (McCain Challenger Kelli Ward: …).</summary>
    private const int MaxHeadlineSourceTokens = 5;

    /// <summary>While X say S, Y …: X, between the subordinator and the cue, is at most this many tokens.</summary>
    private const int MaxConcessiveSpeakerTokens = 12;

    /// <summary>A headline read in title case is at most this many tokens.</summary>
    private const int MaxHeadlineTokens = 32;

    /// <summary>A clause reported before its cue (CLAUSE, X said) is at most this long: bounds the work on any input.</summary>
    private const int MaxClauseTokens = 120;

    public static List<QuoteCandidate> Find(DocumentView doc, ParseView parse, bool[] insideQuote, CancellationToken cancellationToken)
    {
        var found = new List<QuoteCandidate>();
        if ((Headline(doc, insideQuote) ?? TitleCaseHeadline(doc, insideQuote)) is QuoteCandidate headline)
        {
            found.Add(headline);
        }

        int coveredUntil = -1;
        for (int t = 0; t < doc.Count; t++)
        {
            if ((t & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (t < coveredUntil || insideQuote[t] || !doc.TryCue(t, out CueMatch cue) || cue.Class == CueClass.Quote)
            {
                continue;
            }

            QuoteCandidate? candidate = cue.IsAccordingTo ? AccordingTo(doc, parse, cue, insideQuote) : AfterCue(doc, parse, cue, insideQuote);
            if (candidate is null && !cue.IsAccordingTo)
            {
                // S1, X said, S2 before S, X said(, …): the words after the cue's comma go on with what was said.
                (QuoteCandidate? before, candidate) = Interrupting(doc, parse, cue, insideQuote);
                if (before is not null)
                {
                    found.Add(before);
                }

                candidate ??= BeforeCue(doc, parse, cue, insideQuote);
            }

            if (candidate is not null)
            {
                found.Add(candidate);
                coveredUntil = ClauseEndToken(doc, candidate);
            }
        }

        return found;
    }

    /// <summary>
    /// A headline that gives its source before a colon (Poll: Wealthy voters abandon …; Pence: Flowers won’t be at
    /// the debate): the text's first paragraph, at most five words before the colon, the last of them in a person's
    /// or organisation's name or a role or institution noun; what follows the colon is what was said. Not a label
    /// that is no source (The Latest: …, Editor’s note: …).
    /// </summary>
    private static QuoteCandidate? Headline(DocumentView doc, bool[] insideQuote)
    {
        if (doc.Segments.Paragraphs.Length == 0)
        {
            return null;
        }

        Paragraph first = doc.Segments.Paragraphs[0];
        int end = first.FirstToken + first.TokenCount;
        for (int c = first.FirstToken; c < end && c <= first.FirstToken + MaxHeadlineSourceTokens; c++)
        {
            if (!doc.Is(c, ':'))
            {
                if (doc.IsWord(c) && !insideQuote[c])
                {
                    continue;
                }

                return null;
            }

            bool source = c > first.FirstToken && (doc.EntityAt(c - 1) is EntityType.Person or EntityType.Organization
                || (doc.ClassOf(c - 1) & (SpeakerWord.Role | SpeakerWord.Institution)) != 0);
            if (!source || c + 1 >= end || insideQuote[c + 1])
            {
                return null;
            }

            // A semicolon ends the headline proper; a standfirst follows it (…’; In speech to AIPAC, she attacks …).
            int clauseEnd = c + 1;
            while (clauseEnd < end && !(doc.Is(clauseEnd, ';') && !insideQuote[clauseEnd]))
            {
                clauseEnd++;
            }

            return Make(doc, c + 1, clauseEnd, null, new Phrase(first.FirstToken, c - 1));
        }

        return null;
    }

    /// <summary>
    /// A headline in title case with its source and a speech verb in the present (Bellwether County Says Trump Should
    /// Win; Clinton Says Russians Hacked DNC, Calls …; …, Trevor Noah Says.): the parse reads capitalised words as
    /// names, so the headline is read from its words. The source is at most five words that open the headline and
    /// end in a name, role or institution; what was said runs to the end, or to a comma before a second verb.
    /// </summary>
    private static QuoteCandidate? TitleCaseHeadline(DocumentView doc, bool[] insideQuote)
    {
        if (doc.Segments.Paragraphs.Length < 2)
        {
            return null;
        }

        Paragraph first = doc.Segments.Paragraphs[0];
        int start = first.FirstToken;
        int end = first.FirstToken + first.TokenCount;
        while (end > start && !doc.IsWord(end - 1) && !doc.IsQuoteMark(end - 1))
        {
            end--; // the final full stop
        }

        if (end - start < 4 || end - start > MaxHeadlineTokens || !IsTitleCase(doc, start, end))
        {
            return null;
        }

        for (int c = start + 1; c < end && c <= start + MaxHeadlineSourceTokens; c++)
        {
            if (!doc.IsWord(c) || insideQuote[c])
            {
                break;
            }

            if (!IsHeadlineCue(doc, c))
            {
                continue;
            }

            if (!IsSource(doc, c - 1) || c + 2 >= end)
            {
                return null;
            }

            // Clinton Says Russians Hacked DNC, Calls …: a comma before a second verb of the source ends what was said.
            int clauseEnd = c + 1;
            while (clauseEnd < end && !(doc.Is(clauseEnd, ',') && clauseEnd + 1 < end && doc.IsWord(clauseEnd + 1) && QuoteLexicons.CueVerbs.Contains(doc.Word(clauseEnd + 1)))
                && !doc.Is(clauseEnd, ';'))
            {
                clauseEnd++;
            }

            return Make(doc, c + 1, clauseEnd, new CueMatch(c, c, "say", CueClass.Speech), new Phrase(start, c - 1));
        }

        // …, Trevor Noah Says.: the source and its verb after the last comma.
        int cue = end - 1;
        if (!IsHeadlineCue(doc, cue) || !IsSource(doc, cue - 1))
        {
            return null;
        }

        for (int s = cue - 1; s > start && s >= cue - MaxHeadlineSourceTokens; s--)
        {
            if (doc.Is(s - 1, ',') && s - 1 > start + 1)
            {
                return Make(doc, start, s - 1, new CueMatch(cue, cue, "say", CueClass.Speech), new Phrase(s, cue - 1));
            }

            if (!doc.IsWord(s))
            {
                return null;
            }
        }

        return null;

        bool IsSource(DocumentView d, int t) => d.EntityAt(t) is EntityType.Person or EntityType.Organization or EntityType.Location
            || (d.ClassOf(t) & (SpeakerWord.Role | SpeakerWord.Institution)) != 0;
    }

    /// <summary>Says or Say, capitalised as a title-case headline writes it.</summary>
    private static bool IsHeadlineCue(DocumentView doc, int t) =>
        doc.IsWord(t) && (doc.Word(t).SequenceEqual("Says") || doc.Word(t).SequenceEqual("Say"));

    /// <summary>Whether the words of [start, end) are written in title case: all capitalised but a few short ones (of, to, a).</summary>
    private static bool IsTitleCase(DocumentView doc, int start, int end)
    {
        int words = 0;
        int lower = 0;
        for (int t = start; t < end; t++)
        {
            if (!doc.IsWord(t) || !char.IsLetter(doc.Word(t)[0]))
            {
                continue;
            }

            words++;
            if (!doc.IsCapitalized(t))
            {
                lower++;
                if (doc.Word(t).Length > 4)
                {
                    return false;
                }
            }
        }

        return words >= 4 && lower * 4 <= words;
    }

    private static int ClauseEndToken(DocumentView doc, QuoteCandidate c)
    {
        int end = c.Segments[^1].End;
        int t = c.Anchor;
        while (t < doc.Count && doc.Tokens[t].Start < end)
        {
            t++;
        }

        return t;
    }

    /// <summary>X said (that) CLAUSE.</summary>
    private static QuoteCandidate? AfterCue(DocumentView doc, ParseView parse, CueMatch cue, bool[] insideQuote)
    {
        int sentenceEnd = doc.SentenceEnd(cue.First);
        Phrase speaker = SurfaceSpeaker(doc, cue);
        if (speaker.IsNone)
        {
            speaker = ParseAttribution.PluralSubjectBefore(doc, parse, cue.First, doc.SentenceStart(cue.First)); // Other senators said they …
        }

        if (speaker.IsNone)
        {
            return null;
        }

        int start = -1;
        int from = AfterDashedAside(doc, cue.Last + 1, sentenceEnd); // X said — on Twitter, as it happens — that S
        for (int t = from; t < sentenceEnd && t <= from + ThatWindow; t++)
        {
            if (doc.IsWord(t) && doc.Word(t).Equals("that", StringComparison.OrdinalIgnoreCase))
            {
                if (t > from && cue.Class == CueClass.Speech && StartsClause(doc, cue.Last + 1) && IsRelativeThatSubject(parse, t))
                {
                    break; // said the 14 lakes that have not recovered tend to …: a relative pronoun; the clause opens after the cue
                }

                if (HasSoOrSuch(doc, cue.Last + 1, t))
                {
                    return null; // spoke so quietly that no one heard: a result, not what was said
                }

                start = t + 1;
                break;
            }

            if (doc.IsQuoteMark(t) || doc.Is(t, ':') || doc.Is(t, ',') || doc.Is(t, ';') || doc.IsTerminal(t) || doc.TryCue(t, out _))
            {
                break;
            }
        }

        int next = cue.Last + 1;
        // said in an email an inspector visited the home and that S: a "that" after a conjunction opens the second of two
        // clauses; the first, with no "that", opens after the cue when a rule below finds it, and the clause holds both.
        int secondThat = -1;
        if (start > next + 1 && IsClauseConjunction(doc, start - 2))
        {
            (secondThat, start) = (start, -1);
        }

        // S, said Katie Harbath, the director: the words after the cue are its speaker, not what was said.
        if (start < 0 && doc.Is(cue.First - 1, ',') && !doc.SubjectAfter(cue.Last, sentenceEnd).IsNone && !OpensWithApposedSpeaker(doc, parse, cue))
        {
            return null;
        }

        // X wrote in a memo: after a cue phrase that ends in a preposition come its object, the medium, not a clause.
        bool preposition = cue.Last > cue.First && doc.Word(cue.Last).Equals("in", StringComparison.OrdinalIgnoreCase);
        if (start < 0 && cue.Class == CueClass.Speech && next < sentenceEnd && !preposition && (StartsClause(doc, next) || StartsWithBareNoun(doc, parse, cue.Last, next, sentenceEnd)))
        {
            start = next;
        }

        // X said in an email its program had issued 14 orders; X wrote in a note to clients S; X told council S: after the
        // medium or the hearer, a clause with a tensed verb of its own is what was said.
        if (start < 0 && next < sentenceEnd && cue.Class is CueClass.Speech or CueClass.SpeechThat or CueClass.SpeechParsed)
        {
            int medium = preposition ? cue.Last : next; // (the cue phrase "wrote in" ends in the medium's preposition)
            int after = AfterMedium(doc, medium, sentenceEnd);
            after = after == medium ? next : after;
            if (after == next && cue.Lemma == "tell")
            {
                after = AfterHearer(doc, parse, next, sentenceEnd);
                after = after > next ? AfterMedium(doc, after, sentenceEnd) : after; // (told the Herald in an interview S)
            }

            if (after > next && OpensTensedClause(doc, parse, after, sentenceEnd))
            {
                start = after;
            }
        }

        start = start < 0 ? secondThat : start;
        if (start < 0 || start >= sentenceEnd || insideQuote[start] || doc.IsQuoteMark(start))
        {
            return null;
        }

        int end = WithClosingMark(doc, start, ClauseEnd(doc, start, sentenceEnd), sentenceEnd);

        return Make(doc, start, end, cue, speaker);
    }

    /// <summary>
    /// "That" at <paramref name="t"/> is, by the parse, the subject of a relative clause that has no other (the lakes that
    /// have recovered), not a complementizer.
    /// </summary>
    private static bool IsRelativeThatSubject(ParseView parse, int t)
    {
        int head = parse.IsParsed(t) ? parse.Head(t) : -1;
        return head > t && parse.Pos(t) == UniversalPos.Pron && parse.HasBase(t, "nsubj") && parse.Has(head, "acl:relcl") && parse.ChildOfBase(head, "nsubj") == t;
    }

    /// <summary>"and", "but" or "or" at <paramref name="t"/>: what may join two clauses of what was said.</summary>
    private static bool IsClauseConjunction(DocumentView doc, int t)
    {
        if (!doc.IsWord(t))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(t);
        return w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("but", StringComparison.OrdinalIgnoreCase) || w.Equals("or", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The most words of a medium's phrase between its article and its noun (in a written statement).</summary>
    private const int MaxMediumWords = 3;

    /// <summary>The most tokens between a clause's first word and its tensed verb (high fibre costs, weak global pulp prices … made).</summary>
    private const int MaxSubjectTokens = 18;

    /// <summary>
    /// Where the medium after a cue ends (said in an email, wrote in a note to clients, said in a news release Thursday):
    /// "in", an article or possessive, at most <see cref="MaxMediumWords"/> words ending in a noun of a medium, then
    /// "to" and its object's words, then a time with "at" or "on" (at 6 a.m., on Tuesday night) and a day;
    /// <paramref name="t"/> when there is none.
    /// </summary>
    internal static int AfterMedium(DocumentView doc, int t, int sentenceEnd)
    {
        if (t + 2 >= sentenceEnd || !doc.IsWord(t) || !doc.Word(t).Equals("in", StringComparison.OrdinalIgnoreCase) || (doc.ClassOf(t + 1) & SpeakerWord.Determiner) == 0)
        {
            return t;
        }

        int noun = -1;
        for (int u = t + 2; u < sentenceEnd && u <= t + 1 + MaxMediumWords && doc.IsWord(u); u++)
        {
            if (QuoteLexicons.MediumNouns.Contains(doc.Word(u)))
            {
                noun = u;
                break;
            }
        }

        if (noun < 0)
        {
            return t;
        }

        int end = noun + 1;
        if (end + 1 < sentenceEnd && doc.IsWord(end) && doc.Word(end).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            int to = end + 1; // (to clients, to its members: lower-case words, until an article or possessive opens the clause)
            while (to < sentenceEnd && to - end <= MaxMediumWords && doc.IsWord(to) && !doc.IsCapitalized(to) && !doc.TryCue(to, out _)
                && !(to > end + 1 && (doc.ClassOf(to) & SpeakerWord.Determiner) != 0))
            {
                to++;
            }

            end = to > end + 1 ? to : end;
        }

        // (a time with "at" or "on": said in an update at 6 a.m.; in a statement on Tuesday night; at 9 p.m. Friday)
        if (end + 1 < sentenceEnd && doc.IsWord(end) && (doc.Word(end).Equals("at", StringComparison.OrdinalIgnoreCase) || doc.Word(end).Equals("on", StringComparison.OrdinalIgnoreCase))
            && (doc.Tokens[end + 1].Kind == TokenKind.Number || ((doc.ClassOf(end + 1) & SpeakerWord.Time) != 0 && doc.IsCapitalized(end + 1))))
        {
            int at = end + 1;
            while (at < sentenceEnd && at - end <= MaxMediumWords + 1 && IsTimeWord(doc, at))
            {
                at++;
            }

            end = at;
        }

        while (end < sentenceEnd && doc.IsWord(end) && (doc.ClassOf(end) & SpeakerWord.Time) != 0 && doc.IsCapitalized(end))
        {
            end++; // (a day: said in a news release Thursday)
        }

        return end;
    }

    /// <summary>A token of a time or date: a number, a clock word, a word of time (6 a.m., Tuesday night, 1 April).</summary>
    private static bool IsTimeWord(DocumentView doc, int t) =>
        doc.Tokens[t].Kind == TokenKind.Number || (doc.IsWord(t) && (IsClockWord(doc.Word(t)) || (doc.ClassOf(t) & SpeakerWord.Time) != 0));

    /// <summary>A word of a clock time after its number (6 a.m., 10:30 p.m.).</summary>
    private static bool IsClockWord(ReadOnlySpan<char> w) =>
        w.Equals("a.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("p.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("a.m", StringComparison.OrdinalIgnoreCase)
        || w.Equals("p.m", StringComparison.OrdinalIgnoreCase) || w.Equals("am", StringComparison.Ordinal) || w.Equals("pm", StringComparison.Ordinal);

    /// <summary>
    /// Past the medium at <paramref name="t"/> (in an email, in an Instagram post) when a clause with a tensed verb of its
    /// own follows it before <paramref name="end"/>; else <paramref name="t"/>.
    /// </summary>
    internal static int AfterMediumOpeningClause(DocumentView doc, ParseView parse, int t, int end)
    {
        int after = AfterMedium(doc, t, end);
        return after > t && after < end && OpensTensedClause(doc, parse, after, end) ? after : t;
    }

    /// <summary>
    /// A clause with a tensed verb of its own opens at <paramref name="t"/>: a subject's first word (a pronoun but a
    /// relative or interrogative one, an article, a possessive, a noun, a name, an adjective, a number, or an adverb before a number: about 48,000), then, within <see cref="MaxSubjectTokens"/>
    /// tokens and before a quote mark or the sentence's end, an auxiliary or a verb not in -ing and not after "to".
    /// </summary>
    private static bool OpensTensedClause(DocumentView doc, ParseView parse, int t, int sentenceEnd)
    {
        bool approximate = parse.Pos(t) == UniversalPos.Adv && t + 1 < sentenceEnd && doc.Tokens[t + 1].Kind == TokenKind.Number; // (about 48,000 customers)
        if (!parse.IsParsed(t) || !doc.IsWord(t) || doc.TryCue(t, out _)
            || (parse.Pos(t) is not (UniversalPos.Pron or UniversalPos.Det or UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Adj or UniversalPos.Num) && !approximate)
            || (IsRelativeWord(doc, t) && !doc.Word(t).Equals("that", StringComparison.OrdinalIgnoreCase)))
        {
            return false; // (told the mayors who gathered …: a relative or a question, no clause of what was said; "that" opens one)
        }

        for (int v = t + 1; v < sentenceEnd && v <= t + MaxSubjectTokens; v++)
        {
            if (doc.IsQuoteMark(v) || doc.IsTerminal(v) || doc.Is(v, ';') || doc.Is(v, ':') || !parse.IsParsed(v))
            {
                return false;
            }

            if (parse.Pos(v) == UniversalPos.Aux || (parse.Pos(v) == UniversalPos.Verb && !doc.Word(v).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !ReportedClauses.IsTo(doc, v - 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most tokens of the phrase after a subject (of his classmates) before its verb.</summary>
    private const int MaxSubjectTail = 6;

    /// <summary>
    /// Whether a verb or an auxiliary comes at <paramref name="t"/>, or after a short phrase of the subject's there
    /// (most of his classmates had …): a preposition and its object's words, at most <see cref="MaxSubjectTail"/>.
    /// </summary>
    internal static bool VerbAfterSubject(DocumentView doc, ParseView parse, int t, int sentenceEnd)
    {
        for (int u = t; u < sentenceEnd && u - t < MaxSubjectTail && parse.IsParsed(u); u++)
        {
            UniversalPos pos = parse.Pos(u);
            if (pos is UniversalPos.Aux or UniversalPos.Verb)
            {
                return true;
            }

            // (a relative pronoun opens a clause on the phrase, not its verb: said Tom Reyes of the company that makes …)
            if (u == t ? pos != UniversalPos.Adp : pos is not (UniversalPos.Det or UniversalPos.Pron or UniversalPos.Adj or UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Num)
                || IsRelativeWord(doc, u))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsRelativeWord(DocumentView doc, int t) =>
        doc.IsWord(t) && (doc.Word(t).Equals("who", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("whom", StringComparison.OrdinalIgnoreCase)
            || doc.Word(t).Equals("whose", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("which", StringComparison.OrdinalIgnoreCase)
            || doc.Word(t).Equals("that", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("what", StringComparison.OrdinalIgnoreCase));

    /// <summary>The most tokens of a hearer after a verb of telling (a jury, the Globe and Mail, her constituents).</summary>
    private const int MaxHearerTokens = 5;

    /// <summary>
    /// Where the hearer after a verb of telling ends (told a jury Tuesday, told CBC News, told reporters): from
    /// <paramref name="t"/>, determiners, possessives, adjectives, nouns and names, at most <see cref="MaxHearerTokens"/>,
    /// not a word of time (Tuesday says when), the last of them someone who hears: a name, a pronoun, a role or an
    /// institution (reporters, the court) or a jury, crowd or audience — not a story or a joke, which are what was told.
    /// <paramref name="t"/> when there is no hearer.
    /// </summary>
    private static int AfterHearer(DocumentView doc, ParseView parse, int t, int sentenceEnd)
    {
        int end = t;
        bool head = false; // (past the hearer's noun, a determiner or pronoun opens another phrase: told the court their daughters …)
        while (end < sentenceEnd && end - t < MaxHearerTokens && parse.IsParsed(end) && doc.IsWord(end) && (doc.ClassOf(end) & SpeakerWord.Time) == 0
            && parse.Pos(end) is UniversalPos.Det or UniversalPos.Adj or UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron
            && !(head && parse.Pos(end) is UniversalPos.Det or UniversalPos.Pron))
        {
            head |= parse.Pos(end) is UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron;
            end++;
        }

        return end > t && IsHearer(doc, parse, end - 1) ? end : t;
    }

    private static bool IsHearer(DocumentView doc, ParseView parse, int t)
    {
        if (parse.Pos(t) is UniversalPos.PropN or UniversalPos.Pron)
        {
            return true;
        }

        ReadOnlySpan<char> w = doc.Word(t);
        const SpeakerWord Hears = SpeakerWord.Role | SpeakerWord.Institution;
        return (QuoteLexicons.ClassOf(w) & Hears) != 0 || (w.Length > 3 && w[^1] == 's' && (QuoteLexicons.ClassOf(w[..^1]) & Hears) != 0)
            || w.Equals("jury", StringComparison.OrdinalIgnoreCase) || w.Equals("crowd", StringComparison.OrdinalIgnoreCase) || w.Equals("audience", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Where a prepositional phrase after a cue ends (the agency said in a June report, …): from <paramref name="t"/>, a
    /// preposition, to the sentence's end or a comma, at most <see cref="MaxTrailingPhraseTokens"/> parsed tokens with
    /// no verb, auxiliary or quote mark; -1 when the words there are not such a phrase.
    /// </summary>
    private static int PhraseEnd(DocumentView doc, ParseView parse, int t, int sentenceEnd)
    {
        if (parse.Pos(t) != UniversalPos.Adp)
        {
            return -1;
        }

        int i = t;
        for (; i < sentenceEnd && !doc.IsTerminal(i) && !doc.Is(i, ','); i++)
        {
            if (i - t >= MaxTrailingPhraseTokens || !parse.IsParsed(i) || parse.Pos(i) is UniversalPos.Verb or UniversalPos.Aux || doc.IsQuoteMark(i))
            {
                return -1;
            }
        }

        return i;
    }

    /// <summary>
    /// X, a Y, said …: the sentence opens with the speaker and an apposition between commas, so the words after
    /// the cue are what was said, not an inverted speaker (Jeff Sessions, a Trump supporter, said Clinton’s …); so
    /// too after a verbless adverbial and its comma (At the centre, Donna Pruden, 66, said she …).
    /// </summary>
    private static bool OpensWithApposedSpeaker(DocumentView doc, ParseView parse, CueMatch cue)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        Phrase speaker = doc.SubjectBefore(cue.First, sentenceStart, out Phrase apposition);
        if (speaker.IsNone || apposition.IsNone)
        {
            return false;
        }

        return speaker.First == sentenceStart
            || (parse.IsParsed(sentenceStart) && parse.Pos(sentenceStart) is UniversalPos.Adp or UniversalPos.Adv
                && ReportedClauses.IsVerblessOpening(doc, parse, sentenceStart, speaker.First - 1));
    }

    /// <summary>The speaker of a cue read from the words before it.</summary>
    internal static Phrase SurfaceSpeaker(DocumentView doc, CueMatch cue)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        // X did this, saying … / X did this and said …: the same rule as for quotes in marks.
        Phrase speaker = QuoteAttributor.IsDependentCue(doc, cue) ? QuoteAttributor.DependentCueSpeaker(doc, cue, sentenceStart) : Phrase.None;
        if (speaker.IsNone)
        {
            speaker = doc.SubjectBefore(cue.First, sentenceStart, out _);
        }

        if (speaker.IsNone && (doc.Is(cue.First - 1, ',') || doc.IsAnd(cue.First - 1)))
        {
            speaker = QuoteAttributor.SentenceSubject(doc, cue.First, sentenceStart);
        }

        // Some argue …, Both said …: a quantifier alone that opens the sentence.
        if (speaker.IsNone && cue.First - 1 == sentenceStart && doc.IsQuantifier(sentenceStart))
        {
            speaker = new Phrase(sentenceStart, sentenceStart);
        }

        // X said they want “justice for Terrence(,)” and pledged …: words between quote marks are no speaker.
        int after = speaker.Last + 1 < doc.Count && (doc.Is(speaker.Last + 1, ',') || doc.Is(speaker.Last + 1, '.')) ? speaker.Last + 2 : speaker.Last + 1;
        bool quoted = !speaker.IsNone && speaker.First > 0 && after < doc.Count
            && doc.IsQuoteMark(speaker.First - 1) && doc.IsQuoteMark(after);
        return quoted ? Phrase.None : speaker;
    }

    /// <summary>CLAUSE, X said. / CLAUSE, said X.</summary>
    private static QuoteCandidate? BeforeCue(DocumentView doc, ParseView parse, CueMatch cue, bool[] insideQuote)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        int sentenceEnd = doc.SentenceEnd(cue.First);
        int after = cue.Last + 1;
        Phrase speaker = WidenedSubjectBefore(doc, cue, sentenceStart);
        if (speaker.IsNone || !doc.Is(speaker.First - 1, ','))
        {
            Phrase source = UnnamedSource(doc, cue, sentenceStart);
            speaker = source.IsNone ? speaker : source;
        }

        int comma;

        if (!speaker.IsNone && doc.Is(speaker.First - 1, ','))
        {
            comma = speaker.First - 1;
        }
        else if (doc.Is(cue.First - 1, ','))
        {
            comma = cue.First - 1;
            speaker = doc.SubjectAfter(cue.Last, sentenceEnd);
            after = speaker.IsNone ? after : speaker.Last + 1;

            // (…, said about 600 people had registered; …, said most of his classmates had adjusted: a subject, and its
            // of-phrase, with its verb after the cue opens what was said)
            if (!speaker.IsNone && VerbAfterSubject(doc, parse, after, sentenceEnd))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (speaker.IsNone)
        {
            return null;
        }

        // Only the end of the sentence (or an adverb such as "today") may follow, or a comma: what comes after it
        // (a description of the speaker, an aside of the writer's) is not what was said. In a parsed sentence,
        // a phrase without a verb may follow too (…, the board said in its annual report).
        // …, a Crown prosecutor told a jury Tuesday: a verb of telling has its hearer first.
        if (cue.Lemma == "tell" && after == cue.Last + 1)
        {
            after = AfterHearer(doc, parse, after, sentenceEnd);
        }

        int phraseEnd = after < sentenceEnd ? PhraseEnd(doc, parse, after, sentenceEnd) : -1;
        after = Math.Max(after, phraseEnd);
        while (after < sentenceEnd && !doc.IsTerminal(after) && !doc.Is(after, ','))
        {
            if ((doc.ClassOf(after) & (SpeakerWord.Skip | SpeakerWord.Time)) == 0)
            {
                return null;
            }

            after++;
        }

        // As the phone rang, the announcer said, “…”: the cue introduces the quote after its comma.
        if (doc.Is(after, ',') && after + 1 < doc.Count && (insideQuote[after + 1] || doc.IsQuoteMark(after + 1)))
        {
            return null;
        }

        int start = sentenceStart;
        if (comma - start > MaxClauseTokens || start >= comma || insideQuote[start] || doc.IsQuoteMark(start))
        {
            return null;
        }

        // (a clause: a verb or an auxiliary by its tag, where the words were parsed, when the cue ends the sentence; the
        // noun phrase of an apposition before the speaker's name is none: Farrell’s wife, Catherine Farrell, has not been
        // charged. Before a comma after the cue, the words are the first part of an interrupted clause: The difference
        // now, he said, is …)
        bool predicate = false;
        for (int t = start; t < comma; t++)
        {
            if (insideQuote[t])
            {
                return null;
            }

            predicate |= !parse.IsParsed(t) || parse.Pos(t) is UniversalPos.Verb or UniversalPos.Aux;
        }

        return predicate || !(after >= sentenceEnd || doc.IsTerminal(after)) ? Make(doc, start, comma, cue, speaker) : null;
    }

    /// <summary>
    /// The subject read from the words before the cue; energy analysts, political scientists: with up to two
    /// lower-case words no lexicon lists, when a comma stands before them.
    /// </summary>
    private static Phrase WidenedSubjectBefore(DocumentView doc, CueMatch cue, int sentenceStart)
    {
        Phrase speaker = doc.SubjectBefore(cue.First, sentenceStart, out _);
        if (speaker.IsNone || doc.Is(speaker.First - 1, ','))
        {
            return speaker;
        }

        int first = speaker.First;
        for (int i = 0; i < 2 && first - 1 > sentenceStart && IsPlainModifier(doc, first - 1); i++)
        {
            first--;
        }

        return doc.Is(first - 1, ',') ? speaker with { First = first } : speaker;
    }

    /// <summary>
    /// "…, a person familiar with the plans said": a short noun phrase after a comma, an adjective and preposition
    /// of <see cref="QuoteLexicons.SpeakerPostmodifiers"/> and their object, right before the cue; or none.
    /// </summary>
    private static Phrase UnnamedSource(DocumentView doc, CueMatch cue, int sentenceStart)
    {
        // The preposition's object: one to five words before the cue.
        for (int p = cue.First - 2; p >= cue.First - 6 && p - 2 > sentenceStart; p--)
        {
            if (!doc.IsWord(p) || !doc.IsWord(p + 1) || !doc.IsWord(p - 1))
            {
                return Phrase.None;
            }

            if (!IsPostmodifier(doc.Word(p - 1), doc.Word(p)))
            {
                continue;
            }

            // The noun the phrase describes, and its determiner or number: one to three words after a comma.
            for (int c = p - 2; c >= p - 5 && c > sentenceStart; c--)
            {
                if (doc.Is(c, ','))
                {
                    return c < p - 2 ? new Phrase(c + 1, cue.First - 1) : Phrase.None;
                }

                if (!doc.IsWord(c))
                {
                    return Phrase.None;
                }
            }

            return Phrase.None;
        }

        return Phrase.None;
    }

    /// <summary>"familiar with", "close to": the two words, looked up without a string.</summary>
    internal static bool IsPostmodifier(ReadOnlySpan<char> adjective, ReadOnlySpan<char> preposition)
    {
        if (adjective.Length + preposition.Length > 30)
        {
            return false;
        }

        Span<char> key = stackalloc char[32];
        adjective.CopyTo(key);
        key[adjective.Length] = ' ';
        preposition.CopyTo(key[(adjective.Length + 1)..]);
        return QuoteLexicons.SpeakerPostmodifiers.Contains(key[..(adjective.Length + 1 + preposition.Length)]);
    }

    private static bool IsPlainModifier(DocumentView doc, int t) =>
        doc.IsWord(t) && !doc.IsCapitalized(t) && doc.Tokens[t].Length >= 3 && doc.ClassOf(t) == SpeakerWord.None;

    /// <summary>
    /// CLAUSE, X said, CLAUSE. — a cue with its subject set off by commas inside the sentence it reports: the words
    /// before and after it, as two reported clauses of the one speaker (as “…,” she said, “…” gives two quotes).
    /// The words before are left out when shorter than a clause (Even then, he said, …). Not for an aside after the
    /// cue (…, he said, adding that …; …, she said, as the crowd cheered), which is the writer's.
    /// </summary>
    private static (QuoteCandidate? Before, QuoteCandidate? After) Interrupting(DocumentView doc, ParseView parse, CueMatch cue, bool[] insideQuote)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        int sentenceEnd = doc.SentenceEnd(cue.First);
        Phrase speaker = WidenedSubjectBefore(doc, cue, sentenceStart);
        int comma = speaker.IsNone ? -1 : speaker.First - 1;
        int after = cue.Last + 1;
        bool inverted = false;
        if (comma < 0 || !doc.Is(comma, ','))
        {
            // S1, said Ortiz, S2.
            comma = cue.First - 1;
            speaker = doc.Is(comma, ',') ? doc.SubjectAfter(cue.Last, sentenceEnd) : Phrase.None;
            after = speaker.IsNone ? after : speaker.Last + 1;
            inverted = true;
        }

        if (speaker.IsNone || comma <= sentenceStart)
        {
            return (null, null);
        }

        while (after < sentenceEnd && doc.IsWord(after) && (doc.ClassOf(after) & SpeakerWord.Skip) != 0)
        {
            after++;
        }

        if (after < sentenceEnd && !doc.Is(after, ','))
        {
            after = Math.Max(after, PhraseEnd(doc, parse, after, sentenceEnd)); // S1, the agency said in a June report, S2
        }

        if (after >= sentenceEnd || !doc.Is(after, ',') || after + 1 >= sentenceEnd || !StartsReportedRest(doc, after + 1)
            || (inverted && !ContinuesAfterInvertedSpeaker(doc, after + 1)))
        {
            return (null, null);
        }

        if (comma - sentenceStart > MaxClauseTokens || sentenceEnd - after > MaxClauseTokens)
        {
            return (null, null);
        }

        for (int t = sentenceStart; t < sentenceEnd; t++)
        {
            // (an unpaired ’ after s is the possessive's: the studios' end)
            if (insideQuote[t] || (doc.IsQuoteMark(t) && doc.Tokens[t].Kind != TokenKind.AmbiguousQuote))
            {
                return (null, null); // a quote in marks: the mark pairing's
            }
        }

        // The museum, he said, would make …: when the rest opens with its verb, the words before are its subject,
        // however short; otherwise they are kept only as long as a clause (Even then, he said, … is the writer's).
        bool subjectBefore = doc.IsVerbLike(after + 1);
        QuoteCandidate? before = Make(doc, sentenceStart, comma, cue, speaker, subjectBefore ? 1 : MinimumClauseTokens);
        int restStart = doc.IsAnd(after + 1) ? after + 2 : after + 1; // S1, the agency said, and S2: the conjunction joins the two
        QuoteCandidate? rest = Make(doc, restStart, sentenceEnd, cue, speaker, subjectBefore ? 1 : MinimumClauseTokens);
        return rest is null ? (null, null) : (before, rest);
    }

    /// <summary>The words after ", he said," go on with the sentence: not a participle, "as", "while" or the like.</summary>
    internal static bool StartsReportedRest(DocumentView doc, int t)
    {
        if (!doc.IsWord(t))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(t);
        return !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("as", StringComparison.OrdinalIgnoreCase) && !w.Equals("while", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("before", StringComparison.OrdinalIgnoreCase) && !w.Equals("after", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("when", StringComparison.OrdinalIgnoreCase) && !w.Equals("who", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("which", StringComparison.OrdinalIgnoreCase) && !w.Equals("in", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("at", StringComparison.OrdinalIgnoreCase) && !w.Equals("on", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// After ", said Ortiz," the sentence goes on (was never approved), where an apposition would describe the speaker
    /// (a spokeswoman for …, the council's leader, whose office …): a lower-case word that opens no noun phrase
    /// and no relative clause (the speaker lexicon's determiners, articles, pronouns, roles, modifiers and stop words).
    /// </summary>
    private static bool ContinuesAfterInvertedSpeaker(DocumentView doc, int t) =>
        doc.IsWord(t) && !doc.IsCapitalized(t)
        && (doc.ClassOf(t) & (SpeakerWord.Determiner | SpeakerWord.Pronoun | SpeakerWord.Role | SpeakerWord.Modifier | SpeakerWord.Article | SpeakerWord.Stop)) == 0;

    /// <summary>according to X, CLAUSE / CLAUSE, according to X.</summary>
    private static QuoteCandidate? AccordingTo(DocumentView doc, ParseView parse, CueMatch cue, bool[] insideQuote)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        int sentenceEnd = doc.SentenceEnd(cue.First);
        // According to conservative talk radio host Rush Limbaugh, S: opening the sentence, the source runs to the comma.
        Phrase opening = doc.IsSentenceStart(cue.First) ? OpeningSource(doc, cue.Last + 1, sentenceEnd) : Phrase.None;
        Phrase source = opening.IsNone ? doc.SubjectAfter(cue.Last, sentenceEnd) : opening;
        if (source.IsNone && doc.Is(cue.First - 1, ','))
        {
            source = ClosingSource(doc, cue.Last + 1, sentenceEnd); // S, according to exit polls.
        }

        if (source.IsNone)
        {
            return null;
        }

        int start;
        int end;
        // In Iowa, according to X, S: an adverbial with no verb before the phrase is not what X vouches for.
        bool adverbialBefore = parse.IsParsed(cue.First) && doc.Is(source.Last + 1, ',') && ReportedClauses.IsVerblessOpening(doc, parse, sentenceStart, cue.First - 1);
        if (doc.Is(cue.First - 1, ',') && cue.First - 1 - sentenceStart <= MaxClauseTokens && !adverbialBefore)
        {
            start = sentenceStart;
            end = cue.First - 1;
        }
        else if (doc.Is(source.Last + 1, ','))
        {
            start = source.Last + 2;
            end = start;
            end = ClauseEnd(doc, end, sentenceEnd);
        }
        else
        {
            return null;
        }

        // A quoted fragment inside is a mixed quote of the source; a clause that is mostly quoted is that quote.
        int quoted = 0;
        for (int t = start; t < end; t++)
        {
            quoted += insideQuote[t] ? 1 : 0;
        }

        return start < end && (insideQuote[start] || 2 * quoted > end - start) ? null : Make(doc, start, end, cue, source);
    }

    /// <summary>
    /// The words from <paramref name="t"/> to a comma, at most <see cref="MaxOpeningSourceTokens"/> of them and all
    /// words, ending in a name or a noun the lexicons list: the source of a sentence that opens "According to X, …",
    /// whatever modifiers it carries. None otherwise.
    /// </summary>
    internal static Phrase OpeningSource(DocumentView doc, int t, int sentenceEnd)
    {
        for (int i = t; i < sentenceEnd && i < t + MaxOpeningSourceTokens; i++)
        {
            if (doc.Is(i, ','))
            {
                int last = i - 1;
                bool named = last >= t && (doc.IsNameWord(last) || (doc.ClassOf(last) & (SpeakerWord.Role | SpeakerWord.Institution)) != 0);
                return named ? new Phrase(t, last) : Phrase.None;
            }

            if (!doc.IsWord(i))
            {
                return Phrase.None;
            }
        }

        return Phrase.None;
    }

    /// <summary>The token after a short aside between dashes that opens at <paramref name="t"/>, else <paramref name="t"/>.</summary>
    private static int AfterDashedAside(DocumentView doc, int t, int sentenceEnd)
    {
        if (t >= sentenceEnd || doc.Tokens[t].Kind != TokenKind.Dash)
        {
            return t;
        }

        for (int j = t + 1; j < sentenceEnd && j <= t + MaxTrailingPhraseTokens; j++)
        {
            if (doc.Tokens[j].Kind == TokenKind.Dash)
            {
                return j + 1;
            }
        }

        return t;
    }

    /// <summary>
    /// The words from <paramref name="t"/> to the sentence's final punctuation, at most
    /// <see cref="MaxOpeningSourceTokens"/> of them and all words, ending in a noun: the source of "S, according to
    /// X." that closes its sentence, whatever words the lexicons know (exit polls, data from the county). None otherwise.
    /// </summary>
    private static Phrase ClosingSource(DocumentView doc, int t, int sentenceEnd)
    {
        int end = sentenceEnd;
        while (end > t && doc.IsTerminal(end - 1))
        {
            end--;
        }

        if (end <= t || end - t > MaxOpeningSourceTokens)
        {
            return Phrase.None;
        }

        for (int i = t; i < end; i++)
        {
            if (!doc.IsWord(i) || (i == end - 1 && (doc.ClassOf(i) & (SpeakerWord.Determiner | SpeakerWord.Connector | SpeakerWord.Skip)) != 0))
            {
                return Phrase.None;
            }
        }

        return new Phrase(t, end - 1);
    }

    /// <summary>
    /// While some friends say S, others disagree: a cue in a concessive clause that opens the sentence, its clause
    /// read to the sentence's end, has swallowed the main clause; what was said ends at the last comma.
    /// </summary>
    internal static int BeforeMainClause(DocumentView doc, int cue, int start, int end)
    {
        int sentenceStart = doc.SentenceStart(cue);
        int sentenceEnd = doc.SentenceEnd(cue);
        int last = sentenceEnd;
        while (last > start && doc.Tokens[last - 1].Kind is TokenKind.Punctuation or TokenKind.Dash)
        {
            last--;
        }

        if (end < last || cue - sentenceStart > MaxConcessiveSpeakerTokens || !doc.IsWord(sentenceStart))
        {
            return end;
        }

        ReadOnlySpan<char> w = doc.Word(sentenceStart);
        if (!(w.Equals("while", StringComparison.OrdinalIgnoreCase) || w.Equals("although", StringComparison.OrdinalIgnoreCase)
            || w.Equals("though", StringComparison.OrdinalIgnoreCase) || w.Equals("whereas", StringComparison.OrdinalIgnoreCase)))
        {
            return end;
        }

        for (int t = sentenceStart + 1; t < cue; t++)
        {
            if (doc.Is(t, ','))
            {
                return end; // While in office, she said S: the subordinate clause ended before the cue
            }
        }

        for (int t = end - 3; t > start && t > end - MaxClauseTokens; t--)
        {
            if (doc.Is(t, ','))
            {
                return t;
            }
        }

        return end;
    }

    internal static QuoteCandidate? Make(DocumentView doc, int start, int end, CueMatch? cue, Phrase speaker, int minimumTokens = MinimumClauseTokens)
    {
        end = cue is { } c && c.Last < start ? BeforeMainClause(doc, c.First, start, end) : end;
        while (start < end && doc.Tokens[start].Kind is TokenKind.Punctuation or TokenKind.Dash)
        {
            start++; // that, in spite of …, S: the clause starts at its first word
        }

        while (end > start && (doc.Tokens[end - 1].Kind == TokenKind.Punctuation || doc.Tokens[end - 1].Kind == TokenKind.Dash))
        {
            end--;
        }

        if (end - start < minimumTokens)
        {
            return null;
        }

        TextSpan span = TextSpan.FromBounds(doc.Tokens[start].Start, doc.Tokens[end - 1].End);
        int paragraph = doc.ParagraphOf(start);
        return new QuoteCandidate
        {
            Segments = [span],
            Kind = QuoteKind.Indirect,
            Anchor = start,
            FirstParagraph = paragraph,
            LastParagraph = paragraph,
            Cue = cue,
            Speaker = speaker,
            Confidence = 0.7,
        };
    }

    /// <summary>
    /// "so" or "such" among the last seven tokens of [start, end), before a "that": the that-clause is a result (spoke so
    /// quietly that …; add so many new layers of complexity that …), not a report.
    /// </summary>
    internal static bool HasSoOrSuch(DocumentView doc, int start, int end)
    {
        for (int t = Math.Max(start, end - 7); t < end; t++)
        {
            if (doc.IsWord(t) && (doc.Word(t).Equals("so", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("such", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most tokens between a bare noun that opens a clause and the clause's verb (attendance through Thursday was up).</summary>
    private const int MaxBareSubjectTokens = 8;

    /// <summary>
    /// X said attendance through Thursday was up; X said pharmacists welcomed the deal: after a cue that is a verb by its
    /// part of speech, a lower-case noun, then, within <see cref="MaxBareSubjectTokens"/> tokens, a finite verb (an
    /// auxiliary, or a verb not in -ing and not after "to"): the tags are surer than a tree that read the sentence
    /// otherwise. Between them only a noun's modifiers, the words of a prepositional phrase or a relative pronoun; not,
    /// before any preposition, a name, a pronoun, or a noun after a plural one (highlighted comments Trump made; the
    /// reasons people are …: the noun is the cue's object and a relative clause follows), nor a comma, a quote mark, "to"
    /// or "and".
    /// </summary>
    private static bool StartsWithBareNoun(DocumentView doc, ParseView parse, int cueVerb, int t, int sentenceEnd)
    {
        if (parse.Pos(cueVerb) != UniversalPos.Verb || !doc.IsWord(t) || doc.IsCapitalized(t) || !parse.IsParsed(t) || parse.Pos(t) != UniversalPos.Noun || doc.TryCue(t, out _))
        {
            return false;
        }

        bool inPhrase = false; // past a preposition: its object's words are no subject of their own
        for (int v = t + 1; v < sentenceEnd && v <= t + MaxBareSubjectTokens; v++)
        {
            if (doc.Is(v, ',') || doc.IsQuoteMark(v) || doc.IsTerminal(v) || !parse.IsParsed(v))
            {
                return false;
            }

            UniversalPos pos = parse.Pos(v);
            if (pos == UniversalPos.Aux || (pos == UniversalPos.Verb && !doc.Word(v).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !ReportedClauses.IsTo(doc, v - 1)))
            {
                return true;
            }

            bool relative = doc.IsWord(v) && doc.Word(v) is "who" or "which" or "that";
            if (pos is UniversalPos.Verb or UniversalPos.CConj || (pos == UniversalPos.Part && ReportedClauses.IsTo(doc, v))
                || (!inPhrase && !relative && (pos is UniversalPos.PropN or UniversalPos.Pron || (pos == UniversalPos.Noun && doc.Word(v - 1).EndsWith("s", StringComparison.Ordinal)))))
            {
                return false;
            }

            inPhrase |= pos == UniversalPos.Adp;
        }

        return false;
    }

    /// <summary>A clause can start here: a pronoun, a determiner, a name or a number, or a noun with an auxiliary after it (critics say resources could …).</summary>
    private static bool StartsClause(DocumentView doc, int t)
    {
        if (doc.IsPronoun(t) || doc.IsNameWord(t) || doc.Tokens[t].Kind == TokenKind.Number)
        {
            return true;
        }

        if (doc.IsWord(t) && !doc.IsCapitalized(t) && doc.ClassOf(t) == SpeakerWord.None && doc.IsWord(t + 1) && (doc.ClassOf(t + 1) & SpeakerWord.Skip) != 0
            && !doc.Word(t + 1).EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !doc.Word(t + 1).Equals("to", StringComparison.OrdinalIgnoreCase) && !doc.TryCue(t, out _))
        {
            return true;
        }

        return (doc.ClassOf(t) & SpeakerWord.Determiner) != 0;
    }

    /// <summary>Where a clause that starts at <paramref name="start"/> ends; a dash pair (– an aside –) does not end it.</summary>
    private static int ClauseEnd(DocumentView doc, int start, int sentenceEnd)
    {
        int end = start;
        while (true)
        {
            while (end < sentenceEnd && !EndsClause(doc, end))
            {
                end++;
            }

            int closing = end < sentenceEnd && doc.Tokens[end].Kind == TokenKind.Dash ? ClosingDash(doc, end, sentenceEnd) : -1;
            if (closing < 0)
            {
                return end;
            }

            end = closing + 1;
        }
    }

    /// <summary>
    /// A clause that ends at a full stop inside a quoted fragment (the vote was “rigged.”) takes the closing
    /// mark too, so that the fragment is not cut in half.
    /// </summary>
    private static int WithClosingMark(DocumentView doc, int start, int end, int sentenceEnd)
    {
        if (end + 1 >= sentenceEnd || !doc.IsTerminal(end) || doc.Tokens[end + 1].Kind != TokenKind.ClosingQuote)
        {
            return end;
        }

        int open = 0;
        for (int t = start; t < end; t++)
        {
            open += doc.Tokens[t].Kind switch
            {
                TokenKind.OpeningQuote => 1,
                TokenKind.ClosingQuote => -1,
                _ => 0,
            };
        }

        return open > 0 ? end + 2 : end;
    }

    /// <summary>The dash that closes an aside opened by the dash at <paramref name="open"/>, or -1.</summary>
    private static int ClosingDash(DocumentView doc, int open, int sentenceEnd)
    {
        for (int t = open + 1; t < sentenceEnd && t <= open + 20; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Dash)
            {
                return t;
            }

            if (doc.IsTerminal(t) || doc.Is(t, ';'))
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>A reported clause ends at the sentence's end, a semicolon, a dash, or ", he said".</summary>
    private static bool EndsClause(DocumentView doc, int t)
    {
        if (doc.IsTerminal(t) || doc.Is(t, ';') || doc.Tokens[t].Kind == TokenKind.Dash)
        {
            return true;
        }

        if (doc.Tokens[t].Kind == TokenKind.OpeningQuote && doc.Is(t - 1, ':'))
        {
            return true;
        }

        if (doc.Is(t, ',') && t + 1 < doc.Count)
        {
            if (doc.TryCue(t + 1, out _))
            {
                return true;
            }

            if ((doc.IsPronoun(t + 1) || doc.IsNameWord(t + 1)) && t + 2 < doc.Count && doc.TryCue(t + 2, out _))
            {
                return true;
            }
        }

        return false;
    }
}
