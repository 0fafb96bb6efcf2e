using System;
using System.Collections.Generic;
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

    private readonly Dictionary<string, List<(string[] Words, TitleKind Kind)>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    public static TitleLexicon Default => Instance.Value;

    /// <summary>The number of words of the longest title at <paramref name="start"/>; 0 when none.</summary>
    /// <param name="words">Words of a mention.</param>
    /// <param name="start">Where to look.</param>
    /// <param name="honorific">True for a courtesy title or honorific (Mr, Lord), false for a role (General).</param>
    public int Match(List<string> words, int start, out bool honorific)
    {
        int length = Match(words, start, out TitleKind kind);
        honorific = length > 0 && kind != TitleKind.Role;
        return length;
    }

    /// <summary>The number of words of the longest title at <paramref name="start"/>, and its kind; 0 when none.</summary>
    public int Match(List<string> words, int start, out TitleKind kind)
    {
        kind = TitleKind.Role;
        if (!_byFirstWord.TryGetValue(words[start].TrimEnd('.'), out List<(string[] Words, TitleKind Kind)>? candidates))
        {
            return 0;
        }

        foreach ((string[] title, TitleKind titleKind) in candidates)
        {
            if (start + title.Length > words.Count)
            {
                continue;
            }

            bool all = true;
            for (int i = 1; i < title.Length && all; i++)
            {
                all = words[start + i].TrimEnd('.').Equals(title[i], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
            {
                kind = titleKind;
                return title.Length;
            }
        }

        return 0;
    }

    /// <summary>True when some title starts with this word.</summary>
    public bool StartsTitle(string word) => _byFirstWord.ContainsKey(word.TrimEnd('.'));

    /// <summary>True for a one-word courtesy title or role (Mr, Dr., General), which a person's span leaves out.</summary>
    public bool IsOutsideName(string word)
    {
        if (_byFirstWord.TryGetValue(word.TrimEnd('.'), out List<(string[] Words, TitleKind Kind)>? candidates))
        {
            foreach ((string[] title, TitleKind kind) in candidates)
            {
                if (title.Length == 1)
                {
                    return kind != TitleKind.Honorific;
                }
            }
        }

        return false;
    }

    private static TitleLexicon Load()
    {
        var lexicon = new TitleLexicon();
        foreach (string[] row in LexiconResources.ReadLines("titles.txt"))
        {
            string[] words = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            TitleKind kind = row.Length > 1 && Enum.TryParse(row[1], ignoreCase: true, out TitleKind k) ? k : TitleKind.Role;
            if (!lexicon._byFirstWord.TryGetValue(words[0], out List<(string[] Words, TitleKind Kind)>? list))
            {
                lexicon._byFirstWord[words[0]] = list = [];
            }

            list.Add((words, kind));
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length)); // longest first
        }

        return lexicon;
    }
}
