using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using QuoteExtract.Text;

namespace QuoteExtract.Quotes;

/// <summary>Word classes around speakers and cues (a word may have several).</summary>
[Flags]
internal enum SpeakerWord : ushort
{
    None = 0,
    Determiner = 1,
    Male = 2,
    Female = 4,
    Plural = 8,
    Neuter = 16,
    FirstPerson = 32,
    Skip = 64,
    Modifier = 128,
    Role = 256,
    Connector = 512,
    Stop = 1024,

    /// <summary>A role head that is not a person (the ministry, the statement): it speaks, but is no one's role.</summary>
    Institution = 2048,

    /// <summary>An article or possessive (a, the, his): a cue word right after it is a noun (a laugh, his claim).</summary>
    Article = 4096,

    /// <summary>A noun of time (week, Monday, afternoon): with this, last or next before it, no speaker (X this month announced).</summary>
    Time = 8192,
    Pronoun = Male | Female | Plural | Neuter | FirstPerson,
}

/// <summary>What a word tells about a title of a work in quote marks.</summary>
internal enum TitleWord : byte
{
    /// <summary>Right before the opening mark, it announces a title (the documentary “13th”).</summary>
    Introduces,

    /// <summary>A small word a title may keep in lower case (Face the Nation).</summary>
    Minor,
}

/// <summary>A person's grammatical gender as far as the text tells it.</summary>
internal enum Gender : byte
{
    Any,
    Male,
    Female,
}

/// <summary>What a cue verb can introduce.</summary>
internal enum CueClass : byte
{
    /// <summary>Quotes and reported clauses, with or without "that" (say, warn).</summary>
    Speech,

    /// <summary>
    /// Quotes, and reported clauses only after "that" (tell, urge), or, for tell, after its hearer or the medium when a
    /// clause with a tensed verb of its own follows (told council the report …; said in an email its program …).
    /// </summary>
    SpeechThat,

    /// <summary>
    /// Quotes, and reported clauses after "that" or where the parse finds one (write: what is written is as often a
    /// thing as words, wrote a check); the words after the cue are not taken for a clause by their look alone, but after
    /// a medium (wrote in a note to clients S) a clause with a tensed verb of its own is.
    /// </summary>
    SpeechParsed,

    /// <summary>Quoted words only (call, describe).</summary>
    Quote,
}

/// <summary>A cue verb form: its lemma, its class, and whether the form is also a noun (claims, state).</summary>
internal readonly record struct CueForm(string Lemma, CueClass Class, bool AlsoNoun);

/// <summary>The attributor's embedded word lists, read once.</summary>
internal static class QuoteLexicons
{
    public static readonly SpanLexicon<CueForm> CueVerbs = ReadCueVerbs("cue-verbs.txt");

    /// <summary>Verbs of thought and evidence (show, expect, seem): cues of reported clauses over the parse only.</summary>
    public static readonly SpanLexicon<CueForm> AttitudeVerbs = ReadCueVerbs("attitude-verbs.txt");

    /// <summary>Nouns of counted or recorded evidence (poll, survey, records): with "show" or "find" they report a small clause.</summary>
    public static readonly SpanLexicon<bool> EvidenceNouns = new(
        LexiconResources.ReadLines("evidence-nouns.txt").Select(f => new KeyValuePair<string, bool>(f[0], true)), ignoreCase: true);

    /// <summary>Nouns of a medium a speaker spoke through (medium-nouns.txt: said in an email, wrote in a note to clients).</summary>
    public static readonly SpanLexicon<bool> MediumNouns = new(
        LexiconResources.ReadLines("medium-nouns.txt").Select(f => new KeyValuePair<string, bool>(f[0], true)), ignoreCase: true);

    /// <summary>Words in a police force's name (police-forces.txt: Police, RCMP, OPP).</summary>
    public static readonly SpanLexicon<bool> PoliceForceWords = new(
        LexiconResources.ReadLines("police-forces.txt").Select(f => new KeyValuePair<string, bool>(f[0], true)), ignoreCase: false);

