using System;

namespace QuoteExtract.Quotes;

/// <summary>
/// Speakers read off the dependency parse: the subject of a cue verb (its agent in the passive), the subject of
/// the clause a participle or infinitive cue hangs on, a relative "who" standing for its noun, and the name an
/// apposition gives a role noun.
/// </summary>
internal static class ParseAttribution
{
    /// <summary>How many clause heads a subject is looked for through (saying → did → …): bounds the walk.</summary>
    private const int MaxClimb = 4;

    /// <summary>
    /// The speaker of the cue verb at <paramref name="verb"/>: its nsubj, its obl:agent (it was announced by X),
    /// or, for a cue without a subject of its own (X did Y, saying …; X wanted to say; X stood and said), the
    /// subject of the clause it depends on. <see cref="Phrase.None"/> when the parse gives none.
    /// </summary>
    public static Phrase CueSpeaker(DocumentView doc, ParseView parse, int verb)
    {
        int v = verb;
        for (int climb = 0; climb <= MaxClimb && parse.IsParsed(v); climb++)
        {
            int subject = -1;
            int percent = -1;
            int agent = -1;
            int passiveSubject = -1;
            foreach (int c in parse.Children(v))
            {
                string? r = parse.Relation(c);
                // (a poll released on Tuesday shows: a day with its preposition is when, not a subject)
                if (r == "nsubj" && (subject < 0 || (c < v && subject < c)) && !(parse.Child(c, "case") >= 0 && (doc.ClassOf(c) & SpeakerWord.Time) != 0))
                {
                    subject = c; // two subjects (a misparse of S, X said): the nearer one before the verb
                }
                else if (r == "obl:agent" || (r == "obl" && IsBy(doc, parse, c) && parse.Child(v, "aux:pass") >= 0))
                {
                    agent = c;
                }
                else if (r == "obl:unmarked" && c < v && parse.SubtreeEnd(c) == v && doc.Is(c, '%'))
                {
                    percent = c; // 38% said: the parse takes a share written with % for an adverbial
                }
                else if (r == "nsubj:pass" && passiveSubject < 0)
                {
                    passiveSubject = c;
                }
            }

            if (subject >= 0 || percent >= 0)
            {
                return Mention(doc, parse, subject >= 0 ? subject : percent);
            }

            if (agent >= 0)
            {
                return Mention(doc, parse, agent);
            }

            // X was quoted as saying: the one quoted is the passive subject.
            if (passiveSubject >= 0 && climb > 0 && IsLemma(doc, v, "quoted"))
            {
                return Mention(doc, parse, passiveSubject);
            }

            if (passiveSubject >= 0)
            {
                return Phrase.None; // X was told that …: X heard it, and the parse names no speaker
            }

            // Only a clause that depends on another takes its subject: a participle, an infinitive, a conjunct.
            if (!(parse.HasBase(v, "xcomp") || parse.HasBase(v, "advcl") || parse.HasBase(v, "conj") || parse.HasBase(v, "acl") || UnderReducedRelative(doc, parse, v)))
            {
                return Phrase.None;
            }

            int head = parse.Head(v);
            if (head < 0)
            {
                return Phrase.None;
            }

            // A statement saying …, a letter arguing …: the noun the participle hangs on has no subject to give.
            if (parse.HasBase(v, "acl"))
            {
                return Phrase.None;
            }

            // X said S, but said T: a cue the parse coordinated into the first cue's clause shares that cue's subject.
            v = parse.HasBase(v, "conj") && parse.Has(head, "ccomp") && parse.Head(head) >= 0 ? parse.Head(head) : head;
        }

        return Phrase.None;
    }

    /// <summary>
    /// A poll released on Tuesday shows …: the parse took the participle of a reduced relative clause for the
    /// sentence's verb and the cue for its complement; the noun before the participle is the cue's subject.
    /// </summary>
    private static bool UnderReducedRelative(DocumentView doc, ParseView parse, int v)
    {
        int head = parse.Head(v);
        if (!parse.HasBase(v, "ccomp") || head < 0 || head > v || parse.Pos(head) != UniversalPos.Verb || parse.Child(v, "mark") >= 0)
        {
            return false;
        }

        ReadOnlySpan<char> w = doc.Word(head);
        int subject = parse.ChildOfBase(head, "nsubj");
        return (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("en", StringComparison.OrdinalIgnoreCase))
            && parse.ChildOfBase(head, "aux") < 0 && subject >= 0 && parse.SubtreeEnd(subject) == head && parse.Child(head, "obj") < 0;
    }

    /// <summary>
    /// The parse's subject of the cue at <paramref name="cue"/> when it is a plural noun right before the cue (Other
    /// senators said, Demonstrators said): a speaker the lexicons do not list, which the surface rules miss; or none.
    /// </summary>
    public static Phrase PluralSubjectBefore(DocumentView doc, ParseView parse, int cue, int lowerBound)
    {
        if (!parse.IsParsed(cue) || CueSpeaker(doc, parse, cue) is not { IsNone: false } subject)
        {
            return Phrase.None;
        }

        return subject.Last == cue - 1 && subject.First >= lowerBound && parse.Pos(subject.Last) == UniversalPos.Noun
            && doc.Word(subject.Last).EndsWith("s", StringComparison.Ordinal) ? subject : Phrase.None;
    }

