using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using QuoteExtract.Quotes;
using QuoteExtract.Speakers;
using QuoteExtract.Text;

namespace QuoteExtract.Entities;

/// <summary>
/// Groups an article's entity mentions into its people, organisations and places: Helen Marsh /
/// Ms Marsh / Marsh / Helen; Mohammed Rahimi / Mohamed Rahimi / General Rahimi; Ana Maria Lopez-Garcia /
/// Ana Maria Lopez Garcia; United Nations / UN. Rules, not lists of names: titles come off (the title lexicon),
/// hyphens count as spaces, a surname or given name alone joins the fullest name it fits (the nearest
/// one before it when several fit), and spelling variants within a small edit distance match.
/// </summary>
/// <remarks>
/// A mention's words are read as spans of its text (on the stack for names of ordinary length): the strings a
/// mention keeps (its lower-case words, key, display name) are the only ones made per mention.
/// </remarks>
internal static class EntityGrouper
{
    /// <summary>Mentions up to this many characters split into words on the stack; longer ones rent a buffer.</summary>
    private const int StackChars = 256;

    private static readonly Lazy<SpanLexicon<bool>> LegalSuffixes = new(LoadLegalSuffixes);

    /// <summary>The legal forms and the organisation words that never end a person's name (Agency, Council, Office).</summary>
    private static readonly Lazy<SpanLexicon<bool>> OrganizationWords = new(() => LoadSuffixes(legalOnly: false));

    private static TitleLexicon Titles => TitleLexicon.Default;

    /// <summary>Groups <paramref name="entities"/> (tagger output, in text order) and names each after its group.</summary>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">The mentions.</param>
    /// <param name="boilerplate">
    /// The text's boilerplate (<see cref="Boilerplate.Find"/>; found here when default): a mention that starts in it
    /// (a byline's author, a credited photographer, an agency) is in no group.
    /// </param>
    /// <returns>The entities with <see cref="Entity.Name"/> set to their group's name, the groups, and a resolver.</returns>
    /// <remarks>
    /// A mention made only of titles and role nouns (PM, the Prime Minister, Minister) is in no group of its own:
    /// it names a role, not an organisation or a person; it still heads the name right after it (Admiral Lord Penrose).
    /// A person mention whose last word is an organisation's (Environment Agency, Home Office) is an organisation.
    /// </remarks>
    public static EntityGrouping Group(SegmentedText text, ImmutableArray<Entity> entities, ImmutableArray<TextSpan> boilerplate = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (boilerplate.IsDefault)
        {
            boilerplate = Boilerplate.Find(text.Text);
        }

        var people = new List<Mention>();
        var organizations = new List<Mention>();
        var locations = new List<Mention>();
        var types = new EntityType[entities.Length];
        var titleBefore = new int[entities.Length]; // a title-only mention right before entity i ("Admiral" + "Lord Penrose")
        Array.Fill(titleBefore, -1);
        Mention? pending = null; // the last mention read; kept back until the next entity says whether it heads it
        int kinBefore = -1; // the last entity named as someone's relative
        for (int i = 0; i < entities.Length; i++)
        {
            Entity e = entities[i];
            types[i] = e.Type;
            if (e.Type == EntityType.Miscellaneous || Boilerplate.Contains(boilerplate, e.Span.Start))
            {
                continue;
            }

            string mentionText = e.Text;
            if (e.Type != EntityType.Person && StartsWithHonorific(e.Text))
            {
                types[i] = EntityType.Person; // Lord Penrose, Mr Burns: a person whatever the tagger said
            }
            else if (e.Type == EntityType.Person && EndsWithOrganizationWord(e.Text))
            {
                types[i] = EntityType.Organization; // the Environment Agency, the Home Office: never a person
            }

            if (i > 0 && titleBefore[i] < 0 && entities[i - 1].Type == EntityType.Person && IsTitleOnly(entities[i - 1].Text)
                && IsSpaceBetween(text.Text, entities[i - 1].Span.End, e.Span.Start))
            {
                titleBefore[i] = i - 1;
                types[i] = EntityType.Person;
                mentionText = entities[i - 1].Text + " " + e.Text;
            }

            // A title-only mention that heads this one is read with it, not on its own.
            if (pending is not null && !(pending.Entity + 1 == i && titleBefore[i] == pending.Entity))
            {
                ListOf(pending.Type, people, organizations, locations).Add(pending);
            }

            // A role alone (the PM said; Minister) is no one's group; the entity after it still reads it as its title.
            pending = titleBefore[i] < 0 && IsRoleOnly(e.Text) ? null : Parse(mentionText, types[i], e.Span.Start, i);
            if (pending is { Type: EntityType.Person } && WordBefore(text.Text, e.Span.Start) is { Length: >= 2 } before)
            {
                // (a given name alone too: with his daughter, Brynn; "the elder X" only for a name alone)
                pending = pending with
                {
                    // (her parents, Réjean Cormier and Nathalie Cormier: the name after "and" is the relative's too)
                    Kin = KinNouns.Contains(before) || (before.Equals("and", StringComparison.OrdinalIgnoreCase) && i > 0 && kinBefore == i - 1
                        && IsAndBetween(text.Text, entities[i - 1].Span.End, e.Span.Start)),
                    Elder = pending.Core.Length < 2 && (before.Equals("elder", StringComparison.OrdinalIgnoreCase) || before.Equals("younger", StringComparison.OrdinalIgnoreCase)),
                };
                kinBefore = pending.Kin && KinNouns.Contains(before) && KinHasOwner(text.Text, e.Span.Start) ? i : -1;
            }

            if (pending is { Type: EntityType.Person, Core.Length: <= 2 })
            {
                pending = pending with { Pronoun = PronounAfter(text.Text, e.Span.End) };

                // (Mr. Brar with the honorific outside the tagged name)
                if (pending.Title == Gender.Any && HonorificBefore(text.Text, e.Span.Start) is { Length: >= 2 } honorific
                    && QuoteLexicons.Titles.TryGetValue(honorific, out Gender titled))
                {
                    pending = pending with { Title = titled };
                }
            }
        }

        if (pending is not null)
        {
            ListOf(pending.Type, people, organizations, locations).Add(pending);
        }

        var builders = new List<GroupBuilder>();
        var personIndex = new PersonIndex();
        AssignPeople(people, personIndex, builders);
        AssignByKey(organizations, builders, EntityType.Organization, [.. locations.Select(static l => l.Key), .. people.Select(static p => p.Core[^1])]);
        AssignByKey(locations, builders, EntityType.Location);

        // Groups in order of first mention.
        builders.Sort(static (a, b) => a.Positions[0].CompareTo(b.Positions[0]));
        var entityGroup = new int[entities.Length];
        Array.Fill(entityGroup, -1);
        var groups = new EntityGroup[builders.Count];
        for (int g = 0; g < builders.Count; g++)
        {
            GroupBuilder b = builders[g];
            b.Index = g;
            foreach (Mention m in b.Mentions)
            {
                entityGroup[m.Entity] = g;
                if (titleBefore[m.Entity] >= 0)
                {
                    entityGroup[titleBefore[m.Entity]] = g;
                }
            }

            groups[g] = new EntityGroup
            {
                Name = b.DisplayName,
                Type = b.Type,
                Mentions = MentionSpans(b.Mentions, entities),
                Quotes = [],
            };
        }

        var named = new Entity[entities.Length];
        for (int i = 0; i < entities.Length; i++)
        {
            Entity e = entities[i];
            string name = entityGroup[i] >= 0 ? groups[entityGroup[i]].Name : CleanSpaces(e.Text);
            EntityType type = entityGroup[i] >= 0 ? groups[entityGroup[i]].Type : e.Type;
            named[i] = name == e.Name && type == e.Type ? e : e with { Name = name, Type = type };
        }

        // The arrays are made here and handed over whole: wrapped, not copied.
        return new EntityGrouping(
            text,
            ImmutableCollectionsMarshal.AsImmutableArray(named),
            ImmutableCollectionsMarshal.AsImmutableArray(groups),
            ImmutableCollectionsMarshal.AsImmutableArray(entityGroup),
            builders,
            personIndex);
    }

