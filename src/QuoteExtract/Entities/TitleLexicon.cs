using System;
using System.Collections.Generic;
using System.Linq;
using QuoteExtract.Text;

namespace QuoteExtract.Entities;

/// <summary>What a title is to the name after it.</summary>
internal enum TitleKind : byte
{
    /// <summary>President, General: outside the name.</summary>
    Role,

    /// <summary>Mr, Mrs: outside the name, but a group with no given name keeps it (Mr Okafor).</summary>
    Courtesy,

    /// <summary>Lord, Sir: part of how the person is named (Lord Penrose).</summary>
    Honorific,
}

/// <summary>
/// The title lexicon (Entities/Lexicons/titles.txt): single and multi-word titles, matched
/// case-insensitively with a trailing full stop ignored. Read-only after loading; thread-safe.
/// </summary>
internal sealed class TitleLexicon
{
    private static readonly Lazy<TitleLexicon> Instance = new(Load);

    /// <summary>The titles by their first word: an index into <see cref="_titles"/>. Looked up by span, without allocating.</summary>
    private readonly SpanLexicon<int> _byFirstWord;

    /// <summary>The titles that start with one word (the same word, ignoring case), longest first.</summary>
    private readonly (string[] Words, TitleKind Kind)[][] _titles;

    private TitleLexicon(Dictionary<string, List<(string[] Words, TitleKind Kind)>> byFirstWord)
    {
        _titles = [.. byFirstWord.Values.Select(list => list.ToArray())];
        _byFirstWord = new SpanLexicon<int>(byFirstWord.Keys.Select((word, i) => new KeyValuePair<string, int>(word, i)), ignoreCase: true);
    }

    public static TitleLexicon Default => Instance.Value;

    /// <summary>The number of words of the longest title at word <paramref name="start"/>, and its kind; 0 when none.</summary>
    /// <param name="text">The text the words are in.</param>
    /// <param name="words">Words of a mention: where each is in <paramref name="text"/>.</param>
    /// <param name="start">Where to look.</param>
    /// <param name="kind">The title's kind; <see cref="TitleKind.Role"/> when there is none.</param>
    public int Match(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, int start, out TitleKind kind)
    {
        kind = TitleKind.Role;
        if (!_byFirstWord.TryGetValue(words[start].Slice(text).TrimEnd('.'), out int index))
        {
            return 0;
        }

        foreach ((string[] title, TitleKind titleKind) in _titles[index])
        {
            if (start + title.Length > words.Length)
            {
                continue;
            }

            bool all = true;
            for (int i = 1; i < title.Length && all; i++)
            {
                all = words[start + i].Slice(text).TrimEnd('.').Equals(title[i], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
            {
                kind = titleKind;
                return title.Length;
            }
        }

        return 0;
    }

    /// <summary>The number of words of the longest title at <paramref name="start"/>; 0 when none.</summary>
    /// <param name="text">The text the words are in.</param>
    /// <param name="words">Words of a mention: where each is in <paramref name="text"/>.</param>
    /// <param name="start">Where to look.</param>
    /// <param name="honorific">True for a courtesy title or honorific (Mr, Lord), false for a role (General).</param>
    public int Match(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, int start, out bool honorific)
    {
        int length = Match(text, words, start, out TitleKind kind);
        honorific = length > 0 && kind != TitleKind.Role;
        return length;
    }

    /// <summary>True when some title starts with this word (a trailing full stop ignored).</summary>
    public bool StartsTitle(ReadOnlySpan<char> word) => _byFirstWord.Contains(word.TrimEnd('.'));

    /// <summary>True for a one-word title of a role (Justice, General, Coach), not a courtesy title or honorific.</summary>
    public bool IsRoleTitle(ReadOnlySpan<char> word) => OneWordKind(word) == TitleKind.Role;

    /// <summary>True for a one-word courtesy title (Mr, Mrs., Ms, Miss), which only a person's name follows.</summary>
    public bool IsCourtesy(ReadOnlySpan<char> word) => OneWordKind(word) == TitleKind.Courtesy;

    /// <summary>True for a one-word courtesy title or role (Mr, Dr., General), which a person's span leaves out.</summary>
    public bool IsOutsideName(ReadOnlySpan<char> word) => OneWordKind(word) is TitleKind.Role or TitleKind.Courtesy;

    /// <summary>The kind of the one-word title this word is (a trailing full stop ignored); null when it is none.</summary>
    private TitleKind? OneWordKind(ReadOnlySpan<char> word)
    {
        if (_byFirstWord.TryGetValue(word.TrimEnd('.'), out int index))
        {
            foreach ((string[] title, TitleKind kind) in _titles[index])
            {
                if (title.Length == 1)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    private static TitleLexicon Load()
    {
        var byFirstWord = new Dictionary<string, List<(string[] Words, TitleKind Kind)>>(StringComparer.OrdinalIgnoreCase);
        foreach (string[] row in LexiconResources.ReadLines("titles.txt"))
        {
            string[] words = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            TitleKind kind = row.Length > 1 && Enum.TryParse(row[1], ignoreCase: true, out TitleKind k) ? k : TitleKind.Role;
            if (!byFirstWord.TryGetValue(words[0], out List<(string[] Words, TitleKind Kind)>? list))
            {
                byFirstWord[words[0]] = list = [];
            }

            list.Add((words, kind));
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length)); // longest first
        }

        return new TitleLexicon(byFirstWord);
    }
}
