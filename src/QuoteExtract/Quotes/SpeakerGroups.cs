using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using QuoteExtract.Entities;

namespace QuoteExtract.Quotes;

/// <summary>
/// Joins speakers to the entity groups: a name mention joins the group of the entity it overlaps, a
/// pronoun or role joins the group of the name it resolved to, and the speaker is then named after
/// the group (Ms Marsh → Helen Marsh). Speakers no group holds (the spokesman of someone, an
/// unnamed commander) become groups of their own, so every quote has its speaker in the list.
/// </summary>
internal sealed class SpeakerGroups(EntityGrouping grouping)
{
    /// <summary>Per entity group, the speaker mentions and quotes that joined it; null until one does (most never do).</summary>
    private readonly (List<TextSpan> Mentions, List<int> Quotes)?[] _entityGroups = new (List<TextSpan>, List<int>)?[grouping.Groups.Length];

    private readonly Dictionary<string, (EntityType Type, HashSet<TextSpan> Mentions, List<int> Quotes)> _own = new(System.StringComparer.Ordinal);

    /// <summary>The speakers' own groups that a name joined, not only role phrases (a neighbour, the judge).</summary>
    private readonly HashSet<string> _ownNamed = new(System.StringComparer.Ordinal);
    private readonly List<string> _ownOrder = [];

    /// <summary>The speaker named after its groups; records quote <paramref name="quote"/> on each.</summary>
    public ResolvedSpeaker Join(ResolvedSpeaker speaker, int quote)
    {
        var names = ImmutableArray.CreateBuilder<string>(speaker.Names.Length);
        foreach (string name in speaker.Names)
        {
            int g = speaker.Kind switch
            {
                // Saskatchewan Energy Minister Brent Halvorsen: a person's mention joins the person it names, not a longer organisation in it.
                MentionKind.Name when speaker.Names.Length == 1 && speaker.IsPerson && grouping.FindGroup(speaker.Mention, EntityType.Person) is int person and >= 0 => person,
                MentionKind.Name when speaker.Names.Length == 1 => grouping.FindGroup(speaker.Mention),
                MentionKind.Phrase => -1,
                _ => grouping.FindGroup(name, null, speaker.Mention.Start),
            };
            // Ontario Provincial Police, Manitoba RCMP: an organisation's name with a place in it (the tagger's only
            // entity there) is the organisation's own group, not the place's.
            if (g >= 0 && speaker.Kind == MentionKind.Name && !speaker.IsPerson && grouping.Groups[g].Type == EntityType.Location
                && name.Length > grouping.Groups[g].Name.Length && name.Contains(grouping.Groups[g].Name, StringComparison.Ordinal) && IsNameLike(name))
            {
                g = -1;
            }

            // Sandeep Virk, a technology analyst, said: a person the tagger called a place is a person of their own.
            if (g >= 0 && speaker.Kind == MentionKind.Name && speaker.IsPerson && grouping.Groups[g].Type == EntityType.Location && name == grouping.Groups[g].Name)
            {
                g = -1;
            }

            if (g >= 0)
            {
                (List<TextSpan> mentions, List<int> quotes) = _entityGroups[g] ??= ([], []);
                mentions.Add(speaker.Mention);
                quotes.Add(quote);
                names.Add(grouping.Groups[g].Name);
                continue;
            }

            if (!_own.TryGetValue(name, out var own))
            {
                own = (speaker.IsPerson ? EntityType.Person : EntityType.Organization, [], []);
                _own[name] = own;
                _ownOrder.Add(name);
            }

            if (speaker.Kind != MentionKind.Phrase)
            {
                _ownNamed.Add(name);
            }

            own.Mentions.Add(speaker.Mention);
            own.Quotes.Add(quote);
            names.Add(name);
        }

        return speaker with { Names = names.MoveToImmutable() };
    }

    /// <summary>No word of a headline in it: a cue's form (Say Mexico, Urges Britain) or a long word in capitals (ROLL TIDE Alabama).</summary>
    private static bool IsNameLike(string name)
    {
        foreach (string word in name.Split(' '))
        {
            if (QuoteLexicons.CueVerbs.Contains(word) || (word.Length >= 5 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))) // (the lexicon ignores case)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Per group of <see cref="Build"/>, whether it is a speaker's own group made only of role phrases (a neighbour, the
    /// agency's director): someone the article never names.
    /// </summary>
    public bool[] RoleGroups()
    {
        var roles = new bool[grouping.Groups.Length + _ownOrder.Count];
        for (int i = 0; i < _ownOrder.Count; i++)
        {
            roles[grouping.Groups.Length + i] = !_ownNamed.Contains(_ownOrder[i]);
        }

        return roles;
    }

    /// <summary>The entity groups with their speaker mentions and quotes, then the speakers' own groups.</summary>
    public ImmutableArray<EntityGroup> Build()
    {
        var result = ImmutableArray.CreateBuilder<EntityGroup>(grouping.Groups.Length + _ownOrder.Count);
        for (int g = 0; g < grouping.Groups.Length; g++)
        {
            EntityGroup group = grouping.Groups[g];
            if (_entityGroups[g] is not (List<TextSpan> mentions, List<int> quotes))
            {
                result.Add(group);
                continue;
            }

            result.Add(group with
            {
                Mentions = SortedDistinct(group.Mentions, mentions),
                Quotes = [.. quotes.Distinct()],
            });
        }

        foreach (string name in _ownOrder)
        {
            var own = _own[name];
            result.Add(new EntityGroup
            {
                Name = name,
                Type = own.Type,
                Mentions = [.. own.Mentions.OrderBy(m => m.Start)],
                Quotes = [.. own.Quotes.Distinct()],
            });
        }

        return result.MoveToImmutable();
    }

    /// <summary>The spans of both, each once, by start and then length.</summary>
    private static ImmutableArray<TextSpan> SortedDistinct(ImmutableArray<TextSpan> first, List<TextSpan> second)
    {
        var all = new TextSpan[first.Length + second.Count];
        first.CopyTo(all);
        second.CopyTo(all, first.Length);
        Array.Sort(all, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        int n = 0;
        foreach (TextSpan span in all)
        {
            if (n == 0 || span != all[n - 1])
            {
                all[n++] = span; // equal spans are next to each other once sorted
            }
        }

        return n == all.Length ? ImmutableCollectionsMarshal.AsImmutableArray(all) : ImmutableArray.Create(all, 0, n);
    }
}
