using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using QuoteExtract.Entities;
using QuoteExtract.Text;

namespace QuoteExtract.Quotes;

/// <summary>A cue found at a token: a verb form or a phrase of several tokens.</summary>
/// <param name="First">First token of the cue.</param>
/// <param name="Last">Last token of the cue.</param>
/// <param name="Lemma">Its base form.</param>
/// <param name="Class">What it can introduce.</param>
internal readonly record struct CueMatch(int First, int Last, string Lemma, CueClass Class)
{
    public bool IsAccordingTo => Lemma == "according to";
}

/// <summary>A phrase of tokens [First, Last] that names a speaker.</summary>
/// <param name="First">First token.</param>
/// <param name="Last">Last token.</param>
/// <param name="Relative">
/// The relative pronoun that is the cue's grammatical subject (Ana Lopez, <b>who</b> said …), or -1: the
/// speaker's mention is then that pronoun, and it resolves to the phrase.
/// </param>
internal readonly record struct Phrase(int First, int Last, int Relative = -1)
{
    public static readonly Phrase None = new(-1, -1);

    public bool IsNone => First < 0;
}

/// <summary>Token-level questions about one document, shared by the attribution steps.</summary>
internal sealed class DocumentView
{
    /// <summary>The longest speaker phrase read leftwards: bounds the work on any input.</summary>
    private const int MaxPhraseTokens = 16;

    /// <summary>The longest parenthesis read past beside a name: (D-Wis.), (R-N.C.), (I-Vt.).</summary>
    private const int MaxParenthesisTokens = 8;

    public DocumentView(SegmentedText text, ImmutableArray<Entity> entities = default, List<MarkedQuote>? marked = null)
    {
        Text = text.Text;
        Tokens = text.Tokens;
        Segments = text;
        _entityOf = EntityTypesOfTokens(text.Tokens, entities);
        _apostrophe = UnpairedApostrophes(text.Text, text.Tokens, marked);
        int[] sentenceOf = new int[Tokens.Length];
        for (int s = 0; s < text.Sentences.Length; s++)
        {
            Sentence sentence = text.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                sentenceOf[t] = s;
            }
        }

        SentenceOf = sentenceOf;

        // Words written with a capital inside sentences: a capital at a sentence's start alone does not make a name.
        var midSentence = new SpanSet(Text);
        for (int t = 1; t < Tokens.Length; t++)
        {
            if (Tokens[t].Kind == TokenKind.Word && (Tokens[t].Traits & TokenTraits.Capitalized) != 0 && !IsSentenceStart(t))
            {
                midSentence.Add(new TextSpan(Tokens[t].Start, Tokens[t].Length));
            }
        }

