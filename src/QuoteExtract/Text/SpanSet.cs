using System;

namespace QuoteExtract.Text;

/// <summary>
/// A set of words of one text, each added as where it is in the text and looked up by its characters, without
/// making a string of either. For per-document word sets (a <see cref="System.Collections.Generic.HashSet{T}"/> of
/// strings would make a string per occurrence). Not thread-safe while adding.
/// </summary>
internal sealed class SpanSet
{
    private readonly string _text;
    private TextSpan[] _words = new TextSpan[16];
    private int[] _hashes = new int[16];
    private int[] _buckets = new int[32]; // index + 1 into _words, 0 = empty
    private int _count;

    public SpanSet(string text)
    {
        _text = text;
    }

    /// <summary>Number of distinct words.</summary>
    public int Count => _count;

    /// <summary>Adds the word at <paramref name="word"/> of the text, unless the set has it.</summary>
    /// <param name="word">Where the word is in the text.</param>
    public void Add(TextSpan word)
    {
        ReadOnlySpan<char> chars = word.Slice(_text);
        int hash = string.GetHashCode(chars);
        if (Find(chars, hash))
        {
            return;
        }

        if (_count == _words.Length)
        {
            Array.Resize(ref _words, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
            Rehash(_buckets.Length * 2);
        }

        _words[_count] = word;
        _hashes[_count] = hash;
        _count++;
        Place(_count - 1);
    }

    /// <summary>Whether the set has a word with these characters (ordinal).</summary>
    public bool Contains(ReadOnlySpan<char> word) => Find(word, string.GetHashCode(word));

    private bool Find(ReadOnlySpan<char> chars, int hash)
    {
        int mask = _buckets.Length - 1;
        for (int b = hash & mask; ; b = (b + 1) & mask)
        {
            int slot = _buckets[b];
            if (slot == 0)
            {
                return false;
            }

            if (_hashes[slot - 1] == hash && _words[slot - 1].Slice(_text).SequenceEqual(chars))
            {
                return true;
            }
        }
    }

    private void Place(int index)
    {
        int mask = _buckets.Length - 1;
        int b = _hashes[index] & mask;
        while (_buckets[b] != 0)
        {
            b = (b + 1) & mask;
        }

        _buckets[b] = index + 1;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (int i = 0; i < _count; i++)
        {
            Place(i);
        }
    }
}
