using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace QuoteExtract.Text;

/// <summary>
/// An immutable set of words with a small value each, looked up by span without allocating.
/// Frozen collections only gained span lookups in .NET 9; the library also targets .NET 8.
/// </summary>
internal sealed class SpanLexicon<TValue>
{
    private readonly string[] _keys;
    private readonly TValue[] _values;
    private readonly int[] _buckets; // index + 1 into _keys, 0 = empty
    private readonly int _mask;
    private readonly bool _ignoreCase;

    public SpanLexicon(IEnumerable<KeyValuePair<string, TValue>> entries, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var keys = new List<string>();
        var values = new List<TValue>();
        var seen = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (seen.Add(key))
            {
                keys.Add(key);
                values.Add(value);
            }
        }

        _keys = keys.ToArray();
        _values = values.ToArray();
        int size = 16;
        while (size < _keys.Length * 2)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        _mask = size - 1;
        for (int i = 0; i < _keys.Length; i++)
        {
            int b = Hash(_keys[i]) & _mask;
            while (_buckets[b] != 0)
            {
                b = (b + 1) & _mask;
            }

            _buckets[b] = i + 1;
        }
    }

    /// <summary>Number of entries.</summary>
    public int Count => _keys.Length;

    /// <summary>All keys, in the order they were first given.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public bool Contains(ReadOnlySpan<char> word) => TryGetValue(word, out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        int b = Hash(word) & _mask;
        while (true)
        {
            int slot = _buckets[b];
            if (slot == 0)
            {
                value = default!;
                return false;
            }

            string key = _keys[slot - 1];
            if (_ignoreCase ? word.Equals(key, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(key))
            {
                value = _values[slot - 1];
                return true;
            }

            b = (b + 1) & _mask;
        }
    }

    private int Hash(ReadOnlySpan<char> word) =>
        _ignoreCase ? string.GetHashCode(word, StringComparison.OrdinalIgnoreCase) : string.GetHashCode(word);
}