        _capitalizedMidSentence = midSentence;
    }

    private readonly SpanSet _capitalizedMidSentence;

    /// <summary>Word-final marks no quote pairs (Sanders’ campaign manager): apostrophes, not quote marks.</summary>
    private readonly bool[] _apostrophe;

    /// <summary>
    /// Whether token <paramref name="t"/> is a quote mark: a word-final ’ or ' after a letter that no quote pairs is the
    /// possessive apostrophe, and reads as part of the phrase (“Q,” Jeff Weaver, Sanders’ campaign manager, said).
    /// </summary>
    public bool IsQuoteMark(int t) => Tokens[t].IsQuoteMark && !_apostrophe[t];

    private static bool[] UnpairedApostrophes(string text, ImmutableArray<Token> tokens, List<MarkedQuote>? marked)
    {
        var apostrophe = new bool[tokens.Length];
        if (marked is null)
        {
            return apostrophe;
        }

        for (int t = 1; t < tokens.Length; t++)
        {
            Token token = tokens[t];
            apostrophe[t] = token.Kind == TokenKind.AmbiguousQuote && token.Start > 0 && char.IsLetter(text[token.Start - 1])
                && text[token.Start] is '\'' or '\u2019';
        }

        foreach (MarkedQuote quote in marked)
        {
            foreach (MarkedSegment s in quote.Segments)
            {
                apostrophe[s.Open] = false;
                if (s.Close >= 0)
                {
                    apostrophe[s.Close] = false;
                }
            }
        }

        return apostrophe;
    }

    /// <summary>For each token, 1 + the <see cref="EntityType"/> of the tagged entity that covers it, or 0.</summary>
    private readonly byte[] _entityOf;

    /// <summary>The type of the tagged entity covering token <paramref name="t"/>, if any.</summary>
    public EntityType? EntityAt(int t) => (uint)t < (uint)_entityOf.Length && _entityOf[t] != 0 ? (EntityType)(_entityOf[t] - 1) : null;

    private static byte[] EntityTypesOfTokens(ImmutableArray<Token> tokens, ImmutableArray<Entity> entities)
    {
        var of = new byte[tokens.Length];
        if (entities.IsDefaultOrEmpty)
        {
            return of;
        }

        // Entities and tokens are both in text order: one merge pass.
        int t = 0;
        foreach (Entity e in entities)
        {
            while (t < tokens.Length && tokens[t].End <= e.Span.Start)
            {
                t++;
            }

            for (int u = t; u < tokens.Length && tokens[u].Start < e.Span.End; u++)
            {
                of[u] = (byte)(1 + (int)e.Type);
            }
        }

        return of;
    }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    public SegmentedText Segments { get; }

    /// <summary>The sentence index of each token.</summary>
    public int[] SentenceOf { get; }

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Word(int t) => Text.AsSpan(Tokens[t].Start, Tokens[t].Length);

    /// <summary>How many sentences wholly inside quote marks the pronoun evidence reads past.</summary>
    private const int MaxQuotedSentencesPassed = 3;

    private bool WhollyQuoted(int sentence, bool[] insideQuote)
    {
        Sentence x = Segments.Sentences[sentence];
        for (int t = x.FirstToken; t < x.EndToken; t++)
        {
            if (IsWord(t) && !insideQuote[t])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What the pronouns say of the people sentences name: for each sentence that names one person only (its
    /// <paramref name="mentions"/>: the token after each mention and the person's key, in text order, outside quote
    /// marks), the he/his/him and she/her after the first mention, and opening the next sentence when it names no one
    /// (Goaltender Tobi Lund stopped all 19 shots he faced; … called it “the best night.” He said …). A sentence with
    /// both genders tells nothing; each sentence counts once. Per key, the sentences for each gender. Linear.
    /// </summary>
    public (int Male, int Female)[] PronounsOfSoleNames(IReadOnlyList<(int After, int Key)> mentions, int keys, bool[] insideQuote)
    {
        var told = new (int Male, int Female)[keys];
        int sentences = Segments.Sentences.Length;
        var only = new int[sentences]; // the key of the one person named: -1 none, -2 several
        var after = new int[sentences];
        Array.Fill(only, -1);
        foreach ((int next, int key) in mentions)
        {
            int s = SentenceOf[Math.Min(next, Tokens.Length) - 1];
            (only[s], after[s]) = only[s] == -1 ? (key, next) : (only[s] == key ? key : -2, after[s]);
        }

        for (int s = 0; s < sentences; s++)
        {
            if (only[s] < 0)
            {
                continue;
            }

            (int male, int female) = GenderedPronouns(after[s], Segments.Sentences[s].EndToken, insideQuote, firstWordOnly: false);
            // Sentences wholly inside quote marks name no one the pronoun could mean: the one after them opens with it
            // (Drummond said. “It could be the difference.” ¶ He said …).
            int next = s + 1;
            while (next < sentences && next - s <= MaxQuotedSentencesPassed && only[next] == -1 && WhollyQuoted(next, insideQuote))
            {
                next++;
            }

            // (not when a pronoun before the name means someone else: She credited her predecessor, Robert Giguère, …
            // “…,” she said; his affair with Monica Lewinsky … He said: the pronoun after goes on with them. But one in a
            // phrase set off by a comma right before the name may be theirs: Despite her injury, Jordan Ellis finished)
            int name = after[s] - 1;
            while (name - 1 >= Segments.Sentences[s].FirstToken && IsNameWord(name - 1))
            {
                name--;
            }

            (int maleBefore, int femaleBefore) = GenderedPronouns(Segments.Sentences[s].FirstToken, name, insideQuote, firstWordOnly: Is(name - 1, ','));
            if (next < sentences && only[next] != only[s] && maleBefore + femaleBefore == 0)
            {
                // (a sentence that names someone else still opens with the pronoun before that name: He said council
                // will write to Patricia Ogundipe; not one that names the same person: Trump … She said Trump …)
                int end = only[next] == -1 ? Segments.Sentences[next].EndToken : after[next] - 1;
                (int m, int f) = GenderedPronouns(Segments.Sentences[next].FirstToken, end, insideQuote, firstWordOnly: true);
                male += m;
                female += f;
            }

            if ((male == 0) != (female == 0))
            {
                told[only[s]].Male += Math.Sign(male);
                told[only[s]].Female += Math.Sign(female);
            }
        }

        return told;
    }

    /// <summary>
    /// The he/his/him and she/her pronouns in tokens [<paramref name="from"/>, <paramref name="to"/>) outside quote
    /// marks; only the first word outside quote marks when <paramref name="firstWordOnly"/> (He said … opening a
    /// sentence; “…,” he said).
    /// </summary>
    public (int Male, int Female) GenderedPronouns(int from, int to, bool[] insideQuote, bool firstWordOnly)
    {
        int male = 0;
        int female = 0;
        for (int t = from; t < to && t < Tokens.Length; t++)
        {
            if (insideQuote[t] || IsQuoteMark(t) || !IsWord(t))
            {
                continue; // (the first word outside quote marks: “…,” he said)
            }

            ReadOnlySpan<char> w = Word(t);
            if (QuoteLexicons.IsPronounWord(w) && QuoteLexicons.GenderWords.TryGetValue(w, out Gender g))
            {
                male += g == Gender.Male ? 1 : 0;
                female += g == Gender.Female ? 1 : 0;
            }

            if (firstWordOnly)
            {
                break;
            }
        }

        return (male, female);
    }

    public bool Is(int t, char c) => (uint)t < (uint)Tokens.Length && Tokens[t].Length == 1 && Text[Tokens[t].Start] == c;

    public bool IsWord(int t) => (uint)t < (uint)Tokens.Length && Tokens[t].Kind == TokenKind.Word;

    public bool IsCapitalized(int t) => IsWord(t) && (Tokens[t].Traits & TokenTraits.Capitalized) != 0;

    public bool IsPossessive(int t) =>
        (IsWord(t) && (Tokens[t].Traits & TokenTraits.Clitic) != 0 && Tokens[t].Length == 2 && (Text[Tokens[t].Start + 1] | 0x20) == 's')
        || ((uint)t < (uint)_apostrophe.Length && _apostrophe[t] && (Text[Tokens[t].Start - 1] | 0x20) == 's'); // the farmers’ union

    public SpeakerWord ClassOf(int t) => IsWord(t) ? QuoteLexicons.ClassOf(Word(t)) : SpeakerWord.None;

    public bool IsPronoun(int t) => (ClassOf(t) & SpeakerWord.Pronoun) != 0 && !IsTitleLike(t);

    /// <summary>A capitalised word that can be part of a name (not But, And, Meanwhile).</summary>
    public bool IsNameWord(int t)
    {
        if (!IsCapitalized(t))
        {
            return false;
        }

        SpeakerWord c = ClassOf(t);
        if ((c & (SpeakerWord.Stop | SpeakerWord.Pronoun | SpeakerWord.Determiner | SpeakerWord.Skip)) != 0)
        {
            return IsAllCaps(t);
        }

        if (!IsSentenceStart(t) || (t > 0 && IsQuoteMark(t - 1) && Tokens[t - 1].Kind is TokenKind.ClosingQuote or TokenKind.AmbiguousQuote))
        {
            return true; // a capital right after a closing mark is most often the speaker's name
        }

        if (EntityAt(t) is EntityType.Person or EntityType.Organization or EntityType.Location)
        {
            return true; // the tagger read it as a name (Bolton said, at a sentence's start)
        }

        // At a sentence's start (Appearing on TV, Hours later, Clearly): a name only if the text also
        // writes it with a capital elsewhere, or it is a first name or title, or a name follows.
        ReadOnlySpan<char> w = Word(t);
        return QuoteLexicons.FirstNames.Contains(w) || QuoteLexicons.Titles.Contains(w)
            || _capitalizedMidSentence.Contains(w)
            || (IsCapitalized(t + 1) && (ClassOf(t + 1) & (SpeakerWord.Stop | SpeakerWord.Pronoun | SpeakerWord.Determiner | SpeakerWord.Skip)) == 0)
            || (IsWord(t + 1) && !IsCapitalized(t + 1) && (ClassOf(t + 1) & SpeakerWord.Role) != 0); // Council leader Anna Berg
    }

    /// <summary>A lower-case word that can be a verb after its subject (continued, has, told): not a preposition, article or pronoun.</summary>
    public bool IsVerbLike(int t)
    {
        if (!IsWord(t) || IsCapitalized(t))
        {
            return false;
        }

        return (ClassOf(t) & (SpeakerWord.Stop | SpeakerWord.Connector | SpeakerWord.Determiner | SpeakerWord.Pronoun)) == 0;
    }

    public bool IsAllCaps(int t)
    {
        ReadOnlySpan<char> w = Word(t);
        if (w.Length < 2)
        {
            return false;
        }

        foreach (char c in w)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // IT, WE in headlines are not pronouns.
    private bool IsTitleLike(int t) => IsAllCaps(t);

    /// <summary>True for . ! ? tokens and sentence-final ellipses.</summary>
    public bool IsTerminal(int t)
    {
        Token token = Tokens[t];
        return token.Kind == TokenKind.Punctuation && Text[token.Start] is '.' or '!' or '?';
    }

    /// <summary>Finds a cue that starts at token <paramref name="t"/>.</summary>
    public bool TryCue(int t, out CueMatch cue)
    {
        cue = default;
        if (!IsWord(t))
        {
            return false;
        }

        bool isVerb = QuoteLexicons.CueVerbs.TryGetValue(Word(t), out CueForm form);
        if (!isVerb && !QuoteLexicons.CuePhraseStarts.Contains(Word(t)))
        {
            return false;
        }

        foreach ((string[] words, string lemma) in QuoteLexicons.CuePhrases)
        {
            if (MatchesPhrase(t, words))
            {
                cue = new CueMatch(t, t + words.Length - 1, lemma, CueClass.Speech);
                return true;
            }
        }

        if (!isVerb)
        {
            return false;
        }

        int prev = t - 1;
        if ((ClassOf(prev) & SpeakerWord.Article) != 0)
        {
            return false; // a laugh, the claim, his warning: a noun
        }

        if (form.AlsoNoun)
        {
            // claims, tweets, caution: a verb only right after a name, a pronoun or an auxiliary, and not
            // after "a Name" (a Twitter comment, an Obama statement).
            // (or inverted right after the quote: “…,” laughs Mary Jones; ‘…’, sighs the coach)
            bool inverted = prev >= 0 && (IsQuoteMark(prev) || (prev >= 1 && Is(prev, ',') && IsQuoteMark(prev - 1)));
            if (!(IsNameWord(prev) || IsPronoun(prev) || (ClassOf(prev) & SpeakerWord.Skip) != 0 || inverted) || IsCapitalized(t)
                || (IsNameWord(prev) && IsWord(prev - 1) && Word(prev - 1) is "a" or "an"))
            {
                return false;
            }
        }

        ReadOnlySpan<char> word = Word(t);
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && prev >= 0 && IsWord(prev) && !IsCapitalized(prev)
            && ((ClassOf(prev) & SpeakerWord.Determiner) != 0 || (ClassOf(prev - 1) & SpeakerWord.Determiner) != 0)
            && (ClassOf(prev) & (SpeakerWord.Pronoun | SpeakerWord.Skip | SpeakerWord.Stop | SpeakerWord.Connector)) == 0)
        {
            return false; // a (chilling) warning: after a determiner, an -ing form is a noun
        }

        if (IsCapitalized(t) && t > 0 && !IsSentenceStart(t))
        {
            return false; // Said Jalili: a name
        }

        cue = new CueMatch(t, t, form.Lemma, form.Class);
        return true;
    }

    private bool MatchesPhrase(int t, string[] words)
    {
        if (t + words.Length > Tokens.Length)
        {
            return false;
        }

        for (int i = 0; i < words.Length; i++)
        {
            if (!IsWord(t + i) || !Word(t + i).Equals(words[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsSentenceStart(int t) => t == 0 || SentenceOf[t - 1] != SentenceOf[t] || IsQuoteMark(t - 1);

    public int SentenceStart(int t) => Segments.Sentences[SentenceOf[t]].FirstToken;

    public int SentenceEnd(int t) => Segments.Sentences[SentenceOf[t]].EndToken;

    public int ParagraphOf(int t) => Segments.Sentences[SentenceOf[t]].Paragraph;

    /// <summary>
    /// The speaker phrase that ends right before <paramref name="cue"/>: skips auxiliaries and adverbs,
    /// then an appositive (Lord Penrose, a former head of the navy, said), then reads a name, a role
    /// (the former foreign secretary), a possessive (Ms Marsh’s spokesman) or a pronoun, leftwards.
    /// </summary>
    public Phrase SubjectBefore(int cue, int lowerBound, out Phrase apposition)
    {
        apposition = Phrase.None;
        int i = cue - 1;
        while (i >= lowerBound && (ClassOf(i) & SpeakerWord.Skip) != 0 && !IsPronoun(i) && !IsCapitalized(i))
        {
            i--;
        }

        // X this month announced, the city last week said: a time phrase between the speaker and its cue.
        if (i - 1 >= lowerBound && (ClassOf(i) & SpeakerWord.Time) != 0 && IsWord(i - 1) && IsTimeDeterminer(Word(i - 1)))
        {
            i -= 2;
        }
        else if (i - 1 >= lowerBound && (ClassOf(i) & SpeakerWord.Time) != 0 && IsCapitalized(i))
        {
            i--; // the council Friday said: a day name alone
        }
        else if ((ClassOf(i) & SpeakerWord.Time) != 0 && !IsCapitalized(i))
        {
            // Beck, who has in the past described, X in recent weeks said: a time phrase after its preposition.
            for (int j = i - 1; j >= lowerBound && j >= i - 3; j--)
            {
                if (IsWord(j) && (Word(j).Equals("in", StringComparison.OrdinalIgnoreCase) || Word(j).Equals("over", StringComparison.OrdinalIgnoreCase)
                    || Word(j).Equals("for", StringComparison.OrdinalIgnoreCase)))
                {
                    i = j - 1;
                    while (i >= lowerBound && (ClassOf(i) & SpeakerWord.Skip) != 0 && !IsPronoun(i) && !IsCapitalized(i))
                    {
                        i--;
                    }

                    break;
                }
            }
        }

        i = BeforeParenthesis(i, lowerBound); // Rep. Gwen Moore (D-Wis.) said

        if (i < lowerBound)
        {
            return Phrase.None;
        }

        if (IsWord(i) && Word(i).Equals("who", StringComparison.OrdinalIgnoreCase) && Is(i - 1, ',') && i - 2 >= lowerBound)
        {
            Phrase antecedent = CollectLeft(i - 2, lowerBound); // Ana Lopez, who said …
            return antecedent.IsNone ? antecedent : antecedent with { Relative = i };
        }

        if (Is(i, ','))
        {
            // X, a former head of the navy, said: the speaker is X.
            int comma = CommaBefore(i, lowerBound);
            if (comma < 0)
            {
                return Phrase.None;
            }

            // X, acting director of Y, which organised the letter, said: a relative clause on the apposition's noun;
            // the apposition begins at the comma before it.
            bool relative = false;
            int appositionEnd = i - 1; // (before the relative clause on it: Her husband, Joel Dizon, who works nights, said)
            if (IsWord(comma + 1) && (Word(comma + 1).Equals("which", StringComparison.OrdinalIgnoreCase) || Word(comma + 1).Equals("who", StringComparison.OrdinalIgnoreCase)
                || Word(comma + 1).Equals("whose", StringComparison.OrdinalIgnoreCase)))
            {
                relative = !Word(comma + 1).Equals("which", StringComparison.OrdinalIgnoreCase);
                if (CommaBefore(comma, lowerBound) is int before and >= 0)
                {
                    appositionEnd = comma - 1;
                    comma = before;
                    relative = false;
                }
            }

            // … a name, a pronoun, or any phrase a relative "who" describes (The 29-year-old, who works at the library, said).
            Phrase head = CollectLeft(comma - 1, lowerBound);
            if (relative && !head.IsNone && IsPlaceOnly(head) && BeforePlace(head.First, lowerBound) is int described and >= 0)
            {
                head = CollectLeft(described, lowerBound); // The fifth-year guard from Brampton, Ont., whose parents …, said
            }

            if (relative && !head.IsNone && IsPlaceOnly(head) && RoleBeforePlace(head.First, lowerBound) is int person and >= 0)
            {
                head = CollectLeft(person, lowerBound); // One resident waiting at a bus stop on Victoria Street, who …, says
            }

            // The council’s leader, Margaret Okafor, said; Wexford's lawyer, Farid Haddad, said; Their coach, former
            // Brier competitor Brad Kowalski, said: the name that ends the apposition is the speaker.
            int named = NameEnding(comma + 1, appositionEnd);
            if (head.IsNone && named >= 0)
            {
                head = RoleOfField(comma - 1, lowerBound); // Manitoba’s minister of emergency management, Harjit Sidhu, said
            }

            if (head.IsNone && named >= 0)
            {
                head = PossessedOpening(comma - 1, lowerBound); // The couple's oldest, 13-year-old Liam MacDonald, said
            }

            if (!head.IsNone && named >= 0 && (!ContainsNameOrPronoun(head) || HasPossessive(head)) && EntityAt(appositionEnd) is not (EntityType.Organization or EntityType.Location))
            {
                apposition = head;
                return new Phrase(named, appositionEnd);
            }

            if (!head.IsNone && (ContainsNameOrPronoun(head) || relative) && CanStartApposition(comma + 1))
            {
                apposition = new Phrase(comma + 1, i - 1);
                return head;
            }

            return Phrase.None;
        }

        return WithDescribedHead(CollectLeft(i, lowerBound), lowerBound);
    }

    /// <summary>
    /// A short phrase from <paramref name="lowerBound"/> to <paramref name="end"/> with a possessor in it (the couple's
    /// oldest, their youngest): someone's relative or member, whatever noun or adjective heads it; none otherwise.
    /// </summary>
    private Phrase PossessedOpening(int end, int lowerBound)
    {
        if (end < lowerBound || end - lowerBound > 4)
        {
            return Phrase.None;
        }

        bool possessor = false;
        for (int t = lowerBound; t <= end; t++)
        {
            if (!IsWord(t) || (ClassOf(t) & (SpeakerWord.Stop | SpeakerWord.Connector)) != 0)
            {
                return Phrase.None;
            }

            possessor |= IsPossessive(t) || (t == lowerBound && (IsPossessivePronoun(t) || Word(t).Equals("our", StringComparison.OrdinalIgnoreCase) || Word(t).Equals("my", StringComparison.OrdinalIgnoreCase)));
        }

        return possessor && !IsPossessive(end) ? new Phrase(lowerBound, end) : Phrase.None;
    }

    /// <summary>The most words of a field after a role and "of" or "for" (minister of emergency management).</summary>
    private const int MaxFieldWords = 6;

    /// <summary>
    /// A role and the field it is "of" or "for", ending at <paramref name="end"/> (the minister of emergency
    /// management, B.C.’s director for public safety), whatever words the field has; none otherwise.
    /// </summary>
    private Phrase RoleOfField(int end, int lowerBound)
    {
        for (int j = end; j > lowerBound && j >= end - MaxFieldWords; j--)
        {
            if (!IsWord(j))
            {
                return Phrase.None;
            }

            if ((Word(j).Equals("of", StringComparison.OrdinalIgnoreCase) || Word(j).Equals("for", StringComparison.OrdinalIgnoreCase))
                && j < end && (ClassOf(j - 1) & SpeakerWord.Role) != 0)
            {
                Phrase role = CollectLeft(j - 1, lowerBound);
                return role.IsNone ? Phrase.None : new Phrase(role.First, end);
            }
        }

        return Phrase.None;
    }

    /// <summary>
    /// The nearest comma before <paramref name="t"/>, at most 16 tokens back, or -1; not the comma inside a place and
    /// its province or state (X, a 17-year-old from Mississauga, Ont., said: one phrase).
    /// </summary>
    private int CommaBefore(int t, int lowerBound)
    {
        for (int j = t - 1; j >= lowerBound && j >= t - 16; j--)
        {
            if (Is(j, ',') && !(Is(j + 2, ',') && EntityAt(j - 1) == EntityType.Location && EntityAt(j + 1) == EntityType.Location))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Every token of the phrase is in a place's name (Ont., Brampton).</summary>
    private bool IsPlaceOnly(Phrase p)
    {
        for (int t = p.First; t <= p.Last; t++)
        {
            if (EntityAt(t) != EntityType.Location)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The token before a place that ends at <paramref name="first"/> (its province after a comma: Brampton, Ont.) and
    /// the preposition before it (from, of, in): where the phrase the place describes ends; -1 when there is none.
    /// </summary>
    /// <summary>
    /// The role noun a relative "who" after a place describes (One resident waiting at a bus stop on Victoria Street,
    /// who …): the nearest lower-case role word before the place, at most 10 tokens back and past no comma; -1 when none.
    /// </summary>
    private int RoleBeforePlace(int first, int lowerBound)
    {
        for (int t = first - 1; t >= lowerBound && t >= first - 10 && !Is(t, ',') && !IsQuoteMark(t); t--)
        {
            if (IsWord(t) && (!IsCapitalized(t) || IsSentenceStart(t)) && (ClassOf(t) & SpeakerWord.Role) != 0 && (ClassOf(t) & SpeakerWord.Institution) == 0)
            {
                return t;
            }
        }

        return -1;
    }

    private int BeforePlace(int first, int lowerBound)
    {
        int t = first - 1;
        if (Is(t, ',') && EntityAt(t - 1) == EntityType.Location)
        {
            t--;
            while (t > lowerBound && EntityAt(t - 1) == EntityType.Location && first - t < 8)
            {
                t--;
            }

            t--;
        }

        while (t >= lowerBound && EntityAt(t) == EntityType.Location && first - t < 8)
        {
            t--;
        }

        return t > lowerBound && IsWord(t) && (ClassOf(t) & SpeakerWord.Connector) != 0 || (t > lowerBound && IsWord(t) && Word(t) is "from" or "in") ? t - 1 : -1;
    }

    /// <summary>
    /// Those close to the mayor, a source close to the mayor: the words read leftwards stop at the object of a
    /// postmodifier (<see cref="QuoteLexicons.SpeakerPostmodifiers"/>); the speaker is the phrase it describes, whole.
    /// </summary>
    private Phrase WithDescribedHead(Phrase phrase, int lowerBound)
    {
        // Economist Emeka Okafor of the University of Calgary estimated: the person, not the institution they are of.
        int of = phrase.IsNone ? -1 : phrase.First - 1;
        if (of - 1 >= lowerBound && IsWord(of) && (Word(of).Equals("of", StringComparison.OrdinalIgnoreCase) || Word(of).Equals("at", StringComparison.OrdinalIgnoreCase))
            && EntityAt(phrase.Last) == EntityType.Organization && EntityAt(of - 1) == EntityType.Person)
        {
            Phrase person = CollectLeft(of - 1, lowerBound);
            if (!person.IsNone)
            {
                return person;
            }
        }

        int modifier = phrase.IsNone ? -1 : phrase.First - 2;
        if (phrase.IsNone || modifier - 1 < lowerBound || !IsWord(modifier) || !IsWord(modifier + 1) || !ReportedSpeech.IsPostmodifier(Word(modifier), Word(modifier + 1)))
        {
            return phrase;
        }

        if (IsWord(modifier - 1) && Word(modifier - 1).Equals("those", StringComparison.OrdinalIgnoreCase))
        {
            return new Phrase(modifier - 1, phrase.Last);
        }

        Phrase head = CollectLeft(modifier - 1, lowerBound);
        return head.IsNone ? phrase : new Phrase(head.First, phrase.Last);
    }

    /// <summary>The token before a short parenthesis or dashed aside that ends at <paramref name="i"/> (Ann Lee (D-Wis.)), else <paramref name="i"/>.</summary>
    public int BeforeParenthesis(int i, int lowerBound)
    {
        // Democrats — and some Republicans — say: an aside between dashes stands where a parenthesis would.
        bool dash = (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Dash;
        if (!Is(i, ')') && !dash)
        {
            return i;
        }

        for (int j = i - 1; j >= lowerBound && j >= i - MaxParenthesisTokens; j--)
        {
            if (dash ? Tokens[j].Kind == TokenKind.Dash : Is(j, '('))
            {
                return j - 1;
            }
        }

        return i;
    }

    /// <summary>The token after a short parenthesis that starts at <paramref name="i"/>, else <paramref name="i"/>.</summary>
    public int AfterParenthesis(int i, int upperBound)
    {
        if (!Is(i, '('))
        {
            return i;
        }

        for (int j = i + 1; j < upperBound && j <= i + MaxParenthesisTokens; j++)
        {
            if (Is(j, ')'))
            {
                return j + 1;
            }
        }

        return i;
    }

    /// <summary>An apposition opens with a determiner, a role or a name (a former head of the navy; Sanders’ campaign manager).</summary>
    private bool CanStartApposition(int t)
    {
        SpeakerWord c = ClassOf(t);
        return (c & (SpeakerWord.Determiner | SpeakerWord.Role | SpeakerWord.Modifier)) != 0 || IsNameWord(t)
            || (IsWord(t) && (Word(t).Equals("who", StringComparison.OrdinalIgnoreCase) || Word(t).Equals("whose", StringComparison.OrdinalIgnoreCase))) // Ann Lee, who chairs the board, said
            || ((uint)t < (uint)Tokens.Length && Tokens[t].Kind == TokenKind.Number); // Jim Bennett, 57, told
    }

    /// <summary>
    /// Where the name that ends tokens [first, last] begins: all of them name words or titles (Margaret Okafor), or
    /// lower-case words of a description with a role noun before a name of two words or more (former Brier competitor Brad Kowalski);
    /// -1 when they end in no such name.
    /// </summary>
    private int NameEnding(int first, int last)
    {
        if (IsNameOnly(first, last))
        {
            return first;
        }

        int start = last + 1;
        while (start - 1 >= first && last - start < 4 && (IsNameWord(start - 1) || (IsWord(start - 1) && (Tokens[start - 1].Traits & TokenTraits.Title) != 0)))
        {
            start--;
        }

        if (last - start < 1 || start - first > 6)
        {
            return -1;
        }

        bool role = false;
        for (int t = first; t < start; t++)
        {
            // (lower-case words of a description with a role noun: former league champion; not "including Mr. X")
            if (!IsWord(t) || (IsCapitalized(t) ? !IsNameWord(t) : (ClassOf(t) & (SpeakerWord.Stop | SpeakerWord.Skip | SpeakerWord.Pronoun | SpeakerWord.Connector)) != 0))
            {
                return -1;
            }

            // (an age is a description too: 13-year-old Liam MacDonald)
            role |= (ClassOf(t) & SpeakerWord.Role) != 0 || Word(t).EndsWith("-year-old", StringComparison.OrdinalIgnoreCase);
        }

        return role ? start : -1;
    }

    private bool HasPossessive(Phrase p)
    {
        for (int t = p.First; t <= p.Last; t++)
        {
            if (IsPossessive(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tokens [first, last] are all name words or titles (Margaret Okafor, Mr Lee).</summary>
    public bool IsNameOnly(int first, int last)
    {
        if (last < first || last - first > 5)
        {
            return false;
        }

        for (int t = first; t <= last; t++)
        {
            if (!IsNameWord(t) && !(IsWord(t) && (Tokens[t].Traits & TokenTraits.Title) != 0))
            {
                return false;
            }
        }

        return true;
    }

    private bool ContainsNameOrPronoun(Phrase p)
    {
        for (int t = p.First; t <= p.Last; t++)
        {
            if (IsNameWord(t) || IsPronoun(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phrase from the name that ends at <paramref name="nameLast"/> (its first word, past a possessive and a name before it) to <paramref name="end"/>.</summary>
    private Phrase WithPossessor(int nameLast, int end, int lowerBound)
    {
        int first = nameLast;
        while (first - 1 >= lowerBound && nameLast - first < 4 && IsNameWord(first - 1))
        {
            first--;
        }

        return new Phrase(first, end);
    }

    /// <summary>The most tokens of a portfolio before its role (Immigration, Refugees and Citizenship).</summary>
    private const int MaxPortfolioTokens = 8;

    /// <summary>
    /// A minister's portfolio around a speaker phrase (Fisheries and Oceans Minister Joanne Lavoie): capitalised words
    /// joined by "and", "&amp;" or commas, then a capitalised role and a name. Widened over the portfolio's first words,
    /// left of the phrase when it starts after "and", right of it when it stops before "and"; as it is otherwise.
    /// </summary>
    public Phrase WithPortfolio(Phrase p, int lowerBound, int upperBound)
    {
        if (p.IsNone || p.Relative >= 0)
        {
            return p;
        }

        if (p.First - 2 >= lowerBound && IsJoiner(p.First - 1))
        {
            int t = p.First - 2;
            while (t - 1 >= lowerBound && p.First - t < MaxPortfolioTokens && (IsPortfolioWord(t - 1) || ((IsJoiner(t - 1) || Is(t - 1, ',')) && IsPortfolioWord(t - 2))))
            {
                t--;
            }

            if (IsPortfolioWord(t) && PortfolioNameEnd(t, upperBound) == p.Last)
            {
                return p with { First = t };
            }
        }

        if (IsJoiner(p.Last + 1) || Is(p.Last + 1, ','))
        {
            int end = PortfolioNameEnd(p.First, upperBound);
            if (end > p.Last)
            {
                return p with { Last = end };
            }
        }

        return p;
    }

    /// <summary>The last name word of a portfolio, its role and a name that start at <paramref name="first"/>, or -1.</summary>
    private int PortfolioNameEnd(int first, int upperBound)
    {
        int t = first;
        bool joined = false;
        while (t < upperBound && t - first < MaxPortfolioTokens && IsPortfolioWord(t))
        {
            t++;
            if (t + 1 < upperBound && (IsJoiner(t) || Is(t, ',')) && IsPortfolioWord(t + 1))
            {
                joined = true;
                t++;
            }
        }

        if (!joined || t >= upperBound || !IsCapitalized(t) || (ClassOf(t) & SpeakerWord.Role) == 0)
        {
            return -1;
        }

        int last = -1;
        for (int n = t + 1; n < upperBound && n - t <= 4 && IsNameWord(n) && (ClassOf(n) & SpeakerWord.Role) == 0; n++)
        {
            last = n;
        }

        return last;
    }

    /// <summary>A capitalised word of a portfolio (Fisheries, Oceans; at a sentence's start too): not a role, not part of a person's name.</summary>
    private bool IsPortfolioWord(int t) =>
        (IsNameWord(t) || (IsSentenceStart(t) && IsCapitalized(t) && (ClassOf(t) & (SpeakerWord.Stop | SpeakerWord.Pronoun | SpeakerWord.Determiner | SpeakerWord.Skip)) == 0))
        && (ClassOf(t) & SpeakerWord.Role) == 0 && EntityAt(t) != EntityType.Person;

    /// <summary>The word "and" (lower case: a conjunction, not part of a title).</summary>
    public bool IsAnd(int t) => IsWord(t) && Word(t).Equals("and", StringComparison.Ordinal);

    /// <summary>"and" or an ampersand between the words of a portfolio or a name (Fisheries and Oceans, P&amp;G).</summary>
    private bool IsJoiner(int t) => IsAnd(t) || Is(t, '&');

    /// <summary>his, her or their: a possessive pronoun before a noun (his daughter, their youngest).</summary>
    public bool IsPossessivePronoun(int t) =>
        IsWord(t) && (Word(t).Equals("his", StringComparison.OrdinalIgnoreCase) || Word(t).Equals("her", StringComparison.OrdinalIgnoreCase)
            || Word(t).Equals("their", StringComparison.OrdinalIgnoreCase));

    private Phrase CollectLeft(int end, int lowerBound)
    {
        if (end < lowerBound || end < 0)
        {
            return Phrase.None;
        }

        if (IsPronoun(end))
        {
            return new Phrase(end, end);
        }

        int first = -1;
        bool content = false;
        lowerBound = Math.Max(lowerBound, end - MaxPhraseTokens);
        for (int t = end; t >= lowerBound; t--)
        {
            SpeakerWord c = ClassOf(t);
            if (IsNameWord(t) || (IsWord(t) && (Tokens[t].Traits & TokenTraits.Title) != 0))
            {
                first = t;
                content = true;
                continue;
            }

            if (IsPossessive(t) && first >= 0)
            {
                first = t;
                continue;
            }

            if (IsWord(t) && (!IsCapitalized(t) || IsSentenceStart(t)) && (c & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0)
            {
                first = t;
                content |= (c & SpeakerWord.Role) != 0;
                continue;
            }

            if ((c & SpeakerWord.Connector) != 0 && first >= 0 && t - 1 >= lowerBound
                && (IsNameWord(t - 1) || (ClassOf(t - 1) & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0))
            {
                first = t;
                continue;
            }

            if ((c & SpeakerWord.Determiner) != 0 && first >= 0)
            {
                if (t - 1 >= lowerBound && (ClassOf(t - 1) & SpeakerWord.Connector) != 0 && t - 2 >= lowerBound
                    && (ClassOf(t - 2) & SpeakerWord.Role) != 0)
                {
                    first = t; // the head of the navy: go on past "of the"
                    continue;
                }

                if (!IsCapitalized(t) || IsSentenceStart(t) || t == first - 1)
                {
                    first = t;
                }

                break;
            }

            break;
        }

        if (first < 0 && IsWord(end) && !IsCapitalized(end) && (ClassOf(end) & (SpeakerWord.Stop | SpeakerWord.Skip | SpeakerWord.Connector)) == 0)
        {
            // the crowd chanted, the retired neurosurgeon told: a determiner and up to three plain words; so too after a
            // possessor (the city’s transit service said, Ottawa’s transit service said).
            int reach = end - 3;
            for (int t = end - 1; t >= lowerBound && t >= reach; t--)
            {
                if ((ClassOf(t) & SpeakerWord.Determiner) != 0)
                {
                    return new Phrase(t, end);
                }

                // (an organisation's or a role's noun only: not Trump’s early-morning tweets)
                if (IsPossessive(t) && t < end - 1 && t - 1 >= lowerBound && ((ClassOf(end) & (SpeakerWord.Role | SpeakerWord.Institution)) != 0 || EntityGrouper.IsOrganizationWord(Word(end))))
                {
                    if (IsNameWord(t - 1))
                    {
                        return WithPossessor(t - 1, end, lowerBound);
                    }

                    reach = t - 3; // (the possessor: a determiner and a plain word or two)
                    continue;
                }

                if (!IsWord(t) || IsCapitalized(t) || (ClassOf(t) & (SpeakerWord.Stop | SpeakerWord.Skip)) != 0)
                {
                    break;
                }
            }
        }

        if (first < 0 || !content)
        {
            return Phrase.None;
        }

        while (first <= end && ((ClassOf(first) & SpeakerWord.Connector) != 0 || IsPossessive(first)))
        {
            first++;
        }

        // Fisheries and Oceans Canada: an organisation's name the tagger found across "and" is read whole.
        if (first <= end && first - 1 > lowerBound && IsJoiner(first - 1) && EntityAt(first - 1) == EntityType.Organization && EntityAt(first) == EntityType.Organization)
        {
            int t = first - 1;
            while (t - 1 >= lowerBound && first - t < MaxPhraseTokens && EntityAt(t - 1) == EntityType.Organization)
            {
                t--;
            }

            first = t;
        }

        return first <= end ? WithPortfolio(new Phrase(first, end), lowerBound, end + 1) : Phrase.None;
    }

    /// <summary>The speaker phrase right after the cue ending at <paramref name="cueLast"/> (said Jane Smith, said the minister).</summary>
    public Phrase SubjectAfter(int cueLast, int upperBound)
    {
        int i = cueLast + 1;
        if (i >= upperBound)
        {
            return Phrase.None;
        }

        if (IsPronoun(i))
        {
            return new Phrase(i, i);
        }

        int last = -1;
        bool content = false;
        for (int t = i; t < upperBound && t < i + 12; t++)
        {
            SpeakerWord c = ClassOf(t);
            if (t == i && (c & SpeakerWord.Determiner) != 0)
            {
                continue;
            }

            if (Tokens[t].Kind == TokenKind.Number && t + 1 < upperBound && (IsNameWord(t + 1) || (ClassOf(t + 1) & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0))
            {
                continue; // a 2008 Clinton veteran
            }

            if (IsNameWord(t) || (IsWord(t) && (Tokens[t].Traits & TokenTraits.Title) != 0))
            {
                last = t;
                content = true;
                continue;
            }

            if (IsPossessive(t) && last >= 0)
            {
                last = t;
                continue;
            }

            if (IsWord(t) && (!IsCapitalized(t) || IsSentenceStart(t)) && (c & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0)
            {
                last = t;
                content |= (c & SpeakerWord.Role) != 0;
                continue;
            }

            if ((c & (SpeakerWord.Connector | SpeakerWord.Determiner)) != 0 && last >= 0 && t + 1 < upperBound
                && (IsNameWord(t + 1) || (ClassOf(t + 1) & (SpeakerWord.Role | SpeakerWord.Modifier | SpeakerWord.Determiner)) != 0))
            {
                continue;
            }

            break;
        }

        if (last < 0 && (ClassOf(i) & SpeakerWord.Determiner) != 0 && IsWord(i + 1) && !IsCapitalized(i + 1)
            && (ClassOf(i + 1) & (SpeakerWord.Stop | SpeakerWord.Skip | SpeakerWord.Connector)) == 0
            && (i + 2 >= upperBound || !IsWord(i + 2)))
        {
            return new Phrase(i, i + 1); // according to her office.
        }

        return last >= 0 && content ? WithPortfolio(new Phrase(i, last), i, upperBound) : Phrase.None;
    }

    /// <summary>
    /// The speaker phrase after an inverted cue (“…,” said a former senior law enforcement official):
    /// everything up to the clause's end, a relative pronoun or a comma.
    /// </summary>
    public Phrase InvertedSubject(int cueLast, int upperBound)
    {
        Phrase named = SubjectAfter(cueLast, upperBound);
        int i = cueLast + 1;
        if (i >= upperBound || !named.IsNone && IsPronoun(named.First))
        {
            return named;
        }

        if ((ClassOf(i) & (SpeakerWord.Stop | SpeakerWord.Skip)) != 0 && (ClassOf(i) & SpeakerWord.Determiner) == 0)
        {
            return named; // claiming that …, saying what …: not a speaker
        }

        int last = -1;
        for (int t = i; t < upperBound && t < i + 12; t++)
        {
            Token token = Tokens[t];
            if (token.Kind is not (TokenKind.Word or TokenKind.Number) || (t > i && (ClassOf(t) & SpeakerWord.Stop) != 0 && (ClassOf(t) & SpeakerWord.Connector) == 0))
            {
                break;
            }

            if (IsWord(t) && Word(t) is var w && (w.Equals("who", StringComparison.OrdinalIgnoreCase) || w.Equals("which", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }

            last = t;
        }

        while (last >= i && (ClassOf(last) & (SpeakerWord.Connector | SpeakerWord.Determiner)) != 0)
        {
            last--;
        }

        return last >= i && (named.IsNone || last > named.Last) ? new Phrase(i, last) : named;
    }

    /// <summary>A determiner of the speaker lexicon that is no article or demonstrative: some, many, both, half.</summary>
    public bool IsQuantifier(int t) =>
        IsWord(t) && (ClassOf(t) & (SpeakerWord.Determiner | SpeakerWord.Article)) == SpeakerWord.Determiner
        && !Word(t).Equals("this", StringComparison.OrdinalIgnoreCase) && !Word(t).Equals("these", StringComparison.OrdinalIgnoreCase);

    private static bool IsTimeDeterminer(ReadOnlySpan<char> w) =>
        w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("last", StringComparison.OrdinalIgnoreCase) || w.Equals("next", StringComparison.OrdinalIgnoreCase);
}
