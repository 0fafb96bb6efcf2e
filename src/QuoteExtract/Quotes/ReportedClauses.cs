using System;
using System.Collections.Generic;
using System.Threading;

namespace QuoteExtract.Quotes;

/// <summary>
/// Reported speech found over the dependency parse, one method per construction: the clausal complement of a
/// cue verb (X said (that) S; X told Y S; S, X said), the clause a parenthetical cue interrupts (S, X said, …),
/// "according to X", and a noun of speech with its clause (X's claim that S). The span is the clause's words,
/// without the complementizer and the final punctuation; the speaker comes from <see cref="ParseAttribution"/>.
/// </summary>
internal static class ReportedClauses
{
    private const int MinimumClauseTokens = 3;

    /// <summary>A reported clause is cut to this many tokens: bounds the work per cue in a sentence of any length.</summary>
    private const int MaxClauseTokens = 160;

    public static List<QuoteCandidate> Find(DocumentView doc, ParseView parse, bool[] insideQuote, CancellationToken cancellationToken)
    {
        var found = new List<QuoteCandidate>();
        for (int t = 0; t < doc.Count; t++)
        {
            if ((t & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!parse.IsParsed(t) || insideQuote[t] || !doc.IsWord(t))
            {
                continue;
            }

            QuoteCandidate? candidate = IsAccording(doc, t) ? AccordingTo(doc, parse, t, insideQuote)
                : parse.Pos(t) == UniversalPos.Verb ? Complement(doc, parse, t, insideQuote) ?? Infinitive(doc, parse, t, insideQuote) ?? Interrupted(doc, parse, t, insideQuote) ?? Accusation(doc, parse, t, insideQuote)
                : parse.Pos(t) == UniversalPos.Noun ? SpeechNoun(doc, parse, t, insideQuote)
                : null;

            if (candidate is not null)
            {
                if (parse.Pos(t) == UniversalPos.Verb && IsPutToTheSpeaker(doc, parse, t))
                {
                    candidate.Speaker = Phrase.None; // asked by someone the text does not name
                }

                found.Add(candidate);
            }
        }

        // A thought or expectation inside someone's reported clause (he said the group seems to be on the back
        // foot) is part of what they said, not a report of its own.
        // One sweep by start (the longest first), against the clause reaching furthest so far: linear after the sort.
        found.Sort((a, b) => a.Segments[0].Start != b.Segments[0].Start ? a.Segments[0].Start.CompareTo(b.Segments[0].Start) : b.Segments[^1].End.CompareTo(a.Segments[^1].End));
        // So is the clause of a pronoun that opens someone's reported clause (X said he believed S): the outer clause
        // holds it whole, with the speaker the pronoun stands for.
        var kept = new List<QuoteCandidate>(found.Count);
        TextSpan reach = default;
        int reachStart = -1;
        bool any = false;
        foreach (QuoteCandidate c in found)
        {
            TextSpan span = TextSpan.FromBounds(c.Segments[0].Start, c.Segments[^1].End);
            int cue = doc.Tokens[c.Cue!.Value.First].Start;
            bool inside = any && span.End <= reach.End && reach.Start <= cue && cue < reach.End;
            bool opening = inside && c.Speaker.First == reachStart && c.Speaker.Last == c.Speaker.First && doc.IsPronoun(c.Speaker.First);
            if (!(inside && (opening || !QuoteLexicons.CueVerbs.Contains(doc.Word(c.Cue!.Value.First)))))
            {
                kept.Add(c);
            }

            if (!any || span.End > reach.End)
            {
                reach = span;
                reachStart = c.Anchor;
                any = true;
            }
        }

        return kept;
    }

    /// <summary>The most tokens of a clause's opening before a cue set off by commas.</summary>
    private const int MaxOpeningTokens = 40;

    /// <summary>
    /// Recently, she said, S; The permit, the company said, had been hard to get; Fundraising, according to the campaign,
    /// has surged: a cue set off by commas interrupts one clause, and the words before it from the sentence's start are
    /// the clause's first segment (a clause the parse made of them for the same cue is that segment).
    /// </summary>
    internal static List<QuoteCandidate> JoinInterrupted(DocumentView doc, List<QuoteCandidate> found, bool[] insideQuote)
    {
        // The clauses of each cue (a cue has one or two): one pass to group them, one over the groups.
        var byCue = new Dictionary<int, List<QuoteCandidate>>();
        foreach (QuoteCandidate c in found)
        {
            if (c.Kind == QuoteKind.Indirect && c.Cue is CueMatch cue)
            {
                if (!byCue.TryGetValue(cue.First, out List<QuoteCandidate>? list))
                {
                    byCue[cue.First] = list = [];
                }

                list.Add(c);
            }
        }

        HashSet<QuoteCandidate>? folded = null;
        foreach (List<QuoteCandidate> clauses in byCue.Values)
        {
            QuoteCandidate? after = clauses.Find(c => c.Segments.Count == 1 && doc.Tokens[c.Cue!.Value.Last].End <= c.Segments[0].Start);
            if (after is not QuoteCandidate c)
            {
                continue;
            }

            CueMatch cue = c.Cue!.Value;
            if (c.Speaker.IsNone)
            {
                continue;
            }

            int phrase = Math.Min(c.Speaker.First, cue.First);
            int opening = doc.SentenceStart(phrase);
            while (opening < phrase && doc.Tokens[opening].Kind is TokenKind.Punctuation or TokenKind.Dash)
            {
                opening++;
            }

            // ", she said," before the clause: a comma before the cue's phrase, and one right before the clause.
            if (phrase - 1 <= opening || !doc.Is(phrase - 1, ',') || c.Anchor < 1 || !doc.Is(c.Anchor - 1, ',') || phrase - opening > MaxOpeningTokens
                || c.Speaker.Last >= c.Anchor)
            {
                continue;
            }

            bool clean = true;
            for (int t = opening; t < phrase - 1 && clean; t++)
            {
                clean = !insideQuote[t] && !doc.IsQuoteMark(t) && !doc.IsTerminal(t);
            }

            if (!clean)
            {
                continue;
            }

            TextSpan first = TextSpan.FromBounds(doc.Tokens[opening].Start, doc.Tokens[phrase - 2].End);
            foreach (QuoteCandidate d in clauses)
            {
                // The clause before the cue, found for the same cue: it is this first segment.
                if (d != c && d.Segments[^1].End <= first.End && d.Segments[0].Start >= first.Start)
                {
                    (folded ??= []).Add(d);
                }
            }

            c.Segments.Insert(0, first);
        }

        return folded is null ? found : found.FindAll(c => !folded.Contains(c));
    }

    /// <summary>X said (that) S; X told Y (that) S; S, X said (the clause as the verb's ccomp, before or after it).</summary>
    private static QuoteCandidate? Complement(DocumentView doc, ParseView parse, int verb, bool[] insideQuote)
    {
        // X would not say whether S; X declined to say if S: a denied cue reports no claim, but the open question it leaves
        // is what was (not) said, as attribution corpora annotate it (PolNeAR: 11 of 12 such clauses in train and dev).
        if (!TryCueVerb(doc, verb, out CueMatch cue) || (IsDenied(doc, parse, verb) && !LeavesQuestionOpen(doc, parse, verb)))
        {
            return null;
        }

        // The clause after the cue if there is one (a misparse may hang a word before the cue as a second ccomp).
        int clause = -1;
        foreach (int c in parse.Children(verb))
        {
            // Not a relative clause the parse took for a complement (…, said X, who chairs the board).
            if (parse.Has(c, "ccomp") && !IsRelativeSubject(doc, parse, c) && (clause < 0 || (clause < verb && c > verb)))
            {
                clause = c;
            }
        }

        if (clause > verb && StartsWithThat(doc, parse, clause) && ReportedSpeech.HasSoOrSuch(doc, verb + 1, parse.SubtreeStart(clause)))
        {
            return null; // spoke so quietly that no one heard: a result, not what was said
        }

        if (clause < 0)
        {
            clause = ThatClauseOnDependent(doc, parse, verb);
        }

        // “…,” said X, a confidant who heads Y; ''…,'' said X, the editor of Y: after a quote and its inverted speaker,
        // the words after the speaker describe them; what was said is the quote.
        int inverted = parse.ChildOfBase(verb, "nsubj");
        if (clause > verb && ((inverted > verb && inverted < clause) || parse.Pos(clause) == UniversalPos.PropN) && verb > 0 && doc.IsQuoteMark(verb - 1))
        {
            return null;
        }

        if (clause < 0 && cue.Lemma is "ask" or "wonder")
        {
            // X asked (Y) if S: the parse takes the question for an adverbial clause of the cue.
            foreach (int c in parse.Children(verb))
            {
                if (c > verb && parse.Has(c, "advcl") && IsQuestionMark(doc, parse.Child(c, "mark")))
                {
                    clause = c;
                    break;
                }
            }
        }

        if (clause < 0)
        {
            return ObjectClause(doc, parse, verb, cue, insideQuote) ?? SmallClause(doc, parse, verb, cue, insideQuote) ?? RelativeCue(doc, parse, verb, cue, insideQuote) ?? HearerClause(doc, parse, verb, cue, insideQuote)
                ?? FrontedClause(doc, parse, verb, cue, insideQuote) ?? HangingCue(doc, parse, verb, cue, insideQuote);
        }

        int start = parse.SubtreeStart(clause);
        int end = parse.SubtreeEnd(clause);
        if (clause > verb)
        {
            // X said if S he would T; X knows that even if S, T: the parse splits one clause into two complements
            // side by side, or with only a comma between them.
            foreach (int c in parse.Children(verb))
            {
                if (c > clause && parse.Has(c, "ccomp") && (parse.SubtreeStart(c) == end || (parse.SubtreeStart(c) == end + 1 && doc.Is(end, ','))))
                {
                    end = parse.SubtreeEnd(c);
                }
                else if (c > clause && parse.Has(c, "parataxis") && (parse.SubtreeStart(c) == end || parse.SubtreeStart(c) == end + 1) && doc.Is(end, ',') && HasSubject(parse, c) && OpensSubordinate(doc, parse, clause))
                {
                    // X knows that even if S, T: a subordinate clause first, then its main clause after the comma.
                    end = parse.SubtreeEnd(c);
                }
                else if (c > clause && parse.HasBase(c, "conj") && parse.SubtreeStart(c) == end && parse.Has(end, "cc")
                    && (HasSubject(parse, c) || HasModal(doc, parse, c) || AgreesWithClauseNotSpeaker(doc, parse, c, clause, verb, cue)) && !TryCueVerb(doc, c, out _))
                {
                    // X acknowledged that S and T (no comma): the parse coordinates T with the cue, not with S; so
                    // too a verb under a modal (saying they are part of the system and won't reform it), and one whose
                    // auxiliary agrees with S's subject and not the speaker (the mayor said pharmacists welcomed the
                    // deal but were still waiting).
                    end = parse.SubtreeEnd(c);
                }
                else if (c > clause && parse.Has(c, "advcl") && parse.SubtreeStart(c) == end && HasSubject(parse, c) && IsSubordinator(doc, parse.Child(c, "mark"))
                    && parse.Child(c, "mark") == end)
                {
                    // X said construction stalled after the contractor walked off the job: the parse hangs the
                    // clause's own adverbial clause on the cue; with no comma before it, it goes on with what was said.
                    end = parse.SubtreeEnd(c);
                }
                else if (c > clause && parse.HasBase(c, "conj") && (parse.SubtreeStart(c) == end || (doc.Is(end, ',') && parse.SubtreeStart(c) == end + 1))
                    && StartsWithThat(doc, parse, c) && parse.Child(c, "mark") - parse.SubtreeStart(c) <= 2 && HasSubject(parse, c))
                {
                    // X said S, and that T: a second complement of the cue, with its own "that".
                    end = parse.SubtreeEnd(c);
                }
            }
        }

        if (clause < verb && !EndsAtBreak(doc, end))
        {
            // S, X said: a comma, dash or quote mark closes the clause before its speaker.
            return ObjectClause(doc, parse, verb, cue, insideQuote);
        }

        // “…,” the judge told Brandt as he stood in the box: a clause of time or cause alone, with no main clause after
        // it, says when or why, not what was said.
        int opener = parse.Child(clause, "mark");
        if (clause > verb && end == parse.SubtreeEnd(clause) && opener >= 0 && opener == parse.SubtreeStart(clause)
            && (IsSubordinator(doc, opener) || doc.Word(opener).Equals("as", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (start <= verb && verb < end)
        {
            // A non-projective parse that wraps the cue: keep the side the clause's head is on.
            (start, end) = clause > verb ? (verb + 1, end) : (start, verb);
        }

        // X said he believed the campaign would be represented: the parse hung the cue on the clause's predicate
        // (said ← advcl ← represented), the predicate's subject on the inner verb; the predicate goes on with the clause.
        int top = parse.Head(verb);
        if (clause > verb && top >= end && (parse.Has(verb, "advcl") || parse.Has(verb, "dep")) && !HasSubject(parse, top) && parse.Pos(top) == UniversalPos.Verb)
        {
            bool opens = true;
            for (int t = end; t < top && opens; t++) // the predicate's auxiliaries and adverbs only: at most a few tokens
            {
                opens = parse.Head(t) == top && t - end < 6;
            }

            end = opens ? Math.Max(end, parse.SubtreeEnd(top)) : end;
        }

        bool absorbed = false;
        if (clause > verb)
        {
            // After the cue, the clause starts where the cue's own dependents (told reporters, said on Monday)
            // end: anything else the parse hung on the cue before the clause is the clause's (its subject,
            // attached too high: he said the general, killed on Friday, had played a role).
            int next = verb + 1;
            int hearers = 0;
            foreach (int c in parse.Children(verb))
            {
                if (c > verb && c != clause && parse.HasBase(c, "obj") && parse.SubtreeEnd(c) == start && IsWhWord(doc, parse.SubtreeStart(c)))
                {
                    // X asked which quality mattered most: the question's subject, taken for the cue's object.
                    start = parse.SubtreeStart(c);
                    absorbed = true;
                    break;
                }

                if (c > verb && c != clause && parse.SubtreeStart(c) == verb + 1 && parse.SubtreeEnd(c) == start && !HasSubject(parse, clause) && IsApproximateAmount(doc, parse, c))
                {
                    // X said about a third of the positions would go: an amount taken for the cue's oblique is the
                    // subject the clause lacks.
                    start = parse.SubtreeStart(c);
                    absorbed = true;
                    break;
                }

                if (c > verb && c != clause && parse.SubtreeStart(c) == next && parse.SubtreeEnd(c) <= clause && IsCueDependent(parse, c, cue, hearers))
                {
                    next = parse.SubtreeEnd(c);
                    hearers += parse.BaseRelation(c) is "obj" or "iobj" ? 1 : 0;
                }
            }

            absorbed |= next < start;
            start = Math.Min(start, next);

            // X told jurors they would see records showing transfers on the day S: the parse took the clause's first part
            // for a relative clause on the hearer and its last for the cue's complement; what was told runs from the first.
            int relative = cue.Class == CueClass.SpeechThat ? HearerRelative(doc, parse, verb) : -1;
            if (relative >= 0 && parse.SubtreeEnd(relative) == start)
            {
                start = parse.SubtreeStart(relative);
                absorbed = true;
            }

            // X said there had been 120 collisions: the parse hangs "there" on the cue; it is the clause's subject.
            if (start == verb + 2 && doc.IsWord(verb + 1) && doc.Word(verb + 1).Equals("there", StringComparison.OrdinalIgnoreCase) && parse.Head(verb + 1) == verb)
            {
                start = verb + 1;
                absorbed = true;
            }
        }

        // A reported clause has a subject of its own or a complementizer (X said that …), unlike a participle
        // (Briefing reporters, X said: …; “…,” X said, referring to Y; …, she said, adding nothing). Right after
        // its cue, with nothing between, not even a comma, a clause may open with a gerund (X said rising rents
        // have pushed families out).
        if (!absorbed && !HasSubject(parse, clause) && !(clause > verb && (HasComplementizer(doc, parse, clause) || (start == verb + 1 && doc.IsWord(start)) || SplitsSubject(doc, parse, verb, start))))
        {
            return null;
        }

        // The subject of a clause before its cue is no relative pronoun (X, who ran the clinic, said).
        if (clause < verb && IsRelativeSubject(doc, parse, clause))
        {
            return null;
        }

        // "That" opens its clause: words the parse put before it (said Friday that …) are the cue's.
        int mark = parse.Child(clause, "mark");
        if (clause > verb && mark > start && mark - start <= 3 && StartsWithThat(doc, parse, clause))
        {
            start = mark;
        }

        // A clause found on the cue's dependent (said after the vote he would …) starts at its own first word.
        if (clause > verb && parse.Head(clause) != verb && parse.SubtreeStart(clause) > start)
        {
            start = parse.SubtreeStart(clause);
        }

        // X told the Star her staff never dealt with Y: the parse gives the clause two subjects; the first, right after
        // "told", is who was told.
        if (clause > verb && cue.Lemma == "tell" && start == verb + 1 && SecondSubject(parse, clause) is int second && second > verb)
        {
            start = parse.SubtreeStart(second);
        }

        // (and without the "that" of a that-clause the parse took for a relative clause)
        if (clause > verb && IsThatComplementAsRelative(doc, parse, clause))
        {
            start = parse.SubtreeStart(clause) + 1;
        }

        (start, end) = clause > verb ? (start, Math.Min(end, start + MaxClauseTokens)) : (Math.Max(start, end - MaxClauseTokens), end);
        end = BeforeCoordinatedCue(doc, parse, start, end, clause);
        Phrase speaker = Speaker(doc, parse, cue);
        // Grade 11 student X, 16, said most of his classmates had adjusted: a "speaker" after the cue with a verb right
        // after it is the subject of what was said; the words before the cue are no clause (Grade read as a verb).
        if (clause < verb && !speaker.IsNone && speaker.First > cue.Last && ReportedSpeech.VerbAfterSubject(doc, parse, speaker.Last + 1, doc.SentenceEnd(verb)))
        {
            return null;
        }

        // (a clause before the cue that holds its speaker is the speaker's relative clause: X, who …, said S)
        return Make(doc, parse, start, end, cue, speaker, insideQuote) ?? (clause < verb ? HangingCue(doc, parse, verb, cue, insideQuote) : null);
    }

    /// <summary>The most tokens between a dash and the cue of a report of its own after it (— the councillor also pointed out).</summary>
    private const int MaxReportOpening = 8;

    /// <summary>
    /// Whether the words from <paramref name="first"/> open a report of their own: a subject and a cue verb of speech
    /// within a few words (S — the councillor also pointed out that T): a dash before them ends the clause.
    /// </summary>
    private static bool OpensOwnReport(DocumentView doc, ParseView parse, int first, int end)
    {
        for (int t = first; t < end && t - first <= MaxReportOpening; t++)
        {
            if (parse.Pos(t) == UniversalPos.Verb && TryCueVerb(doc, t, out _))
            {
                foreach (int c in parse.Children(t))
                {
                    if (c >= first && c < t && parse.HasBase(c, "nsubj"))
                    {
                        return true; // (a subject of its own after the dash, whatever else the parse hung on the cue)
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The second of two subjects the parse gave a clause, both before its verb, or -1.</summary>
    private static int SecondSubject(ParseView parse, int clause)
    {
        int first = -1;
        foreach (int c in parse.Children(clause))
        {
            if (c < clause && parse.HasBase(c, "nsubj"))
            {
                if (first >= 0)
                {
                    return parse.SubtreeStart(c) >= parse.SubtreeEnd(first) ? c : -1;
                }

                first = c;
            }
        }

        return -1;
    }

    /// <summary>A subordinator of time, cause or concession (after, because, while): a clause it opens says when or why.</summary>
    private static bool IsSubordinator(DocumentView doc, int t)
    {
        if (t < 0 || !doc.IsWord(t))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(t);
        return w.Equals("after", StringComparison.OrdinalIgnoreCase) || w.Equals("before", StringComparison.OrdinalIgnoreCase) || w.Equals("because", StringComparison.OrdinalIgnoreCase)
            || w.Equals("since", StringComparison.OrdinalIgnoreCase) || w.Equals("until", StringComparison.OrdinalIgnoreCase) || w.Equals("when", StringComparison.OrdinalIgnoreCase)
            || w.Equals("while", StringComparison.OrdinalIgnoreCase) || w.Equals("although", StringComparison.OrdinalIgnoreCase) || w.Equals("though", StringComparison.OrdinalIgnoreCase)
            || w.Equals("unless", StringComparison.OrdinalIgnoreCase) || w.Equals("once", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the clause opens with a subordinator other than "that" (if, even if, when, because): it needs a main clause.</summary>
    private static bool OpensSubordinate(DocumentView doc, ParseView parse, int clause)
    {
        foreach (int c in parse.Children(clause))
        {
            if (parse.Has(c, "mark") && doc.IsWord(c) && !doc.Word(c).Equals("that", StringComparison.OrdinalIgnoreCase)
                && !doc.Word(c).Equals("whether", StringComparison.OrdinalIgnoreCase) && !doc.Word(c).Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The latest test, North Korea said, was its biggest yet: the cue and its subject, set off by commas, split the
    /// reported clause's subject (a noun phrase the parse hangs on the cue) from its predicate, which opens after the
    /// cue's comma at <paramref name="start"/>.
    /// </summary>
    private static bool SplitsSubject(DocumentView doc, ParseView parse, int verb, int start)
    {
        int subject = parse.ChildOfBase(verb, "nsubj");
        if (start != verb + 1 || !doc.Is(start, ',') || subject < 0 || subject > verb || parse.SubtreeEnd(subject) != verb)
        {
            return false;
        }

        int comma = parse.SubtreeStart(subject) - 1;
        foreach (int c in parse.Children(verb))
        {
            if (c < comma && parse.SubtreeEnd(c) >= comma && doc.Is(comma, ',') && parse.Pos(c) is UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron
                && (parse.HasBase(c, "nsubj") || parse.HasBase(c, "obl") || parse.HasBase(c, "dep") || parse.HasBase(c, "obj")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most tokens of an aside between a cue and its that-clause (, however, / , though, / , too,).</summary>
    private const int MaxAsideTokens = 4;

    /// <summary>Whether tokens (verb, end) are commas and adverbs only, a comma first and last: an aside, at most a few tokens.</summary>
    private static bool IsAsideOnly(DocumentView doc, ParseView parse, int verb, int end)
    {
        if (end - verb - 1 > MaxAsideTokens || !doc.Is(verb + 1, ',') || !doc.Is(end - 1, ','))
        {
            return false;
        }

        bool adverb = false;
        for (int t = verb + 1; t < end; t++)
        {
            bool isAdverb = parse.Pos(t) == UniversalPos.Adv; // (wherever the parse hung it: on the cue, or on a comma)
            adverb |= isAdverb;
            if (!isAdverb && !doc.Is(t, ','))
            {
                return false;
            }
        }

        return adverb;
    }

    /// <summary>
    /// X said on Monday that S; X told the paper that S: the parse hangs the that-clause on the cue's own dependent
    /// (stay ← acl ← Monday). A clause opened by "that" right after a dependent of the cue is the cue's.
    /// </summary>
    private static int ThatClauseOnDependent(DocumentView doc, ParseView parse, int verb)
    {
        // X said, however, that S: a "that" right after the cue's aside opens the clause, whatever the parse hung it on
        // inside the cue's phrase (the aside's comma, the adverb).
        for (int m = verb + 3; m <= verb + 1 + MaxAsideTokens && m < doc.Count && doc.SentenceOf[m] == doc.SentenceOf[verb]; m++)
        {
            if (doc.IsWord(m) && doc.Word(m).Equals("that", StringComparison.OrdinalIgnoreCase) && parse.Has(m, "mark") && IsAsideOnly(doc, parse, verb, m)
                && parse.Head(m) is int h && h > m && HasSubject(parse, h) && IsInside(parse, h, verb))
            {
                return h;
            }
        }

        foreach (int d in parse.Children(verb))
        {
            // X complained bitterly that S: the that-clause taken for an adverbial clause of the cue (not a result:
            // spoke so quietly that no one heard).
            if (d > verb && parse.Has(d, "advcl") && StartsWithThat(doc, parse, d) && parse.Child(d, "mark") == parse.SubtreeStart(d) && HasSubject(parse, d)
                && !ReportedSpeech.HasSoOrSuch(doc, verb + 1, parse.SubtreeStart(d)))
            {
                return d;
            }

            ReadOnlySpan<char> r = parse.BaseRelation(d);
            if (d <= verb || !(r is "obl" or "obj" or "iobj" or "advmod"))
            {
                continue;
            }

            foreach (int c in parse.Children(d))
            {
                int mark = parse.Child(c, "mark");
                if (c > d && (parse.HasBase(c, "acl") || parse.Has(c, "ccomp") || parse.Has(c, "advcl")) && StartsWithThat(doc, parse, c)
                    && mark == parse.SubtreeStart(c) && HasSubject(parse, c))
                {
                    return c;
                }

                // X said after the convention he would not accept it: the clause, without "that", taken for a relative
                // clause on the cue's adverbial; it opens with a pronoun subject and has its own object, so no gap.
                int subject = parse.ChildOfBase(c, "nsubj");
                if (c > d && r is "obl" && IsCircumstance(doc, parse, d) && parse.SubtreeStart(d) == verb + 1 && parse.Has(c, "acl:relcl") && subject >= 0
                    && parse.SubtreeStart(c) == subject && parse.SubtreeEnd(subject) == subject + 1 && doc.IsPronoun(subject)
                    && (parse.Child(c, "obj") > c || parse.Child(c, "ccomp") > c || parse.Child(c, "xcomp") > c))
                {
                    return c;
                }

                // X said in an interview with a business magazine that S: the that-clause taken for a relative clause
                // on the adverbial's noun ("that" neither its subject nor its object, and S with a subject of its own).
                if (c > d && r is "obl" && parse.SubtreeStart(d) == verb + 1 && parse.HasBase(c, "nmod"))
                {
                    foreach (int g in parse.Children(c))
                    {
                        if (g > c && IsThatComplementAsRelative(doc, parse, g))
                        {
                            return g;
                        }
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// A clause the parse made a relative clause that is a that-complement: it opens with "that", which is not its
    /// subject or object, right before a subject of its own, and has nothing missing after its verb (an object, an
    /// infinitive or a clause): the magazine that Northvane planned to double its headcount.
    /// </summary>
    private static bool IsThatComplementAsRelative(DocumentView doc, ParseView parse, int clause)
    {
        int first = parse.SubtreeStart(clause);
        if (!parse.Has(clause, "acl:relcl") || !doc.IsWord(first) || !doc.Word(first).Equals("that", StringComparison.OrdinalIgnoreCase)
            || parse.Head(first) != clause || parse.BaseRelation(first) is "nsubj" or "obj" or "iobj")
        {
            return false;
        }

        int subject = parse.ChildOfBase(clause, "nsubj");
        return subject > first && parse.SubtreeStart(subject) == first + 1
            && (parse.Child(clause, "obj") > clause || parse.Child(clause, "ccomp") > clause || parse.Child(clause, "xcomp") > clause);
    }

    /// <summary>
    /// An adverbial of the cue that says when or where it was said (after the vote, in a statement, on Friday, Tuesday
    /// night), not what it was about (elaborated on the message, asked about the speeches, pointed at the failure).
    /// </summary>
    private static bool IsCircumstance(DocumentView doc, ParseView parse, int noun)
    {
        int c = parse.Child(noun, "case");
        if (c < 0)
        {
            return (doc.ClassOf(noun) & SpeakerWord.Time) != 0;
        }

        ReadOnlySpan<char> w = doc.IsWord(c) ? doc.Word(c) : default;
        return w.Equals("after", StringComparison.OrdinalIgnoreCase) || w.Equals("before", StringComparison.OrdinalIgnoreCase)
            || w.Equals("during", StringComparison.OrdinalIgnoreCase) || w.Equals("in", StringComparison.OrdinalIgnoreCase)
            || (w.Equals("on", StringComparison.OrdinalIgnoreCase) && (doc.ClassOf(noun) & SpeakerWord.Time) != 0);
    }

    /// <summary>
    /// X said S, with S's subject taken for the cue's object and S's verb for a clause on it ("said all staffers
    /// sign NDAs": staffers ← obj, sign ← acl): a verb of saying (not of telling, whose object is the hearer) has
    /// no object with a finite clause of its own; the clause is the object's words.
    /// </summary>
    private static QuoteCandidate? ObjectClause(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int obj = parse.Child(verb, "obj");
        if (obj == verb + 1 && parse.SubtreeEnd(obj) == obj + 1 && doc.Word(obj).Equals("that", StringComparison.OrdinalIgnoreCase) && doc.Is(obj + 1, ','))
        {
            // X said that, in addition to Y, S: "that" taken for a pronoun object, S hung on the cue after the aside.
            int end = -1;
            foreach (int c in parse.Children(verb))
            {
                if (c > obj && parse.Pos(c) != UniversalPos.Punct && HasSubject(parse, c))
                {
                    end = parse.SubtreeEnd(c);
                }
            }

            return end > obj ? Make(doc, parse, obj + 1, end, cue, Speaker(doc, parse, cue), insideQuote) : null;
        }

        // (said much of the discussion was about Israel: a quantifier the tagger reads as an adjective)
        if (cue.Class is not (CueClass.Speech or CueClass.SpeechParsed) || obj <= verb || parse.SubtreeStart(obj) != verb + 1 || parse.Pos(obj) is not (UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron or UniversalPos.Adj))
        {
            return null;
        }

        // The clause's verb hangs on the object or on the noun of its "of" (said none of the candidates were listed).
        int nmod = parse.Child(obj, "nmod");
        if (HasFiniteClause(doc, parse, obj) || (nmod > obj && HasFiniteClause(doc, parse, nmod)))
        {
            return Make(doc, parse, verb + 1, parse.SubtreeEnd(obj), cue, Speaker(doc, parse, cue), insideQuote);
        }

        // …, and said the money would be better spent: the predicate right after the object, without a subject
        // of its own, hung elsewhere in the sentence.
        int predicate = PredicateAt(doc, parse, parse.SubtreeEnd(obj), verb);
        if (predicate >= 0)
        {
            return Make(doc, parse, verb + 1, parse.SubtreeEnd(predicate), cue, Speaker(doc, parse, cue), insideQuote);
        }

        // X said officers responded to 40 collisions: a past tense right after the object, taken for a participle on it
        // (officers ← acl ← responded). With no predicate after the phrase it is no reduced relative (the money raised
        // would go …) but the clause's verb.
        // (not after find or show: they found notices taped to their doors; nor a plan endorsed by …: a participle)
        int p = obj + 1;
        return p < doc.Count && parse.Head(p) == obj && cue.Lemma is not ("find" or "show") && parse.Has(p, "acl") && parse.Pos(p) == UniversalPos.Verb
            && parse.Child(p, "mark") < 0 && !HasSubject(parse, p) && doc.Word(p).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && parse.SubtreeEnd(p) > p + 1
            && !(doc.IsWord(p + 1) && doc.Word(p + 1).Equals("by", StringComparison.OrdinalIgnoreCase))
            ? Make(doc, parse, verb + 1, parse.SubtreeEnd(obj), cue, Speaker(doc, parse, cue), insideQuote) : null;
    }

    /// <summary>
    /// A poll shows Clinton with a lead; the survey found the mayor trailing her rival: "show" and "find" with a
    /// source of evidence for their subject report a small clause, the object and what is said of it (an -ing
    /// participle or a with-phrase), with the verb's adverbials that follow (in a hypothetical matchup).
    /// </summary>
    private static QuoteCandidate? SmallClause(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int obj = parse.Child(verb, "obj");
        if (cue.Lemma is not ("show" or "find") || obj <= verb || parse.SubtreeStart(obj) != verb + 1
            || parse.Pos(obj) is not (UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron))
        {
            return null;
        }

        Phrase speaker = Speaker(doc, parse, cue);
        bool evidence = false;
        for (int t = speaker.First; !speaker.IsNone && t <= speaker.Last && !evidence; t++) // a phrase of at most 16 tokens
        {
            evidence = doc.IsWord(t) && QuoteLexicons.EvidenceNouns.Contains(doc.Word(t));
        }

        if (!evidence)
        {
            return null; // police found a man with a knife: a finding, not a report
        }

        int objEnd = parse.SubtreeEnd(obj);
        int end = -1;
        foreach (int c in parse.Children(obj))
        {
            if (c > obj && ((parse.Has(c, "acl") && IsParticiple(doc, parse, c)) || IsWithPhrase(doc, parse, c)))
            {
                end = objEnd;
                break;
            }
        }

        foreach (int c in parse.Children(verb))
        {
            if (c <= obj)
            {
                continue;
            }

            int first = parse.SubtreeStart(c);
            if (end < 0 && first == objEnd && (((parse.Has(c, "xcomp") || parse.Has(c, "advcl")) && IsParticiple(doc, parse, c)) || IsWithPhrase(doc, parse, c)))
            {
                end = parse.SubtreeEnd(c);
            }
            else if (end >= 0 && first == end && parse.BaseRelation(c) is "obl" or "advmod" or "advcl" or "xcomp")
            {
                end = parse.SubtreeEnd(c);
            }
            else if (end < 0 || first >= end)
            {
                break;
            }
        }

        return end > objEnd || (end == objEnd && end > obj + 1) ? Make(doc, parse, verb + 1, end, cue, speaker, insideQuote) : null;
    }

    /// <summary>An -ing verb form without a subordinator of its own (trailing, closing).</summary>
    private static bool IsParticiple(DocumentView doc, ParseView parse, int t) =>
        parse.Pos(t) == UniversalPos.Verb && parse.Child(t, "mark") < 0 && doc.Word(t).EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    /// <summary>A noun phrase brought in by "with" (with an eight-point lead).</summary>
    private static bool IsWithPhrase(DocumentView doc, ParseView parse, int t)
    {
        int c = (parse.Has(t, "obl") || parse.Has(t, "nmod")) ? parse.Child(t, "case") : -1;
        return c >= 0 && doc.IsWord(c) && doc.Word(c).Equals("with", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A rule change that he said would make it harder: the cue inside a relative clause whose pronoun is the
    /// subject of what was said; the predicate after the cue opens with its auxiliary and is hung elsewhere.
    /// </summary>
    private static QuoteCandidate? RelativeCue(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int subject = parse.ChildOfBase(verb, "nsubj");
        int relative = subject < 0 ? -1 : parse.SubtreeStart(subject) - 1;
        if (relative < 0 || subject > verb || !ParseAttribution.IsRelativePronoun(doc, relative) || parse.Pos(verb + 1) != UniversalPos.Aux)
        {
            return null;
        }

        int predicate = parse.Head(verb + 1);
        int own = predicate < 0 ? -1 : parse.ChildOfBase(predicate, "nsubj");
        // (the parse may take the relative clause itself for the predicate's subject: which ← said ← nsubj:pass)
        return predicate > verb && (own < 0 || own == relative || own == verb) ? Make(doc, parse, verb + 1, parse.SubtreeEnd(predicate), cue, Speaker(doc, parse, cue), insideQuote) : null;
    }

    /// <summary>
    /// The predicate whose words start at <paramref name="t"/> with its auxiliary or copula (would be spent, was
    /// close): a verb or a copula's complement without a subject, not above <paramref name="verb"/>; or -1.
    /// </summary>
    private static int PredicateAt(DocumentView doc, ParseView parse, int t, int verb)
    {
        if (!parse.IsParsed(t) || !doc.IsWord(t) || doc.SentenceOf[t] != doc.SentenceOf[verb])
        {
            return -1;
        }

        int p = t;
        for (int i = 0; i < 16 && parse.Head(p) >= 0 && parse.SubtreeStart(parse.Head(p)) == t; i++)
        {
            p = parse.Head(p);
        }

        bool inflected = parse.ChildOfBase(p, "aux") == t || parse.Child(p, "cop") == t; // opens with its auxiliary or copula
        // … or is a tensed verb itself, hung on the cue (estimated each mill job supports two more; estimated about one in
        // five voters stayed home): a present in -s or a past in -ed, no "to" or other mark before it.
        inflected |= p == t && parse.Head(p) == verb && parse.Child(p, "mark") < 0 && parse.Pos(p) == UniversalPos.Verb
            && (doc.Word(p).EndsWith("ed", StringComparison.OrdinalIgnoreCase) || (doc.Word(p).EndsWith("s", StringComparison.OrdinalIgnoreCase) && !doc.Word(p).EndsWith("ss", StringComparison.OrdinalIgnoreCase)));
        bool above = parse.SubtreeStart(p) <= verb && verb < parse.SubtreeEnd(p);
        return p != verb && !above && inflected && !HasSubject(parse, p) && parse.Pos(p) is UniversalPos.Verb or UniversalPos.Adj or UniversalPos.Noun or UniversalPos.PropN ? p : -1;
    }

    /// <summary>
    /// A verb after <paramref name="noun"/> hangs on it as a clause with a verb form of its own, not a "to" infinitive
    /// (said nothing to suggest), a relative clause (said things that…) or a participle (said the words spoken…).
    /// </summary>
    private static bool HasFiniteClause(DocumentView doc, ParseView parse, int noun)
    {
        foreach (int c in parse.Children(noun))
        {
            // (a relative clause too: with no subject, no relative pronoun stands for the noun, so the noun is its subject)
            if (c > noun && parse.HasBase(c, "acl") && parse.Pos(c) == UniversalPos.Verb && parse.Child(c, "mark") < 0 && !HasSubject(parse, c)
                && (parse.ChildOfBase(c, "aux") >= 0 || IsFiniteForm(doc.Word(c))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// S, X said. with S taken for an adverbial clause of the cue (Though R, there is no link, analysts say: the
    /// parse hangs "Though" on the wrong verb). A cue that ends its sentence after its subject, with a comma before
    /// the subject, reports the clause before the comma, whatever relation the parse gave it.
    /// </summary>
    private static QuoteCandidate? FrontedClause(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int subject = parse.ChildOfBase(verb, "nsubj");
        if (subject < 0 || subject > verb || parse.SubtreeEnd(subject) != verb)
        {
            return null;
        }

        int subjectStart = parse.SubtreeStart(subject);
        int sentenceEnd = doc.SentenceEnd(verb);
        if (subjectStart < 1 || !doc.Is(subjectStart - 1, ',') || doc.SentenceOf[subjectStart - 1] != doc.SentenceOf[verb])
        {
            return null;
        }

        // Nothing but the cue's own dependents after it, up to the end or a comma: "…, analysts say." / "…, he
        // said on Monday." / "…, lawmakers said Friday, as they …" (after the comma, the writer's aside).
        for (int t = verb + 1; t < sentenceEnd; t++)
        {
            if (doc.Is(t, ',') && t + 1 < sentenceEnd && (insideQuote[t + 1] || doc.IsQuoteMark(t + 1)))
            {
                return null; // Asked about it, X said, “…”: the cue introduces the quote after its comma
            }

            if (doc.Is(t, ',') && t + 1 < sentenceEnd && !ReportedSpeech.StartsReportedRest(doc, t + 1))
            {
                break;
            }

            if (doc.IsWord(t) && (parse.Head(t) == verb ? !IsCueDependent(parse, t, cue, 0) : !IsInside(parse, t, verb)))
            {
                return null;
            }
        }

        int first = -1;
        foreach (int c in parse.Children(verb))
        {
            if (c < subjectStart && (parse.Has(c, "advcl") || parse.Has(c, "dep") || parse.Has(c, "parataxis")) && parse.Pos(c) is UniversalPos.Verb or UniversalPos.Aux or UniversalPos.Adj or UniversalPos.Noun
                && HasSubject(parse, c) && parse.SubtreeEnd(c) >= subjectStart - 1 && !IsRelativeSubject(doc, parse, c))
            {
                return Make(doc, parse, parse.SubtreeStart(c), subjectStart - 1, cue, Speaker(doc, parse, cue), insideQuote);
            }

            if (c < subjectStart && first < 0 && !parse.HasBase(c, "punct") && !parse.HasBase(c, "cc"))
            {
                first = parse.HasBase(c, "nsubj") ? parse.SubtreeStart(c) : int.MaxValue; // not a fronted adverbial
            }
        }

        // The parse hung the clause's words on the cue piecemeal (its subject and predicate as two subjects of the
        // cue): the words from the cue's first dependent to the comma, when they hold a verb and no relative pronoun.
        if (first >= 0 && first < subjectStart && parse.SubtreeStart(verb) == first && HoldsFiniteVerb(doc, parse, first, subjectStart - 1))
        {
            return Make(doc, parse, first, subjectStart - 1, cue, Speaker(doc, parse, cue), insideQuote);
        }

        return null;
    }

    /// <summary>Whether the words [start, end) hold a finite verb or a copula, and no relative pronoun (bounded by the clause cut).</summary>
    private static bool HoldsFiniteVerb(DocumentView doc, ParseView parse, int start, int end)
    {
        bool verb = false;
        for (int t = start; t < end && t < start + MaxClauseTokens; t++)
        {
            if (IsWhWord(doc, t) || (doc.IsWord(t) && doc.Word(t).Equals("who", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            verb |= parse.Pos(t) == UniversalPos.Aux || (parse.Pos(t) == UniversalPos.Verb && (parse.ChildOfBase(t, "aux") >= 0 || IsFiniteForm(doc.Word(t))));
        }

        return verb;
    }

    /// <summary>Whether <paramref name="ancestor"/> dominates <paramref name="t"/> (bounded climb).</summary>
    private static bool IsInside(ParseView parse, int t, int ancestor)
    {
        for (int i = 0; i < 64 && t >= 0; i++)
        {
            if (t == ancestor)
            {
                return true;
            }

            t = parse.Head(t);
        }

        return false;
    }

    /// <summary>
    /// X told Y S, with S taken for a relative clause on the hearer ("told the AP her group never worked with him":
    /// worked ← acl:relcl ← AP): a clause that opens with a subject of its own, right after the hearer, is what was told.
    /// </summary>
    private static QuoteCandidate? HearerClause(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int c = cue.Class == CueClass.SpeechThat ? HearerRelative(doc, parse, verb) : -1;
        if (c < 0)
        {
            return null;
        }

        // (X told the AP S and said T: the second cue's clause is its own)
        int start = parse.SubtreeStart(c);
        return Make(doc, parse, start, BeforeCoordinatedCue(doc, parse, start, parse.SubtreeEnd(c), c), cue, Speaker(doc, parse, cue), insideQuote);
    }

    /// <summary>
    /// The clause the parse took for a relative clause on the hearer right after a verb of telling, opening with a
    /// subject of its own right after the hearer (told the AP her group never worked with him), or -1.
    /// </summary>
    private static int HearerRelative(DocumentView doc, ParseView parse, int verb)
    {
        foreach (int hearer in parse.Children(verb))
        {
            if (hearer <= verb || !(parse.Has(hearer, "iobj") || parse.Has(hearer, "obj")) || parse.SubtreeStart(hearer) != verb + 1)
            {
                continue;
            }

            foreach (int c in parse.Children(hearer))
            {
                int subject = c > hearer && (parse.Has(c, "acl:relcl") || parse.Has(c, "acl")) ? parse.ChildOfBase(c, "nsubj") : -1;
                if (subject > hearer && parse.SubtreeStart(c) == parse.SubtreeStart(subject) && parse.SubtreeStart(c) == hearer + 1 && !IsRelativeSubject(doc, parse, c)
                    && !IsWhWord(doc, subject) && !doc.Word(subject).Equals("that", StringComparison.OrdinalIgnoreCase))
                {
                    return c;
                }
            }
        }

        return -1;
    }

    /// <summary>A verb form that is not a participle: no -ing, and -ed only with an auxiliary (checked by the caller).</summary>
    private static bool IsFiniteForm(ReadOnlySpan<char> w) =>
        !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// X said S, with the parse upside down: the cue hangs on the reported clause's verb as an adverbial clause
    /// (said ← advcl ← broken in "Lawson said talks had broken down"); the clause is its head's words after the cue's,
    /// or from the cue's object on when the parse took S's subject for it (said goalie X, who …, would miss the final).
    /// </summary>
    private static QuoteCandidate? HangingCue(DocumentView doc, ParseView parse, int verb, CueMatch cue, bool[] insideQuote)
    {
        int head = parse.Head(verb);
        if (head <= verb || !(parse.Has(verb, "advcl") || parse.Has(verb, "dep")) || parse.Child(verb, "mark") >= 0)
        {
            return null;
        }

        int start = parse.SubtreeEnd(verb);
        int subject = parse.ChildOfBase(head, "nsubj");
        int obj = parse.Child(verb, "obj");
        if (subject < 0 && obj > verb && parse.SubtreeStart(obj) == verb + 1 && parse.Pos(head) == UniversalPos.Verb
            && cue.Class is CueClass.Speech or CueClass.SpeechParsed && HasNamedSubject(doc, parse, verb)
            && (parse.ChildOfBase(head, "aux") == start || parse.Child(head, "cop") == start))
        {
            // X said guard Ellis Fontaine, who has averaged 11 points, would move into the lineup: the clause's subject
            // taken for the cue's object, its predicate (opening with its auxiliary) for the sentence's.
            return Make(doc, parse, verb + 1, parse.SubtreeEnd(head), cue, Speaker(doc, parse, cue), insideQuote);
        }

        if (subject < start || parse.SubtreeStart(subject) != start || parse.Pos(head) != UniversalPos.Verb)
        {
            return null; // the clause opens with its own subject, right after the cue
        }

        return Make(doc, parse, start, parse.SubtreeEnd(head), cue, Speaker(doc, parse, cue), insideQuote);
    }

    /// <summary>Whether the verb has a subject before it and none of its subjects is a relative pronoun (who has maintained).</summary>
    private static bool HasNamedSubject(DocumentView doc, ParseView parse, int verb)
    {
        bool any = false;
        foreach (int c in parse.Children(verb))
        {
            if (c < verb && parse.HasBase(c, "nsubj"))
            {
                if (ParseAttribution.IsRelativePronoun(doc, c))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// Whether <paramref name="conj"/>'s auxiliary (were, are, have; was, is, has) agrees in number with the subject of
    /// <paramref name="clause"/> and not with the cue's: the coordinated verb is the clause's, not the speaker's.
    /// </summary>
    private static bool AgreesWithClauseNotSpeaker(DocumentView doc, ParseView parse, int conj, int clause, int verb, CueMatch cue)
    {
        int aux = parse.Child(conj, "aux") is int a and >= 0 ? a : parse.Child(conj, "cop");
        if (aux < 0 || aux > conj || !doc.IsWord(aux))
        {
            return false;
        }

        bool? auxPlural = doc.Word(aux) is "were" or "are" or "have" ? true : doc.Word(aux) is "was" or "is" or "has" ? false : null;
        int subjectOfCue = parse.ChildOfBase(verb, "nsubj");
        if (subjectOfCue < 0)
        {
            subjectOfCue = Speaker(doc, parse, cue) is { IsNone: false } found ? found.Last : -1; // (the parse gave the cue no subject)
        }

        bool? speaker = NumberOf(doc, parse, subjectOfCue);
        bool? subject = NumberOf(doc, parse, parse.ChildOfBase(clause, "nsubj"));
        return auxPlural is bool p && speaker is bool sp && subject is bool su && p != sp && p == su;
    }

    /// <summary>Whether a subject is plural (they, we, a plural noun), singular (he, she, it, a name, a singular noun), or not known.</summary>
    private static bool? NumberOf(DocumentView doc, ParseView parse, int t)
    {
        if (t < 0 || !doc.IsWord(t) || parse.Child(t, "conj") >= 0)
        {
            return null; // (coordinated subjects: plural, whatever their nouns)
        }

        ReadOnlySpan<char> w = doc.Word(t);
        return parse.Pos(t) switch
        {
            UniversalPos.Pron => w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("we", StringComparison.OrdinalIgnoreCase) ? true
                : w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase) || w.Equals("it", StringComparison.OrdinalIgnoreCase) ? false : null,
            UniversalPos.PropN => false,
            UniversalPos.Noun => w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    /// <summary>A verb with a modal auxiliary (would not stand, won't do): a finite form, never a participle's conjunct.</summary>
    private static bool HasModal(DocumentView doc, ParseView parse, int verb)
    {
        int aux = parse.Child(verb, "aux");
        if (aux < 0 || !doc.IsWord(aux))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(aux);
        return w.Equals("would", StringComparison.OrdinalIgnoreCase) || w.Equals("will", StringComparison.OrdinalIgnoreCase)
            || w.Equals("wo", StringComparison.OrdinalIgnoreCase) || w.Equals("could", StringComparison.OrdinalIgnoreCase)
            || w.Equals("can", StringComparison.OrdinalIgnoreCase) || w.Equals("ca", StringComparison.OrdinalIgnoreCase)
            || w.Equals("should", StringComparison.OrdinalIgnoreCase) || w.Equals("might", StringComparison.OrdinalIgnoreCase)
            || w.Equals("may", StringComparison.OrdinalIgnoreCase) || w.Equals("must", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Where a clause ends before a second cue the parse coordinated into it (X said that S, but said T): the
    /// coordinated cue begins a report of its own. A cue of quoted words only ends the clause as well (X said S and
    /// called the plan a mistake): its subject is the speaker's, so it is the speaker's next act, not what was said.
    /// </summary>
    private static int BeforeCoordinatedCue(DocumentView doc, ParseView parse, int start, int end, int clause)
    {
        for (int t = start; t < end; t++) // at most MaxClauseTokens
        {
            if (t != clause && parse.Has(t, "conj") && parse.Pos(t) == UniversalPos.Verb && t > clause
                && QuoteLexicons.CueVerbs.Contains(doc.Word(t)) && !HasSubject(parse, t))
            {
                int cut = parse.SubtreeStart(t);
                return cut > start ? cut : end;
            }
        }

        return end;
    }

    /// <summary>
    /// The speaker of a cue: the subject next to it, read from the words before it, else the parse's subject.
    /// Measured on PolNeAR dev, the words next to the cue name the speaker more often than the parse does
    /// (its subject attachments are its weakest relation on long news sentences); the parse finds the
    /// subjects the words cannot reach (X, who …, said; X did Y and then said).
    /// </summary>
    private static Phrase Speaker(DocumentView doc, ParseView parse, CueMatch cue)
    {
        Phrase surface = ReportedSpeech.SurfaceSpeaker(doc, cue);
        Phrase parsed = ParseAttribution.CueSpeaker(doc, parse, cue.First);
        // Ngozi Eze, who was volunteering there with her church group, said about 600 people had registered: with the
        // relative clause taken for the sentence's, the parse finds no subject, or the clause's own after the cue.
        Phrase named = NameBeforeRelative(doc, parse, cue.First);
        // (or a name inside the relative clause: Sylvain Bergeron, who milks 85 cows with his daughter, Noémie, said)
        if (!named.IsNone && (parsed.IsNone || (parsed.First > cue.Last && parse.Pos(parsed.Last + 1) is UniversalPos.Aux or UniversalPos.Verb)
                || (parsed.First > named.Last && parsed.Last < cue.First) || parsed.First == named.First)
            && (surface.IsNone || surface.First >= named.First))
        {
            return named;
        }

        // A senior official who was not authorized to speak publicly said S: the parse hung the cue inside the
        // relative clause (said ← advcl ← speak), so it has no subject; the noun the clause is on speaks.
        if (parsed.IsNone && RelativeHolder(doc, parse, cue.First) is { IsNone: false } holder && (surface.IsNone || surface.First > holder.Last))
        {
            return holder;
        }

        // S, said X: a subject after the cue is the speaker; the words before it are what was said.
        if (surface.IsNone || (!parsed.IsNone && parsed.First > cue.Last && surface.Last < cue.First))
        {
            return parsed;
        }

        // Friends of the coach say, organisers in the two cities — A and B — said: the words before the cue stop at
        // the preposition; the parse's subject is the head they modify.
        int described = Widened(doc, parse, surface).First; // (the two host cities: with its determiner)
        if (!parsed.IsNone && parsed.Relative < 0 && parsed.Last < surface.First && parse.Has(surface.Last, "nmod")
            && parse.Head(surface.Last) == parsed.Last && doc.IsWord(described - 1) && parse.Pos(described - 1) == UniversalPos.Adp
            && described - 2 == parsed.Last)
        {
            // (the mayor at the time said: the phrase says when, and the speaker is its head)
            return IsWhenPhrase(doc, described - 1, surface.Last) ? parsed : parsed with { Last = surface.Last };
        }

        // Whitcombe, a cardiologist, said: the words before the cue reach the apposition; the parse's subject is
        // the name it belongs to.
        if (!parsed.IsNone && parsed.Relative < 0 && parse.Pos(parsed.Last) == UniversalPos.PropN && parsed.Last < surface.First
            && parse.SubtreeEnd(parsed.Last) > surface.Last && parse.Has(HeadWithin(parse, surface.Last, parsed.Last), "appos"))
        {
            return parsed;
        }

        // A federal official who asked not to be named because they were not authorised to discuss the matter said:
        // the words before the cue are the end of a relative clause on the parse's subject.
        if (!parsed.IsNone && parsed.Relative < 0 && parsed.Last < surface.First && parse.SubtreeEnd(parsed.Last) > surface.Last
            && parse.Has(HeadWithin(parse, surface.Last, parsed.Last), "acl:relcl"))
        {
            return parsed;
        }

        return Widened(doc, parse, surface);
    }

    /// <summary>How many heads up from a cue the relative clause it was hung inside may be (said ← advcl ← speak ← xcomp ← authorized).</summary>
    private const int MaxRelativeDepth = 4;

    /// <summary>
    /// The noun phrase whose relative clause (on "who" or "that", right after the noun) the parse hung a subjectless cue
    /// inside, through at most <see cref="MaxRelativeDepth"/> adverbial, complement or coordinated verbs: the noun and the
    /// words before it (A senior government official, of "A senior government official who was not authorized to speak publicly
    /// said"); none otherwise.
    /// </summary>
    private static Phrase RelativeHolder(DocumentView doc, ParseView parse, int cue)
    {
        if (parse.ChildOfBase(cue, "nsubj") >= 0)
        {
            return Phrase.None;
        }

        int t = cue;
        for (int depth = 0; depth < MaxRelativeDepth && parse.Head(t) >= 0; depth++)
        {
            if (parse.Has(t, "acl:relcl"))
            {
                int noun = parse.Head(t);
                int relative = parse.ChildOfBase(t, "nsubj");
                bool who = relative >= 0 && relative < t && doc.IsWord(relative) && doc.Word(relative) is "who" or "that";
                return who && noun < relative && relative == noun + 1 && parse.Pos(noun) == UniversalPos.Noun && doc.SentenceOf[noun] == doc.SentenceOf[cue]
                    ? new Phrase(parse.SubtreeStart(noun), noun) : Phrase.None;
            }

            if (parse.BaseRelation(t) is not ("advcl" or "xcomp" or "conj" or "ccomp"))
            {
                return Phrase.None;
            }

            t = parse.Head(t);
        }

        return Phrase.None;
    }

    /// <summary>The most tokens of a relative clause between a name and its cue (X, who …, said).</summary>
    private const int MaxRelativeTokens = 30;

    /// <summary>
    /// X, who … , said: a name (capitalised words opening the sentence, or after a verbless opening) before a relative
    /// clause between commas that ends right before the cue; or none.
    /// </summary>
    private static Phrase NameBeforeRelative(DocumentView doc, ParseView parse, int cue)
    {
        int sentenceStart = doc.SentenceStart(cue);
        if (!doc.Is(cue - 1, ','))
        {
            return Phrase.None;
        }

        int commas = 0;
        for (int w = cue - 2; w > sentenceStart + 1 && cue - w <= MaxRelativeTokens; w--)
        {
            if (doc.Is(w, ',') && ++commas > 2)
            {
                return Phrase.None; // one relative clause, with at most one apposition inside it (with his daughter, Noémie,)
            }

            if (IsRelativeWord(doc, w) && doc.Is(w - 1, ','))
            {
                int last = w - 2;
                int first = last;
                while (first - 1 >= sentenceStart && doc.IsNameWord(first - 1))
                {
                    first--;
                }

                // (opening the sentence, or after a verbless adverbial and its comma: At his farm outside Coaticook, X, who …)
                bool opens = first == sentenceStart || (doc.Is(first - 1, ',') && IsVerblessOpening(doc, parse, sentenceStart, first - 1));
                return opens && doc.IsNameWord(last) ? new Phrase(first, last) : Phrase.None;
            }
        }

        return Phrase.None;
    }

    /// <summary>A preposition of time or "at the time" (Trump at the time, a few weeks after Obama): when, not which people.</summary>
    private static bool IsWhenPhrase(DocumentView doc, int preposition, int last)
    {
        ReadOnlySpan<char> w = doc.Word(preposition);
        return w.Equals("after", StringComparison.OrdinalIgnoreCase) || w.Equals("before", StringComparison.OrdinalIgnoreCase)
            || w.Equals("during", StringComparison.OrdinalIgnoreCase) || w.Equals("since", StringComparison.OrdinalIgnoreCase)
            || w.Equals("until", StringComparison.OrdinalIgnoreCase) || (doc.IsWord(last) && doc.Word(last).Equals("time", StringComparison.OrdinalIgnoreCase))
            || (doc.ClassOf(last) & SpeakerWord.Time) != 0;
    }

    /// <summary>
    /// The words before a speaker phrase that the parse hangs on it as its modifiers (political scientists, club
    /// secretary Ann Pike, the election experts): the phrase the lexicons read stops at words they do not list.
    /// </summary>
    private static Phrase Widened(DocumentView doc, ParseView parse, Phrase speaker)
    {
        int first = speaker.First;
        for (int i = 0; i < 6 && first > 0 && doc.IsWord(first - 1) && doc.SentenceOf[first - 1] == doc.SentenceOf[first]; i++)
        {
            int t = first - 1;
            int head = parse.Head(t);
            ReadOnlySpan<char> r = parse.BaseRelation(t);
            if (head < first || head > speaker.Last || !(r is "amod" or "compound" or "det" or "nummod" || parse.Has(t, "nmod:desc")) || doc.IsPronoun(t))
            {
                break;
            }

            first = t;
        }

        return speaker with { First = first };
    }

    /// <summary>The ancestor of <paramref name="t"/> that is a child of <paramref name="top"/>, or -1.</summary>
    private static int HeadWithin(ParseView parse, int t, int top)
    {
        for (int i = 0; i < 64 && t >= 0; i++)
        {
            int h = parse.Head(t);
            if (h == top)
            {
                return t;
            }

            t = h;
        }

        return -1;
    }

    /// <summary>
    /// X accused Y of Z (Sanders accused Clinton of dragging her feet; accused the council of hiding cost overruns): the
    /// one accused and what of, as PolNeAR's gold gives it; the "of" phrase the parse hangs on the cue or on Y. Not the
    /// passive (X was accused of Z names no one who said it).
    /// </summary>
    private static QuoteCandidate? Accusation(DocumentView doc, ParseView parse, int verb, bool[] insideQuote)
    {
        // ("accuse" brings in quotes in marks as a cue of its own class, which the other rules leave out)
        if (!QuoteLexicons.CueVerbs.TryGetValue(doc.Word(verb), out CueForm form) || form.Lemma != "accuse" || IsDenied(doc, parse, verb)
            || parse.Child(verb, "obj") is not (int obj and > 0) || obj < verb)
        {
            return null;
        }

        var cue = new CueMatch(verb, verb, form.Lemma, form.Class);

        int end = -1;
        foreach (int c in parse.Children(verb))
        {
            if (c > obj && (parse.Has(c, "advcl") || parse.HasBase(c, "obl")) && IsOf(doc, parse.SubtreeStart(c)) && parse.SubtreeStart(c) == parse.SubtreeEnd(obj))
            {
                end = parse.SubtreeEnd(c);
            }
        }

        foreach (int c in parse.Children(obj))
        {
            if (end < 0 && c > obj && parse.HasBase(c, "nmod") && IsOf(doc, parse.SubtreeStart(c)))
            {
                end = parse.SubtreeEnd(c);
            }
        }

        return end > obj ? Make(doc, parse, parse.SubtreeStart(obj), end, cue, Speaker(doc, parse, cue), insideQuote) : null;
    }

    private static bool IsOf(DocumentView doc, int t) => doc.IsWord(t) && doc.Word(t).Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>X urged Y to S; X promised to S; X seems to S: the to-infinitive of a verb that reports one, with the object before it.</summary>
    private static QuoteCandidate? Infinitive(DocumentView doc, ParseView parse, int verb, bool[] insideQuote)
    {
        // X called on Y to V: "call" reports only quoted words (called it “…”), but with "on" its infinitive is a demand.
        bool found = TryCueVerb(doc, verb, out CueMatch cue);
        bool callOn = !found && QuoteLexicons.CueVerbs.TryGetValue(doc.Word(verb), out CueForm form) && form.Lemma == "call"
            && doc.IsWord(verb + 1) && doc.Word(verb + 1).Equals("on", StringComparison.OrdinalIgnoreCase);
        if (callOn)
        {
            cue = new CueMatch(verb, verb, "call", CueClass.SpeechThat);
        }

        if (!(found || callOn) || !QuoteLexicons.InfinitiveCues.Contains(cue.Lemma) || IsDenied(doc, parse, verb))
        {
            return null;
        }

        int clause = -1;
        foreach (int c in parse.Children(verb))
        {
            // seem and appear report an adjective or noun too (she seemed unaware of the risk).
            // called on X to apologize: the parse may take the infinitive for an adverbial clause of purpose.
            if (c > verb && ((parse.Has(c, "xcomp") && ((parse.Pos(c) == UniversalPos.Verb && IsTo(doc, parse.Child(c, "mark"))) || cue.Lemma is "seem" or "appear"))
                || (parse.Has(c, "advcl") && parse.Pos(c) == UniversalPos.Verb && IsTo(doc, parse.Child(c, "mark")) && parse.SubtreeStart(c) == parse.Child(c, "mark"))))
            {
                clause = c;
                break;
            }
        }

        // (the one urged: the parse takes it for an object or an indirect object; called on: the oblique after "on")
        int obj = parse.Child(verb, "obj") is int o and >= 0 ? o : parse.Child(verb, "iobj");
        bool afterOn = false; // (the object is the oblique after "on", whose first word is "on")
        if (callOn && obj < 0 && parse.Child(verb, "obl") is int on and > 0 && parse.SubtreeStart(on) == verb + 1)
        {
            obj = on;
            afterOn = true;
        }

        if (clause < 0 && obj > verb)
        {
            // urged members to reject the offer: the parse may hang the infinitive on the object, or on a noun of a
            // relative clause on it, or on that clause's verb (urged anyone who receives such a call to hang up): the last
            // one in its phrase.
            int end = parse.SubtreeEnd(obj);
            for (int t = end - 1; t > obj && end - t <= MaxClauseTokens; t--)
            {
                if ((parse.Has(t, "acl") || parse.Has(t, "advcl")) && parse.Pos(t) == UniversalPos.Verb && IsTo(doc, parse.Child(t, "mark")) && parse.SubtreeEnd(t) == end
                    && IsInside(parse, t, obj))
                {
                    clause = t;
                    break;
                }
            }
        }

        if (clause < 0 || IsAnonymityRequest(doc, parse, clause))
        {
            return null;
        }

        int start = parse.SubtreeStart(clause);
        if (obj > verb && obj < clause)
        {
            start = parse.SubtreeStart(obj) + (afterOn ? 1 : 0); // (called on: from the one called on)
        }

        int subject = parse.ChildOfBase(verb, "nsubj");
        if (IsRaising(parse, verb, cue) && subject >= 0 && subject < verb && !TryCueVerb(doc, clause, out _))
        {
            return Raised(doc, parse, subject, start, parse.SubtreeEnd(clause), cue, insideQuote);
        }

        return Make(doc, parse, start, parse.SubtreeEnd(clause), cue, Speaker(doc, parse, cue), insideQuote);
    }

    /// <summary>
    /// Seem, appear and a passive expect (X seems to S, X is expected to S) say nothing of who holds the view: their
    /// subject is the subject of what is reported, not a speaker (unless S is a report of its own: X appeared to
    /// concede that T).
    /// </summary>
    private static bool IsRaising(ParseView parse, int verb, CueMatch cue) =>
        cue.Lemma is "seem" or "appear" || (cue.Lemma == "expect" && parse.Child(verb, "aux:pass") >= 0);

    /// <summary>
    /// The enthusiasm seems to have faded: what is reported is the subject and the words after the cue, one clause in
    /// two segments, with no speaker.
    /// </summary>
    private static QuoteCandidate? Raised(DocumentView doc, ParseView parse, int subject, int start, int end, CueMatch cue, bool[] insideQuote)
    {
        int first = parse.SubtreeStart(subject);
        int last = Math.Min(parse.SubtreeEnd(subject), cue.First) - 1;
        first = ReportedSpeech.AfterMedium(doc, first, last + 1); // (said in a special weather statement winds are expected …: the medium is no part of it)
        while (first <= last && doc.Tokens[first].Kind is TokenKind.Punctuation or TokenKind.Dash)
        {
            first++;
        }

        while (last >= first && doc.Tokens[last].Kind is TokenKind.Punctuation or TokenKind.Dash)
        {
            last--;
        }

        if (first > last || last - first >= MaxClauseTokens || insideQuote[first] || insideQuote[last])
        {
            return null;
        }

        QuoteCandidate? made = Make(doc, parse, start, end, cue, new Phrase(first, last), insideQuote);
        if (made is null)
        {
            return null;
        }

        made.Segments.Insert(0, TextSpan.FromBounds(doc.Tokens[first].Start, doc.Tokens[last].End));
        made.Speaker = Phrase.None;
        return made;
    }

    /// <summary>
    /// An official who asked not to be named (identified, quoted by name): the formula that keeps a source
    /// anonymous, not a report of what they asked for.
    /// </summary>
    private static bool IsAnonymityRequest(DocumentView doc, ParseView parse, int clause)
    {
        if (!doc.IsWord(clause) || parse.Child(clause, "aux:pass") < 0)
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(clause);
        return w.Equals("named", StringComparison.OrdinalIgnoreCase) || w.Equals("identified", StringComparison.OrdinalIgnoreCase)
            || w.Equals("quoted", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsQuestionMark(DocumentView doc, int t) =>
        t >= 0 && doc.IsWord(t) && (doc.Word(t).Equals("if", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("whether", StringComparison.OrdinalIgnoreCase));

    private static bool IsWhWord(DocumentView doc, int t)
    {
        if (!doc.IsWord(t))
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(t);
        return w.Equals("which", StringComparison.OrdinalIgnoreCase) || w.Equals("what", StringComparison.OrdinalIgnoreCase)
            || w.Equals("whose", StringComparison.OrdinalIgnoreCase) || w.Equals("how", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word "to" (an infinitive's mark or a preposition) at <paramref name="t"/>.</summary>
    internal static bool IsTo(DocumentView doc, int t) => t >= 0 && doc.IsWord(t) && doc.Word(t).Equals("to", StringComparison.OrdinalIgnoreCase);

    /// <summary>S, X said (, …): the cue hangs on the clause it interrupts as parataxis; the clause is its words before the cue's own.</summary>
    private static QuoteCandidate? Interrupted(DocumentView doc, ParseView parse, int verb, bool[] insideQuote)
    {
        int head = parse.Head(verb);
        // The parse gives the interrupting cue as parataxis, or as an adverbial clause with a subject of its own.
        // A cue the parse coordinates with the clause without a conjunction (S, X told reporters) interrupts it too.
        bool interrupts = parse.Has(verb, "parataxis") || (parse.Has(verb, "advcl") && HasSubject(parse, verb) && parse.Child(verb, "mark") < 0)
            || (parse.Has(verb, "conj") && HasSubject(parse, verb) && parse.Child(verb, "cc") < 0);

        // S, X said: the parse may take the cue for a relative clause on the last noun of S (island ← acl:relcl ←
        // said in "… to the island, councillors said"). Its subject is no relative pronoun, with a comma before it.
        int ownSubject = parse.ChildOfBase(verb, "nsubj");
        if (!interrupts && head >= 0 && head < verb && parse.Has(verb, "acl:relcl") && ownSubject >= 0 && !IsRelativeSubject(doc, parse, verb)
            && parse.SubtreeStart(verb) == parse.SubtreeStart(ownSubject) && parse.SubtreeStart(verb) > 0 && doc.Is(parse.SubtreeStart(verb) - 1, ','))
        {
            for (int i = 0; i < 8 && head >= 0 && !HasSubject(parse, head); i++)
            {
                head = parse.Head(head);
            }

            interrupts = head >= 0 && head < verb;
        }
        if (head < 0 || head > verb || !interrupts || !TryCueVerb(doc, verb, out CueMatch cue) || IsDenied(doc, parse, verb))
        {
            return null;
        }

        // S won't open until 2033 and will cost $1.9 billion, staff told councillors: the cue hung on a second predicate
        // of the clause, which shares its subject.
        bool ownSpeaker = parse.Has(verb, "parataxis") && ownSubject >= 0 && !IsRelativeSubject(doc, parse, verb);
        for (int i = 0; i < 8 && ownSpeaker && parse.HasBase(head, "conj") && parse.Child(head, "cc") >= 0 && !HasSubject(parse, head) && parse.Head(head) is int up and >= 0 && up < head; i++)
        {
            head = up;
        }

        // The interrupted words are a clause of their own, with a subject (not "Breaking his silence, X said").
        if (!HasSubject(parse, head))
        {
            return null;
        }

        // S1, but S2, X told Y: a cue hung on the second conjunct reports the coordination whole.
        for (int i = 0; i < 8 && parse.HasBase(head, "conj") && parse.Head(head) is int up and >= 0 && up < head && HasSubject(parse, up); i++)
        {
            head = up;
        }

        Phrase speaker = Speaker(doc, parse, cue);
        if (speaker.IsNone || !EndsAtBreak(doc, parse.SubtreeStart(verb)))
        {
            return null;
        }

        return Make(doc, parse, parse.SubtreeStart(head), parse.SubtreeStart(verb), cue, speaker, insideQuote);
    }

    /// <summary>The most compound modifiers climbed to the word they modify.</summary>
    private const int MaxCompoundClimb = 6;

    /// <summary>According to X, S / S, according to X: the clause the phrase modifies, on the side away from X.</summary>
    private static QuoteCandidate? AccordingTo(DocumentView doc, ParseView parse, int according, bool[] insideQuote)
    {
        if (!doc.TryCue(according, out CueMatch cue) || !cue.IsAccordingTo)
        {
            return null;
        }

        if (Fronted(doc, parse, cue, insideQuote) is QuoteCandidate fronted)
        {
            return fronted;
        }

        // "according" is the case marker of X (or its head, with "to" fixed to it); X modifies the clause.
        int source = parse.Head(according);
        if (source < 0 || source <= cue.Last)
        {
            source = FirstAfter(parse, according, cue.Last);
        }

        if (source < 0)
        {
            return null;
        }

        // according to police Const. Manpreet Gill: the parse may hang "according" on a modifier of the name; the
        // source is the word the compound modifies.
        for (int i = 0; i < MaxCompoundClimb && parse.Has(source, "compound") && parse.Head(source) > source; i++)
        {
            source = parse.Head(source);
        }

        // The parse often hangs "according to X" on a word near it; what X vouches for is the whole clause
        // around it, so climb to the top of the sentence's tree.
        int clause = source;
        for (int i = 0; i < 64 && parse.Head(clause) >= 0; i++)
        {
            clause = parse.Head(clause);
        }

        if (clause == source)
        {
            // According to a new poll, S: the parse makes the source the root and S a conjunct of it after the comma.
            int after = -1;
            foreach (int c in parse.Children(source))
            {
                if (c > source && (doc.Is(parse.SubtreeStart(c), ',') || doc.Is(parse.SubtreeStart(c) - 1, ',')) && parse.Pos(c) != UniversalPos.Punct)
                {
                    after = c;
                    break;
                }
            }

            return after < 0 ? null
                : Make(doc, parse, parse.SubtreeStart(after), parse.SubtreeEnd(after), cue, ParseAttribution.Mention(doc, parse, source), insideQuote);
        }

        int clauseStart = parse.SubtreeStart(clause);
        int clauseEnd = parse.SubtreeEnd(clause);
        int sourceEnd = parse.SubtreeEnd(source);
        (int start, int end) = according - clauseStart > clauseEnd - sourceEnd ? (clauseStart, according) : (sourceEnd, clauseEnd);
        return Make(doc, parse, start, end, cue, ParseAttribution.Mention(doc, parse, source), insideQuote);
    }

    /// <summary>The longest source of a fronted "according to X," and the longest adverbial before it (In addition, But the next day).</summary>
    private const int MaxFrontedTokens = 16;

    /// <summary>
    /// According to X, S / In Iowa, according to X, S: a phrase that opens its sentence, or follows only an adverbial
    /// and a comma, and is closed by a comma vouches for the clause after it, to the sentence's end. The parse often
    /// takes S's subject into X's phrase (According to the Associated Press, 571 of the superdelegates …: 571 ← flat ←
    /// Press), so the comma decides. An apposition the parse hangs on X (According to Ann Pike, a pollster, S) is X's.
    /// </summary>
    private static QuoteCandidate? Fronted(DocumentView doc, ParseView parse, CueMatch cue, bool[] insideQuote)
    {
        int sentenceStart = doc.SentenceStart(cue.First);
        int sentenceEnd = doc.SentenceEnd(cue.First);
        bool opens = cue.First == sentenceStart || IsVerblessOpening(doc, parse, sentenceStart, cue.First - 1);
        if (!opens)
        {
            return null;
        }

        int comma = -1;
        for (int t = cue.Last + 1; t < sentenceEnd && t <= cue.Last + MaxFrontedTokens; t++)
        {
            if (doc.Is(t, ','))
            {
                comma = t;
                break;
            }

            if (!doc.IsWord(t) || insideQuote[t])
            {
                return null;
            }
        }

        int last = comma - 1;
        if (comma < 0 || last <= cue.Last || !(doc.IsNameWord(last) || parse.Pos(last) is UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Num))
        {
            return null;
        }

        // According to Ann Pike, a pollster at the firm, S: the apposition the parse hangs on X ends at a comma of its own;
        // so does a name after a role (According to the former secretary, William Bennett, S), whatever the parse made of it.
        int start = comma + 1;
        for (int t = start; t < sentenceEnd && t < start + MaxFrontedTokens; t++)
        {
            if (parse.Has(t, "appos") && parse.Head(t) > cue.Last && parse.Head(t) < comma && parse.SubtreeStart(t) >= comma)
            {
                int after = parse.SubtreeEnd(t);
                int close = doc.Is(after - 1, ',') ? after - 1 : after;
                start = doc.Is(close, ',') && close - start <= MaxFrontedTokens ? close + 1 : start;
                break;
            }
        }

        if (start == comma + 1 && (doc.ClassOf(last) & SpeakerWord.Role) != 0 && NameBetweenCommas(doc, start, sentenceEnd) is int nameEnd and >= 0
            && !IsRelativeWord(doc, nameEnd + 1))
        {
            start = nameEnd + 1;
        }

        int end = sentenceEnd;
        if (end - start < MinimumClauseTokens || !HasFiniteVerb(doc, parse, start, end))
        {
            return null;
        }

        Phrase speaker = new(cue.Last + 1, last);
        int head = FirstAfter(parse, cue.First, cue.Last);
        if (head >= 0 && parse.SubtreeStart(head) > cue.Last && parse.SubtreeEnd(head) <= comma)
        {
            Phrase mention = ParseAttribution.Mention(doc, parse, head);
            speaker = mention.IsNone ? speaker : mention;
        }

        // The name in apposition is who X is (the company's spokeswoman, Ann Pike).
        if (start > comma + 1 && NameBetweenCommas(doc, comma + 1, sentenceEnd) is int name and >= 0 && name == start - 1)
        {
            speaker = new Phrase(comma + 1, name - 1);
        }

        return Make(doc, parse, start, end, cue, speaker, insideQuote);
    }

    /// <summary>The longest name read between two commas as an apposition.</summary>
    private const int MaxApposedNameTokens = 6;

    /// <summary>The comma that closes a name opening at <paramref name="t"/> (capitalised words only, a few of them), or -1.</summary>
    private static int NameBetweenCommas(DocumentView doc, int t, int sentenceEnd)
    {
        for (int i = t; i < sentenceEnd && i <= t + MaxApposedNameTokens; i++)
        {
            if (doc.Is(i, ','))
            {
                return i > t ? i : -1;
            }

            if (!doc.IsNameWord(i) && !doc.Is(i, '.'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsRelativeWord(DocumentView doc, int t) =>
        doc.IsWord(t) && (doc.Word(t).Equals("who", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("which", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("whose", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the sentence's words before <paramref name="comma"/> are an adverbial with no verb that the comma closes
    /// (In Iowa, But the next day, At the community hall in Smithers): not a clause of their own.
    /// </summary>
    internal static bool IsVerblessOpening(DocumentView doc, ParseView parse, int sentenceStart, int comma) =>
        comma > sentenceStart && doc.Is(comma, ',') && comma - sentenceStart <= MaxFrontedTokens && !HasFiniteVerb(doc, parse, sentenceStart, comma);

    /// <summary>Whether the words [start, end) hold an auxiliary or a finite verb (bounded by the clause cut).</summary>
    internal static bool HasFiniteVerb(DocumentView doc, ParseView parse, int start, int end)
    {
        for (int t = start; t < end && t < start + MaxClauseTokens; t++)
        {
            if (parse.Pos(t) == UniversalPos.Aux || (parse.Pos(t) == UniversalPos.Verb && (parse.ChildOfBase(t, "aux") >= 0 || IsFiniteForm(doc.Word(t)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>X's claim that S, the warning that S: a noun of speech with a that-clause (acl or ccomp).</summary>
    private static QuoteCandidate? SpeechNoun(DocumentView doc, ParseView parse, int noun, bool[] insideQuote)
    {
        if (!QuoteLexicons.CueNouns.TryGetValue(doc.Word(noun), out string? lemma))
        {
            return null;
        }

        int clause = -1;
        foreach (int c in parse.Children(noun))
        {
            if (c > noun && (parse.Has(c, "acl") || parse.Has(c, "ccomp")) && StartsWithThat(doc, parse, c))
            {
                clause = c;
                break;
            }
        }

        if (clause < 0)
        {
            return null;
        }

        // The speaker is the noun's possessor (Smith's claim); the subject of a verb the noun is the object of
        // may be the one who made the claim or the one who rejected it, so it names no one.
        int owner = parse.Child(noun, "nmod:poss");
        Phrase speaker = owner >= 0 ? ParseAttribution.Mention(doc, parse, owner) : Phrase.None;
        // The parse tends to hang the sentence's own verb on the clause (her claim that S was rejected): a verb
        // after the clause's head with no subject of its own is the sentence's, and ends the clause.
        int end = parse.SubtreeEnd(clause);
        foreach (int c in parse.Children(clause))
        {
            // (… was rigged drew a sharp reply: a finite verb taken for the clause's open complement, too)
            bool finiteComplement = parse.Has(c, "xcomp") && parse.Pos(c) == UniversalPos.Verb && parse.Child(c, "mark") < 0 && IsFiniteForm(doc.Word(c));
            if (c > clause && (parse.Has(c, "ccomp") || parse.Has(c, "conj") || parse.Has(c, "parataxis") || parse.Has(c, "dep") || finiteComplement) && !HasSubject(parse, c))
            {
                end = Math.Min(end, parse.SubtreeStart(c));
            }
        }

        var cue = new CueMatch(noun, noun, lemma, CueClass.Speech);
        return Make(doc, parse, Math.Max(parse.SubtreeStart(clause), noun + 1), end, cue, speaker, insideQuote);
    }

    /// <summary>A verb form of the cue lexicon that can introduce a reported clause.</summary>
    private static bool TryCueVerb(DocumentView doc, int t, out CueMatch cue)
    {
        if (((QuoteLexicons.CueVerbs.TryGetValue(doc.Word(t), out CueForm form) && form.Class != CueClass.Quote)
            || QuoteLexicons.AttitudeVerbs.TryGetValue(doc.Word(t), out form))
            && !(form.AlsoNoun && t >= 2 && doc.IsNameWord(t - 1) && doc.IsWord(t - 2) && doc.Word(t - 2) is "a" or "an" or "A" or "An"))
        {
            // (not a noun after "a Name", whatever the tagger said: an Instagram post, a Twitter comment)
            cue = new CueMatch(t, t, form.Lemma, form.Class);
            return true;
        }

        cue = default;
        return false;
    }

    /// <summary>
    /// Asked whether S, X said …: a question put to the sentence's subject by someone the text does not name, not
    /// what the subject said (the participle without a subject of its own, before the clause it hangs on): it is
    /// reported without a speaker.
    /// </summary>
    private static bool IsPutToTheSpeaker(DocumentView doc, ParseView parse, int verb) =>
        doc.Word(verb).Equals("asked", StringComparison.OrdinalIgnoreCase) && parse.Has(verb, "advcl") && parse.Head(verb) > verb && !HasSubject(parse, verb);

    /// <summary>The cue's complement after it opens with "whether" or "if" (would not say whether the talks would resume).</summary>
    private static bool LeavesQuestionOpen(DocumentView doc, ParseView parse, int verb)
    {
        foreach (int c in parse.Children(verb))
        {
            if (c > verb && parse.Has(c, "ccomp") && IsQuestionMark(doc, parse.Child(c, "mark")) && parse.Child(c, "mark") == parse.SubtreeStart(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A negated cue (X did not say whether …, X would never say that …) asserts nothing; nor does a cue someone declined
    /// or refused to use (X declined to say whether …): only the open question it leaves is reported (<see cref="LeavesQuestionOpen"/>).
    /// </summary>
    private static bool IsDenied(DocumentView doc, ParseView parse, int verb)
    {
        foreach (int c in parse.Children(verb))
        {
            if (parse.Has(c, "advmod") && doc.IsWord(c) && IsNegation(doc.Word(c)))
            {
                return true;
            }
        }

        // X declined (refused, was not willing) to say: the verb the infinitive hangs on says so.
        int head = parse.Head(verb);
        if (!parse.Has(verb, "xcomp") || head < 0 || !doc.IsWord(head))
        {
            return false;
        }

        if (doc.Word(head).StartsWith("declin", StringComparison.OrdinalIgnoreCase) || doc.Word(head).StartsWith("refus", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (int c in parse.Children(head))
        {
            if (parse.Has(c, "advmod") && doc.IsWord(c) && IsNegation(doc.Word(c)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegation(ReadOnlySpan<char> w) =>
        w.Equals("not", StringComparison.OrdinalIgnoreCase) || w.Equals("n't", StringComparison.OrdinalIgnoreCase)
        || w.Equals("n’t", StringComparison.OrdinalIgnoreCase) || w.Equals("never", StringComparison.OrdinalIgnoreCase);

    private static bool HasSubject(ParseView parse, int clause)
    {
        foreach (int c in parse.Children(clause))
        {
            if (parse.HasBase(c, "nsubj") || parse.HasBase(c, "csubj") || parse.Has(c, "expl"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The clause that ends before token <paramref name="end"/> ends at a comma, a dash or a quote mark.</summary>
    private static bool EndsAtBreak(DocumentView doc, int end)
    {
        for (int t = end - 1; t <= end && t < doc.Count; t++)
        {
            if (t >= 0 && (doc.Is(t, ',') || doc.Tokens[t].Kind == TokenKind.Dash || doc.IsQuoteMark(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most words of an amount between its word of approximation and its head (about a third of the).</summary>
    private const int MaxAmountWords = 4;

    /// <summary>
    /// An oblique that opens with a word of approximation before an amount: a number, or a fraction or a count noun
    /// as its head (about a third, around 600 people, over half; not "asking about their records").
    /// </summary>
    private static bool IsApproximateAmount(DocumentView doc, ParseView parse, int c)
    {
        int first = parse.SubtreeStart(c);
        if (!parse.HasBase(c, "obl") || parse.Head(first) != c || !parse.Has(first, "case") || !doc.IsWord(first)
            || doc.Word(first) is not ("about" or "around" or "over" or "under" or "nearly" or "almost" or "roughly" or "approximately"))
        {
            return false;
        }

        if (doc.IsWord(c) && doc.Word(c) is "third" or "half" or "quarter" or "fifth" or "tenth" or "dozen" or "dozens" or "hundreds" or "thousands" or "millions")
        {
            return true;
        }

        for (int t = first + 1; t <= c && t - first <= MaxAmountWords; t++) // (the words before the oblique's head: a few)
        {
            if (parse.Pos(t) == UniversalPos.Num)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dependent of the cue itself, not of its clause: where, when and to whom it was said.</summary>
    private static bool IsCueDependent(ParseView parse, int c, CueMatch cue, int hearers)
    {
        ReadOnlySpan<char> r = parse.BaseRelation(c);
        if (r is "obj" or "iobj")
        {
            // Only a verb of telling has a hearer before its clause, and one: X told me his support … makes him. (X
            // testified the ward was short of staff: the object of another cue is the clause's subject.)
            return cue.Class == CueClass.SpeechThat && hearers == 0 && QuoteLexicons.HearerVerbs.Contains(cue.Lemma);
        }

        return r is "obl" or "advmod" or "punct" or "nsubj" or "aux" or "cc" or "compound" or "discourse" or "dep";
    }

    /// <summary>The clause's subject is a relative pronoun (who, which) or opens with one (whose office).</summary>
    private static bool IsRelativeSubject(DocumentView doc, ParseView parse, int clause)
    {
        int subject = parse.ChildOfBase(clause, "nsubj");
        if (subject < 0)
        {
            return false;
        }

        int first = parse.SubtreeStart(subject);
        return (doc.IsWord(subject) && (doc.Word(subject).Equals("who", StringComparison.OrdinalIgnoreCase) || doc.Word(subject).Equals("which", StringComparison.OrdinalIgnoreCase)))
            || (doc.IsWord(first) && doc.Word(first).Equals("whose", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasComplementizer(DocumentView doc, ParseView parse, int clause)
    {
        int mark = parse.Child(clause, "mark");
        return mark >= 0 && doc.IsWord(mark) && !IsTo(doc, mark);
    }

    private static bool StartsWithThat(DocumentView doc, ParseView parse, int clause)
    {
        int mark = parse.Child(clause, "mark");
        return mark >= 0 && doc.IsWord(mark) && doc.Word(mark).Equals("that", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAccording(DocumentView doc, int t) => doc.Word(t).Equals("according", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first token after <paramref name="after"/> whose head is <paramref name="t"/>'s head or <paramref name="t"/> itself: X in "according to X" when the parse hangs "according" elsewhere.</summary>
    private static int FirstAfter(ParseView parse, int t, int after)
    {
        for (int u = after + 1; u < parse.Count && u <= after + 3; u++)
        {
            if (parse.Pos(u) is UniversalPos.PropN or UniversalPos.Noun or UniversalPos.Pron)
            {
                int h = u;
                for (int i = 0; i < 4 && parse.Head(h) >= 0 && parse.Pos(parse.Head(h)) is UniversalPos.PropN or UniversalPos.Noun; i++)
                {
                    h = parse.Head(h);
                }

                return h;
            }
        }

        return -1;
    }

    /// <summary>
    /// The words from <paramref name="t"/> are a cue of their own and the quote it introduces (…, saying, “…”;
    /// …, he added: “…”): at most three words, one of them a cue verb, then an opening mark.
    /// </summary>
    private static bool IntroducesQuote(DocumentView doc, int t, int end, bool[] insideQuote)
    {
        bool cue = false;
        for (int i = t; i < end && i < t + 5; i++)
        {
            if (doc.IsQuoteMark(i) || insideQuote[i])
            {
                return cue;
            }

            if (doc.Is(i, ',') || doc.Is(i, ':'))
            {
                // Only directly before the mark.
                if (!(i + 1 < end && (doc.IsQuoteMark(i + 1) || insideQuote[i + 1])))
                {
                    return false;
                }

                continue;
            }

            if (!doc.IsWord(i) || i - t >= 3)
            {
                return false;
            }

            cue |= QuoteLexicons.CueVerbs.Contains(doc.Word(i));
        }

        return false;
    }

    /// <summary>
    /// …, none of whom wanted to take over; a comedian whose one-person show …: a quantifier of a relative pronoun, or a
    /// phrase a relative "whose" opens, is no speaker, and its verb reports nothing.
    /// </summary>
    private static bool IsRelativePartitive(DocumentView doc, Phrase speaker) =>
        (doc.IsWord(speaker.Last + 2) && doc.Word(speaker.Last + 1).Equals("of", StringComparison.OrdinalIgnoreCase)
            && (doc.Word(speaker.Last + 2).Equals("whom", StringComparison.OrdinalIgnoreCase) || doc.Word(speaker.Last + 2).Equals("which", StringComparison.OrdinalIgnoreCase)))
        || (doc.IsWord(speaker.First) && doc.Word(speaker.First).Equals("whose", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// X said Tuesday it had raised $12 million, X vowed Monday night to stay: the day right after the cue (and a part of
    /// the day after it) says when it was said, and is no word of the clause — the number of its tokens, or 0 when a
    /// verb or a possessive follows it (said Saturday would have been his birthday; noted Thursday's debate was …).
    /// </summary>
    private static int DayAfterCue(DocumentView doc, ParseView parse, int start, int end)
    {
        if (!doc.IsWord(start) || !IsWeekday(doc.Word(start)))
        {
            return 0; // (a weekday only: Summer Jackson is a name, Fall a season)
        }

        int next = start + 1;
        if (next < end && doc.IsWord(next) && doc.Word(next) is "morning" or "afternoon" or "evening" or "night")
        {
            next++; // (Monday night, Friday afternoon; not months of talks)
        }

        return next + 1 < end && doc.IsWord(next) && parse.Pos(next) is not (UniversalPos.Verb or UniversalPos.Aux)
            && !doc.Word(next).Equals("'s", StringComparison.Ordinal) && !doc.Word(next).Equals("\u2019s", StringComparison.Ordinal)
            ? next - start : 0;
    }

    private static bool IsWeekday(ReadOnlySpan<char> w) =>
        w is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday";

    /// <summary>The most tokens of a noun phrase after a determiner "that" taken for a clause (that characterization on Wednesday).</summary>
    private const int MaxNounPhraseAfterThat = 4;

    /// <summary>
    /// Whether the words [<paramref name="start"/>, <paramref name="end"/>) come after a "that", are at most
    /// <see cref="MaxNounPhraseAfterThat"/> tokens and hold no verb or auxiliary: a noun phrase the determiner "that"
    /// opened (disputed that characterization on Wednesday), no clause.
    /// </summary>
    internal static bool IsNounPhraseAfterThat(DocumentView doc, ParseView parse, int start, int end)
    {
        if (start <= 0 || !doc.IsWord(start - 1) || !doc.Word(start - 1).Equals("that", StringComparison.OrdinalIgnoreCase) || parse.Count != doc.Count
            || end - start > MaxNounPhraseAfterThat)
        {
            return false; // (longer words are a clause whose verb the tagger missed: teacher surveys measure perceptions …)
        }

        // (a determiner, pronoun or number after "that", or a plural noun, says the "that" was a complementizer and the
        // tagger missed the verb: that every vote counts, that the tariffs hurt, that smaller classes work)
        if (parse.Pos(start) is UniversalPos.Det or UniversalPos.Pron or UniversalPos.Num)
        {
            return false;
        }

        for (int t = start; t < end; t++)
        {
            ReadOnlySpan<char> w = doc.IsWord(t) ? doc.Word(t) : default;
            if (parse.Pos(t) is UniversalPos.Verb or UniversalPos.Aux || (parse.Pos(t) == UniversalPos.Noun && w.Length > 3 && w[^1] == 's' && w[^2] != 's'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A reported clause over tokens [start, end): without a leading "that" or punctuation and the final punctuation; not a quote in marks.</summary>
    private static QuoteCandidate? Make(DocumentView doc, ParseView parse, int start, int end, CueMatch cue, Phrase speaker, bool[] insideQuote)
    {
        if (speaker.IsNone || IsRelativePartitive(doc, speaker))
        {
            return null;
        }

        // Cut to MaxClauseTokens on the side away from the cue: every loop below is bounded.
        (start, end) = cue.First < start ? (start, Math.Min(end, start + MaxClauseTokens)) : (Math.Max(start, end - MaxClauseTokens), end);
        if (start == cue.Last + 1)
        {
            start += DayAfterCue(doc, parse, start, end);
            start = ReportedSpeech.AfterMediumOpeningClause(doc, parse, start, end); // (said in an Instagram post it has …)
        }

        while (start < end && (doc.Tokens[start].Kind is TokenKind.Punctuation or TokenKind.Dash
            || ((parse.Has(start, "mark") || parse.Pos(start) == UniversalPos.SConj) && doc.Word(start).Equals("that", StringComparison.OrdinalIgnoreCase))))
        {
            start++;
        }

        // A colon or semicolon inside ends what was reported: what follows it is the writer's (it drew ire
        // from all sides: Stern questioned …); so does a source given after it (…, according to the minutes).
        for (int t = start + MinimumClauseTokens; t < end; t++)
        {
            if (((doc.Is(t, ':') || doc.Is(t, ';')) && !insideQuote[t]) || (doc.Is(t, ',') && t + 1 < end && (IsAccording(doc, t + 1) || IntroducesQuote(doc, t + 1, end, insideQuote)))
                || (doc.Tokens[t].Kind == TokenKind.Dash && !insideQuote[t] && OpensOwnReport(doc, parse, t + 1, end)))
            {
                end = t;
                break;
            }
        }

        while (end > start && doc.Tokens[end - 1].Kind is TokenKind.Punctuation or TokenKind.Dash)
        {
            end--;
        }

        if (end - start < MinimumClauseTokens)
        {
            return null;
        }

        // The speaker is outside what they said: a clause that holds its own speaker is a misparse.
        if (speaker.First >= start && speaker.Last < end)
        {
            return null;
        }

        // Words in quote marks are the marked quote's; a clause that is mostly quoted is that quote, not reported speech.
        int quoted = 0;
        for (int t = start; t < end; t++)
        {
            quoted += insideQuote[t] ? 1 : 0;
        }

        if (insideQuote[start] || 2 * quoted > end - start)
        {
            return null;
        }

        // Disputed that characterization on Wednesday: after a "that" the parse took for a complementizer, a clause without
        // a verb is the noun phrase a determiner "that" opened, not what was said.
        if (IsNounPhraseAfterThat(doc, parse, start, end))
        {
            return null;
        }

        return ReportedSpeech.Make(doc, start, end, cue, speaker);
    }
}
