using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace QuoteExtract.Entities;

/// <summary>
/// Groups an article's entity mentions into its people, organisations and places: Helen Marsh /
/// Ms Marsh / Marsh / Helen; Mohammed Rahimi / Mohamed Rahimi / General Rahimi; Ana Maria Lopez-Garcia /
/// Ana Maria Lopez Garcia; United Nations / UN. Rules, not lists of names: titles come off (the title lexicon),
/// hyphens count as spaces, a surname or given name alone joins the fullest name it fits (the nearest
/// one before it when several fit), and spelling variants within a small edit distance match.
/// </summary>
internal static class EntityGrouper
{
    private static TitleLexicon Titles => TitleLexicon.Default;
    private static readonly Lazy<HashSet<string>> LegalSuffixes = new(LoadLegalSuffixes);

    /// <summary>Groups <paramref name="entities"/> (tagger output, in text order) and names each after its group.</summary>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">The mentions.</param>
    /// <returns>The entities with <see cref="Entity.Name"/> set to their group's name, the groups, and a resolver.</returns>
    public static EntityGrouping Group(SegmentedText text, ImmutableArray<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<Mention>(entities.Length);
        var types = new EntityType[entities.Length];
        var titleBefore = new int[entities.Length]; // a title-only mention right before entity i ("Admiral" + "Lord Penrose")
        Array.Fill(titleBefore, -1);
        for (int i = 0; i < entities.Length; i++)
        {
            Entity e = entities[i];
            types[i] = e.Type;
            if (e.Type == EntityType.Miscellaneous)
            {
                continue;
            }

            string mentionText = e.Text;
            if (e.Type != EntityType.Person && StartsWithHonorific(e.Text))
            {
                types[i] = EntityType.Person; // Lord Penrose, Mr Burns: a person whatever the tagger said
            }

            if (i > 0 && titleBefore[i] < 0 && entities[i - 1].Type == EntityType.Person && IsTitleOnly(entities[i - 1].Text)
                && IsSpaceBetween(text.Text, entities[i - 1].Span.End, e.Span.Start))
            {
                titleBefore[i] = i - 1;
                types[i] = EntityType.Person;
                mentionText = entities[i - 1].Text + " " + e.Text;
            }

            Mention? m = Parse(mentionText, types[i], e.Span.Start, i);
            if (m is not null)
            {
                mentions.Add(m);
            }
        }

        // A title-only mention that heads the next one is read with it, not on its own.
        mentions.RemoveAll(m => m.Entity + 1 < entities.Length && titleBefore[m.Entity + 1] == m.Entity);

        var builders = new List<GroupBuilder>();
        var people = new PersonIndex();
        AssignPeople(mentions.FindAll(m => m.Type == EntityType.Person), people, builders);
        AssignByKey(mentions.FindAll(m => m.Type == EntityType.Organization), builders, EntityType.Organization);
        AssignByKey(mentions.FindAll(m => m.Type == EntityType.Location), builders, EntityType.Location);

        // Groups in order of first mention.
        builders.Sort((a, b) => a.Positions[0].CompareTo(b.Positions[0]));
        var entityGroup = new int[entities.Length];
        Array.Fill(entityGroup, -1);
        var groups = ImmutableArray.CreateBuilder<EntityGroup>(builders.Count);
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

            groups.Add(new EntityGroup
            {
                Name = b.DisplayName,
                Type = b.Type,
                Mentions = b.Mentions.OrderBy(m => m.Position).Select(m => entities[m.Entity].Span).ToImmutableArray(),
                Quotes = [],
            });
        }

        ImmutableArray<Entity>.Builder named = ImmutableArray.CreateBuilder<Entity>(entities.Length);
        for (int i = 0; i < entities.Length; i++)
        {
            Entity e = entities[i];
            string name = entityGroup[i] >= 0 ? groups[entityGroup[i]].Name : CleanSpaces(e.Text);
            EntityType type = entityGroup[i] >= 0 ? groups[entityGroup[i]].Type : e.Type;
            named.Add(name == e.Name && type == e.Type ? e : e with { Name = name, Type = type });
        }