    /// <summary>
    /// The speaker phrase for the noun or pronoun at <paramref name="head"/>: ending at its head word, where the
    /// resolver reads names; an apposition's name for a role noun (the company's chief, Ann Li); a relative
    /// pronoun with the noun it stands for.
    /// </summary>
    public static Phrase Mention(DocumentView doc, ParseView parse, int head)
    {
        // Only a noun, a name, a pronoun or a number (61 percent said) speaks: not an adjective the parse made a subject.
        // A quantifier standing alone does (Some say, Both said, nearly half said), whatever class the tagger gave it.
        if (doc.IsQuantifier(head))
        {
            return new Phrase(parse.Child(head, "advmod") is int m and >= 0 && m == head - 1 ? m : head, head);
        }

        // 38% said: the share and its number.
        if (doc.Is(head, '%'))
        {
            return new Phrase(parse.Child(head, "nummod") is int n and >= 0 && n == head - 1 ? n : head, head);
        }

        // A day or a season the parse made the subject (Texas … Friday asked) is when, not who.
        if (parse.Pos(head) is not (UniversalPos.Noun or UniversalPos.PropN or UniversalPos.Pron or UniversalPos.Num) || (doc.ClassOf(head) & SpeakerWord.Time) != 0)
        {
            return Phrase.None;
        }

        // Ana Lopez, who said: "who" is the subject of a relative clause on the noun.
        if (parse.Pos(head) == UniversalPos.Pron && IsRelativePronoun(doc, head))
        {
            int clause = parse.Head(head);
            if (clause >= 0 && parse.Has(clause, "acl:relcl") && parse.Head(clause) is int noun and >= 0)
            {
                Phrase antecedent = Mention(doc, parse, PersonFor(doc, parse, head, noun));
                return antecedent.IsNone ? Phrase.None : antecedent with { Relative = head };
            }

            // The European Union, which contended; 23 percent who said: a relative clause the parse hung elsewhere
            // (parataxis, a conjunct) still stands for the noun right before its comma, or before "who".
            int before = doc.Is(head - 1, ',') ? head - 2 : doc.Word(head).Equals("who", StringComparison.OrdinalIgnoreCase) ? head - 1 : -1;
            if (before >= 2 && parse.Pos(before) == UniversalPos.Num && doc.Is(before - 1, ','))
            {
                before -= 2; // Schiff, 56, who has served …: the age between commas
            }

            if (before >= 0 && parse.Pos(before) is UniversalPos.Noun or UniversalPos.PropN && doc.SentenceOf[before] == doc.SentenceOf[head])
            {
                while (parse.HasBase(before, "flat") && parse.Head(before) >= 0 && parse.Head(before) < before)
                {
                    before = parse.Head(before);
                }

                Phrase antecedent = Mention(doc, parse, PersonFor(doc, parse, head, before));
                return antecedent.IsNone ? Phrase.None : antecedent with { Relative = head };
            }

            return Phrase.None;
        }

        // A common noun speaks when it is a role or an institution (the spokesman, the ministry), a plural
        // (officials), or has a determiner or modifier of its own (a new poll): not a stray noun the parse made a
        // subject (a bold move).
        if (parse.Pos(head) == UniversalPos.Noun && !IsSpeakingNoun(doc, parse, head))
        {
            return Phrase.None;
        }

        if (parse.Pos(head) != UniversalPos.PropN)
        {
            foreach (int c in parse.Children(head))
            {
                if (parse.Has(c, "appos") && parse.Pos(c) == UniversalPos.PropN && c > head)
                {
                    return NounPhrase(doc, parse, c);
                }
            }
        }

        return NounPhrase(doc, parse, head);
    }

    /// <summary>The most name words read after a title the parse left alone.</summary>
    private const int MaxNameAfterTitle = 4;

