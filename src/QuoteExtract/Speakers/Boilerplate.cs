using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using QuoteExtract.Text;

namespace QuoteExtract.Speakers;

/// <summary>What a cue of <c>Lexicons/boilerplate-cues.txt</c> marks.</summary>
internal enum BoilerplateCue : byte
{
    /// <summary>Opens a line of names only (By Jane Smith and Tom Brown, BBC News).</summary>
    Byline,

    /// <summary>Starts a credit part (Photo:, Image copyright).</summary>
    Credit,

    /// <summary>A caption label: ends a credit part (Image caption).</summary>
    Label,

    /// <summary>Opens a wire footer line (Reporting by, Editing by).</summary>
    Footer,

    /// <summary>Opens a navigation line (Click here, Read more:).</summary>
    Navigation,

    /// <summary>Opens a line that is navigation when it names a network after "on" (Follow X on Twitter).</summary>
    Follow,

    /// <summary>A network a Follow line names.</summary>
    Network,

    /// <summary>A news or picture agency (Reuters, AP, Getty).</summary>
    Agency,

    /// <summary>A word of a picture credit beside a slash or in brackets (AP Photo/X, THE CANADIAN PRESS/X).</summary>
    CreditWord,

    /// <summary>A newsroom role that ends a signature line (Jane Smith, Political Correspondent).</summary>
    Role,
}

/// <summary>
/// The lines and parts of scraped news text that are not the story: bylines (By Jane Smith; Jane Smith, Political
/// Correspondent), photo credits (Photo: X/Reuters, (Getty Images), Image copyright PA, AP Photo/X), agency tags and
/// datelines (LONDON (Reuters) -, — AP, (AFP)), wire footers (Reporting by X; Editing by Y) and navigation lines
/// (Click here …, Read more: …, Follow X on Twitter). The names in them are no person or organisation of the
/// article and speak no quote. One pass over each line's words with lexicon look-ups of at most
/// <see cref="MaxCueWords"/> words at each: linear in the text, no regular expressions.
/// </summary>
internal static class Boilerplate
{
    /// <summary>The longest cue phrase, in words.</summary>
    private const int MaxCueWords = 4;

    /// <summary>The most words a byline or a signature line has after its cue.</summary>
    private const int MaxBylineWords = 16;

    /// <summary>The most words a credit part has: a credit longer than this runs into the caption or the story.</summary>
    private const int MaxCreditWords = 10;

    /// <summary>The most words of a bracketed agency tag or credit ((Reuters), (AP Photo/Evan Vucci)).</summary>
    private const int MaxBracketWords = 8;

    /// <summary>The most words a dateline has before its agency tag or dash (WASHINGTON, Dec 3 (Reuters) -).</summary>
    private const int MaxDatelineWords = 8;

    /// <summary>The most words of a place in capitals before a dash (SALT LAKE CITY, Utah —).</summary>
    private const int MaxDashDatelineWords = 4;

    /// <summary>Characters of a cue phrase looked up on the stack; a longer run of words is no cue.</summary>
    private const int MaxCueChars = 64;

    private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create("\"“”„«»");

    /// <summary>What a heading in capitals has and a dateline's place has not (MONDAY’S ‘OUTLIERS’ -, HOW ACCURATE? -).</summary>
    /// <summary>The marks that separate a byline's parts (By Jane Smith · The Canadian Press | Posted …).</summary>
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("·•|–—-/");

    private static readonly System.Buffers.SearchValues<char> HeadingMarks = System.Buffers.SearchValues.Create("?!’'‘:");

    private static readonly Lazy<SpanLexicon<BoilerplateCue>> Cues = new(() => LexiconResources.ReadEnumLexicon<BoilerplateCue>("boilerplate-cues.txt", ignoreCase: true));

    /// <summary>The first words of the cues: most words start none, and one look-up tells (not one per cue length).</summary>
    private static readonly Lazy<SpanLexicon<bool>> CueFirstWords = new(() => new SpanLexicon<bool>(
        Cues.Value.Keys.Select(k => new KeyValuePair<string, bool>(k.Split(' ')[0], true)), ignoreCase: true));

    /// <summary>The boilerplate of <paramref name="text"/>: spans in text order, not overlapping, none empty.</summary>
    public static ImmutableArray<TextSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var words = new List<TextSpan>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.AsSpan(start).IndexOfAny('\n', '\r');
            int end = newline < 0 ? text.Length : start + newline;
            words.Clear();
            SplitWords(text, start, end, words);
            if (words.Count > 0)
            {
                new LineReader(text, CollectionsMarshal.AsSpan(words), spans).Read();
            }

