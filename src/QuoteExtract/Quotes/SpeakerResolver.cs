using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace QuoteExtract.Quotes;

/// <summary>A speaker mention and the names it stands for.</summary>
internal sealed record ResolvedSpeaker(TextSpan Mention, ImmutableArray<string> Names, Gender Gender, bool IsPerson)
{
    public string Name => Names.Length switch
    {
        0 => string.Empty,
        1 => Names[0],
        _ => string.Join(", ", Names.Take(Names.Length - 1)) + " and " + Names[^1],
    };

    public bool IsPlural => Names.Length > 1;

    public Speaker ToSpeaker(string text) => new()
    {
        Span = Mention,
        Text = text.Substring(Mention.Start, Mention.Length),
        Name = Name,
        Names = Names,
    };
}

/// <summary>
/// Resolves speaker phrases to names: short names to the fullest form used in the text (Mr Johnson →
/// Boris Johnson), roles to the person introduced with that role (the former foreign secretary →
/// the person named "former foreign secretary X", or the speaker just before), pronouns to the most
/// recent compatible speaker or name, "they" to the most recent list of names.
/// </summary>
internal sealed class SpeakerResolver
{
    /// <summary>How many paragraphs back a pronoun may reach for the speaker before.</summary>
    private const int PronounReach = 4;

    private readonly DocumentView _doc;
    private readonly List<NameRun> _names = [];
    private readonly Dictionary<string, string> _fullNameByWord = new(StringComparer.Ordinal);
    private readonly List<(string Role, int Token, ResolvedSpeaker Speaker)> _roles = [];
    private readonly List<(ResolvedSpeaker Speaker, int Token)> _spoken = [];

    private readonly record struct NameRun(int First, int Last, string Name, Gender Gender, bool IsPerson);

    public SpeakerResolver(DocumentView doc, ImmutableArray<Entity> entities)
    {
        _doc = doc;
        _ = entities;
        IndexNames();
    }

    /// <summary>Remembers a resolved speaker, for pronouns and roles later on.</summary>
    public void Remember(ResolvedSpeaker speaker, int token) => _spoken.Add((speaker, token));

    public ResolvedSpeaker? Resolve(Phrase phrase, int anchor)
    {
        if (phrase.IsNone)
        {
            return null;
        }

        TextSpan mention = TextSpan.FromBounds(_doc.Tokens[phrase.First].Start, _doc.Tokens[phrase.Last].End);
        if (phrase.First == phrase.Last && _doc.IsPronoun(phrase.First))
        {
            return ResolvePronoun(phrase.First, mention, anchor);
        }

        // A possessive phrase (Mr Johnson’s official spokesman) is its own name.
        for (int t = phrase.First; t <= phrase.Last; t++)
        {
            if (_doc.IsPossessive(t) && t < phrase.Last)
            {
                var own = new ResolvedSpeaker(mention, [Clean(StripDeterminer(phrase))], Gender.Any, IsPerson: true);
                RememberRole(phrase.Last, own);
                return own;
            }
        }

        // A name at the end (former foreign secretary Jeremy Hunt, Mr Trump, Downing Street).
        int nameStart = phrase.Last + 1;
        while (nameStart - 1 >= phrase.First && IsNamePart(nameStart - 1))
        {
            nameStart--;
        }

        if (nameStart <= phrase.Last)
        {
            NameRun run = MakeRun(nameStart, phrase.Last);
            var named = new ResolvedSpeaker(mention, [run.Name], run.Gender, run.IsPerson);
            for (int t = phrase.First; t < nameStart; t++)
            {
                if ((_doc.ClassOf(t) & SpeakerWord.Role) != 0)
                {
                    RememberRole(t, named);
                }
            }

            return named;
        }

        // A role: the person introduced with it, or the speaker just before.
        int head = phrase.Last;
        string role = _doc.Word(head).ToString().ToLowerInvariant();
        bool definite = (_doc.ClassOf(phrase.First) & SpeakerWord.Determiner) != 0
            && _doc.Word(phrase.First).Equals("the", StringComparison.OrdinalIgnoreCase);
        if (definite)
        {
            ResolvedSpeaker? linked = FindRole(role, anchor, before: true);
            if (linked is not null)
            {
                return linked with { Mention = mention };
            }

            ResolvedSpeaker? previous = _spoken.Count > 0 ? _spoken[^1].Speaker : null;
            if (previous is not null && previous.IsPerson && !previous.IsPlural && _doc.ParagraphOf(_spoken[^1].Token) >= _doc.ParagraphOf(anchor) - 2
                && !IsPluralWord(role))
            {
                return previous with { Mention = mention };
            }

            linked = FindRole(role, anchor, before: false);
            if (linked is not null)
            {
                return linked with { Mention = mention };
            }
        }

        return new ResolvedSpeaker(mention, [Clean(StripDeterminer(phrase))], Gender.Any, IsPerson: !IsPluralWord(role));
    }