    /// <summary>Lemmas of telling whose object is the hearer (hearer-verbs.txt: told council S, assured residents that S).</summary>
    public static readonly FrozenSet<string> HearerVerbs = LexiconResources.ReadLines("hearer-verbs.txt").Select(f => f[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lemmas whose to-infinitive is the reported content (urge Y to, promise to).</summary>
    public static readonly FrozenSet<string> InfinitiveCues = LexiconResources.ReadLines("infinitive-cues.txt").Select(f => f[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adjective and preposition pairs that describe an unnamed source after its noun (familiar with, close to).</summary>
    public static readonly SpanLexicon<bool> SpeakerPostmodifiers = new(
        LexiconResources.ReadLines("speaker-postmodifiers.txt").Select(f => new KeyValuePair<string, bool>(f[0] + " " + f[1], true)), ignoreCase: true);

    /// <summary>Nouns of speech that report a that-clause (claim, warning), each form with its lemma.</summary>
    public static readonly SpanLexicon<string> CueNouns = new(
        LexiconResources.ReadLines("cue-nouns.txt").Select(f => new KeyValuePair<string, string>(f[0], f[1])), ignoreCase: true);

    /// <summary>Short forms of roles and the role word each stands for (pm → minister).</summary>
    public static readonly FrozenDictionary<string, string> RoleShortForms = LexiconResources.ReadLines("role-short-forms.txt")
        .ToFrozenDictionary(f => f[0], f => f[1], StringComparer.Ordinal);

    /// <summary>The two-word roles among <see cref="RoleShortForms"/>' values (prime minister).</summary>
    public static readonly FrozenSet<string> RoleCompounds = RoleShortForms.Values.Where(v => v.Contains(' ', StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that tell a person's gender in a mention of them (she, spokeswoman, his mother).</summary>
    public static readonly SpanLexicon<Gender> GenderWords = LexiconResources.ReadEnumLexicon<Gender>("gender-words.txt", ignoreCase: true);

    public static readonly SpanLexicon<SpeakerWord> SpeakerWords = ReadFlags("speaker-words.txt", "person-nouns.txt", "company-nouns.txt");

    /// <summary>Nouns that stand for a company (company-nouns.txt: the firm, the telecom, the retailer).</summary>
    public static readonly SpanLexicon<bool> CompanyNouns =
        new(LexiconResources.ReadLines("company-nouns.txt").Select(static f => new KeyValuePair<string, bool>(f[0], true)), ignoreCase: true);

    public static readonly SpanLexicon<Gender> Titles = LexiconResources.ReadEnumLexicon<Gender>("title-genders.txt", ignoreCase: false);

    public static readonly SpanLexicon<Gender> FirstNames = LexiconResources.ReadEnumLexicon<Gender>("first-names.txt", ignoreCase: false);

    /// <summary>Given names of many origins and their usual gender, for someone already known to be a person.</summary>
    public static readonly SpanLexicon<Gender> GivenNames = LexiconResources.ReadEnumLexicon<Gender>("given-names.txt", ignoreCase: false);

    /// <summary>Words before a title in quote marks, and small words a title keeps in lower case.</summary>
    public static readonly SpanLexicon<TitleWord> TitleWords = LexiconResources.ReadEnumLexicon<TitleWord>("title-words.txt", ignoreCase: true);

    /// <summary>Multi-word cues, each as its words and its lemma.</summary>
    /// <remarks>An immutable array: enumerated for every cue candidate, without an enumerator object.</remarks>
    public static readonly ImmutableArray<(string[] Words, string Lemma)> CuePhrases = [.. LexiconResources.ReadLines("cue-phrases.txt")
        .Select(f => (f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), f.Length > 1 ? f[1] : f[0]))];

    /// <summary>The first words of <see cref="CuePhrases"/>, for a quick rejection.</summary>
    public static readonly SpanLexicon<bool> CuePhraseStarts = new(
        CuePhrases.Select(p => new KeyValuePair<string, bool>(p.Words[0], true)), ignoreCase: true);

    /// <summary>
    /// Every word that makes a sentence one attribution reads (a cue verb, a verb of thought or evidence, a noun of
    /// speech, a cue phrase's first word): one lookup per word when the syntax stage decides what to parse.
    /// </summary>
    public static readonly SpanLexicon<bool> ParseTriggers = new(
        CueVerbs.Keys.Concat(AttitudeVerbs.Keys).Concat(CueNouns.Keys).Concat(CuePhraseStarts.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(k => new KeyValuePair<string, bool>(k, true)),
        ignoreCase: true);

    /// <summary>Object, possessive and reflexive pronouns, which the speaker-word classes leave out.</summary>
    private static readonly SpanLexicon<bool> OtherPronouns = new(
        new[] { "him", "her", "hers", "them", "us", "me", "his", "its", "their", "whom", "who", "himself", "herself" }
            .Select(w => new KeyValuePair<string, bool>(w, true)),
        ignoreCase: true);

    /// <summary>A pronoun, of any case: never a name.</summary>
    public static bool IsPronounWord(ReadOnlySpan<char> word) => (ClassOf(word) & SpeakerWord.Pronoun) != 0 || OtherPronouns.Contains(word);

    /// <summary>
    /// The gender a capitalised first name is mostly given to: the library's own lists first (first-names.txt, then
    /// given-names.txt), then the census table (models/first-names.bin). False for a name none holds or that is given to both.
    /// </summary>
    public static bool TryGetFirstNameGender(ReadOnlySpan<char> name, out Gender gender)
    {
        if (TryGetOneNameGender(name, out gender))
        {
            return true;
        }

        // A hyphenated given name of two capitalised names (Paul-Émile, Kerri-Ann, Marie-Ève): its parts' gender when those
        // the lists know agree; not a romanized name's syllables (Ji-woo, Min-jun), whose second part is in lower case.
        int hyphen = name.IndexOf('-');
        if (hyphen <= 0 || hyphen == name.Length - 1 || name[(hyphen + 1)..].Contains('-') || !char.IsUpper(name[hyphen + 1]))
        {
            return false;
        }

        bool first = TryGetOneNameGender(name[..hyphen], out Gender g1);
        bool second = TryGetOneNameGender(name[(hyphen + 1)..], out Gender g2);
        gender = first && second ? (g1 == g2 ? g1 : Gender.Any) : first ? g1 : second ? g2 : Gender.Any;
        return gender != Gender.Any;
    }

    private static bool TryGetOneNameGender(ReadOnlySpan<char> name, out Gender gender)
    {
        if (FirstNames.TryGetValue(name, out gender) || GivenNames.TryGetValue(name, out gender))
        {
            return true;
        }

        return name.Length > 1 && char.IsUpper(name[0]) && Models.FirstNameTable.Default.TryGetGender(name, out gender);
    }

    public static SpeakerWord ClassOf(ReadOnlySpan<char> word) => SpeakerWords.TryGetValue(word, out SpeakerWord w) ? w : SpeakerWord.None;

    /// <summary>The word classes of <paramref name="name"/>, and <paramref name="roles"/>' words as roles where it lists them not.</summary>
    private static SpanLexicon<SpeakerWord> ReadFlags(string name, string roles, string companies)
    {
        var merged = new Dictionary<string, SpeakerWord>(StringComparer.OrdinalIgnoreCase);
        foreach (string[] f in LexiconResources.ReadLines(name))
        {
            SpeakerWord value = Enum.Parse<SpeakerWord>(f[1], ignoreCase: true);
            merged[f[0]] = merged.TryGetValue(f[0], out SpeakerWord old) ? old | value : value;
        }

        foreach (string[] f in LexiconResources.ReadLines(roles))
        {
            merged.TryAdd(f[0], SpeakerWord.Role);
        }

        // (a company noun heads a speaker phrase, as a role noun does, and is no person: an institution)
        foreach (string[] f in LexiconResources.ReadLines(companies))
        {
            merged[f[0]] = merged.GetValueOrDefault(f[0]) | SpeakerWord.Role | SpeakerWord.Institution;
        }

        return new SpanLexicon<SpeakerWord>(merged, ignoreCase: true);
    }

    private static SpanLexicon<CueForm> ReadCueVerbs(string name)
    {
        var entries = new List<KeyValuePair<string, CueForm>>();
        foreach (string[] f in LexiconResources.ReadLines(name))
        {
            string lemma = f[0];
            string cls = f.Length > 1 ? f[1] : "Speech";
            bool noun = cls.EndsWith("Noun", StringComparison.Ordinal);
            var cueClass = Enum.Parse<CueClass>(noun ? cls[..^4] : cls, ignoreCase: true);
            var forms = new List<string> { lemma };
            if (f.Length > 2)
            {
                forms.AddRange(f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            forms.AddRange(RegularForms(lemma));
            foreach (string form in forms)
            {
                // The bare lemma and its -s form of a noun-too verb are marked; past and -ing forms are not.
                bool alsoNoun = noun && (form == lemma || form == ThirdPerson(lemma));
                entries.Add(new(form, new CueForm(lemma, cueClass, alsoNoun)));
            }
        }

        return new SpanLexicon<CueForm>(entries, ignoreCase: true);
    }

    private static IEnumerable<string> RegularForms(string lemma)
    {
        yield return ThirdPerson(lemma);
        if (lemma.EndsWith('e'))
        {
            yield return lemma + "d";
            yield return lemma[..^1] + "ing";
        }
        else if (lemma.EndsWith('y') && lemma.Length > 2 && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal))
        {
            yield return lemma[..^1] + "ied";
            yield return lemma + "ing";
        }
        else
        {
            yield return lemma + "ed";
            yield return lemma + "ing";
        }
    }

    private static string ThirdPerson(string lemma)
    {
        if (lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal)
            || lemma.EndsWith('x') || lemma.EndsWith('z'))
        {
            return lemma + "es";
        }

        if (lemma.EndsWith('y') && lemma.Length > 2 && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal))
        {
            return lemma[..^1] + "ies";
        }

        return lemma + "s";
    }
}