    /// <summary>
    /// The entities with a person the article also writes as a place with its province or state after a comma
    /// (SALMON ARM, B.C. —; Mississauga, Ont.; Tampa, Fla.) made a place: whatever the tagger calls the name
    /// elsewhere (near Salmon Arm), it is one. Two passes over the entities.
    /// </summary>
    internal static ImmutableArray<Entity> WithPlacesAsWritten(string text, ImmutableArray<Entity> entities)
    {
        HashSet<string>? places = null;
        for (int i = 0; i + 1 < entities.Length; i++)
        {
            Entity place = entities[i];
            Entity province = entities[i + 1];
            ReadOnlySpan<char> abbreviation = province.Text.AsSpan();
            if (province.Type == EntityType.Location && abbreviation.Length is >= 2 and <= 6 && char.IsUpper(abbreviation[0])
                && (abbreviation[^1] == '.' || (province.Span.End < text.Length && text[province.Span.End] == '.'))
                && province.Span.Start == place.Span.End + 2 && text[place.Span.End] == ',' && text[place.Span.End + 1] == ' ')
            {
                (places ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(place.Text);
            }
        }

        if (places is null)
        {
            return entities;
        }

        var relabelled = entities.ToBuilder();
        for (int i = 0; i < relabelled.Count; i++)
        {
            if (relabelled[i].Type == EntityType.Person && places.Contains(relabelled[i].Text))
            {
                relabelled[i] = relabelled[i] with { Type = EntityType.Location };
            }
        }

        return relabelled.MoveToImmutable();
    }

    private static List<Mention> ListOf(EntityType type, List<Mention> people, List<Mention> organizations, List<Mention> locations) =>
        type == EntityType.Person ? people : type == EntityType.Organization ? organizations : locations;

    /// <summary>The spans of a group's mentions in text order (mentions at the same place in the order they joined).</summary>
    private static ImmutableArray<TextSpan> MentionSpans(List<Mention> mentions, ImmutableArray<Entity> entities)
    {
        var spans = new TextSpan[mentions.Count];
        long[]? rented = null;
        Span<long> keys = mentions.Count <= 64 ? stackalloc long[64] : (rented = ArrayPool<long>.Shared.Rent(mentions.Count));
        keys = keys[..mentions.Count];
        bool sorted = true;
        for (int i = 0; i < mentions.Count; i++)
        {
            spans[i] = entities[mentions[i].Entity].Span;
            keys[i] = ((long)mentions[i].Position << 32) | (uint)i; // unique: the sort is the stable one by position
            sorted &= i == 0 || keys[i] > keys[i - 1];
        }

        if (!sorted)
        {
            keys.Sort(spans.AsSpan());
        }

        if (rented is not null)
        {
            ArrayPool<long>.Shared.Return(rented);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(spans);
    }

    /// <summary>Finds the group a name belongs to, by the same rules as grouping; -1 when none fits.</summary>
    internal static int Resolve(IReadOnlyList<GroupBuilder> groups, PersonIndex people, string name, EntityType? type, int position)
    {
        // Without a type: person, then organisation, then place.
        int tries = type is null ? 3 : 1;
        for (int k = 0; k < tries; k++)
        {
            EntityType t = type ?? (k == 0 ? EntityType.Person : k == 1 ? EntityType.Organization : EntityType.Location);
            Mention? m = Parse(name, t, position, -1);
            if (m is null)
            {
                continue;
            }

            GroupBuilder? g = t == EntityType.Person ? people.Find(m) : FindByKey(groups, t, m.Key);
            if (g is not null)
            {
                return g.Index;
            }
        }

        return -1;
    }

    /// <summary>The first group of the type that has the key, or else the first whose acronym it is.</summary>
    private static GroupBuilder? FindByKey(IReadOnlyList<GroupBuilder> groups, EntityType type, string key)
    {
        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i].Type == type && groups[i].Keys.Contains(key))
            {
                return groups[i];
            }
        }

        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i].Type == type && groups[i].Acronym is string acronym && acronym == key)
            {
                return groups[i];
            }
        }

        return null;
    }

    private static void AssignPeople(List<Mention> people, PersonIndex index, List<GroupBuilder> builders)
    {
        // Fullest names first, so that a short mention finds the full name it belongs to.
        people.Sort(static (a, b) => a.Core.Length != b.Core.Length ? b.Core.Length.CompareTo(a.Core.Length) : a.Position.CompareTo(b.Position));
        foreach (Mention m in people)
        {
            GroupBuilder? g = index.Find(m);
            if (g is null)
            {
                g = new GroupBuilder(EntityType.Person);
                g.Add(m);
                index.Register(g);
                builders.Add(g);
            }
            else
            {
                g.Add(m);
            }
        }
    }

    /// <summary>A noun of kinship (sister, grandfather, husband): Lexicons/kin-nouns.txt.</summary>
    internal static bool IsKinNoun(ReadOnlySpan<char> word) => KinNouns.Contains(word);

    private static readonly SpanLexicon<bool> KinNouns = new(
        LexiconResources.ReadLines("kin-nouns.txt").Select(static r => new KeyValuePair<string, bool>(r[0], true)), ignoreCase: true);

    /// <summary>Whether only " and " (white space either side) lies between <paramref name="end"/> and <paramref name="start"/>.</summary>
    private static bool IsAndBetween(string text, int end, int start) =>
        start - end is >= 5 and <= 7 && text.AsSpan(end, start - end).Trim().Equals("and", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The word right before <paramref name="start"/> past one space, with a full stop after it as written (Mr. Brar:
    /// "Mr."), to be looked up as a title: a sentence's last word (… Stephen King. Smith said) is no title with its stop.
    /// </summary>
    private static ReadOnlySpan<char> HonorificBefore(ReadOnlySpan<char> text, int start)
    {
        int end = start - 1;
        if (end < 1 || text[end] != ' ')
        {
            return default;
        }

        int first = text[end - 1] == '.' ? end - 1 : end;
        while (first > 0 && char.IsLetter(text[first - 1]) && end - first < 12)
        {
            first--;
        }

        return first > 0 && char.IsLetter(text[first - 1]) ? default : text[first..end];
    }

    /// <summary>The most words between a name and the pronoun after it (Arsenault said he; Clinton faces pressure to show she).</summary>
    private const int MaxWordsToPronoun = 6;

    /// <summary>
    /// The gender of a "he" or "she" after <paramref name="end"/> within <see cref="MaxWordsToPronoun"/> words (the cue and
    /// what comes with it: Arsenault said he planned …); <see cref="Gender.Any"/> when a possessive follows the name
    /// (Walsh's lawyer said he), or a comma, a quote mark, a sentence's end, a capitalised word, a determiner or another
    /// pronoun (Tremblay said her husband hoped he …; said the doctor told them he …) comes first.
    /// </summary>
    internal static Gender PronounAfter(ReadOnlySpan<char> text, int end)
    {
        int i = end;
        if (i < text.Length && text[i] is '\'' or '\u2019')
        {
            return Gender.Any;
        }

        for (int words = 0; words <= MaxWordsToPronoun && i < text.Length; words++)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '\u2019'))
            {
                i++;
            }

            if (i == start || char.IsUpper(text[start]))
            {
                return Gender.Any; // (punctuation, a mark, a line's end, a number or a capitalised word)
            }

            ReadOnlySpan<char> w = text[start..i];
            // (a subject only: a possessive or an object is as often another's, Clinton called his vote irresponsible)
            if (w is "he")
            {
                return Gender.Male;
            }

            if (w is "she")
            {
                return Gender.Female;
            }

            if ((QuoteLexicons.ClassOf(w) & SpeakerWord.Determiner) != 0 || QuoteLexicons.IsPronounWord(w))
            {
                return Gender.Any; // (the, his, her, him, they: someone else may be meant)
            }
        }

        return Gender.Any;
    }

    /// <summary>
    /// The word before <paramref name="start"/>, past white space and a comma (her sister, Cheryl Keeash; the elder Dizon;
    /// spokeswoman Priya Nair): its letters and hyphens, at most 24.
    /// </summary>
    internal static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int start)
    {
        int first = WordStartBefore(text, start, out int end);
        return text[first..end];
    }

    /// <summary>Where the word <see cref="WordBefore"/> reads starts; <paramref name="end"/> is where it ends.</summary>
    private static int WordStartBefore(ReadOnlySpan<char> text, int start, out int end)
    {
        int i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i >= 0 && text[i] == ',')
        {
            i--;
        }

        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        end = i + 1;
        while (i >= 0 && i > end - 24 && (char.IsLetter(text[i]) || text[i] == '-'))
        {
            i--;
        }

        return i + 1;
    }

    /// <summary>
    /// Whether the noun of kinship before the name at <paramref name="start"/> has its owner before it (her parents, Réjean
    /// Cormier; Ana's husband, Luis): a possessive pronoun or a possessive name, not an article (the parents, Khizr and
    /// Ghazala Khan, of whom the story is).
    /// </summary>
    private static bool KinHasOwner(string text, int start)
    {
        int noun = WordStartBefore(text, start, out _);
        ReadOnlySpan<char> owner = WordBefore(text, noun);
        int ownerEnd = noun;
        while (ownerEnd > 0 && char.IsWhiteSpace(text[ownerEnd - 1]))
        {
            ownerEnd--;
        }

        bool possessiveName = ownerEnd >= 2 && (text[ownerEnd - 1] is 's' or 'S') && text[ownerEnd - 2] is '\'' or '\u2019';
        return possessiveName || owner.Equals("her", StringComparison.OrdinalIgnoreCase) || owner.Equals("his", StringComparison.OrdinalIgnoreCase)
            || owner.Equals("their", StringComparison.OrdinalIgnoreCase) || owner.Equals("our", StringComparison.OrdinalIgnoreCase) || owner.Equals("my", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Same person: surnames match (exactly or as variants), and the shorter list of other names fits into the longer.</summary>
    private static bool SameMultiWordName(string[] a, string[] b)
    {
        if (ConcatenationsEqual(a, b))
        {
            return true; // Lopez-Garcia = Lopez Garcia = LopezGarcia
        }

        if (!Similar(a[^1], b[^1]))
        {
            return false;
        }

        // The given names: all words but the surname.
        ReadOnlySpan<string> shortGiven = a.Length <= b.Length ? a.AsSpan(0, a.Length - 1) : b.AsSpan(0, b.Length - 1);
        ReadOnlySpan<string> longGiven = a.Length <= b.Length ? b.AsSpan(0, b.Length - 1) : a.AsSpan(0, a.Length - 1);
        int j = 0;
        foreach (string s in shortGiven)
        {
            while (j < longGiven.Length && !GivenMatch(s, longGiven[j]))
            {
                j++;
            }

            if (j == longGiven.Length)
            {
                return false;
            }

            j++;
        }

        // Both have given names: the first given names must agree (Qassem = Qasem, J = John), or the surname must be exact.
        return shortGiven.Length == 0 || GivenMatch(shortGiven[0], longGiven[0]) || a[^1] == b[^1];
    }

    /// <summary>Whether the words of <paramref name="a"/> written together are those of <paramref name="b"/> (string.Concat, without making the strings).</summary>
    private static bool ConcatenationsEqual(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        int lengthA = 0;
        foreach (string s in a)
        {
            lengthA += s.Length;
        }

        int lengthB = 0;
        foreach (string s in b)
        {
            lengthB += s.Length;
        }

        if (lengthA != lengthB)
        {
            return false;
        }

        int ai = 0, ao = 0, bi = 0, bo = 0;
        while (true)
        {
            while (ai < a.Length && ao == a[ai].Length)
            {
                ai++;
                ao = 0;
            }

            while (bi < b.Length && bo == b[bi].Length)
            {
                bi++;
                bo = 0;
            }

            if (ai == a.Length || bi == b.Length)
            {
                return ai == a.Length && bi == b.Length;
            }

            int n = Math.Min(a[ai].Length - ao, b[bi].Length - bo);
            if (!a[ai].AsSpan(ao, n).SequenceEqual(b[bi].AsSpan(bo, n)))
            {
                return false;
            }

            ao += n;
            bo += n;
        }
    }

    private static bool GivenMatch(string a, string b) =>
        Similar(a, b) || (a.Length == 1 && b.StartsWith(a[0])) || (b.Length == 1 && a.StartsWith(b[0]));

    /// <summary>Equal, or close in spelling: one edit for names of 5+ letters, two for 9+ (Qassem/Qasem, Gaddafi/Qaddafi).</summary>
    internal static bool Similar(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        int shorter = Math.Min(a.Length, b.Length);
        int allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
        return allowed > 0 && a[0] == b[0] ? EditDistance(a, b, allowed) <= allowed
            : allowed > 0 && shorter >= 6 && a.AsSpan(1).SequenceEqual(b.AsSpan(1));
    }

    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        int width = b.Length + 1;
        Span<int> prev = width <= 64 ? stackalloc int[64] : new int[width];
        Span<int> cur = width <= 64 ? stackalloc int[64] : new int[width];
        prev = prev[..width];
        cur = cur[..width];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            Span<int> swap = prev;
            prev = cur;
            cur = swap;
        }

        return prev[b.Length];
    }

    /// <summary>The distance from <paramref name="position"/> back to the nearest mention of <paramref name="g"/> before it (or, failing that, past int.MaxValue, to the first after it).</summary>
    private static long DistanceBefore(GroupBuilder g, int position)
    {
        int i = g.Positions.BinarySearch(position);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 ? position - g.Positions[i] : (long)g.Positions[0] - position + int.MaxValue;
    }

    private static void AssignByKey(List<Mention> mentions, List<GroupBuilder> builders, EntityType type, HashSet<string>? otherTypes = null)
    {
        otherTypes ??= [];
        var byKey = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        var created = new List<GroupBuilder>();
        mentions.Sort(static (a, b) => a.Core.Length != b.Core.Length ? b.Core.Length.CompareTo(a.Core.Length) : a.Position.CompareTo(b.Position));
        foreach (Mention m in mentions)
        {
            if (!byKey.TryGetValue(m.Key, out GroupBuilder? g))
            {
                // An acronym joins the name it abbreviates (UN = United Nations).
                g = null;
                foreach (GroupBuilder c in created)
                {
                    if (c.Acronym is string acronym && acronym == m.Key)
                    {
                        g = c;
                        break;
                    }
                }

                // Crestline, after Crestline Residential: an organisation's first word alone is its short form, when one
                // name of the article starts with it (and a space: not Microsoft-LinkedIn) and the word names no place or
                // person there (Trump is no short form of the Trump Train).
                if (g is null && type == EntityType.Organization && m.Core.Length == 1 && !IsOrganizationWord(m.Display) && !otherTypes.Contains(m.Key))
                {
                    foreach (GroupBuilder c in created)
                    {
                        if (c.Full.Length >= 2 && c.Full[0] == m.Key && c.DisplayName.StartsWith(m.Display + " ", StringComparison.Ordinal))
                        {
                            g = g is null ? c : null; // (two names start with it: neither)
                            if (g is null)
                            {
                                break;
                            }
                        }
                    }
                }

                if (g is null)
                {
                    g = new GroupBuilder(type);
                    created.Add(g);
                    builders.Add(g);
                }

                byKey[m.Key] = g;
            }

            g.Add(m);
        }
    }

    /// <summary>Reads a mention: strips titles and possessives, splits hyphens, lower-cases; null when nothing is left.</summary>
    private static Mention? Parse(string text, EntityType type, int position, int entity)
    {
        using var words = new MentionWords(text, stackalloc TextSpan[MentionWords.StackWords]);
        return words.Spans.IsEmpty ? null : Parse(text, words.Spans, type, position, entity);
    }

    private static Mention? Parse(string text, ReadOnlySpan<TextSpan> words, EntityType type, int position, int entity)
    {
        // The words kept: [first, end).
        int first = 0;
        int end = words.Length;
        string? honorific = null;
        if (type == EntityType.Person)
        {
            TitleLexicon titles = Titles;
            while (first < words.Length - 1)
            {
                int len = titles.Match(text, words, first, out bool isHonorific);
                if (len == 0 || first + len >= words.Length)
                {
                    break;
                }

                if (isHonorific)
                {
                    honorific = JoinWords(text, words.Slice(first, len));
                }

                first += len;
            }
        }
        else
        {
            if (words.Length > 1 && words[0].Slice(text).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                first = 1;
            }

            if (type == EntityType.Organization && end - first > 1 && IsLegalSuffix(words[end - 1].Slice(text).TrimEnd('.')))
            {
                end--;
            }
        }

        ReadOnlySpan<TextSpan> kept = words[first..end];
        ReadOnlySpan<TextSpan> shown = words[first..]; // the name as written, its legal form too (Lakeshore Senior Living Inc.)

        // The core: the words' hyphen-separated parts, full stops trimmed from their ends, lower case.
        int parts = 0;
        foreach (TextSpan w in kept)
        {
            ReadOnlySpan<char> rest = w.Slice(text);
            while (NextPart(ref rest, out _))
            {
                parts++;
            }
        }

        if (parts == 0)
        {
            return null;
        }

        var core = new string[parts];
        int at = 0;
        foreach (TextSpan w in kept)
        {
            ReadOnlySpan<char> rest = w.Slice(text);
            while (NextPart(ref rest, out ReadOnlySpan<char> part))
            {
                core[at++] = ToLowerInvariant(part);
            }
        }

        string display = JoinWords(text, shown);
        if (honorific is not null && core.Length == 1)
        {
            display = honorific + " " + display; // Lord Penrose, Ms Marsh: kept when no given name is known
        }

        string? acronym = null;
        if (type != EntityType.Person && core.Length >= 2)
        {
            Span<char> initials = core.Length <= 64 ? stackalloc char[64] : new char[core.Length];
            int n = 0;
            foreach (string w in core)
            {
                if (w is not ("of" or "the" or "and" or "for" or "&"))
                {
                    initials[n++] = w[0];
                }
            }

            acronym = n >= 2 ? new string(initials[..n]) : null;
        }

        string key = core.Length == 1 ? core[0] : string.Join(' ', core);
        Gender title = honorific is not null && QuoteLexicons.Titles.TryGetValue(honorific.AsSpan(0, honorific.IndexOf(' ') is int sp and > 0 ? sp : honorific.Length), out Gender g) ? g : Gender.Any;
        return new Mention(type, position, entity, core, key, display, acronym, Title: title);
    }

    /// <summary>
    /// The next hyphen-separated part of <paramref name="rest"/> with full stops trimmed from its end, skipping parts
    /// that are empty (as <c>Split('-', RemoveEmptyEntries)</c>, then <c>TrimEnd('.')</c>, keeping non-empty parts).
    /// </summary>
    private static bool NextPart(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> part)
    {
        while (!rest.IsEmpty)
        {
            int hyphen = rest.IndexOf('-');
            ReadOnlySpan<char> piece = hyphen < 0 ? rest : rest[..hyphen];
            rest = hyphen < 0 ? [] : rest[(hyphen + 1)..];
            piece = piece.TrimEnd('.');
            if (!piece.IsEmpty)
            {
                part = piece;
                return true;
            }
        }

        part = default;
        return false;
    }

    /// <summary>The characters lower-cased as <see cref="string.ToLowerInvariant()"/> does, as a new string.</summary>
    private static string ToLowerInvariant(ReadOnlySpan<char> chars)
    {
        if (chars.Length > StackChars)
        {
            return chars.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[StackChars];
        int n = chars.ToLowerInvariant(lower);
        return new string(lower[..n]);
    }

    /// <summary>The words joined by single spaces; the text itself when that is what it already is.</summary>
    private static string JoinWords(string text, ReadOnlySpan<TextSpan> words)
    {
        if (words.Length == 0)
        {
            return string.Empty;
        }

        int length = words.Length - 1;
        bool whole = words[0].Start == 0 && words[^1].End == text.Length;
        for (int i = 0; i < words.Length; i++)
        {
            length += words[i].Length;
            whole &= i == 0 || (words[i].Start == words[i - 1].End + 1 && text[words[i - 1].End] == ' ');
        }

        if (whole)
        {
            return text;
        }

        if (words.Length == 1)
        {
            return text.Substring(words[0].Start, words[0].Length);
        }

        char[]? rented = null;
        Span<char> chars = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        int at = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                chars[at++] = ' ';
            }

            words[i].Slice(text).CopyTo(chars[at..]);
            at += words[i].Length;
        }

        string joined = new(chars[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return joined;
    }

    /// <summary>
    /// Words of a mention: split at white space (no-break spaces too), possessive ’s and trailing apostrophes removed.
    /// Writes where each word is into <paramref name="words"/> (at least <see cref="MentionWords.Capacity"/> long).
    /// </summary>
    /// <returns>The number of words.</returns>
    private static int SplitWords(string text, Span<TextSpan> words)
    {
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\u00A0'))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !(char.IsWhiteSpace(text[i]) || text[i] == '\u00A0'))
            {
                i++;
            }

            if (i > start)
            {
                words[count++] = TextSpan.FromBounds(start, i);
            }
        }

        if (count > 0)
        {
            TextSpan lastSpan = words[count - 1];
            ReadOnlySpan<char> last = lastSpan.Slice(text);
            if (last.Length > 2 && (last.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || last.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
            {
                last = last[..^2];
            }

            last = last.TrimEnd(ApostropheChars);
            if (last.Length == 0)
            {
                count--;
            }
            else
            {
                words[count - 1] = new TextSpan(lastSpan.Start, last.Length);
            }

            if (count > 0 && words[count - 1].Slice(text) is var end && (end.SequenceEqual("'s") || end.SequenceEqual("\u2019s")))
            {
                count--;
            }
        }

        return count;
    }

    private const string ApostropheChars = "'\u2019";

    /// <summary>
    /// The words of a mention (<see cref="SplitWords"/>), in a buffer the caller gives from its stack, or in one
    /// rented from the array pool for a long mention; disposing returns it.
    /// </summary>
    private readonly ref struct MentionWords
    {
        /// <summary>The stack buffer the caller gives: enough for mentions of <see cref="StackChars"/> characters.</summary>
        public const int StackWords = (StackChars / 2) + 1;

        private readonly TextSpan[]? _rented;

        public MentionWords(string text, Span<TextSpan> stack)
        {
            Span<TextSpan> buffer = Capacity(text) <= stack.Length ? stack : (_rented = ArrayPool<TextSpan>.Shared.Rent(Capacity(text)));
            Spans = buffer[..SplitWords(text, buffer)];
        }

        /// <summary>Where the words are in the mention's text.</summary>
        public ReadOnlySpan<TextSpan> Spans { get; }

        /// <summary>The most words a text can have: one character and one space each.</summary>
        public static int Capacity(string text) => (text.Length / 2) + 1;

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<TextSpan>.Shared.Return(_rented);
            }
        }
    }

    /// <summary>A mention that starts with an honorific (Mr, Lady, Lord) followed by more words.</summary>
    private static bool StartsWithHonorific(string text)
    {
        using var split = new MentionWords(text, stackalloc TextSpan[MentionWords.StackWords]);
        ReadOnlySpan<TextSpan> words = split.Spans;
        return words.Length >= 2 && Titles.Match(text, words, 0, out bool honorific) is > 0 and var len && honorific && len < words.Length;
    }

    /// <summary>A mention made only of titles (Admiral, Prime Minister).</summary>
    private static bool IsTitleOnly(string text)
    {
        int space = text.AsSpan().IndexOfAny(' ', '\u00A0');
        if (!Titles.StartsTitle(space < 0 ? text : text.AsSpan(0, space)))
        {
            return false;
        }

        using var split = new MentionWords(text, stackalloc TextSpan[MentionWords.StackWords]);
        ReadOnlySpan<TextSpan> words = split.Spans;
        int at = 0;
        while (at < words.Length && Titles.Match(text, words, at, out TitleKind _) is > 0 and var len)
        {
            at += len;
        }

        return words.Length > 0 && at == words.Length;
    }

    /// <summary>
    /// A mention made only of titles and role nouns, after a leading "the": PM, the Prime Minister, Minister, the
    /// spokesman (<c>titles.txt</c>, <c>role-short-forms.txt</c>, and the singular role nouns of <c>speaker-words.txt</c>
    /// that are neither institutions nor modifiers: "the ministry" and "Police" are organisations).
    /// </summary>
    internal static bool IsRoleOnly(string text)
    {
        using var split = new MentionWords(text, stackalloc TextSpan[MentionWords.StackWords]);
        ReadOnlySpan<TextSpan> words = split.Spans;
        int at = words.Length > 1 && words[0].Slice(text).Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (at >= words.Length)
        {
            return false;
        }

        while (at < words.Length)
        {
            int len = Titles.Match(text, words, at, out TitleKind _);
            if (len > 0)
            {
                at += len;
                continue;
            }

            ReadOnlySpan<char> word = words[at].Slice(text).TrimEnd('.');
            if (!IsRoleNoun(word))
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static bool IsRoleNoun(ReadOnlySpan<char> word)
    {
        if (word.Length > StackChars)
        {
            return false;
        }

        Span<char> lower = stackalloc char[StackChars];
        lower = lower[..word.ToLowerInvariant(lower)];
        if (lower.Length <= 5 && QuoteLexicons.RoleShortForms.ContainsKey(lower.ToString()))
        {
            return true;
        }

        SpeakerWord c = QuoteLexicons.ClassOf(lower);
        return (c & SpeakerWord.Role) != 0 && (c & (SpeakerWord.Institution | SpeakerWord.Modifier)) == 0 && !(lower[^1] == 's' && !lower.EndsWith("ss"));
    }

    /// <summary>
    /// A name of two or more words whose last is an organisation's that never ends a person's name (Environment
    /// Agency, Home Office, Foreign Ministry, Acme Ltd): <c>org-suffixes.txt</c>, the words marked Legal or Body.
    /// </summary>
    internal static bool EndsWithOrganizationWord(string name)
    {
        using var split = new MentionWords(name, stackalloc TextSpan[MentionWords.StackWords]);
        ReadOnlySpan<TextSpan> words = split.Spans;
        return words.Length >= 2 && IsOrganizationWord(words[^1].Slice(name).TrimEnd('.'));
    }

    /// <summary>A word of <c>org-suffixes.txt</c> marked Legal or Body (Agency, Council, Ministry, Ltd).</summary>
    internal static bool IsOrganizationWord(ReadOnlySpan<char> word)
    {
        if (word.Length > StackChars)
        {
            return false;
        }

        Span<char> lower = stackalloc char[StackChars];
        int n = word.ToLowerInvariant(lower);
        return OrganizationWords.Value.Contains(lower[..n]);
    }

    private static bool IsSpaceBetween(string text, int from, int to)
    {
        if (to <= from)
        {
            return to == from;
        }

        foreach (char c in text.AsSpan(from, to - from))
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string CleanSpaces(string text)
    {
        if (text.AsSpan().IndexOfAny('\u00A0', '\t', '\n') < 0 && !text.Contains("  ", StringComparison.Ordinal) && text.AsSpan().Trim().Length == text.Length)
        {
            return text;
        }

        using var words = new MentionWords(text, stackalloc TextSpan[MentionWords.StackWords]);
        return JoinWords(text, words.Spans);
    }

    /// <summary>An organisation's legal suffix (Inc, Ltd), compared as <see cref="string.ToLowerInvariant()"/> of the word.</summary>
    private static bool IsLegalSuffix(ReadOnlySpan<char> word)
    {
        if (word.Length > StackChars)
        {
            return LegalSuffixes.Value.Contains(word.ToString().ToLowerInvariant());
        }

        Span<char> lower = stackalloc char[StackChars];
        int n = word.ToLowerInvariant(lower);
        return LegalSuffixes.Value.Contains(lower[..n]);
    }

    private static SpanLexicon<bool> LoadLegalSuffixes() => LoadSuffixes(legalOnly: true);

    private static SpanLexicon<bool> LoadSuffixes(bool legalOnly)
    {
        var set = new List<KeyValuePair<string, bool>>();
        foreach (string[] row in LexiconResources.ReadLines("org-suffixes.txt"))
        {
            if (row.Length > 1 && (row[1].Equals("Legal", StringComparison.OrdinalIgnoreCase) || (!legalOnly && row[1].Equals("Body", StringComparison.OrdinalIgnoreCase))))
            {
                set.Add(new(row[0].ToLowerInvariant(), true));
            }
        }

        return new SpanLexicon<bool>(set, ignoreCase: false);
    }

    /// <summary>
    /// A mention as the grouper reads it: its lower-case core words and key, its name as shown, and what it says of the
    /// person: <see cref="Kin"/> when the name stands in apposition to a noun of kinship (her sister, Cheryl Keeash; his
    /// daughter, Brynn), <see cref="Elder"/> when a surname alone follows "elder" or "younger" (the elder Dizon: the
    /// relative is meant), <see cref="Title"/> the gender its honorific gives (Mr Brar, Ms Marsh) and, for a name of one
    /// or two words, <see cref="Pronoun"/> the gender of a "he" or "she" after it in its clause before any other name
    /// (Arsenault said he planned …).
    /// </summary>
    internal sealed record Mention(EntityType Type, int Position, int Entity, string[] Core, string Key, string Display, string? Acronym, bool Kin = false, bool Elder = false,
        Gender Title = Gender.Any, Gender Pronoun = Gender.Any);

    /// <summary>A group being built.</summary>
    internal sealed class GroupBuilder(EntityType type)
    {
        public EntityType Type { get; } = type;

        public List<Mention> Mentions { get; } = [];

        /// <summary>Where its mentions are, sorted.</summary>
        public List<int> Positions { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        /// <summary>The fullest name's words, lower case: set by the first mention (the fullest, as mentions come longest first).</summary>
        public string[] Full { get; private set; } = [];

        public string DisplayName { get; private set; } = string.Empty;

        public string? Acronym { get; private set; }

        public int Index { get; set; } = -1;

        /// <summary>A mention of the person introduced them as someone's relative (his daughter, Carla Hiltz; his daughter, Brynn).</summary>
        public bool Kin { get; private set; }

        /// <summary>The gender an honorific of a mention gave (Ms Brar), or the fullest name's given name by the lists; <see cref="Gender.Any"/> if neither.</summary>
        public Gender Gender
        {
            get
            {
                if (_title != Gender.Any)
                {
                    return _title;
                }

                int space = DisplayName.IndexOf(' ', StringComparison.Ordinal);
                return Full.Length >= 2 && space > 0 && QuoteLexicons.TryGetFirstNameGender(DisplayName.AsSpan(0, space), out Gender g) ? g : Gender.Any;
            }
        }

        private Gender _title;

        public void Add(Mention m)
        {
            Mentions.Add(m);
            int at = Positions.BinarySearch(m.Position);
            Positions.Insert(at >= 0 ? at : ~at, m.Position);
            Keys.Add(m.Key);
            Kin |= m.Kin; // introduced as someone's relative (his daughter, Brynn), whatever the fuller name later
            _title = _title == Gender.Any ? m.Title : _title;
            if (Full.Length == 0 || m.Core.Length > Full.Length)
            {
                Full = m.Core;
                DisplayName = m.Display;
                Acronym ??= m.Acronym;
            }
            else if (m.Core.Length == Full.Length && m.Display.Length > DisplayName.Length
                && (!DisplayName.Contains(' ', StringComparison.Ordinal) || Type == EntityType.Organization))
            {
                DisplayName = m.Display; // Marsh, then Ms Marsh: the name with its honorific; Norvale Nickel Corp., its legal form
            }
        }
    }

    /// <summary>The person groups, indexed by surname and by given name.</summary>
    internal sealed class PersonIndex
    {
        private readonly List<GroupBuilder> _all = [];
        private readonly Dictionary<string, List<GroupBuilder>> _bySurname = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<GroupBuilder>> _byGiven = new(StringComparer.Ordinal);

        public void Register(GroupBuilder g)
        {
            _all.Add(g);
            Append(_bySurname, g.Full[^1], g);
            if (g.Full.Length >= 2)
            {
                Append(_byGiven, g.Full[0], g);
            }
        }

        /// <summary>The group a person mention belongs to, or null.</summary>
        public GroupBuilder? Find(Mention m)
        {
            string[] c = m.Core;
            if (c.Length >= 2)
            {
                // The same surname (or a variant) and compatible given names; of two people of the name (Van Dusen, and her
                // father Pieter Van Dusen), not the relative, and one of the gender the mention gives.
                GroupBuilder? exact = _bySurname.TryGetValue(c[^1], out List<GroupBuilder>? same)
                    ? NearestSameName(same.Count > 1 ? WithoutRelatives(OfGender(same.FindAll(g => g.Full.Length >= 2 && SameMultiWordName(c, g.Full)), m)) : same, c, m.Position)
                    : null;
                return exact ?? NearestSameName(_all, c, m.Position);
            }

            string t = c[0];
            if (_bySurname.TryGetValue(t, out List<GroupBuilder>? surname))
            {
                // (Mr. Brar is not Jasmine Brar; Arsenault said he …: the man of the name, not his wife)
                List<GroupBuilder> fitting = OfGender(surname, m);
                return Nearest(m.Elder ? fitting : WithoutRelatives(fitting), m.Position);
            }

            if (_byGiven.TryGetValue(t, out List<GroupBuilder>? given))
            {
                return Nearest(given, m.Position);
            }

            // A surname alone, spelled a little differently (Qasem), or the given names written together (LopezGarcia).
            GroupBuilder? best = null;
            long bestDistance = long.MaxValue;
            foreach (GroupBuilder g in _all)
            {
                if (g.Full.Length < 2)
                {
                    continue;
                }

                long d = DistanceBefore(g, m.Position);
                if (d < bestDistance && (Similar(g.Full[^1], t) || ConcatenationsEqual(g.Full.AsSpan(1), new ReadOnlySpan<string>(in t))))
                {
                    bestDistance = d;
                    best = g;
                }
            }

            return best;
        }

        /// <summary>
        /// The candidates whose gender fits the one the mention gives by its honorific or the pronoun after it; all of them
        /// when it gives none, when there is one, or when none fits (the name lists call Lindsey and Carey women's names:
        /// Mr. Graham is still Lindsey Graham).
        /// </summary>
        private static List<GroupBuilder> OfGender(List<GroupBuilder> candidates, Mention m)
        {
            Gender wanted = m.Title != Gender.Any ? m.Title : m.Pronoun;
            if (wanted == Gender.Any || candidates.Count < 2)
            {
                return candidates;
            }

            List<GroupBuilder> fitting = candidates.FindAll(g => g.Gender == Gender.Any || g.Gender == wanted);
            return fitting.Count > 0 ? fitting : candidates;
        }

        /// <summary>
        /// The candidates not introduced as someone's relative, when there are both kinds: a surname alone means the
        /// person the story is about (Tanis Kakekayash’s grandmother, Sophia Kakekayash, … Kakekayash, 38, said).
        /// </summary>
        private static List<GroupBuilder> WithoutRelatives(List<GroupBuilder> candidates)
        {
            if (candidates.Count < 2 || candidates.TrueForAll(static g => g.Kin) || !candidates.Exists(static g => g.Kin))
            {
                return candidates;
            }

            return candidates.FindAll(static g => !g.Kin);
        }

        /// <summary>The candidate with a mention nearest before <paramref name="position"/> (or, failing that, nearest after it).</summary>
        private static GroupBuilder? Nearest(List<GroupBuilder> candidates, int position)
        {
            GroupBuilder? best = null;
            long bestDistance = long.MaxValue;
            foreach (GroupBuilder g in candidates)
            {
                long d = DistanceBefore(g, position);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = g;
                }
            }

            return best;
        }

        /// <summary>The nearest candidate (as <see cref="Nearest"/>) of two or more words that names the same person as <paramref name="core"/>.</summary>
        private static GroupBuilder? NearestSameName(List<GroupBuilder> candidates, string[] core, int position)
        {
            GroupBuilder? best = null;
            long bestDistance = long.MaxValue;
            foreach (GroupBuilder g in candidates)
            {
                if (g.Full.Length < 2)
                {
                    continue;
                }

                // The distance first: the name comparison only for a candidate that would be nearer.
                long d = DistanceBefore(g, position);
                if (d < bestDistance && SameMultiWordName(core, g.Full))
                {
                    bestDistance = d;
                    best = g;
                }
            }

            return best;
        }

        private static void Append(Dictionary<string, List<GroupBuilder>> index, string key, GroupBuilder g)
        {
            if (!index.TryGetValue(key, out List<GroupBuilder>? list))
            {
                index[key] = list = [];
            }

            list.Add(g);
        }
    }
}

/// <summary>
/// The result of <see cref="EntityGrouper.Group"/>: the named entities, the groups, which group each
/// entity is in, and look-ups for the quote attributor (the group of a span, or of a name it found itself).
/// </summary>
internal sealed class EntityGrouping
{
    private readonly SegmentedText _text;
    private readonly IReadOnlyList<EntityGrouper.GroupBuilder> _builders;
    private readonly EntityGrouper.PersonIndex _people;

    internal EntityGrouping(
        SegmentedText text,
        ImmutableArray<Entity> entities,
        ImmutableArray<EntityGroup> groups,
        ImmutableArray<int> entityGroups,
        IReadOnlyList<EntityGrouper.GroupBuilder> builders,
        EntityGrouper.PersonIndex people)
    {
        _text = text;
        _people = people;
        Entities = entities;
        Groups = groups;
        EntityGroups = entityGroups;
        _builders = builders;
    }

    /// <summary>The entities in text order, each named after its group.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The people, organisations and places, in order of first mention. Their <see cref="EntityGroup.Quotes"/> are empty.</summary>
    public ImmutableArray<EntityGroup> Groups { get; }

    /// <summary>For each entity, the index of its group in <see cref="Groups"/>, or -1 (MISC entities).</summary>
    public ImmutableArray<int> EntityGroups { get; }

    /// <summary>
    /// The group of a span of the text: the group of the entity that overlaps it most; otherwise the
    /// span's words are resolved as a name (<see cref="FindGroup(string, EntityType?, int)"/>). -1 when none.
    /// </summary>
    /// <param name="span">A span of the grouped text, such as a speaker mention "Ms Marsh".</param>
    /// <param name="type">Restrict to one type; null for any.</param>
    public int FindGroup(TextSpan span, EntityType? type = null)
    {
        int best = -1;
        int bestOverlap = 0;

        // Entities are in text order and do not overlap: start at the first that ends after the span starts.
        int lo = 0;
        int hi = Entities.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Entities[mid].Span.End <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo; i < Entities.Length; i++)
        {
            TextSpan e = Entities[i].Span;
            if (e.Start >= span.End)
            {
                break;
            }

            int overlap = Math.Min(e.End, span.End) - Math.Max(e.Start, span.Start);
            if (overlap > bestOverlap && EntityGroups[i] >= 0 && (type is null || Groups[EntityGroups[i]].Type == type))
            {
                best = EntityGroups[i];
                bestOverlap = overlap;
            }
        }

        if (best >= 0)
        {
            return best;
        }

        if (span.Start < 0 || span.End > _text.Text.Length)
        {
            return -1;
        }

        return FindGroup(_text.Text.Substring(span.Start, span.Length), type, span.Start);
    }

    /// <summary>
    /// The group a name belongs to by the grouping rules (titles stripped, surname or given name alone,
    /// spelling variants, acronyms): "Ms Marsh", "General Rahimi", "UN". -1 when none fits.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <param name="type">Restrict to one type; null tries person, then organisation, then place.</param>
    /// <param name="position">Where the name occurs (to pick the nearest of several candidates); -1 if unknown.</param>
    public int FindGroup(string name, EntityType? type = null, int position = -1)
    {
        ArgumentNullException.ThrowIfNull(name);
        return EntityGrouper.Resolve(_builders, _people, name, type, position < 0 ? int.MaxValue / 2 : position);
    }
}