    private static bool IsPluralWord(string role) => role.EndsWith('s') && !role.EndsWith("ss", StringComparison.Ordinal);

    private ResolvedSpeaker? ResolvePronoun(int token, TextSpan mention, int anchor)
    {
        SpeakerWord c = _doc.ClassOf(token);
        int paragraph = _doc.ParagraphOf(anchor);
        if ((c & SpeakerWord.Plural) != 0)
        {
            List<string>? list = RecentNameList(anchor);
            for (int i = _spoken.Count - 1; i >= 0; i--)
            {
                (ResolvedSpeaker s, int at) = _spoken[i];
                if (_doc.ParagraphOf(at) < paragraph - PronounReach)
                {
                    break;
                }

                if (list is not null && at < ListPosition)
                {
                    break;
                }

                if (s.IsPlural || !s.IsPerson)
                {
                    return s with { Mention = mention };
                }
            }

            return list is null ? null : new ResolvedSpeaker(mention, [.. list], Gender.Any, IsPerson: true);
        }

        Gender wanted = (c & SpeakerWord.Male) != 0 ? Gender.Male : (c & SpeakerWord.Female) != 0 ? Gender.Female : Gender.Any;
        bool person = (c & (SpeakerWord.Male | SpeakerWord.Female)) != 0;
        if ((c & SpeakerWord.FirstPerson) != 0)
        {
            return null;
        }

        for (int i = _spoken.Count - 1; i >= 0; i--)
        {
            (ResolvedSpeaker s, int at) = _spoken[i];
            if (_doc.ParagraphOf(at) < paragraph - PronounReach)
            {
                break;
            }

            if (s.IsPlural || s.IsPerson != person || (wanted != Gender.Any && s.Gender != Gender.Any && s.Gender != wanted))
            {
                continue;
            }

            return s with { Mention = mention };
        }

        // No speaker yet: the most recent person named before.
        for (int i = _names.Count - 1; i >= 0; i--)
        {
            NameRun run = _names[i];
            if (run.Last >= anchor)
            {
                continue;
            }

            if (run.IsPerson == person && (wanted == Gender.Any || run.Gender == Gender.Any || run.Gender == wanted))
            {
                return new ResolvedSpeaker(mention, [run.Name], run.Gender, run.IsPerson);
            }
        }

        return null;
    }

    private int ListPosition { get; set; } = -1;

    /// <summary>The most recent "A, B and C" list of names within the last three sentences before <paramref name="anchor"/>.</summary>
    private List<string>? RecentNameList(int anchor)
    {
        int firstSentence = Math.Max(0, _doc.SentenceOf[Math.Min(anchor, _doc.Count - 1)] - 3);
        int lowerBound = _doc.Segments.Sentences[firstSentence].FirstToken;
        for (int t = anchor - 1; t >= lowerBound; t--)
        {
            if (!(_doc.IsWord(t) && _doc.Word(t).Equals("and", StringComparison.Ordinal)))
            {
                continue;
            }

            NameRun? after = RunAt(t + 1);
            if (after is null)
            {
                continue;
            }

            var names = new List<string> { after.Value.Name };
            int u = t - 1;
            int listStart = t;
            while (u >= lowerBound)
            {
                NameRun? before = RunEndingAt(u);
                if (before is null)
                {
                    break;
                }

                names.Insert(0, before.Value.Name);
                listStart = before.Value.First;
                u = before.Value.First - 1;
                if (!_doc.Is(u, ','))
                {
                    break;
                }

                u--;
            }

            if (names.Count >= 2)
            {
                ListPosition = listStart;
                return names;
            }
        }

        ListPosition = -1;
        return null;
    }

    private NameRun? RunAt(int first)
    {
        foreach (NameRun run in _names)
        {
            if (run.First <= first && first <= run.Last && run.IsPerson)
            {
                return run;
            }
        }

        return null;
    }

    private NameRun? RunEndingAt(int last)
    {
        foreach (NameRun run in _names)
        {
            if (run.Last == last && run.IsPerson)
            {
                return run;
            }
        }

        return null;
    }

    private void RememberRole(int roleToken, ResolvedSpeaker speaker) =>
        _roles.Add((_doc.Word(roleToken).ToString().ToLowerInvariant(), roleToken, speaker));

    private ResolvedSpeaker? FindRole(string role, int anchor, bool before)
    {
        if (before)
        {
            for (int i = _roles.Count - 1; i >= 0; i--)
            {
                if (_roles[i].Token < anchor && _roles[i].Role == role)
                {
                    return _roles[i].Speaker;
                }
            }

            return null;
        }

        foreach (var r in _roles)
        {
            if (r.Token > anchor && r.Role == role)
            {
                return r.Speaker;
            }
        }

        return null;
    }

