using System;
using System.Collections.Generic;

namespace QuoteExtract.Entities;

/// <summary>How entity boundaries are encoded in token labels.</summary>
internal enum LabelScheme : byte
{
    /// <summary>B- begins, I- continues (IOB2).</summary>
    Bio = 0,

    /// <summary>B- begins, I- continues, L- ends a multi-token entity, U- is a one-token entity.</summary>
    Bilou = 1,
}

/// <summary>The labels of a tagger: O first, then B/I(/L/U) for each type, with the transitions allowed between them.</summary>
internal sealed class NerLabels
{
    private readonly int[][] _predecessors;

    private NerLabels(LabelScheme scheme, string[] names, EntityType?[] types, char[] positions)
    {
        Scheme = scheme;
        Names = names;
        Types = types;
        Positions = positions;
        int k = names.Length;
        var allowed = new bool[k * k];
        var canStart = new bool[k];
        var canEnd = new bool[k];
        for (int cur = 0; cur < k; cur++)
        {
            canStart[cur] = IsAllowed(scheme, null, null, positions[cur], types[cur]);
            canEnd[cur] = scheme == LabelScheme.Bio || positions[cur] is 'O' or 'L' or 'U';
            for (int prev = 0; prev < k; prev++)
            {
                allowed[prev * k + cur] = IsAllowed(scheme, positions[prev], types[prev], positions[cur], types[cur]);
            }
        }

        Allowed = allowed;
        CanStart = canStart;
        CanEnd = canEnd;

        _predecessors = new int[k][];
        for (int cur = 0; cur < k; cur++)
        {
            var list = new List<int>();
            for (int prev = 0; prev < k; prev++)
            {
                if (allowed[prev * k + cur])
                {
                    list.Add(prev);
                }
            }

            _predecessors[cur] = list.ToArray();
        }
    }

    /// <summary>The entity types in label order.</summary>
    public static IReadOnlyList<EntityType> AllTypes { get; } =
        [EntityType.Person, EntityType.Organization, EntityType.Location, EntityType.Miscellaneous];

    public LabelScheme Scheme { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The entity type of each label; null for O.</summary>
    public IReadOnlyList<EntityType?> Types { get; }

    /// <summary>'O', 'B', 'I', 'L' or 'U' for each label.</summary>
    public IReadOnlyList<char> Positions { get; }

    /// <summary>Allowed[prev * Count + cur].</summary>
    public IReadOnlyList<bool> Allowed { get; }

    public IReadOnlyList<bool> CanStart { get; }

    public IReadOnlyList<bool> CanEnd { get; }

    public int Count => Names.Count;

    /// <summary>The labels that may come before <paramref name="label"/>.</summary>
    public ReadOnlySpan<int> Predecessors(int label) => _predecessors[label];

    public static NerLabels Create(LabelScheme scheme)
    {
        var names = new List<string> { "O" };
        var types = new List<EntityType?> { null };
        var positions = new List<char> { 'O' };
        string prefixes = scheme == LabelScheme.Bilou ? "BILU" : "BI";
        foreach (EntityType type in AllTypes)
        {
            foreach (char p in prefixes)
            {
                names.Add(p + "-" + type.ToLabel());
                types.Add(type);
                positions.Add(p);
            }
        }

        return new NerLabels(scheme, names.ToArray(), types.ToArray(), positions.ToArray());
    }

    /// <summary>The label of a position and type (O for a null type).</summary>
    public int IndexOf(char position, EntityType? type)
    {
        if (type is null)
        {
            return 0;
        }

        for (int i = 1; i < Names.Count; i++)
        {
            if (Types[i] == type && Positions[i] == position)
            {
                return i;
            }
        }

        throw new ArgumentException($"No label {position}-{type} in the {Scheme} scheme.", nameof(position));
    }

    /// <summary>Encodes one sentence's entity types and IOB2 begin marks as labels of this scheme.</summary>
    /// <param name="types">Each token's entity type (null outside entities).</param>
    /// <param name="begins">True where an entity begins.</param>
    /// <param name="labels">Receives the label indexes.</param>
    public void Encode(ReadOnlySpan<EntityType?> types, ReadOnlySpan<bool> begins, Span<byte> labels)
    {
        for (int i = 0; i < types.Length; i++)
        {
            EntityType? t = types[i];
            if (t is null)
            {
                labels[i] = 0;
                continue;
            }

            bool begin = begins[i] || i == 0 || types[i - 1] != t;
            bool last = i + 1 == types.Length || types[i + 1] != t || begins[i + 1];
            char p = Scheme == LabelScheme.Bio
                ? (begin ? 'B' : 'I')
                : begin ? (last ? 'U' : 'B') : (last ? 'L' : 'I');
            labels[i] = (byte)IndexOf(p, t);
        }
    }

    private static bool IsAllowed(LabelScheme scheme, char? prevPos, EntityType? prevType, char curPos, EntityType? curType)
    {
        if (scheme == LabelScheme.Bio)
        {
            return curPos != 'I' || (prevPos is 'B' or 'I' && prevType == curType);
        }

        bool open = prevPos is 'B' or 'I';
        if (open)
        {
            return curPos is 'I' or 'L' && curType == prevType;
        }

        return curPos is 'O' or 'B' or 'U';
    }
}
