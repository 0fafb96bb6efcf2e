using System;
using System.Collections.Generic;
using System.Linq;
using QuoteExtract.Text;

namespace QuoteExtract.Entities;

/// <summary>What a head word of Entities/Lexicons/name-heads.txt does to the names around it.</summary>
internal enum NameHead : byte
{
    /// <summary>Not a head word.</summary>
    None,

    /// <summary>An organisation's name runs on across "of" or "for" (University of Manitoba).</summary>
    Organization,

    /// <summary>A place's name runs on across "of" (Gulf of Mexico).</summary>
    Location,

    /// <summary>The name after it is a storm's, MISC (Hurricane | Edouard), the word itself outside the name.</summary>
    Storm,
}

/// <summary>An entity as token indices [<see cref="First"/>, <see cref="End"/>) before it becomes an <see cref="Entity"/>.</summary>
internal readonly record struct TokenSpan(int First, int End, EntityType Type);

/// <summary>
/// Rules over the tagger's spans for what a token-by-token tagger gets wrong in news: names that run across
/// "of", "for", "and" and "&amp;" (University of Manitoba, Department for Transport, Procter &amp; Gamble) come
/// out whole with the head word's type; a storm's name is MISC; a courtesy title or a role alone is no name.
/// Each rule reads a fixed window around a head word or an ampersand: linear in the tokens. Stateless.
/// </summary>
internal static class EntitySpanRules
{
    /// <summary>The most capitalised words a rule adds to a name on its own (no tagged name to stop at).</summary>
    private const int MaxRunWords = 4;

    /// <summary>The longest name a rule makes, in tokens: each rewrite touches a bounded window, so the rules are linear.</summary>
    private const int MaxNameTokens = 12;

    private static readonly SpanLexicon<NameHead> Heads = LexiconResources.ReadEnumLexicon<NameHead>("name-heads.txt", ignoreCase: false);