            start = end + 1;
        }

        return [.. spans];
    }

    /// <summary>Per token, whether it starts inside one of <paramref name="spans"/> (sorted, not overlapping).</summary>
    public static bool[] TokenMask(ImmutableArray<Token> tokens, ImmutableArray<TextSpan> spans)
    {
        var mask = new bool[tokens.Length];
        int s = 0;
        for (int t = 0; t < tokens.Length && s < spans.Length; t++)
        {
            while (s < spans.Length && spans[s].End <= tokens[t].Start)
            {
                s++;
            }

            mask[t] = s < spans.Length && spans[s].Start <= tokens[t].Start;
        }

        return mask;
    }

    /// <summary>Whether offset <paramref name="at"/> is inside one of <paramref name="spans"/> (sorted, not overlapping).</summary>
    public static bool Contains(ImmutableArray<TextSpan> spans, int at) => EndOfSpanAt(spans, at) >= 0;

    /// <summary>The end of the span of <paramref name="spans"/> (sorted, not overlapping) that holds offset <paramref name="at"/>, or -1.</summary>
    public static int EndOfSpanAt(ImmutableArray<TextSpan> spans, int at)
    {
        int lo = 0;
        int hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= at)
            {
                lo = mid + 1;
            }
            else if (spans[mid].Start > at)
            {
                hi = mid - 1;
            }
            else
            {
                return spans[mid].End;
            }
        }

        return -1;
    }

    private static void SplitWords(string text, int start, int end, List<TextSpan> words)
    {
        int i = start;
        while (i < end)
        {
            while (i < end && IsSpace(text[i]))
            {
                i++;
            }

            int first = i;
            while (i < end && !IsSpace(text[i]))
            {
                i++;
            }

            if (i > first)
            {
                words.Add(TextSpan.FromBounds(first, i));
            }
        }
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    /// <summary>The rules over one line's words.</summary>
    private readonly ref struct LineReader(string text, ReadOnlySpan<TextSpan> words, List<TextSpan> spans)
    {
        private readonly string _text = text;
        private readonly ReadOnlySpan<TextSpan> _words = words;
        private readonly List<TextSpan> _spans = spans;

        public void Read()
        {
            int n = _words.Length;
            if (IsWholeLine())
            {
                Add(0, n - 1);
                return;
            }

            if (BylineBeforeComma() is int comma and > 0)
            {
                Add(0, comma); // By Kate Ellis, with additional reporting by Tom Brown
                return;
            }

            int j = DatelinePrefix();
            if (j > 0)
            {
                Add(0, j - 1);
            }

            int floor = j; // the first word no span holds yet
            for (; j < n; j++)
            {
                (BoilerplateCue? cue, int length) = Lookup(j);
                if (cue == BoilerplateCue.Credit && StartsUpperOrSymbol(j))
                {
                    int last = CreditEnd(j, j + length);
                    Add(j, last);
                    j = last;
                    floor = last + 1;
                    continue;
                }

                if (OpensBracket(j) && BracketEnd(j, MaxBracketWords) is int close and >= 0 && IsCreditBracket(j, close))
                {
                    Add(j, close);
                    j = close;
                    floor = close + 1;
                    continue;
                }

                if (SlashCreditStart(j, floor) is int first and >= 0)
                {
                    Add(first, n - 1); // a credit at the line's end: Jane Smith/Reuters, AP Photo/Evan Vucci
                    return;
                }

                if (IsDash(j) && j > 0 && n - j <= MaxCueWords && IsAgencyRun(j + 1, n))
                {
                    Add(j, n - 1); // … said on Monday. — AP
                    return;
                }
            }
        }

        /// <summary>A byline, signature, wire footer, navigation or agency line.</summary>
        private bool IsWholeLine()
        {
            int n = _words.Length;
            if (IsSeparatedByline())
            {
                return true;
            }

            (BoilerplateCue? cue, int length) = Lookup(0);
            bool upper = StartsUpperOrSymbol(0);
            switch (cue)
            {
                case BoilerplateCue.Byline when upper && n > length && n - length <= MaxBylineWords && AreNameWords(length, n):
                    return true;
                case BoilerplateCue.Footer when upper && !HasQuoteMark(0, n):
                    return true;
                case BoilerplateCue.Navigation when upper && n <= (length == 1 && !Core(0).EndsWith(":", StringComparison.Ordinal) ? 10 : 30):
                    return true;
                case BoilerplateCue.Follow when upper && n <= MaxBylineWords:
                    for (int k = 1; k + 1 < n; k++)
                    {
                        if (Core(k).Equals("on", StringComparison.OrdinalIgnoreCase) && Lookup(k + 1).Cue == BoilerplateCue.Network)
                        {
                            return true;
                        }
                    }

                    return false;
            }

            // Jane Smith, Political Correspondent; Tom Brown, BBC News.
            if (n >= 3 && n <= 10 && AreNameWords(0, n) && Lookup(n - 1) is { Cue: BoilerplateCue.Role, Length: 1 })
            {
                for (int k = 1; k < n - 1; k++)
                {
                    if (_text[_words[k].End - 1] == ',')
                    {
                        return true;
                    }
                }
            }

            // (AFP); — AP; Reuters.
            return IsAgencyRun(0, n);
        }

        /// <summary>
        /// The word that ends a byline's names with a comma when the line goes on in prose (By Kate Ellis, with …):
        /// at least two capitalised words between "By" and the comma; -1 otherwise.
        /// </summary>
        private int BylineBeforeComma()
        {
            (BoilerplateCue? cue, int length) = Lookup(0);
            if (cue != BoilerplateCue.Byline || !StartsUpperOrSymbol(0))
            {
                return -1;
            }

            for (int k = length; k < _words.Length && k - length < MaxBylineWords; k++)
            {
                if (!AreNameWords(k, k + 1))
                {
                    return -1;
                }

                if (_text[_words[k].End - 1] == ',')
                {
                    return k - length >= 1 ? k : -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// How many words of a dateline open the line: LONDON (Reuters) -, WASHINGTON, Dec 3 (Reuters) —,
        /// NEW YORK (AP) —, (CNN) —, BEIRUT —. Zero when the line has none.
        /// </summary>
        private int DatelinePrefix()
        {
            int n = _words.Length;
            bool allCaps = true;
            for (int j = 0; j < n && j <= MaxDatelineWords; j++)
            {
                if (IsDash(j))
                {
                    // A place in capitals alone (WASHINGTON —, LOS ANGELES -), not a heading (HOW ACCURATE ARE THEY? -).
                    return j > 0 && j <= MaxDashDatelineWords && allCaps ? j + 1 : 0;
                }

                if (OpensBracket(j))
                {
                    int close = BracketEnd(j, MaxCueWords);
                    if (close < 0 || !IsAgencyRun(j, close + 1))
                    {
                        return 0;
                    }

                    return close + 1 < n && IsDash(close + 1) ? close + 2 : j > 0 ? close + 1 : 0;
                }

                ReadOnlySpan<char> core = Core(j);
                if (core.IsEmpty || !(char.IsUpper(core[0]) || char.IsDigit(core[0])))
                {
                    return 0;
                }

                allCaps &= (IsAllCaps(core) && core.IndexOfAny(HeadingMarks) < 0) || IsRegionAfterComma(j);
            }

            return 0;
        }

        /// <summary>The last word of a credit part that starts at <paramref name="cue"/>, its words from <paramref name="from"/>.</summary>
        private int CreditEnd(int cue, int from)
        {
            bool bracketed = OpensBracket(cue) || (cue > 0 && _text[_words[cue].Start - 1] is '(' or '[');
            int last = from - 1;
            for (int k = from; k < _words.Length && k - cue < MaxCreditWords; k++)
            {
                ReadOnlySpan<char> core = Core(k);
                if (Lookup(k).Cue == BoilerplateCue.Label || (!core.IsEmpty && char.IsLower(core[0]) && !IsConnector(core) && !core.Contains('/')))
                {
                    break; // the caption or the story goes on
                }

                last = k;
                ReadOnlySpan<char> raw = _words[k].Slice(_text);
                if (bracketed && raw[^1] is ')' or ']')
                {
                    break;
                }

                if (raw[^1] == '.' && core.Length >= 3 && k + 1 < _words.Length)
                {
                    break; // Photo: Jane Smith/Reuters. The council …
                }
            }

            return Math.Max(last, from - 1);
        }

        /// <summary>A bracket of credit words with an agency or picture word: (Reuters), (Getty Images), (AP Photo/Evan Vucci).</summary>
        private bool IsCreditBracket(int open, int close)
        {
            bool credit = false;
            for (int k = open; k <= close; k++)
            {
                ReadOnlySpan<char> core = Core(k);
                if (core.IsEmpty)
                {
                    continue;
                }

                if (!(char.IsUpper(core[0]) || char.IsDigit(core[0]) || IsConnector(core)) || HasQuoteMark(k, k + 1))
                {
                    return false;
                }

                credit |= Lookup(k).Cue is BoilerplateCue.Agency or BoilerplateCue.CreditWord || SlashSideIsCredit(core);
            }

            return credit;
        }

        /// <summary>
        /// Where a credit at the line's end starts, when word <paramref name="j"/> joins a name and an agency or
        /// picture word with a slash (Jane Smith/Reuters, THE CANADIAN PRESS/Sean Kilpatrick) and only capitalised
        /// words follow it to the end of the line; -1 otherwise.
        /// </summary>
        private int SlashCreditStart(int j, int floor)
        {
            ReadOnlySpan<char> core = Core(j);
            if (!SlashSideIsCredit(core) || !char.IsUpper(core[0]) || _words.Length - j > 5)
            {
                return -1;
            }

            for (int k = j + 1; k < _words.Length; k++)
            {
                ReadOnlySpan<char> c = Core(k);
                if (!c.IsEmpty && !char.IsUpper(c[0]))
                {
                    return -1;
                }
            }

            int first = j;
            while (first > floor && j - first < 4 && Core(first - 1) is { IsEmpty: false } before && char.IsUpper(before[0])
                && _text[_words[first - 1].End - 1] is not ('.' or ':' or ','))
            {
                first--;
            }

            return first;
        }

        /// <summary>A word with a slash whose side is an agency or a picture word (Smith/Reuters, Photo/Evan).</summary>
        private static bool SlashSideIsCredit(ReadOnlySpan<char> core)
        {
            int slash = core.IndexOf('/');
            if (slash <= 0 || slash == core.Length - 1 || core[(slash + 1)..].Contains('/'))
            {
                return false;
            }

            return IsCreditWord(core[..slash]) || IsCreditWord(core[(slash + 1)..]);
        }

        private static bool IsCreditWord(ReadOnlySpan<char> word) =>
            Cues.Value.TryGetValue(word, out BoilerplateCue c) && c is BoilerplateCue.Agency or BoilerplateCue.CreditWord;

        /// <summary>Words [from, to) are agencies and dashes only, at least one agency: (AFP), — AP, Reuters.</summary>
        private bool IsAgencyRun(int from, int to)
        {
            bool agency = false;
            int k = from;
            while (k < to)
            {
                if (IsDash(k) || Core(k).IsEmpty)
                {
                    k++;
                    continue;
                }

                (BoilerplateCue? cue, int length) = Lookup(k, to);
                if (cue != BoilerplateCue.Agency)
                {
                    return false;
                }

                agency = true;
                k += length;
            }

            return agency;
        }

        /// <summary>
        /// A byline without "By" whose parts a separator divides (Jane Doe · CBC News · Posted: Feb 11, 2026 4:15 PM CT):
        /// two to four name words, a separator, then only capitalised words and numbers.
        /// </summary>
        private bool IsSeparatedByline()
        {
            int n = _words.Length;
            if (n < 4 || n > MaxBylineWords + 4 || !AreNameWords(0, n))
            {
                return false;
            }

            for (int k = 2; k <= 4 && k < n - 1; k++)
            {
                ReadOnlySpan<char> core = Core(k);
                if (core.Length == 1 && core[0] is '·' or '•' or '|')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Words [from, to) could be a byline's: capitalised, numbers, connectors and punctuation, no quote marks.</summary>
        private bool AreNameWords(int from, int to)
        {
            bool name = false;
            for (int k = from; k < to; k++)
            {
                ReadOnlySpan<char> core = Core(k);
                if (HasQuoteMark(k, k + 1))
                {
                    return false;
                }

                if (core.IsEmpty || !core.ContainsAnyExcept(Separators))
                {
                    continue; // By Jane Smith · The Canadian Press: a separator between the name and the outlet
                }

                if (char.IsUpper(core[0]))
                {
                    name = true;
                }
                else if (!char.IsDigit(core[0]) && !IsConnector(core))
                {
                    return false;
                }
            }

            return name;
        }

        private static bool IsConnector(ReadOnlySpan<char> word) =>
            word is "and" or "&" or "of" or "the" or "in" or "for" or "at" or "with" or "de" or "van" or "von" or "da" or "del" or "der" or "la" or "le" or "bin" or "al";

        /// <summary>A province or state as datelines abbreviate it, after the place's comma (HALIFAX, N.S. —; CHICOUTIMI, Que. —).</summary>
        private bool IsRegionAfterComma(int k)
        {
            ReadOnlySpan<char> word = _words[k].Slice(_text);
            return k > 0 && _text[_words[k - 1].End - 1] == ',' && word.Length is >= 2 and <= 7 && word[^1] == '.' && char.IsUpper(word[0]);
        }

        private static bool IsAllCaps(ReadOnlySpan<char> word) => CharClasses.IsAllCaps(word, minimumLetters: 3);

        private bool HasQuoteMark(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                ReadOnlySpan<char> raw = _words[k].Slice(_text);
                if (raw.IndexOfAny(QuoteMarks) >= 0 || raw[0] is '‘' or '\'' || raw[^1] is '’' or '\'' && raw.Length > 1 && raw[^2] != 's')
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsDash(int k) => k < _words.Length && _words[k].Slice(_text) is "—" or "–" or "-" or "--" or "―" or "−";

        private bool OpensBracket(int k) => _text[_words[k].Start] is '(' or '[';

        /// <summary>The word that closes the bracket word <paramref name="open"/> opens, within <paramref name="max"/> words; -1 when none does.</summary>
        private int BracketEnd(int open, int max)
        {
            for (int k = open; k < _words.Length && k - open < max; k++)
            {
                ReadOnlySpan<char> raw = _words[k].Slice(_text).TrimEnd(".,;:");
                if (raw.Length > 0 && raw[^1] is ')' or ']')
                {
                    return k;
                }

                if (k > open && raw.Length > 0 && raw[0] is '(' or '[')
                {
                    return -1;
                }
            }

            return -1;
        }

        private bool StartsUpperOrSymbol(int k)
        {
            ReadOnlySpan<char> core = Core(k);
            return !core.IsEmpty && (char.IsUpper(core[0]) || core[0] == '©');
        }

        /// <summary>A word without its leading brackets and quote marks and its trailing , ; . ) ] and quote marks.</summary>
        private ReadOnlySpan<char> Core(int k) => _words[k].Slice(_text).TrimStart("([{\"“‘«'").TrimEnd(",;.)]}\"”’»'!?");

        private (BoilerplateCue? Cue, int Length) Lookup(int j) => Lookup(j, _words.Length);

        /// <summary>The longest cue of words [j, to) that starts at word <paramref name="j"/>, with its length in words.</summary>
        private (BoilerplateCue? Cue, int Length) Lookup(int j, int to)
        {
            ReadOnlySpan<char> firstCore = j < to ? Core(j) : default;
            if (firstCore.IsEmpty || !(CueFirstWords.Value.Contains(firstCore) || (firstCore.Length > 1 && firstCore[^1] == ':' && CueFirstWords.Value.Contains(firstCore[..^1]))))
            {
                return (null, 0);
            }

            Span<char> key = stackalloc char[MaxCueChars];
            int length = 0;
            (BoilerplateCue? Cue, int Length) best = (null, 0);
            for (int k = j; k < to && k - j < MaxCueWords; k++)
            {
                ReadOnlySpan<char> core = Core(k);
                if (core.IsEmpty || length + core.Length + 1 > MaxCueChars)
                {
                    break;
                }

                if (k > j)
                {
                    key[length++] = ' ';
                }

                core.CopyTo(key[length..]);
                length += core.Length;
                if (Cues.Value.TryGetValue(key[..length], out BoilerplateCue cue)
                    || (core.Length > 1 && core[^1] == ':' && Cues.Value.TryGetValue(key[..(length - 1)], out cue)))
                {
                    best = (cue, k - j + 1);
                }

                if (core[^1] == ':' || _text[_words[k].End - 1] is ',' or ';' or ')' or ']')
                {
                    break; // a cue does not run past its colon or a comma
                }
            }

            return best;
        }

        private void Add(int first, int last) => _spans.Add(TextSpan.FromBounds(_words[first].Start, _words[last].End));
    }
}
