using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using QuoteExtract.Models;

namespace QuoteExtract.Entities;

/// <summary>The lists a token sequence can be found in. The tagger sees one feature per class and position.</summary>
[Flags]
internal enum GazetteerClass : uint
{
    None = 0,

    /// <summary>A frequent given name.</summary>
    FirstTop = 1,

    /// <summary>Any other given name.</summary>
    First = 2,

    /// <summary>A frequent surname.</summary>
    LastTop = 4,

    /// <summary>Any other surname.</summary>
    Last = 8,

    City = 16,

    /// <summary>A city of a million people or more.</summary>
    BigCity = 32,

    Country = 64,
    Capital = 128,
    Title = 256,
    OrgSuffix = 512,
    Demonym = 1024,
    LocationWord = 2048,

    /// <summary>A state, province or region.</summary>
    Region = 4096,

    /// <summary>A name annotated as a person in a corpus used only as a lexicon (not as training examples).</summary>
    CorpusPerson = 8192,

    /// <summary>A name annotated as an organisation in a lexicon corpus.</summary>
    CorpusOrganization = 16384,

    /// <summary>A name annotated as a location in a lexicon corpus.</summary>
    CorpusLocation = 32768,

    /// <summary>Not a class: the sequence begins a longer entry.</summary>
    Prefix = 0x8000_0000,
}