        return new EntityGrouping(text, named.MoveToImmutable(), groups.MoveToImmutable(), entityGroup.ToImmutableArray(), builders, people);
    }

    /// <summary>Finds the group a name belongs to, by the same rules as grouping; -1 when none fits.</summary>
    internal static int Resolve(IReadOnlyList<GroupBuilder> groups, PersonIndex people, string name, EntityType? type, int position)
    {
        EntityType[] types = type is null ? [EntityType.Person, EntityType.Organization, EntityType.Location] : [type.Value];
        foreach (EntityType t in types)
        {
            Mention? m = Parse(name, t, position, -1);
            if (m is null)
            {
                continue;
            }

            GroupBuilder? g = t == EntityType.Person
                ? people.Find(m)
                : groups.FirstOrDefault(b => b.Type == t && b.Keys.Contains(m.Key));
            if (g is null && t != EntityType.Person)
            {
                g = groups.FirstOrDefault(b => b.Type == t && b.Acronym is not null && b.Acronym == m.Key);
            }

            if (g is not null)
            {
                return g.Index;
            }
        }

        return -1;
    }

    private static void AssignPeople(List<Mention> people, PersonIndex index, List<GroupBuilder> builders)
    {
        // Fullest names first, so that a short mention finds the full name it belongs to.
        people.Sort((a, b) => a.Core.Length != b.Core.Length ? b.Core.Length.CompareTo(a.Core.Length) : a.Position.CompareTo(b.Position));
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

    /// <summary>Same person: surnames match (exactly or as variants), and the shorter list of other names fits into the longer.</summary>
    private static bool SameMultiWordName(string[] a, string[] b)
    {
        if (Concatenated(a) == Concatenated(b))
        {
            return true; // Lopez-Garcia = Lopez Garcia = LopezGarcia
        }

        if (!Similar(a[^1], b[^1]))
        {
            return false;
        }

        string[] shortGiven = a.Length <= b.Length ? a[..^1] : b[..^1];
        string[] longGiven = a.Length <= b.Length ? b[..^1] : a[..^1];
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
            : allowed > 0 && shorter >= 6 && a[1..] == b[1..];
    }

    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
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

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    /// <summary>The candidate with a mention nearest before <paramref name="position"/> (or, failing that, nearest after it).</summary>
    private static GroupBuilder? Nearest(IEnumerable<GroupBuilder> candidates, int position)
    {
        GroupBuilder? best = null;
        long bestDistance = long.MaxValue;
        foreach (GroupBuilder g in candidates)
        {
            int i = g.Positions.BinarySearch(position);
            i = i >= 0 ? i : ~i - 1;
            long d = i >= 0 ? position - g.Positions[i] : (long)g.Positions[0] - position + int.MaxValue;
            if (d < bestDistance)
            {
                bestDistance = d;
                best = g;
            }
        }

        return best;
    }

    private static void AssignByKey(List<Mention> mentions, List<GroupBuilder> builders, EntityType type)
    {
        var byKey = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        var created = new List<GroupBuilder>();
        mentions.Sort((a, b) => a.Core.Length != b.Core.Length ? b.Core.Length.CompareTo(a.Core.Length) : a.Position.CompareTo(b.Position));
        foreach (Mention m in mentions)
        {
            if (!byKey.TryGetValue(m.Key, out GroupBuilder? g))
            {
                // An acronym joins the name it abbreviates (UN = United Nations).
                g = created.FirstOrDefault(c => c.Acronym is not null && c.Acronym == m.Key);
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
        List<string> words = SplitWords(text);
        if (words.Count == 0)
        {
            return null;
        }

        string? honorific = null;
        if (type == EntityType.Person)
        {
            TitleLexicon titles = Titles;
            int start = 0;
            while (start < words.Count - 1)
            {
                int len = titles.Match(words, start, out bool isHonorific);
                if (len == 0 || start + len >= words.Count)
                {
                    break;
                }

                if (isHonorific)
                {
                    honorific = string.Join(' ', words.Skip(start).Take(len));
                }

                start += len;
            }

            words = words.Skip(start).ToList();
        }
        else
        {
            if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                words.RemoveAt(0);
            }

            if (type == EntityType.Organization && words.Count > 1 && LegalSuffixes.Value.Contains(words[^1].TrimEnd('.').ToLowerInvariant()))
            {
                words.RemoveAt(words.Count - 1);
            }
        }

        var core = new List<string>();
        foreach (string w in words)
        {
            foreach (string part in w.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                string p = part.TrimEnd('.').ToLowerInvariant();
                if (p.Length > 0)
                {
                    core.Add(p);
                }
            }
        }

        if (core.Count == 0)
        {
            return null;
        }

        string display = string.Join(' ', words);
        if (honorific is not null && core.Count == 1)
        {
            display = honorific + " " + display; // Lord Penrose, Ms Marsh: kept when no given name is known
        }

        string? acronym = null;
        if (type != EntityType.Person && core.Count >= 2)
        {
            var sb = new StringBuilder();
            foreach (string w in core)
            {
                if (w is not ("of" or "the" or "and" or "for" or "&"))
                {
                    sb.Append(w[0]);
                }
            }

            acronym = sb.Length >= 2 ? sb.ToString() : null;
        }

        return new Mention(type, position, entity, core.ToArray(), string.Join(' ', core), display, acronym);
    }

    /// <summary>Words of a mention: split at white space (no-break spaces too), possessive ’s and trailing apostrophes removed.</summary>
    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
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
                words.Add(text[start..i]);
            }
        }

        if (words.Count > 0)
        {
            string last = words[^1];
            if (last.Length > 2 && (last.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || last.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
            {
                last = last[..^2];
            }

            last = last.TrimEnd('\'', '\u2019');
            if (last.Length == 0)
            {
                words.RemoveAt(words.Count - 1);
            }
            else
            {
                words[^1] = last;
            }

            if (words.Count > 0 && words[^1] is "'s" or "\u2019s")
            {
                words.RemoveAt(words.Count - 1);
            }
        }

        return words;
    }

    /// <summary>A mention that starts with an honorific (Mr, Lady, Lord) followed by more words.</summary>
    private static bool StartsWithHonorific(string text)
    {
        List<string> words = SplitWords(text);
        return words.Count >= 2 && Titles.Match(words, 0, out bool honorific) is > 0 and var len && honorific && len < words.Count;
    }

    /// <summary>A mention made only of titles (Admiral, Prime Minister).</summary>
    private static bool IsTitleOnly(string text)
    {
        int space = text.AsSpan().IndexOfAny(' ', '\u00A0');
        if (!Titles.StartsTitle(space < 0 ? text : text[..space]))
        {
            return false;
        }

        List<string> words = SplitWords(text);
        int at = 0;
        while (at < words.Count && Titles.Match(words, at, out TitleKind _) is > 0 and var len)
        {
            at += len;
        }

        return words.Count > 0 && at == words.Count;
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

    private static string Concatenated(string[] core) => string.Concat(core);

    private static string CleanSpaces(string text) =>
        text.AsSpan().IndexOfAny('\u00A0', '\t', '\n') < 0 && !text.Contains("  ", StringComparison.Ordinal) && text.Trim().Length == text.Length
            ? text
            : string.Join(' ', SplitWords(text));

    private static HashSet<string> LoadLegalSuffixes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] row in QuoteExtract.Text.LexiconResources.ReadLines("org-suffixes.txt"))
        {
            if (row.Length > 1 && row[1].Equals("Legal", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(row[0].ToLowerInvariant());
            }
        }

        return set;
    }

    /// <summary>A mention as the grouper sees it.</summary>
    internal sealed record Mention(EntityType Type, int Position, int Entity, string[] Core, string Key, string Display, string? Acronym);

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

        public void Add(Mention m)
        {
            Mentions.Add(m);
            int at = Positions.BinarySearch(m.Position);
            Positions.Insert(at >= 0 ? at : ~at, m.Position);
            Keys.Add(m.Key);
            if (Full.Length == 0 || m.Core.Length > Full.Length)
            {
                Full = m.Core;
                DisplayName = m.Display;
                Acronym ??= m.Acronym;
            }
            else if (m.Core.Length == Full.Length && m.Display.Length > DisplayName.Length && !DisplayName.Contains(' ', StringComparison.Ordinal))
            {
                DisplayName = m.Display; // Marsh, then Ms Marsh: the name with its honorific
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
                // The same surname (or a variant) and compatible given names.
                GroupBuilder? exact = _bySurname.TryGetValue(c[^1], out List<GroupBuilder>? same)
                    ? Nearest(same.Where(g => g.Full.Length >= 2 && SameMultiWordName(c, g.Full)), m.Position)
                    : null;
                return exact ?? Nearest(_all.Where(g => g.Full.Length >= 2 && SameMultiWordName(c, g.Full)), m.Position);
            }

            string t = c[0];
            if (_bySurname.TryGetValue(t, out List<GroupBuilder>? surname))
            {
                return Nearest(surname, m.Position);
            }

            if (_byGiven.TryGetValue(t, out List<GroupBuilder>? given))
            {
                return Nearest(given, m.Position);
            }

            return Nearest(_all.Where(g => g.Full.Length >= 2 && (Similar(g.Full[^1], t) || string.Concat(g.Full[1..]) == t)), m.Position);
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
