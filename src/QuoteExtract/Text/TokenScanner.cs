using System;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Text;

/// <summary>
/// The tokenizer's scanner: reads one token at a time from a position, with no state beyond that
/// position, so that it is linear by construction (every branch moves forward; look-ahead and
/// look-behind are bounded except inside a single URL or e-mail token, which is consumed whole).
/// </summary>
internal static class TokenScanner
{
    /// <summary>The longest host name, in characters (RFC 1035).</summary>
    private const int MaxDomainLength = 253;

    public static bool TryNext(ReadOnlySpan<char> text, ref int position, bool splitClitics, out Token token)
    {
        int n = text.Length;
        int i = position;
        CharClass k;
        while (true)
        {
            if ((uint)i >= (uint)n)
            {
                position = n;
                token = default;
                return false;
            }

            k = CharClasses.Of(text[i]); // classified once: the token's first character is the one the skip stops at
            if (k > CharClass.Joiner)
            {
                break;
            }

            i++;
        }

        TokenTraits flags = i == 0 || i > position || CharClasses.IsSeparator(CharClasses.Of(text[i - 1]))
            ? TokenTraits.SpaceBefore
            : TokenTraits.None;
        int end;
        TokenKind kind;
        if (k == CharClass.Letter)
        {
            end = ScanWord(text, i, splitClitics, ref flags, out kind);
            if (kind == TokenKind.Word && IsUpper(text[i]))
            {
                flags |= TokenTraits.Capitalized;
            }
        }
        else
        {
            end = ScanOther(text, i, k, splitClitics, ref flags, out kind);
        }

        token = new Token(i, end - i, kind, flags);
        position = end;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUpper(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length && CharClasses.IsWordChar(text[i]);

    private static bool IsLetterAt(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length && CharClasses.Of(text[i]) == CharClass.Letter;

    private static bool IsDigitAt(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length && CharClasses.Of(text[i]) == CharClass.Digit;

    private static CharClass ClassAt(ReadOnlySpan<char> text, int i) =>
        (uint)i < (uint)text.Length ? CharClasses.Of(text[i]) : CharClass.Space;

    private static bool IsApostrophe(CharClass k) => k is CharClass.StraightSingle or CharClass.RightSingle or CharClass.LeftSingle;

    /// <summary>Letters and digits with inner hyphens, joiners and apostrophes; clitics split off; abbreviations keep their stop.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start, bool splitClitics, ref TokenTraits flags, out TokenKind kind)
    {
        kind = TokenKind.Word;
        int n = text.Length;
        int i = start + 1;
        while (true)
        {
            // Hot path: runs of ASCII letters and digits, skipped with a vectorized search (a scalar loop pays
            // a mispredicted branch at the end of every word).
            i = CharClasses.SkipAsciiLettersAndDigits(text, i);

            if (i >= n)
            {
                return i;
            }

            CharClass k = CharClasses.Of(text[i]);
            switch (k)
            {
                case CharClass.Letter or CharClass.Digit:
                    i++;
                    continue;
                case CharClass.Hyphen or CharClass.Joiner when IsWordChar(text, i + 1):
                    i += 2;
                    continue;
                case CharClass.StraightSingle or CharClass.RightSingle or CharClass.LeftSingle when IsLetterAt(text, i + 1):
                    int clitic = splitClitics ? CliticLength(text, i) : 0;
                    if (clitic > 0)
                    {
                        bool isNot = clitic == 2 && (text[i + 1] | 0x20) == 't';
                        if (!isNot)
                        {
                            return i; // Iran|’s, we|’re
                        }

                        if (i - 1 > start && (text[i - 1] | 0x20) == 'n')
                        {
                            // do|n’t. The n’t of did\u00ADn’t or did-n’t leaves the soft hyphen, joiner or hyphen that
                            // joined it out of the word too (did|n’t, did|-|n’t): a word never ends in a connector.
                            return IsWordChar(text, i - 2) ? i - 1 : i - 2;
                        }

                        if (i - 1 == start && (text[start] | 0x20) == 'n')
                        {
                            flags |= TokenTraits.Clitic;
                            return i + clitic; // the n’t itself
                        }
                    }

                    i += 2; // O’Brien, o’clock, Qur’an
                    continue;
                case CharClass.Period:
                    int afterStop = ScanAfterWordStop(text, start, i, ref flags, ref kind);
                    if (afterStop < 0)
                    {
                        i = ~afterStop;
                        continue;
                    }

                    return afterStop;
                case CharClass.At:
                    int email = ScanEmail(text, start);
                    if (email > 0)
                    {
                        kind = TokenKind.Email;
                        return email;
                    }

                    return i;
                case CharClass.Punctuation when text[i] == ':' && IsUrlScheme(text[start..i]) && text[(i + 1)..].StartsWith("//"):
                    kind = TokenKind.Url;
                    return ScanUrl(text, start);
                default:
                    return i;
            }
        }
    }

    /// <summary>
    /// The word [start, stop) is followed by a full stop at <paramref name="stop"/>. Returns the token's end,
    /// or the complement of a position at which the word goes on (no recursion: input depth never reaches the stack).
    /// </summary>
    private static int ScanAfterWordStop(ReadOnlySpan<char> text, int start, int stop, ref TokenTraits flags, ref TokenKind kind)
    {
        ReadOnlySpan<char> word = text[start..stop];
        if (IsWordChar(text, stop + 1))
        {
            if (word.Equals("www", StringComparison.OrdinalIgnoreCase))
            {
                kind = TokenKind.Url;
                return ScanUrl(text, start);
            }

            int acronym = ScanAcronym(text, start, stop);
            if (acronym == 0 && TailAfterHyphen(word) is int tail and > 0)
            {
                acronym = ScanAcronym(text, start + tail, stop); // (R-S.C.), non-U.S.: the acronym after the hyphen
            }

            if (acronym > 0)
            {
                if (ClassAt(text, acronym) == CharClass.Hyphen && IsWordChar(text, acronym + 1))
                {
                    return ~(acronym + 1); // U.S.-led: the caller carries on as a hyphenated word.
                }

                if (text[acronym - 1] == '.')
                {
                    flags |= TokenTraits.Abbreviation; // U.S. may end a sentence; U.S cannot
                }

                return acronym;
            }

            int address = ScanEmail(text, start);
            if (address > 0)
            {
                kind = TokenKind.Email;
                return address;
            }

            if (LooksLikeDomain(text, start, out int domainEnd))
            {
                kind = TokenKind.Url;
                return domainEnd;
            }

            return stop;
        }

        if (ClassAt(text, stop + 1) == CharClass.Period)
        {
            return stop; // the stop starts an ellipsis (etc...)
        }

        if (word.Length == 1 && IsUpper(word[0]))
        {
            flags |= TokenTraits.Abbreviation | TokenTraits.Title; // an initial: J. K. Rowling
            return stop + 1;
        }

        // (D-Calif.), ex-Gov.: the abbreviation after the hyphen keeps its stop.
        if (NewsLexicons.Abbreviations.TryGetValue(word, out AbbreviationClass cls)
            || (TailAfterHyphen(word) is int tail2 and > 0 && NewsLexicons.Abbreviations.TryGetValue(word[tail2..], out cls)))
        {
            switch (cls)
            {
                case AbbreviationClass.Title:
                    flags |= TokenTraits.Abbreviation | TokenTraits.Title;
                    return stop + 1;
                case AbbreviationClass.Common:
                    flags |= TokenTraits.Abbreviation;
                    return stop + 1;
                case AbbreviationClass.BeforeNumber:
                    int j = stop + 1;
                    while (j < text.Length && (text[j] == ' ' || text[j] == '\u00A0'))
                    {
                        j++;
                    }

                    if (IsDigitAt(text, j))
                    {
                        flags |= TokenTraits.Abbreviation | TokenTraits.Title;
                        return stop + 1;
                    }

                    break;
            }
        }

        return stop;
    }

    /// <summary>Where the part of a hyphenated word after its last hyphen starts; 0 when it has no hyphen.</summary>
    private static int TailAfterHyphen(ReadOnlySpan<char> word)
    {
        for (int i = word.Length - 2; i > 0; i--)
        {
            if (CharClasses.Of(word[i]) == CharClass.Hyphen)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>U.S., U.K., e.g., a.m., Ph.D.: runs of one or two letters each followed by a stop. Returns the end or 0.</summary>
    private static int ScanAcronym(ReadOnlySpan<char> text, int start, int firstStop)
    {
        if (firstStop - start > 2 || !AllLetters(text[start..firstStop]))
        {
            return 0;
        }

        int i = firstStop;
        int groups = 1;
        while (i < text.Length && text[i] == '.')
        {
            int j = i + 1;
            while (j < text.Length && j - i <= 3 && IsLetterAt(text, j))
            {
                j++;
            }

            int len = j - i - 1;
            if (len is < 1 or > 2)
            {
                break;
            }

            if (j >= text.Length || text[j] != '.')
            {
                // U.S, U.K: capitals whose last stop was left off (web text) are still one word, not a sentence end.
                return len == 1 && !IsWordChar(text, j) && AllUpper(text[start..j]) ? j : groups >= 2 ? i + 1 : 0;
            }

            i = j;
            groups++;
        }

        return groups >= 2 ? i + 1 : 0;
    }

    private static bool AllUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c != '.' && !IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (CharClasses.Of(c) != CharClass.Letter)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Length of the clitic (with its apostrophe) at <paramref name="apostrophe"/>, or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> text, int apostrophe)
    {
        int j = apostrophe + 1;
        int end = j;
        while (end < text.Length && end - j < 3 && IsLetterAt(text, end))
        {
            end++;
        }

        if (IsLetterAt(text, end))
        {
            return 0;
        }

        ReadOnlySpan<char> rest = text[j..end];
        return NewsLexicons.IsClitic(rest) ? end - apostrophe : 0;
    }

    private static bool IsUrlScheme(ReadOnlySpan<char> word) =>
        word.Equals("http", StringComparison.OrdinalIgnoreCase) || word.Equals("https", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ftp", StringComparison.OrdinalIgnoreCase);

    /// <summary>A URL runs to the next space or quote mark; trailing punctuation and unbalanced brackets are left out.</summary>
    private static int ScanUrl(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int open = 0;
        while (i < text.Length)
        {
            CharClass k = CharClasses.Of(text[i]);
            if (k <= CharClass.Joiner || k is CharClass.StraightDouble or CharClass.OpenQuote or CharClass.CloseQuote
                or CharClass.LeftSingle or CharClass.RightSingle or CharClass.Surrogate || text[i] is '<' or '>')
            {
                break;
            }

            if (text[i] == '(')
            {
                open++;
            }
            else if (text[i] == ')')
            {
                if (open == 0)
                {
                    break;
                }

                open--;
            }

            i++;
        }

        while (i > start + 1 && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'')
        {
            i--;
        }

        return i;
    }

    /// <summary>local@domain.tld starting at <paramref name="start"/>; returns the end or 0.</summary>
    private static int ScanEmail(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length && i - start < 64 && (CharClasses.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-'))
        {
            i++;
        }

        if (i >= text.Length || text[i] != '@' || i == start)
        {
            return 0;
        }

        int domainStart = i + 1;
        int end = ScanDomain(text, domainStart, out int labels);
        return labels >= 2 ? end : 0;
    }

    private static bool LooksLikeDomain(ReadOnlySpan<char> text, int start, out int end)
    {
        end = ScanDomain(text, start, out int labels);
        if (labels < 2)
        {
            return false;
        }

        int lastDot = text[start..end].LastIndexOf('.');
        ReadOnlySpan<char> tld = text[(start + lastDot + 1)..end];
        if (!NewsLexicons.TopLevelDomains.Contains(tld))
        {
            return false;
        }

        // A path may follow the domain: bbc.co.uk/news.
        if (end < text.Length && text[end] == '/')
        {
            end = ScanUrl(text, start);
        }

        return true;
    }

    /// <summary>
    /// Dot-separated labels of ASCII letters, digits and hyphens. Returns the end (no trailing stop).
    /// A run longer than a host name can be (253 characters) is none, with no labels: the look-ahead stays
    /// bounded, so that a long run of dotted words that is no address is not rescanned from each word.
    /// </summary>
    private static int ScanDomain(ReadOnlySpan<char> text, int start, out int labels)
    {
        labels = 0;
        int i = start;
        int end = start;
        while (i < text.Length)
        {
            int labelStart = i;
            while (i < text.Length && i - labelStart < 63 && (CharClasses.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i == labelStart)
            {
                break;
            }

            if (i - start > MaxDomainLength)
            {
                labels = 0;
                return start;
            }

            labels++;
            end = i;
            if (i + 1 < text.Length && text[i] == '.' && CharClasses.IsAsciiLetterOrDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        return end;
    }

    /// <summary>Everything that does not start with a letter.</summary>
    private static int ScanOther(ReadOnlySpan<char> text, int i, CharClass k, bool splitClitics, ref TokenTraits flags, out TokenKind kind)
    {
        int n = text.Length;
        switch (k)
        {
            case CharClass.Digit:
                return ScanNumber(text, i, splitClitics, out kind);
            case CharClass.StraightSingle when i + 1 < n && text[i + 1] == '\'':
                // '' typed for a double quote mark (Penn Treebank, newspaper archives).
                kind = ClassifyByPosition(text, i, 2);
                return i + 2;
            case CharClass.StraightSingle or CharClass.RightSingle or CharClass.LeftSingle:
                return ScanSingleMark(text, i, k, ref flags, out kind);
            case CharClass.StraightDouble:
                kind = ClassifyByPosition(text, i, 1);
                return i + 1;
            case CharClass.Symbol when text[i] == '`' && i + 1 < n && text[i + 1] == '`':
                kind = TokenKind.OpeningQuote; // `` typed for an opening double mark
                return i + 2;
            case CharClass.OpenQuote:
                kind = InClosingPosition(text, i) ? TokenKind.AmbiguousQuote : TokenKind.OpeningQuote;
                return i + 1;
            case CharClass.CloseQuote:
                kind = InOpeningPosition(text, i) ? TokenKind.OpeningQuote : TokenKind.ClosingQuote;
                return i + 1;
            case CharClass.Period:
                if (i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
                {
                    kind = TokenKind.Ellipsis;
                    int j = i + 3;
                    while (j < n && text[j] == '.')
                    {
                        j++;
                    }

                    return j;
                }

                kind = TokenKind.Punctuation;
                return i + 1;
            case CharClass.Hyphen:
                if (ClassAt(text, i + 1) == CharClass.Hyphen)
                {
                    kind = TokenKind.Dash;
                    int j = i + 2;
                    while (j < n && CharClasses.Of(text[j]) == CharClass.Hyphen)
                    {
                        j++;
                    }

                    return j;
                }

                kind = (flags & TokenTraits.SpaceBefore) != 0 && (i + 1 >= n || CharClasses.IsSeparator(CharClasses.Of(text[i + 1])))
                    ? TokenKind.Dash
                    : TokenKind.Punctuation;
                return i + 1;
            case CharClass.Dash:
            {
                kind = TokenKind.Dash;
                int j = i + 1;
                while (j < n && CharClasses.Of(text[j]) == CharClass.Dash)
                {
                    j++;
                }

                return j;
            }

            case CharClass.Ellipsis:
                kind = TokenKind.Ellipsis;
                return i + 1;
            case CharClass.At:
            {
                int j = i + 1;
                while (j < n && j - i <= 50 && (CharClasses.IsAsciiLetterOrDigit(text[j]) || text[j] == '_'))
                {
                    j++;
                }

                kind = j > i + 1 ? TokenKind.Mention : TokenKind.Symbol;
                return j > i + 1 ? j : i + 1;
            }

            case CharClass.Hash:
            {
                int j = i + 1;
                bool letter = false;
                while (j < n && j - i <= 140)
                {
                    CharClass c = CharClasses.Of(text[j]);
                    if (c == CharClass.Letter)
                    {
                        letter = true;
                    }
                    else if (c != CharClass.Digit && text[j] != '_')
                    {
                        break;
                    }

                    j++;
                }

                kind = letter ? TokenKind.Hashtag : TokenKind.Symbol;
                return letter ? j : i + 1;
            }

            case CharClass.Surrogate:
                kind = TokenKind.Symbol;
                return char.IsHighSurrogate(text[i]) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? i + 2 : i + 1;
            case CharClass.OpenBracket or CharClass.CloseBracket or CharClass.Punctuation:
                kind = TokenKind.Punctuation;
                return i + 1;
            default:
                kind = TokenKind.Symbol;
                return i + 1;
        }
    }

    /// <summary>Digits with inner separators (5,000 3.5 10:30 2-1 1996-08-22) and a letter suffix (1990s, 80million, 3rd).</summary>
    private static int ScanNumber(ReadOnlySpan<char> text, int start, bool splitClitics, out TokenKind kind)
    {
        kind = TokenKind.Number;
        int n = text.Length;
        int i = start + 1;
        while (true)
        {
            while (i < n && CharClasses.Of(text[i]) == CharClass.Digit)
            {
                i++;
            }

            if (i + 1 < n && text[i] is '.' or ',' or ':' or '/' or '-' && IsDigitAt(text, i + 1))
            {
                i += 2;
                continue;
            }

            break;
        }

        if (IsLetterAt(text, i))
        {
            while (i < n && CharClasses.IsWordChar(text[i]))
            {
                i++;
            }
        }

        if (i + 1 < n && CharClasses.Of(text[i]) == CharClass.Hyphen && IsLetterAt(text, i + 1))
        {
            // 10-year-old, 2-year: a compound word that starts with a number. An address after the hyphen
            // (10-x@y.com-, 2019-ftp://…) is no part of one: it may end in a hyphen, which a word never does.
            TokenTraits ignored = TokenTraits.None;
            int end = ScanWord(text, i + 1, splitClitics, ref ignored, out TokenKind compound);
            if (compound == TokenKind.Word)
            {
                kind = TokenKind.Word;
                return end;
            }
        }

        return i;
    }

    /// <summary>A single mark ' ‘ ’ not inside a word: a quote mark, a clitic, or an elision (’90s, ’em, rock ’n’ roll).</summary>
    private static int ScanSingleMark(ReadOnlySpan<char> text, int i, CharClass k, ref TokenTraits flags, out TokenKind kind)
    {
        CharClass prev = i > 0 ? CharClasses.Of(text[i - 1]) : CharClass.Space;
        bool nextIsWord = IsWordChar(text, i + 1);
        if (prev is CharClass.Letter or CharClass.Digit)
        {
            if (nextIsWord)
            {
                int clitic = CliticLength(text, i);
                if (clitic > 0)
                {
                    kind = TokenKind.Word;
                    flags |= TokenTraits.Clitic;
                    return i + clitic;
                }
            }

            // A word-final mark: a closing quote, or after s the possessive apostrophe (Jones’).
            kind = k != CharClass.LeftSingle && (text[i - 1] | 0x20) != 's' ? TokenKind.ClosingQuote : TokenKind.AmbiguousQuote;
            return i + 1;
        }

        // B.C.’s, U.S.'s: the clitic after an abbreviation's stop.
        if (i >= 2 && text[i - 1] == '.' && char.IsLetter(text[i - 2]) && nextIsWord && k != CharClass.LeftSingle && CliticLength(text, i) is int after and > 0)
        {
            kind = TokenKind.Word;
            flags |= TokenTraits.Clitic;
            return i + after;
        }

        bool free = CharClasses.IsSeparator(prev) || prev is CharClass.OpenBracket or CharClass.OpenQuote or CharClass.Dash
            or CharClass.StraightDouble || i == 0;
        // ‘08, ‘90s: word processors turn the apostrophe of an elided year into an opening mark; only a decade, or a
        // year after a word that takes one (in ‘08, the class of ‘16), is read so, as ‘20 people died’ is a quote.
        if (nextIsWord && (k != CharClass.LeftSingle || (IsDigitAt(text, i + 1) && (DecadeFollows(text, i) || YearWordBefore(text, i)))))
        {
            int elision = ElisionEnd(text, i);
            if (elision > 0)
            {
                kind = IsDigitAt(text, i + 1) ? TokenKind.Number : TokenKind.Word;
                return elision;
            }
        }

        if (free)
        {
            // ’emphasised…: an opening mark typed the wrong way round is still an opening mark.
            kind = nextIsWord || k == CharClass.LeftSingle || !IsFreeAfter(text, i) ? TokenKind.OpeningQuote : TokenKind.AmbiguousQuote;
            return i + 1;
        }

        // After punctuation or another mark: .’ !’ ,’ close; ‘ opens.
        kind = k == CharClass.LeftSingle ? TokenKind.OpeningQuote : nextIsWord ? TokenKind.AmbiguousQuote : TokenKind.ClosingQuote;
        return i + 1;
    }

    /// <summary>Two digits and an s after the mark at <paramref name="mark"/> (‘90s).</summary>
    private static bool DecadeFollows(ReadOnlySpan<char> text, int mark) =>
        mark + 3 < text.Length && IsDigitAt(text, mark + 2) && text[mark + 3] == 's';

    /// <summary>A preposition or article that takes a year right before the mark and its space (in ‘08, of ‘16).</summary>
    private static bool YearWordBefore(ReadOnlySpan<char> text, int mark)
    {
        int end = mark - 1;
        if (end < 1 || text[end] != ' ')
        {
            return false;
        }

        int start = end;
        while (start > 0 && end - start < 6 && IsLetterAt(text, start - 1))
        {
            start--;
        }

        if (start > 0 && IsLetterAt(text, start - 1))
        {
            return false;
        }

        ReadOnlySpan<char> w = text[start..end];
        return w.Equals("in", StringComparison.OrdinalIgnoreCase) || w.Equals("of", StringComparison.OrdinalIgnoreCase)
            || w.Equals("since", StringComparison.OrdinalIgnoreCase) || w.Equals("until", StringComparison.OrdinalIgnoreCase)
            || w.Equals("from", StringComparison.OrdinalIgnoreCase) || w.Equals("by", StringComparison.OrdinalIgnoreCase)
            || w.Equals("the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsFreeAfter(ReadOnlySpan<char> text, int i) => i + 1 >= text.Length || CharClasses.IsSeparator(CharClasses.Of(text[i + 1]));

    /// <summary>’90s, ’em, ’til, ’n’: returns the end of the elided word, or 0.</summary>
    private static int ElisionEnd(ReadOnlySpan<char> text, int mark)
    {
        int j = mark + 1;
        if (IsDigitAt(text, j))
        {
            int d = j;
            while (d < text.Length && d - j < 2 && IsDigitAt(text, d))
            {
                d++;
            }

            if (d - j == 2 && !IsDigitAt(text, d))
            {
                if (d < text.Length && text[d] == 's' && !IsWordChar(text, d + 1))
                {
                    return d + 1; // ’90s
                }

                return IsWordChar(text, d) ? 0 : d; // ’19
            }

            return 0;
        }

        int end = j;
        while (end < text.Length && end - j < 6 && IsLetterAt(text, end))
        {
            end++;
        }

        if (IsLetterAt(text, end))
        {
            return 0;
        }

        ReadOnlySpan<char> word = text[j..end];
        if (word.Length == 1 && (word[0] | 0x20) == 'n' && end < text.Length && IsApostrophe(CharClasses.Of(text[end])) && !IsWordChar(text, end + 1))
        {
            return end + 1; // ’n’
        }

        return NewsLexicons.Elisions.Contains(word) ? end : 0;
    }

    private static bool InOpeningPosition(ReadOnlySpan<char> text, int i)
    {
        CharClass prev = i > 0 ? CharClasses.Of(text[i - 1]) : CharClass.Space;
        return (CharClasses.IsSeparator(prev) || prev is CharClass.OpenBracket) && IsWordChar(text, i + 1);
    }

    private static bool InClosingPosition(ReadOnlySpan<char> text, int i)
    {
        CharClass prev = i > 0 ? CharClasses.Of(text[i - 1]) : CharClass.Space;
        CharClass next = ClassAt(text, i + 1);
        return prev is CharClass.Letter or CharClass.Digit or CharClass.Period or CharClass.Punctuation
            && (CharClasses.IsSeparator(next) || next is CharClass.Punctuation or CharClass.Period or CharClass.CloseBracket);
    }

    /// <summary>A straight mark of <paramref name="length"/> characters: opens after space and before text, closes after text and before space.</summary>
    private static TokenKind ClassifyByPosition(ReadOnlySpan<char> text, int i, int length)
    {
        CharClass prev = i > 0 ? CharClasses.Of(text[i - 1]) : CharClass.Space;
        CharClass next = ClassAt(text, i + length);
        bool prevFree = CharClasses.IsSeparator(prev) || prev is CharClass.OpenBracket or CharClass.OpenQuote or CharClass.Dash;
        bool nextFree = CharClasses.IsSeparator(next) || next is CharClass.Punctuation or CharClass.Period or CharClass.CloseBracket
            or CharClass.CloseQuote or CharClass.Dash or CharClass.Ellipsis;
        if (prevFree && !nextFree)
        {
            return TokenKind.OpeningQuote;
        }

        if (!prevFree && nextFree)
        {
            return TokenKind.ClosingQuote;
        }

        return TokenKind.AmbiguousQuote;
    }
}