/// <summary>
/// A compact hash table from token sequences (hashes of their lower-cased tokens, see
/// <see cref="SequenceStep"/>) to <see cref="GazetteerClass"/> bits. Compiled at training time from the
/// gazetteers and lexicons and stored inside the model; read-only after construction.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Classes that only match a sequence whose first token is not all lower case.</summary>
    public const GazetteerClass CapitalOnly = GazetteerClass.FirstTop | GazetteerClass.First | GazetteerClass.LastTop
        | GazetteerClass.Last | GazetteerClass.City | GazetteerClass.BigCity | GazetteerClass.Country
        | GazetteerClass.Capital | GazetteerClass.Demonym | GazetteerClass.Region
        | GazetteerClass.CorpusPerson | GazetteerClass.CorpusOrganization | GazetteerClass.CorpusLocation;

    /// <summary>Place classes that are also looked up in lower-case text (web text writes "mexico").</summary>
    public const GazetteerClass LowerCasePlaces = GazetteerClass.BigCity | GazetteerClass.Country | GazetteerClass.Capital | GazetteerClass.Region;

    /// <summary>Number of classes (bits below <see cref="GazetteerClass.Prefix"/>).</summary>
    public const int ClassCount = 16;

    /// <summary>The longest entry, in tokens.</summary>
    public const int MaxTokens = 6;

    /// <summary>The most entries a model's gazetteer may have.</summary>
    public const int MaxEntries = 10_000_000;

    private const ulong SequenceSeed = 0x5DEECE66DUL;

    // Word clusters share the table under keys of their own seed; the marker key says the table has them.
    private const ulong ClusterSeed = 0x9E37_79B9_7F4A_7C15UL;

    private readonly ulong[] _keys;
    private readonly uint[] _values;
    private readonly int _mask;

    private Gazetteer(ulong[] keys, uint[] values)
    {
        _keys = keys;
        _values = values;
        _mask = keys.Length - 1;
        HasClusters = Lookup(ClusterMarker) != GazetteerClass.None;
        Count = 0;
        foreach (ulong k in keys)
        {
            if (k != 0)
            {
                Count++;
            }
        }
    }

    public static Gazetteer Empty { get; } = Build([]);

    /// <summary>Number of sequences stored (entries and prefixes).</summary>
    public int Count { get; }

    /// <summary>Whether the table also holds word clusters (see <see cref="Cluster"/>): a model trained with them has features that read them.</summary>
    public bool HasClusters { get; }

    /// <summary>The key under which a word's cluster path is stored.</summary>
    /// <param name="lowerHash">The word's <see cref="NerHash.LowerHash(ReadOnlySpan{char})"/>.</param>
    public static ulong ClusterKey(ulong lowerHash)
    {
        ulong h = NerHash.Pair(ClusterSeed, lowerHash);
        return h == 0 ? 1 : h;
    }

    /// <summary>The key whose presence says the table holds clusters; its value is the number of levels of a path.</summary>
    public static ulong ClusterMarker => ClusterKey(0);

    /// <summary>
    /// A word's cluster path (four bits per level, each level's cluster number plus one, the coarsest level lowest),
    /// or 0 when the word has none.
    /// </summary>
    /// <param name="lowerHash">The word's lower-case hash.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Cluster(ulong lowerHash) => HasClusters ? (uint)Lookup(ClusterKey(lowerHash)) : 0;

    /// <summary>The hash of a sequence after its first token.</summary>
    public static ulong SequenceStart(ulong lowerHash) => SequenceStep(SequenceSeed, lowerHash);

    /// <summary>Extends a sequence hash by one token.</summary>
    public static ulong SequenceStep(ulong sequence, ulong lowerHash)
    {
        ulong h = NerHash.Pair(sequence, lowerHash);
        return h == 0 ? 1 : h;
    }

    /// <summary>Builds a table; values for the same key are OR-ed.</summary>
    public static Gazetteer Build(IEnumerable<KeyValuePair<ulong, uint>> entries)
    {
        var merged = new Dictionary<ulong, uint>();
        foreach (KeyValuePair<ulong, uint> e in entries)
        {
            merged[e.Key] = merged.GetValueOrDefault(e.Key) | e.Value;
        }

        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, merged.Count * 2));
        var keys = new ulong[capacity];
        var values = new uint[capacity];
        var sorted = new List<ulong>(merged.Keys);
        sorted.Sort(); // insertion order decides probe chains: keep it independent of dictionary order
        foreach (ulong key in sorted)
        {
            int slot = (int)(NerHash.Mix(key) & (ulong)(capacity - 1));
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            keys[slot] = key;
            values[slot] = merged[key];
        }

        return new Gazetteer(keys, values);
    }

    /// <summary>The classes of a sequence hash (0 when absent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GazetteerClass Lookup(ulong key)
    {
        int slot = (int)(NerHash.Mix(key) & (ulong)_mask);
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key)
            {
                return (GazetteerClass)_values[slot];
            }

            if (k == 0)
            {
                return GazetteerClass.None;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public void Write(BinaryWriter writer)
    {
        var entries = new List<KeyValuePair<ulong, uint>>(Count);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                entries.Add(new(_keys[i], _values[i]));
            }
        }

        entries.Sort((a, b) => a.Key.CompareTo(b.Key));
        writer.Write(entries.Count);
        foreach (KeyValuePair<ulong, uint> e in entries)
        {
            writer.Write(e.Key);
            writer.Write(e.Value);
        }
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote: a count, then that many entries with strictly increasing non-zero
    /// keys. Entries are read before room is made for them, so a corrupt count cannot allocate much.
    /// </summary>
    /// <param name="reader">The model's reader.</param>
    /// <param name="fileName">The model file, named in errors; null for a stream.</param>
    /// <exception cref="InvalidModelException">The count or the keys are impossible.</exception>
    /// <exception cref="EndOfStreamException">The entries end too soon.</exception>
    public static Gazetteer Read(BinaryReader reader, string? fileName)
    {
        int count = reader.ReadInt32();
        if (count is < 0 or > MaxEntries)
        {
            throw NerModel.Corrupt(fileName, $"the gazetteer has {count:N0} entries; at most {MaxEntries:N0} are allowed");
        }

        var entries = new List<KeyValuePair<ulong, uint>>(Math.Min(count, 1 << 16));
        ulong previous = 0;
        for (int i = 0; i < count; i++)
        {
            ulong key = reader.ReadUInt64();
            uint value = reader.ReadUInt32();
            if (key <= previous)
            {
                throw NerModel.Corrupt(fileName, "the gazetteer's keys are not in increasing order");
            }

            previous = key;
            entries.Add(new(key, value));
        }

        return Build(entries);
    }
}