    /// <summary>Applies the rules; <paramref name="spans"/> (in text order, not overlapping) is rewritten in place.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="spans">The tagger's spans.</param>
    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<TokenSpan> spans)
    {
        int n = tokens.Length;
        var owner = new int[n]; // index into spans + 1; 0 = outside every span
        var sentenceStart = new int[n];
        var sentenceEnd = new int[n];
        foreach (Sentence s in sentences)
        {
            for (int i = s.FirstToken; i < Math.Min(s.EndToken, n); i++)
            {
                sentenceStart[i] = s.FirstToken;
                sentenceEnd[i] = Math.Min(s.EndToken, n);
            }
        }

        var work = new Spans(spans, owner);
        for (int i = 0; i < n; i++)
        {
            if (!IsCapitalisedWord(tokens[i]))
            {
                if (tokens[i].Kind == TokenKind.Symbol && tokens[i].GetText(text) is "&")
                {
                    JoinAmpersand(tokens, i, sentenceStart[i], sentenceEnd[i], work);
                }
                else if (tokens[i].Kind == TokenKind.Word && tokens[i].GetText(text) is "and")
                {
                    JoinAnd(text, tokens, i, sentenceStart[i], sentenceEnd[i], work);
                }

                continue;
            }

            if (!Heads.TryGetValue(tokens[i].GetText(text), out NameHead head))
            {
                continue;
            }

            if (head == NameHead.Storm)
            {
                RetypeStormName(tokens, i, sentenceEnd[i], work);
            }
            else
            {
                JoinHeadName(text, tokens, i, head == NameHead.Organization ? EntityType.Organization : EntityType.Location, sentenceStart[i], sentenceEnd[i], work);
            }
        }

        // Ontario's Special Investigations Unit: capitalised words the tagger left alone, ending in an organisation's word.
        for (int i = 0; i < n; i++)
        {
            if (IsCapitalisedWord(tokens[i]) && work.Owner[i] == 0 && i > sentenceStart[i] && !IsCapitalisedWord(tokens[i - 1]))
            {
                i = Math.Max(i, NameEndingInBody(text, tokens, i, sentenceEnd[i], work) - 1); // (always forward: a token no sentence holds ends nothing)
            }
        }

        // Ledgerleaf, a Waterloo startup: a person by the tagger whom an apposition calls an organisation.
        for (int k = 0; k < work.All.Count; k++)
        {
            if (work.Alive[k] && work.All[k].Type == EntityType.Person && IsOrganisationApposition(text, tokens, work.All[k].End, sentenceEnd))
            {
                work.Set(k, work.All[k] with { Type = EntityType.Organization });
            }
        }

        // A courtesy title or a role alone (Mr | Trump tagged as two people) is no name; one that opens a person's span
        // (Mr Trump tagged as one) is no part of it, as the corpora annotate it; and a courtesy title opens a person's
        // name where the tagger called the span an organisation (Mr Trump; not a title of a work: Mrs. Doubtfire).
        for (int k = 0; k < work.All.Count; k++)
        {
            if (work.Alive[k] && work.All[k].Type == EntityType.Organization && work.All[k].End - work.All[k].First >= 2
                && IsCourtesyTitle(text, tokens[work.All[k].First]) && IsCapitalisedWord(tokens[work.All[k].First + 1]))
            {
                work.Set(k, work.All[k] with { Type = EntityType.Person });
            }

            if (work.Alive[k] && work.All[k].Type == EntityType.Person && AllTitles(text, tokens, work.All[k]))
            {
                work.Remove(k);
            }
            else if (work.Alive[k] && work.All[k].Type == EntityType.Person && work.All[k].End - work.All[k].First >= 2
                && AllTitles(text, tokens, work.All[k] with { End = work.All[k].First + 1 }))
            {
                int first = work.All[k].First + 1;
                while (first + 1 < work.All[k].End && AllTitles(text, tokens, work.All[k] with { First = first, End = first + 1 }))
                {
                    first++;
                }

                work.Set(k, work.All[k] with { First = first });
            }
        }

        work.CopyTo(spans);
    }

    /// <summary>
    /// From <paramref name="first"/>, a run of two or more capitalised words no span holds, not in capitals (a headline),
    /// whose last word is an organisation's (Unit, Agency, Council: org-suffixes.txt, not Act, Government or Cabinet):
    /// one organisation. Returns where the run ends.
    /// </summary>
    private static int NameEndingInBody(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, int s1, Spans work)
    {
        int end = first;
        bool caps = false;
        while (end < s1 && end - first < MaxRunWords && IsCapitalisedWord(tokens[end]) && work.Owner[end] == 0)
        {
            caps |= CharClasses.IsAllCaps(tokens[end].GetText(text), minimumLetters: 2);
            end++;
        }

        if (end - first < 2 || caps || (end < s1 && IsCapitalisedWord(tokens[end])))
        {
            return end;
        }

        ReadOnlySpan<char> last = tokens[end - 1].GetText(text).TrimEnd('.');
        if (EntityGrouper.IsOrganizationWord(last) && last is not ("Act" or "Government" or "Cabinet"))
        {
            work.Replace(first, end, EntityType.Organization);
        }

        return end;
    }

    /// <summary>The token is a word that starts with a capital.</summary>
    private static bool IsCapitalisedWord(Token t) => t.Kind == TokenKind.Word && (t.Traits & TokenTraits.Capitalized) != 0;

    /// <summary>
    /// The spans while the rules run: replaced spans are marked dead and the new one appended, and only the tokens of
    /// the window change owner, so a rewrite costs the window's length and not the document's.
    /// </summary>
    private sealed class Spans
    {
        public Spans(List<TokenSpan> spans, int[] owner)
        {
            All = new List<TokenSpan>(spans);
            Alive = new List<bool>(spans.Count);
            Owner = owner;
            for (int k = 0; k < spans.Count; k++)
            {
                Alive.Add(true);
                for (int i = spans[k].First; i < spans[k].End; i++)
                {
                    owner[i] = k + 1;
                }
            }
        }

        public List<TokenSpan> All { get; }

        public List<bool> Alive { get; }

        /// <summary>Per token, the index + 1 of the live span over it; 0 = none.</summary>
        public int[] Owner { get; }

        /// <summary>The live span over token <paramref name="i"/>; false when there is none.</summary>
        public bool At(int i, out TokenSpan span)
        {
            int k = Owner[i];
            span = k == 0 ? default : All[k - 1];
            return k != 0;
        }

        public void Remove(int k)
        {
            Alive[k] = false;
            for (int i = All[k].First; i < All[k].End; i++)
            {
                if (Owner[i] == k + 1)
                {
                    Owner[i] = 0;
                }
            }
        }

        public void Set(int k, TokenSpan span)
        {
            Remove(k);
            Alive[k] = true;
            All[k] = span;
            for (int i = span.First; i < span.End; i++)
            {
                Owner[i] = k + 1;
            }
        }

        /// <summary>Replaces the spans that overlap [<paramref name="start"/>, <paramref name="end"/>) with one span covering them all.</summary>
        public void Replace(int start, int end, EntityType type)
        {
            int from = start, to = end;
            for (int i = start; i < end; i++)
            {
                if (Owner[i] != 0)
                {
                    TokenSpan s = All[Owner[i] - 1];
                    from = Math.Min(from, s.First);
                    to = Math.Max(to, s.End);
                }
            }

            if (to - from > MaxNameTokens)
            {
                return;
            }

            for (int i = from; i < to; i++)
            {
                if (Owner[i] != 0)
                {
                    Remove(Owner[i] - 1);
                }
            }

            All.Add(new TokenSpan(from, to, type));
            Alive.Add(true);
            for (int i = from; i < to; i++)
            {
                Owner[i] = All.Count;
            }
        }

        public void CopyTo(List<TokenSpan> spans)
        {
            spans.Clear();
            for (int k = 0; k < All.Count; k++)
            {
                if (Alive[k])
                {
                    spans.Add(All[k]);
                }
            }

            spans.Sort((a, b) => a.First.CompareTo(b.First));
        }
    }

    /// <summary>University | of | Manitoba: the head, the capitalised words before it and the name after the connector, as one name.</summary>
    private static void JoinHeadName(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int head, EntityType type, int s0, int s1, Spans work)
    {
        int[] owner = work.Owner;
        if (head + 2 >= s1)
        {
            return;
        }

        ReadOnlySpan<char> connector = tokens[head + 1].GetText(text);
        if (connector is not ("of" or "for"))
        {
            return;
        }

        int j = head + 2;
        if (tokens[j].GetText(text) is "the" && j + 1 < s1)
        {
            j++;
        }

        if (!IsCapitalisedWord(tokens[j]))
        {
            return;
        }

        int end = RunEnd(tokens, j, s1, work);

        // Department of Health and Social Care: on across "and" or "&" while the words after it are no name of their own.
        if (end + 1 < s1 && tokens[end].GetText(text) is "and" or "&" && IsCapitalisedWord(tokens[end + 1]) && owner[end + 1] == 0)
        {
            end = RunEnd(tokens, end + 1, s1, work);
        }

        // Association of Municipalities of Ontario: a place after a second "of" still names which one.
        if (end + 1 < s1 && tokens[end].GetText(text) is "of" && IsCapitalisedWord(tokens[end + 1]) && work.At(end + 1, out TokenSpan place)
            && place.First == end + 1 && place.Type == EntityType.Location)
        {
            end = Math.Min(place.End, s1);
        }

        int start = head;
        if (work.At(head, out TokenSpan over))
        {
            start = over.First;
        }
        else if (head - 1 >= s0 && work.At(head - 1, out TokenSpan before) && before.End == head)
        {
            start = before.First;
        }

        // The Royal Bank of Scotland: capitalised words before the head, but not the sentence's first word unless tagged.
        while (start - 1 > s0 && owner[start - 1] == 0 && IsCapitalisedWord(tokens[start - 1]) && head - start < MaxRunWords)
        {
            start--;
        }

        bool tagged = false;
        for (int i = start; i < end; i++)
        {
            tagged |= owner[i] != 0;
        }

        if (!tagged && start == s0)
        {
            return; // nothing tagged and the head opens the sentence: a headline's capitals, perhaps
        }

        work.Replace(start, end, type);
    }

    /// <summary>The end of the name that starts at <paramref name="first"/>: the tagged name there, or a short run of capitalised words.</summary>
    private static int RunEnd(ReadOnlySpan<Token> tokens, int first, int s1, Spans work)
    {
        int[] owner = work.Owner;
        if (work.At(first, out TokenSpan span))
        {
            return Math.Min(span.End, s1);
        }

        int end = first + 1;
        while (end < s1 && end - first < MaxRunWords && owner[end] == 0 && IsCapitalisedWord(tokens[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// Procter | &amp; | Gamble: one organisation, unless the two sides are tagged as places; untagged sides are joined
    /// only when they are words of two letters or more and the first is not the sentence's first word.
    /// </summary>
    private static void JoinAmpersand(ReadOnlySpan<Token> tokens, int amp, int s0, int s1, Spans work)
    {
        if (amp - 1 < s0 || amp + 1 >= s1 || work.Owner[amp] != 0 || !IsCapitalisedWord(tokens[amp - 1]) || !IsCapitalisedWord(tokens[amp + 1]))
        {
            return;
        }

        bool hasLeft = work.At(amp - 1, out TokenSpan left), hasRight = work.At(amp + 1, out TokenSpan right);
        if (!hasLeft && !hasRight && (amp - 1 == s0 || tokens[amp - 1].Length < 2 || tokens[amp + 1].Length < 2))
        {
            return; // untagged: only two words inside the sentence (Procter & Gamble), not R & D nor a line's first word
        }

        if (hasLeft && hasRight && left.Type == EntityType.Location && right.Type == EntityType.Location)
        {
            return; // Trinidad & Tobago
        }

        work.Replace(hasLeft ? left.First : amp - 1, hasRight ? right.End : amp + 2, EntityType.Organization);
    }

    /// <summary>
    /// Fisheries | and | Oceans Canada, Crown-Indigenous Relations | and | Northern Affairs Canada: capitalised words
    /// either side of "and" are one organisation when the name after it is one the tagger found that ends in "Canada",
    /// as a federal department's name does, and the words before it are no person's name; so are the words of a list
    /// before them (Immigration, Refugees and Citizenship Canada).
    /// </summary>
    private static void JoinAnd(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int and, int s0, int s1, Spans work)
    {
        if (and - 1 < s0 || and + 1 >= s1 || work.Owner[and] != 0 || !IsCapitalisedWord(tokens[and - 1]) || !IsCapitalisedWord(tokens[and + 1])
            || !work.At(and + 1, out TokenSpan right) || right.First != and + 1 || right.Type != EntityType.Organization)
        {
            return;
        }

        // (not any organisation's word: Manchester City and Newcastle United are two clubs)
        if (tokens[right.End - 1].GetText(text) is not "Canada" || right.End - right.First < 2)
        {
            return;
        }

        int first;
        if (work.At(and - 1, out TokenSpan left))
        {
            if (left.End != and || left.Type == EntityType.Person)
            {
                return;
            }

            first = left.First;
        }
        else
        {
            first = and - 1; // an untagged word or two before "and" (Fisheries)
            while (first - 1 >= s0 && and - first < MaxRunWords && IsCapitalisedWord(tokens[first - 1]) && work.Owner[first - 1] == 0)
            {
                first--;
            }

            // Immigration, Refugees and Citizenship Canada: a list's words before it, each after a comma, not opening
            // the sentence (Yesterday, Fisheries and Oceans Canada said) unless an acronym in brackets after the name
            // starts with the opening word's letter (Immigration, Refugees and Citizenship Canada (IRCC) said).
            while (first - 2 >= s0 && right.End - (first - 2) <= MaxNameTokens && tokens[first - 1].GetText(text) is "," && IsCapitalisedWord(tokens[first - 2])
                && work.Owner[first - 2] == 0 && (first - 2 == s0 ? AcronymAfter(text, tokens, right.End, s1, tokens[s0].GetText(text)[0]) : !IsCapitalisedWord(tokens[first - 3])))
            {
                first -= 2;
            }
        }

        if (right.End - first > MaxNameTokens)
        {
            return;
        }

        work.Replace(first, right.End, EntityType.Organization);
    }

    /// <summary>Whether "(" and a word in capitals that starts with <paramref name="letter"/> follow at <paramref name="t"/> ((IRCC)).</summary>
    private static bool AcronymAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int s1, char letter) =>
        t + 1 < s1 && tokens[t].GetText(text) is "(" && CharClasses.IsAllCaps(tokens[t + 1].GetText(text), minimumLetters: 2) && tokens[t + 1].GetText(text)[0] == letter;

    /// <summary>Hurricane | Edouard: the tagged name after a storm word is MISC, and the word itself stays outside it.</summary>
    private static void RetypeStormName(ReadOnlySpan<Token> tokens, int word, int s1, Spans work)
    {
        if (word + 1 >= s1 || !IsCapitalisedWord(tokens[word + 1]) || !work.At(word + 1, out TokenSpan s) || s.First < word)
        {
            return;
        }

        work.Set(work.Owner[word + 1] - 1, new TokenSpan(word + 1, s.End, EntityType.Miscellaneous));
    }

    private static readonly SpanLexicon<bool> OrganisationNouns =
        new(LexiconResources.ReadLines("org-nouns.txt").Select(static r => new KeyValuePair<string, bool>(r[0], true)), ignoreCase: true);

    /// <summary>The most words between an apposition's article and the word that ends its noun phrase.</summary>
    private const int MaxAppositionWords = 6;

    /// <summary>Words that end an apposition's noun phrase: prepositions, relative words and conjunctions.</summary>
    private static readonly SpanLexicon<bool> PhraseEnders = new(
        "to of that which with behind in for from at whose who whom and or but on by over under near into across since after before during against among between like about through within without where when while than"
            .Split(' ').Select(static w => new KeyValuePair<string, bool>(w, true)), ignoreCase: true);

    /// <summary>
    /// ", a Waterloo startup that …", ", the Halifax-based seafood company,": at <paramref name="comma"/>, a comma, an
    /// article and up to <see cref="MaxAppositionWords"/> words whose last, before punctuation, the sentence's end or a
    /// preposition, relative word or conjunction, is an organisation's noun in lower case (org-nouns.txt). Not after a
    /// possessive (a Toronto company's founder), nor a name's word (a former Bank of Canada economist: "Bank"), nor a
    /// noun coordinated with another.
    /// </summary>
    private static bool IsOrganisationApposition(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int comma, int[] sentenceEnd)
    {
        if (comma + 2 >= tokens.Length || tokens[comma].GetText(text) is not "," || tokens[comma + 1].GetText(text) is not ("a" or "an" or "the"))
        {
            return false;
        }

        int end = sentenceEnd[comma];
        for (int t = comma + 2; t < end && t <= comma + 1 + MaxAppositionWords; t++)
        {
            ReadOnlySpan<char> word = tokens[t].GetText(text);
            if (tokens[t].Kind != TokenKind.Word || IsPossessive(word) || PhraseEnders.Contains(word))
            {
                return false; // (a possessive: the company's founder; a number or a symbol: no noun phrase of the kind)
            }

            bool last = t + 1 >= end || tokens[t + 1].Kind is TokenKind.Punctuation or TokenKind.Dash || PhraseEnders.Contains(tokens[t + 1].GetText(text));
            if (last)
            {
                // (not coordinated with another noun: an Illinois shipping firm and conservative activist may be a person)
                return !IsCapitalisedWord(tokens[t]) && OrganisationNouns.Contains(word)
                    && !(t + 1 < end && tokens[t + 1].GetText(text) is "and" or "or");
            }
        }

        return false;
    }

    private static bool IsPossessive(ReadOnlySpan<char> word) => word is "'s" or "\u2019s" or "'" or "\u2019";

    // (not Miss: Miss Canada and Miss Universe are pageants)
    private static bool IsCourtesyTitle(ReadOnlySpan<char> text, Token t) =>
        t.Length <= 4 && char.IsUpper(text[t.Start]) && !text.Slice(t.Start, t.Length).StartsWith("Miss", StringComparison.Ordinal)
        && TitleLexicon.Default.IsCourtesy(text.Slice(t.Start, t.Length));

    private static bool AllTitles(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, TokenSpan s)
    {
        for (int i = s.First; i < s.End; i++)
        {
            Token t = tokens[i];
            if (t.Length > 16 || !char.IsUpper(text[t.Start]) || !TitleLexicon.Default.IsOutsideName(text.Slice(t.Start, t.Length)))
            {
                return false;
            }
        }

        return true;
    }
}