    /// <summary>The head word with the modifiers that make up a name or a role before it (the former chief executive Ann Li) and the rest of a flat name after it.</summary>
    private static Phrase NounPhrase(DocumentView doc, ParseView parse, int head)
    {
        int first = head;
        int last = head;
        // Left modifiers that reach up to the phrase so far, nearest first: the former chief executive Ann Li.
        for (int pass = 0, grown = 1; grown == 1 && pass < 8; pass++)
        {
            grown = 0;
            foreach (int c in parse.Children(head))
            {
                if (c < first && parse.SubtreeEnd(c) == first && IsNameModifier(parse, c))
                {
                    first = parse.SubtreeStart(c);
                    grown = 1;
                }
            }
        }

        foreach (int c in parse.Children(head))
        {
            if (c == last + 1 && (parse.Has(c, "flat") || parse.Has(c, "compound")))
            {
                last = c;
            }
        }

        // Const. Manpreet Gill when the parse hangs the name on the title: a title heads no phrase alone.
        if ((doc.Tokens[last].Traits & TokenTraits.Title) != 0)
        {
            int t = last + 1;
            while (t < doc.Count && t - last <= MaxNameAfterTitle && doc.SentenceOf[t] == doc.SentenceOf[last] && doc.IsNameWord(t))
            {
                t++;
            }

            last = t - 1;
        }

        // Never start on punctuation or a possessive marker left over from a cut, nor on a preposition a misparse hung on
        // a modifier (according to Const. Manpreet Gill, "according to" under "Const.").
        while (first < last && (doc.Tokens[first].Kind == TokenKind.Punctuation || doc.IsQuoteMark(first) || parse.Relation(first) is "case" or "fixed"))
        {
            first++;
        }

        // Transportation and Infrastructure Minister Craig Abbott: the parse coordinates the portfolio's words.
        return doc.WithPortfolio(new Phrase(first, last), doc.SentenceStart(head), doc.SentenceEnd(head));
    }

    private static bool IsNameModifier(ParseView parse, int c) =>
        parse.Relation(c) is "compound" or "flat" or "amod" or "det" or "nummod" or "nmod:poss";

    private static bool IsSpeakingNoun(DocumentView doc, ParseView parse, int noun)
    {
        if ((doc.ClassOf(noun) & (SpeakerWord.Role | SpeakerWord.Institution)) != 0 || doc.Word(noun).EndsWith("s", StringComparison.OrdinalIgnoreCase)
            || doc.IsCapitalized(noun))
        {
            return true;
        }

        foreach (int c in parse.Children(noun))
        {
            if (c < noun && parse.Relation(c) is "det" or "nmod:poss" or "amod" or "compound" or "nummod")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The noun a relative "who" at <paramref name="relative"/> stands for, from the <paramref name="noun"/> the parse gives:
    /// past a place or an organisation, up through the phrases it ends (Aisha Farah, an economist with the Prairie
    /// Institute in Regina, who said: not Regina), to the name an apposition describes; the noun itself otherwise.
    /// </summary>
    internal static int PersonFor(DocumentView doc, ParseView parse, int relative, int noun)
    {
        if (!doc.IsWord(relative) || !doc.Word(relative).Equals("who", StringComparison.OrdinalIgnoreCase) || !parse.IsParsed(noun)
            || doc.EntityAt(noun) is not (EntityType.Location or EntityType.Organization))
        {
            return noun;
        }

        int n = noun;
        for (int steps = 0; steps < MaxPersonSteps && doc.EntityAt(n) is EntityType.Location or EntityType.Organization; steps++)
        {
            int up = parse.Head(n);
            if (up < 0 || up > n || !(parse.HasBase(n, "nmod") || parse.HasBase(n, "compound") || parse.HasBase(n, "flat")) || doc.SentenceOf[up] != doc.SentenceOf[n])
            {
                return noun;
            }

            n = up;
        }

        // (only to a person: a name the tagger calls one, or a role noun; not a complaint from the association, who said)
        if (doc.EntityAt(n) is EntityType.Location or EntityType.Organization
            || !(doc.EntityAt(n) == EntityType.Person || (doc.ClassOf(n) & SpeakerWord.Role) != 0))
        {
            return noun;
        }

        // (an economist with the institute: the name the apposition describes, whatever relation the parse gave it)
        if (parse.HasBase(n, "appos") && parse.Head(n) is int named and >= 0 && named < n && parse.Pos(named) == UniversalPos.PropN)
        {
            return named;
        }

        int start = parse.SubtreeStart(n);
        int before = (doc.Is(start, ',') ? start + 1 : start) - 2; // (the parse may give the phrase its opening comma)
        return before >= 0 && doc.Is(before + 1, ',') && doc.EntityAt(before) == EntityType.Person && doc.SentenceOf[before] == doc.SentenceOf[n] ? before : n;
    }

    /// <summary>The most heads a relative "who" climbs from a place or an organisation to the person it stands for.</summary>
    private const int MaxPersonSteps = 6;

    /// <summary>who, which or that: a word that can open a relative clause as its subject.</summary>
    internal static bool IsRelativePronoun(DocumentView doc, int t) =>
        doc.IsWord(t) && (doc.Word(t).Equals("who", StringComparison.OrdinalIgnoreCase) || doc.Word(t).Equals("which", StringComparison.OrdinalIgnoreCase)
            || doc.Word(t).Equals("that", StringComparison.OrdinalIgnoreCase));

    private static bool IsBy(DocumentView doc, ParseView parse, int noun)
    {
        int c = parse.Child(noun, "case");
        return c >= 0 && doc.IsWord(c) && doc.Word(c).Equals("by", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLemma(DocumentView doc, int t, string form) => doc.IsWord(t) && doc.Word(t).Equals(form, StringComparison.OrdinalIgnoreCase);
}