    private bool IsNamePart(int t) =>
        _doc.IsNameWord(t) || (_doc.IsWord(t) && (_doc.Tokens[t].Traits & TokenTraits.Title) != 0)
        || ((_doc.Word(t) is var w) && w.Length <= 3 && (w.SequenceEqual("of") || w.SequenceEqual("al") || w.SequenceEqual("bin")) && _doc.IsNameWord(t + 1) && _doc.IsNameWord(t - 1));

    /// <summary>All runs of capitalised words, with the fullest name for each last word; and role links (secretary X).</summary>
    private void IndexNames()
    {
        int t = 0;
        while (t < _doc.Count)
        {
            if (!_doc.IsNameWord(t) && !(_doc.IsWord(t) && (_doc.Tokens[t].Traits & TokenTraits.Title) != 0 && _doc.IsNameWord(t + 1)))
            {
                t++;
                continue;
            }

            int first = t;
            while (t + 1 < _doc.Count && IsNamePart(t + 1) && _doc.SentenceOf[t + 1] == _doc.SentenceOf[first])
            {
                t++;
            }

            NameRun run = MakeRun(first, t);
            _names.Add(run);
            if (first > 0 && (_doc.ClassOf(first - 1) & SpeakerWord.Role) != 0 && run.IsPerson)
            {
                RememberRole(first - 1, new ResolvedSpeaker(default, [run.Name], run.Gender, true));
            }

            t++;
        }
    }

    /// <summary>A name from tokens [first, last]: titles and capitalised roles dropped, the fullest form used in the text.</summary>
    private NameRun MakeRun(int first, int last)
    {
        Gender gender = Gender.Any;
        bool person = false;
        int start = first;
        while (start < last)
        {
            ReadOnlySpan<char> w = _doc.Word(start);
            if (QuoteLexicons.Titles.TryGetValue(w, out Gender g))
            {
                gender = g == Gender.Any ? gender : g;
                person = true;
                start++;
                continue;
            }

            SpeakerWord c = QuoteLexicons.ClassOf(w);
            if ((c & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0 && !_doc.IsSentenceStart(start))
            {
                start++;
                continue;
            }

            if ((c & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0 && start + 1 <= last)
            {
                start++;
                continue;
            }

            break;
        }

        if (QuoteLexicons.FirstNames.TryGetValue(_doc.Word(start), out Gender fg))
        {
            gender = gender == Gender.Any ? fg : gender;
            person = true;
        }

        string name = Clean(new Phrase(start, last));
        string lastWord = _doc.Word(last).ToString();
        if (start < last)
        {
            person |= last - start == 1 && gender != Gender.Any;
            if (!_fullNameByWord.TryGetValue(lastWord, out string? known) || known.Length < name.Length)
            {
                _fullNameByWord[lastWord] = name;
            }
        }
        else if (_fullNameByWord.TryGetValue(lastWord, out string? full))
        {
            name = full;
            NameRun? earlier = _names.FindLast(r => r.Name == full);
            if (earlier is NameRun e)
            {
                gender = gender == Gender.Any ? e.Gender : gender;
                person |= e.IsPerson;
            }
        }

        return new NameRun(first, last, name, gender, person);
    }

    private Phrase StripDeterminer(Phrase p) =>
        p.First < p.Last && (_doc.ClassOf(p.First) & SpeakerWord.Determiner) != 0 ? new Phrase(p.First + 1, p.Last) : p;

    /// <summary>The phrase's text with no-break spaces and runs of spaces made single spaces.</summary>
    private string Clean(Phrase p)
    {
        var sb = new StringBuilder();
        for (int t = p.First; t <= p.Last; t++)
        {
            if (t > p.First && (_doc.Tokens[t].Traits & TokenTraits.SpaceBefore) != 0)
            {
                sb.Append(' ');
            }

            sb.Append(_doc.Word(t));
        }

        return sb.ToString();
    }

    /// <summary>Groups quotes by their speaker's name (until the entity tagger groups mentions).</summary>
    public static ImmutableArray<EntityGroup> Groups(ImmutableArray<Quote> quotes)
    {
        var groups = new Dictionary<string, (List<TextSpan> Mentions, List<int> Quotes)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < quotes.Length; i++)
        {
            Speaker? s = quotes[i].Speaker;
            if (s is null)
            {
                continue;
            }

            foreach (string name in s.Names)
            {
                if (!groups.TryGetValue(name, out var g))
                {
                    g = ([], []);
                    groups[name] = g;
                    order.Add(name);
                }

                if (!g.Mentions.Contains(s.Span))
                {
                    g.Mentions.Add(s.Span);
                }

                g.Quotes.Add(i);
            }
        }

        return [.. order.Select(n => new EntityGroup
        {
            Name = n,
            Type = EntityType.Person,
            Mentions = [.. groups[n].Mentions.OrderBy(m => m.Start)],
            Quotes = [.. groups[n].Quotes],
        })];
    }
}
