using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using QuoteExtract.Entities;
using QuoteExtract.Text;

namespace QuoteExtract.Quotes;

/// <summary>What a speaker mention is, which decides how it joins the entity groups.</summary>
internal enum MentionKind : byte
{
    /// <summary>A name (Ms Marsh, Downing Street): it joins the group of the entity it overlaps.</summary>
    Name,

    /// <summary>A pronoun or a role resolved to a name elsewhere: it joins the group of that name.</summary>
    Resolved,

    /// <summary>A phrase that is its own name (Ms Marsh’s official spokesman, an unnamed commander): no group.</summary>
    Phrase,
}

/// <summary>A speaker mention and the names it stands for.</summary>
internal sealed record ResolvedSpeaker(TextSpan Mention, ImmutableArray<string> Names, Gender Gender, bool IsPerson, MentionKind Kind = MentionKind.Resolved)
{
    public string Name => Names.Length switch
    {
        0 => string.Empty,
        1 => Names[0],
        _ => string.Join(", ", Names.Take(Names.Length - 1)) + " and " + Names[^1],
    };

    public bool IsPlural => Names.Length > 1;

    public Speaker ToSpeaker(string text) => new()
    {
        Span = Mention,
        Text = text.Substring(Mention.Start, Mention.Length),
        Name = Name,
        Names = Names,
        NameKind = Names.IsEmpty ? SpeakerNameKind.Unresolved : Kind == MentionKind.Phrase ? SpeakerNameKind.Role : SpeakerNameKind.Name,
    };
}

/// <summary>
/// Resolves speaker phrases to names: short names to the fullest form used in the text (Ms Marsh →
/// Helen Marsh), roles to the person introduced with that role (the former foreign secretary →
/// the person named "former foreign secretary X", or the speaker just before), pronouns to the most
/// recent compatible speaker or name, "they" to the most recent list of names.
/// </summary>
internal sealed class SpeakerResolver
{
    /// <summary>How many paragraphs back a pronoun may reach for the speaker before.</summary>
    private const int PronounReach = 4;

    /// <summary>Runs of more capitalised words than this are headlines, not names.</summary>
    private const int MaxNameWords = 5;

    /// <summary>How many earlier speakers or names a pronoun looks at: bounds the work on any input.</summary>
    private const int MaxCandidates = 64;

    /// <summary>How many tokens back a list of names for "they" may start.</summary>
    private const int ListReach = 200;

    /// <summary>A coordination of names that speaks together has at most this many (Pike, Reed and Lee said).</summary>
    private const int MaxListNames = 8;

    private readonly DocumentView _doc;
    private readonly List<NameRun> _names = [];
    private readonly Dictionary<string, Dictionary<string, int>> _fullNames = new(StringComparer.Ordinal);

    /// <summary>Full names introduced as someone's relative (her father, Réjean Cormier): a surname alone means another of that name if there is one.</summary>
    private readonly HashSet<string> _kinNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bestFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Surname, Gender Wanted), string?> _fittingFullName = [];

    /// <summary>Each given name of a full name to that name; to the empty string when two full names share it.</summary>
    private readonly Dictionary<string, string> _byGivenName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Token, ResolvedSpeaker Speaker)>> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Gender Gender, bool IsPerson)> _knownNames = new(StringComparer.Ordinal);
    private readonly List<(ResolvedSpeaker Speaker, int Token)> _spoken = [];
    private readonly Dictionary<string, int> _mentionCounts = new(StringComparer.Ordinal);
    private readonly bool[] _insideQuote;
    private readonly ParseView _parse;

    private readonly record struct NameRun(int First, int Last, string Name, Gender Gender, bool IsPerson);

    /// <summary>Per token, whether it is in a byline, credit, dateline, footer or navigation line (Speakers/Boilerplate); null: none is.</summary>
    private readonly bool[]? _boilerplate;

    public SpeakerResolver(DocumentView doc, bool[] insideQuote, ParseView? parse = null, bool[]? boilerplate = null)
    {
        _doc = doc;
        _insideQuote = insideQuote;
        _parse = parse ?? ParseView.Empty;
        _boilerplate = boilerplate;
        IndexNames();
    }

    /// <summary>Token <paramref name="t"/> is in the text's boilerplate: no name there is a person of the article.</summary>
    public bool InBoilerplate(int t) => _boilerplate is { } b && (uint)t < (uint)b.Length && b[t];

    /// <summary>Remembers a resolved speaker, for pronouns and roles later on.</summary>
    public void Remember(ResolvedSpeaker speaker, int token) => _spoken.Add((speaker, token));

    public ResolvedSpeaker? Resolve(Phrase phrase, int anchor)
    {
        ResolvedSpeaker? resolved = ResolveMention(phrase, anchor);
        if (resolved is null || !resolved.Names.Any(IsBarePronoun))
        {
            return resolved;
        }

        // A pronoun is never a name: what resolves to one (a phrase read as "the he") is unresolved.
        return resolved with { Names = [.. resolved.Names.Where(n => !IsBarePronoun(n))], Kind = MentionKind.Phrase };
    }

    internal static bool IsBarePronoun(string name) =>
        !name.Contains(' ', StringComparison.Ordinal) && (QuoteLexicons.IsPronounWord(name) || (QuoteLexicons.ClassOf(name) & SpeakerWord.Determiner) != 0);

    private ResolvedSpeaker? ResolveMention(Phrase phrase, int anchor)
    {
        if (phrase.IsNone)
        {
            return null;
        }

        if (phrase.Relative >= 0)
        {
            // Ana Lopez, who said: the mention is "who", standing for the phrase before it (not a place or organisation
            // that ends it: Aisha Farah, an economist with the institute in Regina, who said).
            int person = _parse.Count == _doc.Count ? ParseAttribution.PersonFor(_doc, _parse, phrase.Relative, phrase.Last) : phrase.Last;
            Phrase standsFor = person != phrase.Last && ParseAttribution.Mention(_doc, _parse, person) is { IsNone: false } found ? found : phrase with { Relative = -1 };
            ResolvedSpeaker? antecedent = ResolveMention(standsFor, anchor);
            TextSpan relative = TextSpan.FromBounds(_doc.Tokens[phrase.Relative].Start, _doc.Tokens[phrase.Relative].End);
            return antecedent is null ? null : Refer(antecedent, relative);
        }

        TextSpan mention = TextSpan.FromBounds(_doc.Tokens[phrase.First].Start, _doc.Tokens[phrase.Last].End);
        if (_spoken.Count > 0 && _spoken[^1].Speaker.Mention == mention)
        {
            return _spoken[^1].Speaker; // “…,” the 34-year-old said. “…”: one mention, one speaker for both parts
        }

        // According to the First Nation’s claim, S: the one whose document it is speaks through it.
        if (phrase.Last - 2 >= phrase.First && _doc.IsPossessive(phrase.Last - 1) && IsDocumentNoun(_doc.Word(phrase.Last))
            && ResolveMention(new Phrase(phrase.First, phrase.Last - 2), anchor) is ResolvedSpeaker owner && !owner.IsPerson && owner.Kind != MentionKind.Phrase)
        {
            return owner with { Mention = mention };
        }

        if (phrase.First == phrase.Last && (_doc.IsPronoun(phrase.First) || PossessiveAsPronoun(phrase.First) != SpeakerWord.None))
        {
            // An unresolved pronoun still marks where the speaker is mentioned. (Her claim that S: a possessive that
            // speaks stands for the person its pronoun would.)
            return ResolvePronoun(phrase.First, mention, anchor)
                ?? new ResolvedSpeaker(mention, [], Gender.Any, IsPerson: true, MentionKind.Phrase);
        }

        // Police said; Winnipeg police said: the police force the article named (the Codiac Regional RCMP).
        if (phrase.Last - phrase.First <= 2 && _doc.Word(phrase.Last).Equals("police", StringComparison.OrdinalIgnoreCase)
            && PoliceForceNamed(phrase, anchor) is string force)
        {
            return new ResolvedSpeaker(mention, [force], Gender.Any, IsPerson: false, MentionKind.Resolved);
        }

        // A possessive phrase (Ms Marsh’s official spokesman) is its own name; one that ends in an organisation's word
        // (the Alberta Teachers' Association) is an organisation.
        for (int t = phrase.First; t <= phrase.Last; t++)
        {
            if (_doc.IsPossessive(t) && t < phrase.Last)
            {
                // (Nunavut’s Department of Education: the organisation's word need not be the last)
                bool organisation = false;
                for (int w = t + 1; w <= phrase.Last && !organisation; w++)
                {
                    organisation = EntityGrouper.IsOrganizationWord(_doc.Word(w)) || (_doc.ClassOf(w) & SpeakerWord.Institution) != 0;
                }

                // The agency's director says S … said executive director Marivic Tolentino: an institution noun's role is
                // the person the article introduces with that role, before or after.
                if (t == phrase.First + 2 && t + 1 == phrase.Last && IsDefinite(phrase.First) && (_doc.ClassOf(t - 1) & SpeakerWord.Institution) != 0
                    && (_doc.ClassOf(phrase.Last) & (SpeakerWord.Role | SpeakerWord.Institution)) == SpeakerWord.Role
                    && RoleKey(phrase.Last) is string key && (FindRole(key, anchor, before: true) ?? FindRole(key, anchor, before: false)) is ResolvedSpeaker holder
                    && holder.IsPerson && !holder.IsPlural)
                {
                    return Refer(holder, mention);
                }

                // (Ontario’s Ministry of Labour: a place that owns an organisation with a name of its own is no part of the name)
                // (not a party, which its place tells apart: Quebec’s Liberal Party)
                Phrase owned = organisation && IsPlaceBefore(phrase.First, t) && _doc.IsCapitalized(t + 1) && _doc.EntityAt(phrase.Last) != EntityType.Person
                    && !_doc.Word(phrase.Last).Equals("Party", StringComparison.OrdinalIgnoreCase)
                    ? new Phrase(t + 1, phrase.Last) : StripDeterminer(phrase);
                return new ResolvedSpeaker(mention, [Clean(owned)], Gender.Any, IsPerson: !organisation, MentionKind.Phrase);
            }
        }

        // The PM: a capitalised short form of a role after "the" is the holder introduced with the role in this
        // paragraph or the one before (Prime Minister Boris Johnson spoke … The PM said); further away, another
        // holder may be meant (an article's two prime ministers), so it stays the role.
        if (phrase.First < phrase.Last && IsDefinite(phrase.First) && _doc.IsCapitalized(phrase.Last)
            && QuoteLexicons.RoleShortForms.TryGetValue(LowerWord(phrase.Last), out string? shortFor))
        {
            ResolvedSpeaker? near = FindRoleNear(shortFor, anchor);
            return near is not null ? Refer(near, mention)
                : new ResolvedSpeaker(mention, [Clean(StripDeterminer(phrase))], Gender.Any, IsPerson: true, MentionKind.Phrase);
        }

        // Deputy Chief Tanya Kaizer of the Bridgetown volunteer fire department, Sen. Tom Udall of New Mexico, biologist
        // Haruka Ishikawa of Dalhousie University: a person's name before "of" or "from" is who speaks; what follows says
        // where they work or come from (a name after "of" only when the one before is a person's by the tagger).
        for (int t = phrase.First + 1; t < phrase.Last; t++)
        {
            if (_doc.IsWord(t) && (_doc.Word(t).Equals("of", StringComparison.OrdinalIgnoreCase) || _doc.Word(t).Equals("from", StringComparison.OrdinalIgnoreCase))
                && _doc.IsNameWord(t - 1) && (!_doc.IsNameWord(t + 1) || _doc.EntityAt(t + 1) == EntityType.Location || _doc.EntityAt(t - 1) == EntityType.Person)) // (Sen. Tom Udall of New Mexico)
            {
                int start = t;
                while (start - 1 >= phrase.First && IsNamePart(start - 1))
                {
                    start--;
                }

                NameRun person = MakeRun(start, t - 1);
                // (not the person a role speaks for: a spokesman for Mayor Frank Jackson of Cleveland)
                if (person.IsPerson && start < t - 1 && !EntityGrouper.IsRoleOnly(person.Name) && !HasWordBefore(phrase.First, start, "for", "to"))
                {
                    return new ResolvedSpeaker(mention, [person.Name], person.Gender, IsPerson: true, MentionKind.Name);
                }

                break;
            }
        }

        // A name at the end (former foreign secretary Tom Reeve, Mr Grant, Downing Street).
        int nameStart = phrase.Last + 1;
        while (nameStart - 1 >= phrase.First && IsNamePart(nameStart - 1))
        {
            nameStart--;
        }

        // The 20-year-old skip from Calgary, the skip from Brandon: a place after "from" or "in" (or one word after "from"
        // the tagger read as a name) says where the role's holder is from; the role speaks (the person introduced with
        // it), not the place.
        if (nameStart <= phrase.Last && nameStart - 2 >= phrase.First && _doc.IsWord(nameStart - 1) && _doc.Word(nameStart - 1) is "from" or "in"
            && (_doc.EntityAt(phrase.Last) == EntityType.Location || (_doc.Word(nameStart - 1) is "from" && nameStart == phrase.Last && _doc.EntityAt(phrase.Last) != EntityType.Organization))
            && ((_doc.ClassOf(nameStart - 2) & SpeakerWord.Role) != 0 || IsAge(nameStart - 2))
            && (_doc.ClassOf(nameStart - 2) & SpeakerWord.Institution) == 0)
        {
            return ResolveMention(new Phrase(phrase.First, nameStart - 2), anchor) is ResolvedSpeaker holder ? holder with { Mention = mention } : null;
        }

        // A run of titles and role nouns alone (the Prime Minister, Minister) is a role, not a name: it goes on below;
        // so is a definite phrase that ends in a role noun (The Liberal MP).
        if (nameStart <= phrase.Last && !EntityGrouper.IsRoleOnly(Clean(new Phrase(nameStart, phrase.Last)))
            && !(IsDefinite(phrase.First) && (_doc.ClassOf(phrase.Last) & (SpeakerWord.Role | SpeakerWord.Institution)) == SpeakerWord.Role))
        {
            NameRun run = MakeRun(nameStart, phrase.Last);
            // A spokesperson for Ogundipe, an aide to Ashworth: the role speaks for the person, who did not speak.
            if (run.IsPerson && nameStart - 2 >= phrase.First && _doc.IsWord(nameStart - 1)
                && (_doc.Word(nameStart - 1).Equals("for", StringComparison.OrdinalIgnoreCase) || _doc.Word(nameStart - 1).Equals("to", StringComparison.OrdinalIgnoreCase))
                && (_doc.ClassOf(nameStart - 2) & SpeakerWord.Role) != 0)
            {
                return new ResolvedSpeaker(mention, [Clean(StripDeterminer(phrase))], Gender.Any, IsPerson: true, MentionKind.Phrase);
            }

            return Coordinated(phrase, run) ?? new ResolvedSpeaker(mention, [run.Name], run.Gender, run.IsPerson, MentionKind.Name);
        }

        // A role: the person introduced with it, or the speaker just before.
        int head = phrase.Last;
        string role = RoleKey(head);
        bool definite = IsDefinite(phrase.First);
        SpeakerWord headClass = _doc.ClassOf(head);
        if (IsAge(head))
        {
            headClass |= SpeakerWord.Role; // the 34-year-old: a person, as a role noun is
        }

        bool institution = (headClass & SpeakerWord.Institution) != 0;
        if (definite && IsAge(head) && AgedPerson(head, anchor, mention) is ResolvedSpeaker aged)
        {
            return aged;
        }

        // The 19-year-old skip: an age before the role is the person the article gave that age (Jenna Moss, 19, …).
        if (definite && (headClass & SpeakerWord.Role) != 0 && !IsAge(head))
        {
            // (the age may be left out of the phrase, as the lanky, bespectacled professor's words are: back to its "the")
            // (not the 17-year-old's mother; not when two people have the age, or "a 19-year-old driver" came in between)
            for (int t = head - 1; t >= 0 && t >= phrase.First - MaxAppositionWords && _doc.IsWord(t) && !_doc.Word(t).Equals("the", StringComparison.OrdinalIgnoreCase); t--)
            {
                if (IsAge(t) && !_doc.IsPossessive(t + 1) && OnlyPersonOfAge(t, anchor) is NameRun given)
                {
                    return new ResolvedSpeaker(mention, [given.Name], given.Gender, given.IsPerson);
                }
            }
        }

        // (the company, the firm: roles and institutions both; a person linked to the word is never the organisation,
        // though the head of the union is a person)
        bool organisationOnly = institution && phrase.Last - phrase.First <= 2 && !HasConnector(phrase);
        if (definite && (headClass & SpeakerWord.Role) != 0)
        {
            ResolvedSpeaker? linked = FindRole(role, anchor, before: true);
            if (linked is not null && !(organisationOnly && IsPersonNotNamedFor(linked, head)))
            {
                return Refer(linked, mention);
            }

            ResolvedSpeaker? previous = _spoken.Count > 0 ? _spoken[^1].Speaker : null;
            // Not a speaker known only by another role: the mayor, then the spokeswoman, are two people.
            if (previous is not null && previous.IsPerson && !previous.IsPlural && _doc.ParagraphOf(_spoken[^1].Token) >= _doc.ParagraphOf(anchor) - 2
                && !IsPluralWord(role) && !institution
                && !(previous.Kind == MentionKind.Phrase && !previous.Name.EndsWith(role, StringComparison.OrdinalIgnoreCase)))
            {
                return Refer(previous, mention);
            }

            linked = FindRole(role, anchor, before: false);
            if (linked is not null && !(organisationOnly && IsPersonNotNamedFor(linked, head)))
            {
                return Refer(linked, mention);
            }
        }

        // his daughter said: the relative the article named with that noun, nearest before, or with this very mention
        // (“…,” said their daughter, Vy Hoang, 20).
        if (phrase.Last == phrase.First + 1 && _doc.IsPossessivePronoun(phrase.First)
            && EntityGrouper.IsKinNoun(_doc.Word(head)) && FindRole(KinKey(head), Math.Max(anchor, head + 1), before: true) is ResolvedSpeaker kin)
        {
            return Refer(kin, mention);
        }

        if (definite && (institution || EntityGrouper.IsOrganizationWord(_doc.Word(head)) || IsIssuedDocument(_doc.Word(head))) && phrase.Last - phrase.First <= 2
            && (InstitutionNamed(phrase, head, anchor) ?? OrganisationThatSpoke(phrase, head, anchor)) is ResolvedSpeaker named)
        {
            return Refer(named, mention);
        }

        // The province said: the province the article names (its government speaks).
        if (definite && phrase.Last - phrase.First == 1 && RegionNamed(LowerWord(head), anchor) is string region)
        {
            return new ResolvedSpeaker(mention, [region], Gender.Any, IsPerson: false, MentionKind.Resolved);
        }

        // (his daughter, the spokeswoman: a role's own word may tell the gender a pronoun after it must agree with)
        return new ResolvedSpeaker(mention, [Clean(StripDeterminer(phrase))], GenderOfWord(head), IsPerson: (headClass & SpeakerWord.Role) != 0 && !IsPluralWord(role) && !institution, MentionKind.Phrase);
    }

    /// <summary>The gender a noun such as daughter or spokeswoman at <paramref name="t"/> tells; <see cref="Gender.Any"/> for another word.</summary>
    private Gender GenderOfWord(int t) =>
        _doc.IsWord(t) && !QuoteLexicons.IsPronounWord(_doc.Word(t)) && QuoteLexicons.GenderWords.TryGetValue(_doc.Word(t), out Gender g) ? g : Gender.Any;

    /// <summary>Canada's provinces and territories by name, with their kind: the rows of Entities/Lexicons/regions.txt that give one.</summary>
    private static readonly Dictionary<string, string> Regions =
        LexiconResources.ReadLines("regions.txt").Where(static r => r.Length > 1).ToDictionary(static r => r[0], static r => r[1], StringComparer.Ordinal);

    /// <summary>
    /// The province or territory (<paramref name="kind"/>) the article names before <paramref name="anchor"/>: the one
    /// named most, the nearest of those tied; null when it names none, or the noun is no such kind.
    /// </summary>
    private string? RegionNamed(string kind, int anchor)
    {
        if (kind is not ("province" or "territory"))
        {
            return null;
        }

        string? best = null;
        int bestCount = 0;
        int last = LastRunBefore(anchor);
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            if (run.IsPerson || _insideQuote[run.First] || InBoilerplate(run.First) || !Regions.TryGetValue(run.Name, out string? k) || k != kind)
            {
                continue;
            }

            int count = MentionCount(run.Name);
            if (count > bestCount)
            {
                (best, bestCount) = (run.Name, count);
            }
        }

        return best;
    }

    /// <summary>Whether one of the tokens [first, end) is <paramref name="a"/> or <paramref name="b"/>.</summary>
    private bool HasWordBefore(int first, int end, string a, string b)
    {
        for (int t = first; t < end; t++)
        {
            if (_doc.IsWord(t) && (_doc.Word(t).Equals(a, StringComparison.OrdinalIgnoreCase) || _doc.Word(t).Equals(b, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word of the phrase is a connector (the head of the union).</summary>
    private bool HasConnector(Phrase phrase)
    {
        for (int t = phrase.First; t <= phrase.Last; t++)
        {
            if ((_doc.ClassOf(t) & SpeakerWord.Connector) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The company when the article names several organisations: the company it names most (its short name counted with
    /// its full one: Northvane, Northvane Systems), the first named of those tied; not a court, a union, a ministry or
    /// the like (an organisation's word that no company's name has). Only those named before <paramref name="before"/>.
    /// </summary>
    private ResolvedSpeaker? MostNamedCompany(int before)
    {
        int last = LastRunBefore(before);
        string? best = null;
        int bestCount = 0;
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            if (run.IsPerson || _insideQuote[run.First] || InBoilerplate(run.First) || _doc.EntityAt(run.Last) != EntityType.Organization
                || HoldsOtherOrganisationWord(run.Name, "company", companyWords: true) || !HoldsCompanyWord(run.Name))
            {
                continue;
            }

            // (its mentions, and those of each shorter form inside it: Northvane for Northvane Systems, Lumaterre for
            // Montreal-based Lumaterre Inc.; a longer run of capitals is a headline, no company's name)
            string[] words = run.Name.Split(' ');
            if (words.Length > MaxNameWords)
            {
                continue;
            }

            int count = 0;
            for (int from = 0; from < words.Length; from++)
            {
                for (int to = from + 1; to <= words.Length; to++)
                {
                    count += MentionCount(string.Join(' ', words, from, to - from));
                }
            }

            if (count >= bestCount) // (from the last back: a tie goes to the one named first)
            {
                (best, bestCount) = (run.Name, count);
            }
        }

        return best is null ? null : new ResolvedSpeaker(default, [best], Gender.Any, IsPerson: false);
    }

    /// <summary>A person whose name does not hold the noun (not Nunavut’s Department of Education, read as a possessive phrase).</summary>
    private bool IsPersonNotNamedFor(ResolvedSpeaker linked, int head) =>
        linked.IsPerson && !linked.Name.AsSpan().Contains(_doc.Word(head), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The company, the union, the statement: an organisation the article named before, within a few paragraphs, whose
    /// name has the noun (the network → Toronto Food Access Network), or for a company or firm the only one it named;
    /// a statement, notice or release is the one the last speaker gave, past that issuer's own words since (In a
    /// statement, X said … ¶ “…,” the statement said). Null when none is.
    /// </summary>
    private ResolvedSpeaker? InstitutionNamed(Phrase phrase, int head, int anchor)
    {
        ReadOnlySpan<char> noun = _doc.Word(head);
        int paragraph = _doc.ParagraphOf(anchor);
        if (IsIssuedDocument(noun))
        {
            // The last speaker, past the statement's own earlier quotes (“…,” the statement said. “…”); so too the notice,
            // past the issuer's own words since (In a notice posted Wednesday, Health Canada said … ¶ The department said …
            // ¶ “…,” the notice said).
            string? issuer = null;
            for (int i = _spoken.Count - 1; i >= 0 && i >= _spoken.Count - SpokenReach; i--)
            {
                (ResolvedSpeaker spoken, int at) = _spoken[i];
                if (_doc.ParagraphOf(at) < paragraph - 2 || spoken.Names.Length != 1 || (issuer is not null && issuer != spoken.Names[0]))
                {
                    return null;
                }

                if (GaveDocumentIn(at, noun))
                {
                    return spoken;
                }

                if (!_doc.Text.AsSpan(spoken.Mention.Start, spoken.Mention.Length).EndsWith(noun, StringComparison.OrdinalIgnoreCase))
                {
                    if (spoken.IsPerson)
                    {
                        return null;
                    }

                    issuer = spoken.Names[0]; // an organisation spoke since: only its own document can be meant
                }
            }

            return null;
        }

        bool anyCompany = QuoteLexicons.CompanyNouns.Contains(noun); // (the company, the firm, the telecom, the retailer)
        string? only = null; // the company: the one organisation named before, if only one is
        bool several = false;
        int last = LastRunBefore(Math.Max(anchor, phrase.First)); // (S, the company said: the names in S too)
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            // (an organisation by the tagger, or by the word its name ends in: Northgate College, read as a place; one the
            // tagger calls an organisation here though it read the name as a person's elsewhere: Ledgerleaf, a startup)
            if ((run.IsPerson && _doc.EntityAt(run.Last) != EntityType.Organization) || _insideQuote[run.First] || InBoilerplate(run.First) || (_doc.EntityAt(run.Last) != EntityType.Organization && !EndsAsOrganisation(run.Last)))
            {
                continue;
            }

            if (run.Last > run.First && (HasWord(run, noun) || NamedWithNoun(run, noun) || IsSchoolOf(noun, run) || IsFederalDepartmentOf(noun, run)) && _doc.ParagraphOf(run.First) >= paragraph - PronounReach
                && ModifiersIn(phrase, head, run.Name))
            {
                return new ResolvedSpeaker(default, [OrganisationName(run)], Gender.Any, IsPerson: false);
            }

            several |= only is not null && only != run.Name;
            only ??= run.Name;
        }

        if (anyCompany)
        {
            if (only is not null && !several)
            {
                return ModifiersIn(phrase, head, only) && !HoldsOtherOrganisationWord(only, noun, companyWords: true) ? new ResolvedSpeaker(default, [only], Gender.Any, IsPerson: false) : null;
            }

            return only is null || !ModifiersIn(phrase, head, only) ? null : MostNamedCompany(Math.Max(anchor, phrase.First));
        }

        // Further back, the one organisation whose name has the noun (the regional centre, paragraphs after the
        // Cape Breton-Victoria Regional Centre for Education was named): one only, as two would leave it open.
        string? holder = null;
        string? full = null;
        for (int i = last; i >= 0 && i > last - InstitutionReach; i--)
        {
            NameRun run = _names[i];
            if (run.IsPerson || run.Last == run.First || _insideQuote[run.First] || InBoilerplate(run.First) || _doc.EntityAt(run.Last) != EntityType.Organization
                || !HasWord(run, noun) || !ModifiersIn(phrase, head, run.Name))
            {
                continue;
            }

            if (holder is not null && holder != run.Name)
            {
                return null;
            }

            holder = run.Name;
            full = OrganisationName(run);
        }

        return holder is null ? null : new ResolvedSpeaker(default, [full!], Gender.Any, IsPerson: false);
    }

    /// <summary>
    /// The department added, the health authority said: with no name that has the noun, the organisation that spoke
    /// last, within two paragraphs, past people who spoke since (Fisheries and Oceans Canada said … ¶ … Bérubé said … ¶
    /// The department added); not one whose name holds another organisation's noun (the union, then the company).
    /// </summary>
    private ResolvedSpeaker? OrganisationThatSpoke(Phrase phrase, int head, int anchor)
    {
        ReadOnlySpan<char> noun = _doc.Word(head);
        if (IsDocumentNoun(noun))
        {
            return null; // (a document is no organisation that speaks again)
        }

        int paragraph = _doc.ParagraphOf(anchor);
        for (int i = _spoken.Count - 1; i >= 0 && i >= _spoken.Count - SpokenReach; i--)
        {
            (ResolvedSpeaker spoken, int at) = _spoken[i];
            if (_doc.ParagraphOf(at) < paragraph - 2 || spoken.Names.Length != 1)
            {
                return null;
            }

            if (spoken.IsPerson)
            {
                continue;
            }

            // (the Trump campaign is not the outlet that reported before it: the words before the noun are in the name)
            // (a phrase that is its own name only when capitalised: Nunavut’s Department of Education, not the ministry)
            return (spoken.Kind != MentionKind.Phrase || char.IsUpper(spoken.Names[0][0])) && !HoldsOtherOrganisationWord(spoken.Names[0], noun) && ModifiersIn(phrase, head, spoken.Names[0]) ? spoken : null;
        }

        return null;
    }

    /// <summary>How many speakers back "the statement" or an institution noun looks for the one it stands for.</summary>
    private const int SpokenReach = 4;

    /// <summary>Whether a word of the name says it is a company's (Lumaterre Inc., Northvane Systems, Groupe Habitations Riviera).</summary>
    private static bool HoldsCompanyWord(string name)
    {
        ReadOnlySpan<char> rest = name;
        while (!rest.IsEmpty)
        {
            if (IsCompanyWord(NextWord(ref rest)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word <paramref name="rest"/> starts with; <paramref name="rest"/> moves past it and its space.</summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        int space = rest.IndexOf(' ');
        ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
        rest = space < 0 ? default : rest[(space + 1)..];
        return word;
    }

    /// <summary>A word of a company's name (Inc, Ltd, Group, Partners, Systems): "the company" may mean the one it ends.</summary>
    private static bool IsCompanyWord(ReadOnlySpan<char> w) =>
        w.TrimEnd('.') is "Inc" or "Incorporated" or "Corp" or "Corporation" or "Co" or "Company" or "Ltd" or "Limited" or "LLC" or "LLP" or "LP" or "plc"
            or "Holdings" or "Group" or "Groupe" or "Partners" or "Systems" or "Technologies" or "Industries" or "Enterprises" or "Solutions" or "Motors" or "Energy";

    /// <summary>A document its issuer speaks through, named with "in a …" where the issuer speaks (in a statement, in a notice).</summary>
    private static bool IsIssuedDocument(ReadOnlySpan<char> noun) =>
        noun.Equals("statement", StringComparison.OrdinalIgnoreCase) || noun.Equals("notice", StringComparison.OrdinalIgnoreCase)
        || noun.Equals("release", StringComparison.OrdinalIgnoreCase);

    /// <summary>A noun of a document that speaks (the statement, the report, the claim): no organisation, and nobody's name.</summary>
    private static bool IsDocumentNoun(ReadOnlySpan<char> noun) =>
        IsIssuedDocument(noun) || noun is "report" or "letter" or "paper" or "ruling" or "claim" or "lawsuit" or "filing" or "complaint" or "website";

    private static ReadOnlySpan<char> LastWordOf(string name) => name.AsSpan(name.LastIndexOf(' ') + 1);

    /// <summary>Whether a word of the name is an organisation's noun other than <paramref name="noun"/> (Unifor Union for the company).</summary>
    private static bool HoldsOtherOrganisationWord(string name, ReadOnlySpan<char> noun, bool companyWords = false)
    {
        ReadOnlySpan<char> rest = name;
        while (!rest.IsEmpty)
        {
            ReadOnlySpan<char> w = NextWord(ref rest);
            if (!w.Equals(noun, StringComparison.OrdinalIgnoreCase) && (EntityGrouper.IsOrganizationWord(w) || (QuoteLexicons.ClassOf(w) & SpeakerWord.Institution) != 0)
                && !(companyWords && IsCompanyWord(w)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The school: a college, university, academy or institute by its name (the school announced … Northgate College).</summary>
    private bool IsSchoolOf(ReadOnlySpan<char> noun, NameRun run) =>
        noun.Equals("school", StringComparison.OrdinalIgnoreCase)
        && (HasWord(run, "College") || HasWord(run, "University") || HasWord(run, "Academy") || HasWord(run, "Institute") || HasWord(run, "Polytechnic"));

    /// <summary>
    /// The department, the agency: a federal department or agency named as Canada names them (Fisheries and Oceans
    /// Canada, Health Canada) — not a body "of Canada" (the Bank of Canada is no agency the text meant).
    /// </summary>
    private bool IsFederalDepartmentOf(ReadOnlySpan<char> noun, NameRun run) =>
        (noun.Equals("department", StringComparison.OrdinalIgnoreCase) || noun.Equals("agency", StringComparison.OrdinalIgnoreCase))
        && run.Last > run.First && _doc.Word(run.Last) is "Canada" && !_doc.Word(run.Last - 1).Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The police force named last before <paramref name="anchor"/> (a name with a word of police-forces.txt, not a
    /// person's), with every word of the phrase but the article in its name (Winnipeg police → Winnipeg Police Service);
    /// null when there is none.
    /// </summary>
    private string? PoliceForceNamed(Phrase phrase, int anchor)
    {
        int last = LastRunBefore(Math.Max(anchor, phrase.First));
        for (int i = last; i >= 0 && i > last - InstitutionReach; i--)
        {
            NameRun run = _names[i];
            // (not another "Police said"; not a person the tagger found in the run: Ottawa Police Service Chief Eric Stubbs; a
            // force's name the tagger calls an organisation here though the name was read as a person's elsewhere)
            if ((run.IsPerson && _doc.EntityAt(run.Last) != EntityType.Organization) || _doc.EntityAt(run.Last) == EntityType.Person
                || (run.Last >= phrase.First && run.First <= phrase.Last) || _insideQuote[run.First] || InBoilerplate(run.First)
                || (run.First == run.Last && _doc.Word(run.First).Equals("police", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            bool force = false;
            for (int t = run.First; t <= run.Last && !force; t++)
            {
                force = _doc.IsWord(t) && QuoteLexicons.PoliceForceWords.Contains(_doc.Word(t));
            }

            if (force && ModifiersIn(phrase, phrase.Last, run.Name))
            {
                return OrganisationName(run);
            }
        }

        return null;
    }

    /// <summary>Whether the noun comes right before the run (the rider advocacy group Transit Ottawa Now).</summary>
    private bool NamedWithNoun(NameRun run, ReadOnlySpan<char> noun) =>
        run.First > 0 && _doc.IsWord(run.First - 1) && !_doc.IsCapitalized(run.First - 1) && _doc.Word(run.First - 1).Equals(noun, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the run has the word (the regional centre → Cape Breton-Victoria Regional Centre for Education).</summary>
    private bool HasWord(NameRun run, ReadOnlySpan<char> word)
    {
        for (int t = run.First; t <= run.Last; t++)
        {
            if (_doc.IsWord(t) && _doc.Word(t).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run's name with the rest of the organisation the tagger found it in (… Regional Centre for Education).</summary>
    private string OrganisationName(NameRun run)
    {
        int end = run.Last;
        while (end + 1 < _doc.Count && end - run.Last < MaxOrganisationTail && _doc.EntityAt(end + 1) == EntityType.Organization
            && _doc.SentenceOf[end + 1] == _doc.SentenceOf[run.Last])
        {
            end++;
        }

        return end == run.Last ? run.Name : Clean(new Phrase(run.First, end));
    }

    /// <summary>How many name runs back an institution noun looks for its organisation: bounds the work per mention.</summary>
    private const int InstitutionReach = 256;

    /// <summary>The most words an organisation's name runs on after its capitalised run (for Education).</summary>
    private const int MaxOrganisationTail = 6;

    /// <summary>
    /// Each word before the head but the article is in the name (the budget office → Congressional Budget Office; not the
    /// terrorist group → SITE Intelligence Group), but for where it is based (the Calgary-based telecom), which no name says.
    /// </summary>
    private bool ModifiersIn(Phrase phrase, int head, string name)
    {
        for (int t = phrase.First; t < head; t++)
        {
            if (_doc.IsWord(t) && (_doc.ClassOf(t) & SpeakerWord.Determiner) == 0 && !name.AsSpan().Contains(_doc.Word(t), StringComparison.OrdinalIgnoreCase)
                && !_doc.Word(t).EndsWith("-based", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the sentence of token <paramref name="t"/> says its speaker spoke in such a document (In a statement, X said; X said in a written notice), outside quote marks.</summary>
    private bool GaveDocumentIn(int t, ReadOnlySpan<char> noun)
    {
        int end = _doc.SentenceEnd(t);
        for (int u = _doc.SentenceStart(t); u + 2 < end; u++)
        {
            if (!_insideQuote[u] && _doc.IsWord(u) && _doc.Word(u).Equals("in", StringComparison.OrdinalIgnoreCase)
                && (_doc.ClassOf(u + 1) & SpeakerWord.Determiner) != 0
                && (_doc.Word(u + 2).Equals(noun, StringComparison.OrdinalIgnoreCase)
                    || (u + 3 < end && _doc.Word(u + 3).Equals(noun, StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The 34-year-old: the person the sentence before introduced, when it had no speaker (a name the tagger missed
    /// as its subject too: Jarrod Paul loaded his truck. ¶ “…,” the 34-year-old said), else the person the article
    /// gave that age (Liam MacIsaac, 34,), else the person the sentence before spoke of by name or as he or she, else
    /// the one it has named most: an age stands for the story's subject.
    /// </summary>
    private ResolvedSpeaker? AgedPerson(int age, int anchor, TextSpan mention)
    {
        int sentenceStart = _doc.SentenceStart(anchor);
        if (!SpokeIn(sentenceStart - 1))
        {
            if (PreviousSentencePerson(sentenceStart, Gender.Any) is NameRun introduced)
            {
                return new ResolvedSpeaker(mention, [introduced.Name], introduced.Gender, introduced.IsPerson);
            }

            if (PreviousSentenceNamedSubject(sentenceStart) is Phrase subject)
            {
                return new ResolvedSpeaker(mention, [Clean(subject)], Gender.Any, IsPerson: true);
            }
        }

        if (PersonOfAge(age, anchor) is NameRun given)
        {
            return new ResolvedSpeaker(mention, [given.Name], given.Gender, given.IsPerson);
        }

        // Gustavo Ibarra lives … He said S. ¶ “…,” the 34-year-old said; Mi-rae Cho, a nursing student, told CBC News S.
        // ¶ “…,” the 20-year-old said: with no one given that age, the person the sentence before spoke of by name or as
        // he or she (the story is on them), not one it named with a role or title (Jury chair X said).
        if (sentenceStart > 0 && _spoken.Count > 0 && _spoken[^1] is (ResolvedSpeaker last, int at) && last.IsPerson && last.Names.Length == 1
            && _doc.SentenceOf[at] == _doc.SentenceOf[sentenceStart - 1] && IsBareNameOrPronoun(_doc.Text.AsSpan(last.Mention.Start, last.Mention.Length)))
        {
            return new ResolvedSpeaker(mention, last.Names, last.Gender, IsPerson: true);
        }

        NameRun? run = MostNamedBefore(anchor);
        return run is NameRun r ? new ResolvedSpeaker(mention, [r.Name], r.Gender, r.IsPerson) : null;
    }

    /// <summary>The last person named before <paramref name="anchor"/> with the age the word <paramref name="age"/> gives (Liam MacIsaac, 34, …).</summary>
    private NameRun? PersonOfAge(int age, int anchor)
    {
        ReadOnlySpan<char> years = _doc.Word(age)[..^"-year-old".Length];
        int last = LastRunBefore(anchor);
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            if (run.IsPerson && _doc.Is(run.Last + 1, ',') && run.Last + 2 < _doc.Count && _doc.Tokens[run.Last + 2].Kind == TokenKind.Number
                && _doc.Word(run.Last + 2).SequenceEqual(years))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>The most tokens read back from an age for "a"/"an" with the same age (a 19-year-old driver).</summary>
    private const int MaxAgeDistance = 2000;

    /// <summary>
    /// <see cref="PersonOfAge"/> when no other person before it was given that age and no "a" or "an" with the age (a
    /// 19-year-old driver: someone else) stands between that person and <paramref name="anchor"/>; null otherwise.
    /// </summary>
    private NameRun? OnlyPersonOfAge(int age, int anchor)
    {
        if (PersonOfAge(age, anchor) is not NameRun given || (given.First > 0 && PersonOfAge(age, given.First) is NameRun other && other.Name != given.Name))
        {
            return null;
        }

        ReadOnlySpan<char> years = _doc.Word(age);
        for (int t = Math.Max(given.Last + 1, age - MaxAgeDistance); t < anchor && t < age; t++) // (bounded: each such mention reads at most this many tokens)
        {
            if (_doc.IsWord(t) && _doc.Word(t).Equals(years, StringComparison.OrdinalIgnoreCase) && t > 0 && _doc.IsWord(t - 1) && _doc.Word(t - 1) is "a" or "an" or "A" or "An")
            {
                return null;
            }
        }

        return given;
    }

    /// <summary>The person named most often before <paramref name="anchor"/> (among the last runs), the later on a tie.</summary>
    private NameRun? MostNamedBefore(int anchor)
    {
        NameRun? best = null;
        int most = 0;
        int last = LastRunBefore(anchor);
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            int count = run.IsPerson && !_insideQuote[run.First] && !InBoilerplate(run.First) ? MentionCount(run.Name) : 0;
            if (count > most)
            {
                (best, most) = (run, count);
            }
        }

        return best;
    }

    /// <summary>The most words between an apposition's article and its role noun (a retired bus mechanic).</summary>
    private const int MaxAppositionWords = 5;

    /// <summary>
    /// ", a technology analyst", ", the company's founder": at <paramref name="comma"/>, a comma, an article or a
    /// possessive and lower-case words ending in a person's role noun (not an institution's), then a comma, "with",
    /// "at", "of", "for", "from", "in", "who" or the sentence's end.
    /// </summary>
    private bool IsPersonApposition(int comma)
    {
        if (!_doc.Is(comma, ',') || !_doc.IsWord(comma + 1) || (_doc.ClassOf(comma + 1) & SpeakerWord.Article) == 0)
        {
            return false;
        }

        for (int t = comma + 2; t < _doc.Count && t <= comma + 1 + MaxAppositionWords && _doc.SentenceOf[t] == _doc.SentenceOf[comma]; t++)
        {
            if (!_doc.IsWord(t) || _doc.IsCapitalized(t))
            {
                return false;
            }

            SpeakerWord c = _doc.ClassOf(t);
            if ((c & SpeakerWord.Role) != 0 && (c & SpeakerWord.Institution) == 0 && !IsPluralWord(_doc.Word(t)))
            {
                int next = t + 1;
                return next >= _doc.Count || _doc.IsTerminal(next) || _doc.Is(next, ',')
                    || (_doc.IsWord(next) && _doc.Word(next) is "with" or "at" or "of" or "for" or "who" or "from" or "in");
            }
        }

        return false;
    }

    /// <summary>He or she, or capitalised words none of which is a role or a title (Mi-rae Cho, not Jury chair Tom Reed).</summary>
    private static bool IsBareNameOrPronoun(ReadOnlySpan<char> mention)
    {
        if (mention.Equals("he", StringComparison.OrdinalIgnoreCase) || mention.Equals("she", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        ReadOnlySpan<char> rest = mention;
        while (!rest.IsEmpty)
        {
            ReadOnlySpan<char> word = NextWord(ref rest);
            if (word.IsEmpty || !char.IsUpper(word[0]) || (QuoteLexicons.ClassOf(word) & (SpeakerWord.Role | SpeakerWord.Modifier)) != 0
                || QuoteLexicons.Titles.TryGetValue(word.TrimEnd('.'), out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The role noun of "X is the reeve of Y", "X has been a nurse": after a person's name that opens its sentence, "is"
    /// or "has been", an article or possessive and at most <see cref="MaxAppositionWords"/> lower-case words ending in a
    /// person's role noun (none of them former, late, retired …), then "of", "for", "at", "with", "in", a comma or the
    /// sentence's end; null when there is none.
    /// </summary>
    private int? CopulaRole(NameRun run)
    {
        int t = run.Last + 1;
        if (run.First != _doc.SentenceStart(run.First) || t + 2 >= _doc.Count || !_doc.IsWord(t) || _doc.SentenceOf[t] != _doc.SentenceOf[run.First])
        {
            return null;
        }

        // (the present only: Tom Baker was the coach for 20 years is no one the coach means now)
        ReadOnlySpan<char> verb = _doc.Word(t);
        if (verb is "has" && _doc.IsWord(t + 1) && _doc.Word(t + 1) is "been")
        {
            t++;
        }
        else if (verb is not "is")
        {
            return null;
        }

        int article = t + 1;
        if (!_doc.IsWord(article) || (_doc.ClassOf(article) & SpeakerWord.Article) == 0)
        {
            return null;
        }

        for (int u = article + 1; u < _doc.Count && u <= article + MaxAppositionWords && _doc.IsWord(u) && !_doc.IsCapitalized(u); u++)
        {
            if (_doc.Word(u) is "former" or "ex" or "late" or "retired" or "onetime" or "one-time" or "then" or "past" or "previous" or "outgoing")
            {
                return null; // (a former mayor is not the mayor)
            }

            if ((_doc.ClassOf(u) & (SpeakerWord.Role | SpeakerWord.Institution)) == SpeakerWord.Role && !_doc.IsPossessive(u + 1))
            {
                bool ends = u + 1 >= _doc.Count || _doc.IsTerminal(u + 1) || _doc.Is(u + 1, ',')
                    || (_doc.IsWord(u + 1) && _doc.Word(u + 1) is "of" or "for" or "at" or "with" or "in");
                return ends ? u : null;
            }
        }

        return null;
    }

    /// <summary>An age used as a noun (the 34-year-old): N-year-old, without a noun after it.</summary>
    private bool IsAge(int t) =>
        _doc.IsWord(t) && _doc.Word(t).EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) && _doc.Word(t).Length > "-year-old".Length
        && char.IsDigit(_doc.Word(t)[0]);

    /// <summary>The key under which a relative named with the kin noun at <paramref name="t"/> is remembered (not a role's).</summary>
    private string KinKey(int t) => KinKey(LowerWord(t));

    private static string KinKey(string noun) => "kin " + noun;

    /// <summary>The role a head word names, its short form read as the role (the PM → prime minister, the judge → justice).</summary>
    private string RoleKey(int t)
    {
        string word = LowerWord(t);
        return QuoteLexicons.RoleShortForms.TryGetValue(word, out string? role) ? role : word;
    }

    /// <summary>
    /// The phrase starting at <paramref name="first"/> is definite: it starts with "the", or "the" stands just
    /// before the modifiers the speaker phrase left out (the lanky, bespectacled professor).
    /// </summary>
    private bool IsDefinite(int first)
    {
        for (int t = first; t >= 0 && t >= first - 6; t--)
        {
            if (_doc.IsWord(t) && _doc.Word(t).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            bool modifier = t < first && (_doc.Is(t, ',') || (_doc.IsWord(t) && !_doc.IsCapitalized(t) && (_doc.ClassOf(t) & (SpeakerWord.Pronoun | SpeakerWord.Skip | SpeakerWord.Stop)) == 0));
            if (t < first && !modifier)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A mention that refers to a speaker named elsewhere.</summary>
    private static ResolvedSpeaker Refer(ResolvedSpeaker named, TextSpan mention) =>
        named with { Mention = mention, Kind = named.Kind == MentionKind.Phrase ? MentionKind.Phrase : MentionKind.Resolved };

    private static bool IsPluralWord(ReadOnlySpan<char> role) => role.EndsWith("s", StringComparison.Ordinal) && !role.EndsWith("ss", StringComparison.Ordinal);

    /// <summary>The class of the pronoun a possessive stands for (her → she: Female; their → they: Plural), or None.</summary>
    private SpeakerWord PossessiveAsPronoun(int t) =>
        !_doc.IsWord(t) ? SpeakerWord.None
        : _doc.Word(t).Equals("her", StringComparison.OrdinalIgnoreCase) ? SpeakerWord.Female
        : _doc.Word(t).Equals("his", StringComparison.OrdinalIgnoreCase) ? SpeakerWord.Male
        : _doc.Word(t).Equals("their", StringComparison.OrdinalIgnoreCase) ? SpeakerWord.Plural
        : _doc.Word(t).Equals("its", StringComparison.OrdinalIgnoreCase) ? SpeakerWord.Neuter
        : SpeakerWord.None;

    private ResolvedSpeaker? ResolvePronoun(int token, TextSpan mention, int anchor)
    {
        SpeakerWord c = _doc.ClassOf(token) | PossessiveAsPronoun(token);
        int paragraph = _doc.ParagraphOf(anchor);
        if ((c & SpeakerWord.Plural) != 0)
        {
            List<string>? list = RecentNameList(anchor);
            for (int i = _spoken.Count - 1; i >= 0 && i >= _spoken.Count - MaxCandidates; i--)
            {
                (ResolvedSpeaker s, int at) = _spoken[i];
                if (_doc.ParagraphOf(at) < paragraph - PronounReach)
                {
                    break;
                }

                if (list is not null && at < ListPosition)
                {
                    break;
                }

                // (not a document that spoke: they, after “…,” the statement said, are its authors)
                if ((s.IsPlural || !s.IsPerson) && !(s.Kind == MentionKind.Phrase && s.Names.Length == 1 && IsDocumentNoun(LastWordOf(s.Names[0]))))
                {
                    return Refer(s, mention);
                }
            }

            return list is null ? null : new ResolvedSpeaker(mention, [.. list], Gender.Any, IsPerson: true);
        }

        Gender wanted = (c & SpeakerWord.Male) != 0 ? Gender.Male : (c & SpeakerWord.Female) != 0 ? Gender.Female : Gender.Any;
        bool person = (c & (SpeakerWord.Male | SpeakerWord.Female)) != 0;
        if ((c & SpeakerWord.FirstPerson) != 0)
        {
            return null;
        }

        // A person named earlier in the same sentence (Ed Smith said it best when he wrote: …): the subject of
        // a clause first (Ann Lee says she admired Joan Bell's courage, which she called …), else the nearest.
        int sentenceStart = _doc.SentenceStart(token);
        int before = LastRunBefore(token);
        NameRun? nearest = null;
        for (int i = before; i >= 0 && i > before - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            if (run.First < sentenceStart)
            {
                break;
            }

            if (person && run.IsPerson && !_insideQuote[run.First] && (wanted == Gender.Any || run.Gender == Gender.Any || run.Gender == wanted))
            {
                if (_doc.IsVerbLike(run.Last + 1) && !_doc.IsPossessive(run.Last + 1))
                {
                    return new ResolvedSpeaker(mention, [run.Name], run.Gender, run.IsPerson);
                }

                nearest ??= run;
            }
        }

        if (nearest is NameRun near)
        {
            return new ResolvedSpeaker(mention, [near.Name], near.Gender, near.IsPerson);
        }

        // A person the sentence before introduced, outside quote marks, its subject first: news introduces a
        // source and then quotes them (Whitcombe, a cardiologist, reviewed the files. “…,” she said.). Not when
        // that sentence had a speaker of its own: the pronoun goes on with them. The sentence before is the one
        // before the quote the pronoun attributes (“S1. S2,” she said: not S1).
        if (anchor < token && _doc.SentenceStart(anchor) < sentenceStart)
        {
            sentenceStart = _doc.SentenceStart(anchor);
        }

        if (person && !SpokeIn(sentenceStart - 1))
        {
            if (PreviousSentencePerson(sentenceStart, wanted) is NameRun introduced)
            {
                return new ResolvedSpeaker(mention, [introduced.Name], introduced.Gender, introduced.IsPerson);
            }

            // A surname no list knows, as the sentence's subject (Whitcombe, a cardiologist, reviewed …): the parse says it is a name.
            if (PreviousSentenceNamedSubject(sentenceStart) is Phrase subject)
            {
                return new ResolvedSpeaker(mention, [Clean(subject)], Gender.Any, IsPerson: true);
            }
        }

        for (int i = _spoken.Count - 1; i >= 0 && i >= _spoken.Count - MaxCandidates; i--)
        {
            (ResolvedSpeaker s, int at) = _spoken[i];
            if (_doc.ParagraphOf(at) < paragraph - PronounReach)
            {
                break;
            }

            if (s.IsPlural || s.IsPerson != person || (wanted != Gender.Any && s.Gender != Gender.Any && s.Gender != wanted))
            {
                continue;
            }

            return Refer(s, mention);
        }

        // No speaker yet: the most recent person named before.
        int last = LastRunBefore(anchor);
        for (int i = last; i >= 0 && i > last - MaxCandidates; i--)
        {
            NameRun run = _names[i];
            if (run.IsPerson == person && !_insideQuote[run.First] && !ModifiesNoun(run) && (wanted == Gender.Any || run.Gender == Gender.Any || run.Gender == wanted))
            {
                return new ResolvedSpeaker(mention, [run.Name], run.Gender, run.IsPerson);
            }
        }

        return null;
    }

    /// <summary>
    /// The run is a modifier between an article and the common noun after it (the Tidewater emergency department, the
    /// Trudeau government), by the part-of-speech tags: no person a pronoun could mean. (The article matters: the tagger
    /// reads the verb after a subject's name as a noun often enough: Dale Brekke kicks at the dirt.)
    /// </summary>
    private bool ModifiesNoun(NameRun run) =>
        _parse.Count == _doc.Count && run.First > 0 && (_doc.ClassOf(run.First - 1) & SpeakerWord.Determiner) != 0 && !_doc.IsPossessivePronoun(run.First - 1)
        && _doc.IsWord(run.Last + 1) && !_doc.IsCapitalized(run.Last + 1) && _parse.Pos(run.Last + 1) == UniversalPos.Noun;

    /// <summary>
    /// A proper noun that opens the previous sentence, outside quote marks, followed by a comma or a verb
    /// (Whitcombe, a cardiologist, reviewed …; Whitcombe reviewed …): its subject, by the part-of-speech tags,
    /// which every token has (the sentence itself is parsed only when attribution reads it).
    /// </summary>
    private Phrase? PreviousSentenceNamedSubject(int sentenceStart)
    {
        if (sentenceStart <= 0 || _parse.Count != _doc.Count || _insideQuote[sentenceStart - 1])
        {
            return null;
        }

        int first = _doc.SentenceStart(sentenceStart - 1);
        int last = first;
        while (last + 1 < sentenceStart && last - first < MaxNameWords && _parse.Pos(last + 1) == UniversalPos.PropN && _doc.IsCapitalized(last + 1))
        {
            last++;
        }

        if (_parse.Pos(first) != UniversalPos.PropN || !_doc.IsCapitalized(first) || _insideQuote[first] || InBoilerplate(first) || last - first >= MaxNameWords
            || !(_doc.Is(last + 1, ',') || _parse.Pos(last + 1) is UniversalPos.Verb or UniversalPos.Aux))
        {
            return null;
        }

        return new Phrase(first, last);
    }

    /// <summary>A speaker was remembered in the sentence that holds token <paramref name="t"/>.</summary>
    private bool SpokeIn(int t)
    {
        if (t < 0 || _spoken.Count == 0)
        {
            return false;
        }

        int sentence = _doc.SentenceOf[t];
        for (int i = _spoken.Count - 1; i >= 0 && i >= _spoken.Count - MaxCandidates; i--)
        {
            int s = _doc.SentenceOf[Math.Min(_spoken[i].Token, _doc.Count - 1)];
            if (s == sentence)
            {
                return true;
            }

            if (s < sentence)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The first person of a compatible gender named outside quote marks in the sentence before the one that
    /// starts at <paramref name="sentenceStart"/>, when that sentence is itself outside quote marks and in the
    /// same or the previous paragraph; null otherwise.
    /// </summary>
    private NameRun? PreviousSentencePerson(int sentenceStart, Gender wanted)
    {
        int first = sentenceStart;
        while (first < _doc.Count && _doc.IsQuoteMark(first))
        {
            first++;
        }

        if (sentenceStart <= 0 || first >= _doc.Count || _insideQuote[sentenceStart - 1])
        {
            return null;
        }

        int previous = _doc.SentenceStart(sentenceStart - 1);
        if (_insideQuote[previous] || _doc.ParagraphOf(previous) < _doc.ParagraphOf(sentenceStart) - 1)
        {
            return null;
        }

        int from = Math.Max(0, LastRunBefore(previous));
        int to = Math.Min(LastRunBefore(sentenceStart), from + MaxCandidates);
        for (int i = from; i < _names.Count && i <= to; i++)
        {
            NameRun run = _names[i];
            // Not a possessor (Minh's mother, Linh Tran, held …): the person is the one the possessive phrase names.
            if (run.First >= previous && run.Last < sentenceStart && run.IsPerson && !_insideQuote[run.First] && !_doc.IsPossessive(run.Last + 1) && !ModifiesNoun(run)
                && (wanted == Gender.Any || run.Gender == Gender.Any || run.Gender == wanted))
            {
                return run;
            }
        }

        // … unless the possessive phrase names no one the pronoun could be: then the possessor who opens the sentence
        // (Gilles Thibault's 89-year-old mother lives on the third floor. He said …).
        for (int i = from; wanted != Gender.Any && i < _names.Count && i <= to && _names[i].First <= previous; i++)
        {
            NameRun opener = _names[i];
            if (opener.First == previous && opener.Last < sentenceStart && opener.IsPerson && opener.Gender == wanted && _doc.IsPossessive(opener.Last + 1)
                && !_insideQuote[opener.First])
            {
                return opener;
            }
        }

        return null;
    }

    /// <summary>Index of the last name run that ends before <paramref name="token"/>, or -1. Runs are in text order.</summary>
    private int LastRunBefore(int token)
    {
        int lo = 0;
        int hi = _names.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_names[mid].Last < token)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private int ListPosition { get; set; } = -1;

    /// <summary>
    /// Ann Pike and Tom Reed said, Pike, Reed and Lee said: a name that is the last of a coordination of names opening
    /// its clause speaks with the others; the mention covers them all. Null when the name stands alone.
    /// </summary>
    private ResolvedSpeaker? Coordinated(Phrase phrase, NameRun last)
    {
        int and = phrase.First - 1;
        if (and < 1 || !(_doc.IsWord(and) && _doc.Word(and).Equals("and", StringComparison.Ordinal)))
        {
            return null;
        }

        var names = new List<string> { last.Name };
        int first = phrase.First;
        foreach (NameRun r in ListRunsEndingAt(and - 1, 0))
        {
            if (names.Count >= MaxListNames || r.IsPerson != last.IsPerson || _insideQuote[r.First])
            {
                break;
            }

            if (!names.Contains(r.Name))
            {
                names.Insert(0, r.Name); // two mentions the resolver took for one person speak as one
            }

            first = r.First;
        }

        // Only a coordination that opens its clause is the subject (not "talks between Pike and Reed said …").
        bool opens = _doc.IsSentenceStart(first) || _doc.Is(first - 1, ',');
        return names.Count < 2 || !opens ? null
            : new ResolvedSpeaker(TextSpan.FromBounds(_doc.Tokens[first].Start, _doc.Tokens[phrase.Last].End), [.. names], Gender.Any, last.IsPerson, MentionKind.Name);
    }

    /// <summary>
    /// The names of an "A, B and …" list read back from the one that ends at token <paramref name="last"/> (right before
    /// "and"), nearest first, each before a comma, none ending before <paramref name="lowerBound"/>.
    /// </summary>
    private IEnumerable<NameRun> ListRunsEndingAt(int last, int lowerBound)
    {
        for (int u = last; u >= lowerBound && RunEndingAt(u) is NameRun run; u = run.First - 2)
        {
            yield return run;
            if (!_doc.Is(run.First - 1, ','))
            {
                yield break;
            }
        }
    }

    /// <summary>The most recent "A, B and C" list of names within the last three sentences before <paramref name="anchor"/>.</summary>
    private List<string>? RecentNameList(int anchor)
    {
        int firstSentence = Math.Max(0, _doc.SentenceOf[Math.Min(anchor, _doc.Count - 1)] - 3);
        int lowerBound = Math.Max(_doc.Segments.Sentences[firstSentence].FirstToken, anchor - ListReach);
        for (int t = anchor - 1; t >= lowerBound; t--)
        {
            if (!(_doc.IsWord(t) && _doc.Word(t).Equals("and", StringComparison.Ordinal)))
            {
                continue;
            }

            NameRun? after = RunAt(t + 1);
            if (after is null)
            {
                continue;
            }

            var names = new List<string> { after.Value.Name };
            int listStart = t;
            foreach (NameRun before in ListRunsEndingAt(t - 1, lowerBound))
            {
                names.Insert(0, before.Name);
                listStart = before.First;
            }

            if (names.Count >= 2)
            {
                ListPosition = listStart;
                return names;
            }
        }

        ListPosition = -1;
        return null;
    }

    private NameRun? RunAt(int token)
    {
        // The runs are in text order and do not overlap: the one that holds the token is the last that starts at or before it.
        int lo = 0;
        int hi = _names.Count - 1;
        int i = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_names[mid].First <= token)
            {
                i = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return i >= 0 && token <= _names[i].Last && _names[i].IsPerson ? _names[i] : null;
    }

    /// <summary>The one person's name run in tokens [<paramref name="from"/>, <paramref name="to"/>), or null when there are none or several.</summary>
    private NameRun? OnlyPersonIn(int from, int to)
    {
        NameRun? only = null;
        for (int t = from; t < to; t++)
        {
            if (RunAt(t) is NameRun r && r.First == t && r.IsPerson && r.Last < to && !_insideQuote[r.First])
            {
                if (only is not null && only.Value.Name != r.Name)
                {
                    return null;
                }

                only = r;
            }
        }

        return only;
    }

    private NameRun? RunEndingAt(int last)
    {
        NameRun? run = RunAt(last);
        return run is NameRun r && r.Last == last ? r : null;
    }

    /// <summary>
    /// A role noun, or a capitalised title of a role the speaker lexicon has no noun for (Justice Miriam Okonkwo, whom
    /// the article may call the judge: the short forms map "judge" to "justice").
    /// </summary>
    private bool IsRoleBeforeName(int t) =>
        (_doc.ClassOf(t) & SpeakerWord.Role) != 0 || (_doc.IsCapitalized(t) && _doc.IsWord(t) && TitleLexicon.Default.IsRoleTitle(_doc.Word(t)));

    /// <summary>A role whose holder speaks for an organisation (spokesperson, spokesman, spokeswoman, representative, official).</summary>
    private bool IsSpokesRole(int t) =>
        _doc.IsWord(t) && _doc.Word(t) is "spokesperson" or "spokesman" or "spokeswoman" or "representative" or "official";

    private void RememberRole(int roleToken, ResolvedSpeaker speaker)
    {
        // A two-word role that a short form stands for (Prime Minister X, for the PM) is remembered as well.
        if (roleToken > 0 && _doc.IsWord(roleToken - 1))
        {
            string compound = LowerWord(roleToken - 1) + " " + LowerWord(roleToken);
            if (QuoteLexicons.RoleCompounds.Contains(compound))
            {
                Remember(compound, roleToken, speaker);
            }
        }

        Remember(RoleKey(roleToken), roleToken, speaker);
    }

    private void Remember(string role, int roleToken, ResolvedSpeaker speaker)
    {
        if (!_roles.TryGetValue(role, out var list))
        {
            list = [];
            _roles[role] = list;
        }

        list.Add((roleToken, speaker)); // sorted by token once the index is built
    }

    private void SortRoles()
    {
        foreach (var list in _roles.Values)
        {
            list.Sort((a, b) => a.Token.CompareTo(b.Token));
        }
    }

    /// <summary>The holder of <paramref name="role"/> introduced nearest before (or first after) <paramref name="anchor"/>.</summary>
    private ResolvedSpeaker? FindRole(string role, int anchor, bool before)
    {
        if (!_roles.TryGetValue(role, out var list))
        {
            return null;
        }

        int lo = 0;
        int hi = list.Count - 1;
        int firstAfter = list.Count;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Token >= anchor)
            {
                firstAfter = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        ResolvedSpeaker? nearest = before
            ? (firstAfter > 0 ? list[firstAfter - 1].Speaker : null)
            : (firstAfter < list.Count ? list[firstAfter].Speaker : null);
        if (nearest is null)
        {
            return null;
        }

        // The holder introduced in the paragraph or the two before is meant (Moose coach X said … “…,” the coach said;
        // Manitoba skip X missed … ¶ “…,” X said. ¶ The skip from Brandon said), however often the article names another.
        int nearestToken = before ? list[firstAfter - 1].Token : list[firstAfter].Token;
        if (before && _doc.ParagraphOf(nearestToken) >= _doc.ParagraphOf(anchor) - 2)
        {
            return nearest;
        }

        // Several people hold the role (two prime ministers): "the PM" is the one the article names most, of those
        // introduced before it when it refers back.
        ResolvedSpeaker best = nearest;
        int bestCount = MentionCount(nearest.Name);
        // (a window of holders next to the anchor on the side the noun refers to: no list is copied)
        int from = before ? Math.Max(0, firstAfter - MaxCandidates) : firstAfter;
        int end = before ? firstAfter : Math.Min(list.Count, firstAfter + MaxCandidates);
        for (int h = from; h < end; h++)
        {
            ResolvedSpeaker holder = list[h].Speaker;
            int count = MentionCount(holder.Name);
            if (count > bestCount)
            {
                (best, bestCount) = (holder, count);
            }
        }

        return best;
    }

    /// <summary>The holder of <paramref name="role"/> introduced last before <paramref name="anchor"/>, in its paragraph or the one before; null otherwise.</summary>
    private ResolvedSpeaker? FindRoleNear(string role, int anchor)
    {
        if (!_roles.TryGetValue(role, out var list))
        {
            return null;
        }

        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Token < anchor)
            {
                return _doc.ParagraphOf(list[i].Token) >= _doc.ParagraphOf(anchor) - 1 ? list[i].Speaker : null;
            }
        }

        return null;
    }

    /// <summary>How many name runs of the article resolve to <paramref name="name"/>.</summary>
    private int MentionCount(string name)
    {
        if (_mentionCounts.Count == 0)
        {
            foreach (NameRun run in _names)
            {
                _mentionCounts[run.Name] = _mentionCounts.GetValueOrDefault(run.Name) + 1;
            }
        }

        return _mentionCounts.GetValueOrDefault(name);
    }

    private bool IsNamePart(int t) =>
        _doc.IsNameWord(t) || (_doc.IsWord(t) && (_doc.Tokens[t].Traits & TokenTraits.Title) != 0)
        || ((_doc.Word(t) is var w) && w.Length <= 3 && (w.SequenceEqual("of") || w.SequenceEqual("al") || w.SequenceEqual("bin")) && _doc.IsNameWord(t + 1) && _doc.IsNameWord(t - 1))
        || (_doc.IsAnd(t) && _doc.EntityAt(t) == EntityType.Organization && _doc.IsNameWord(t + 1) && _doc.IsNameWord(t - 1)); // (Fisheries and Oceans Canada, one name the tagger found)

    /// <summary>All runs of capitalised words, the full names they use, and role links (secretary X).</summary>
    private void IndexNames()
    {
        var runs = new List<(int First, int Last)>();
        int t = 0;
        int ownedKinEnd = -1; // the last run named as an owner's relative (her parents, X and Y: Y too)
        while (t < _doc.Count)
        {
            if (!_doc.IsNameWord(t) && !(_doc.IsWord(t) && (_doc.Tokens[t].Traits & TokenTraits.Title) != 0 && _doc.IsNameWord(t + 1)))
            {
                t++;
                continue;
            }

            int first = t;
            while (t + 1 < _doc.Count && IsNamePart(t + 1) && _doc.SentenceOf[t + 1] == _doc.SentenceOf[first])
            {
                t++;
            }

            if (InBoilerplate(first))
            {
                t++;
                continue; // a byline's author or a credited photographer: no name a pronoun or a short form can mean
            }

            runs.Add((first, t));
            (int core, _, _) = Core(first, t);
            if (core < t)
            {
                string full = Clean(new Phrase(core, t));
                string last = _doc.Word(t).ToString();
                if (!_fullNames.TryGetValue(last, out Dictionary<string, int>? forms))
                {
                    forms = new Dictionary<string, int>(StringComparer.Ordinal);
                    _fullNames[last] = forms;
                }

                forms[full] = forms.TryGetValue(full, out int n) ? n + 1 : 1;
                bool kin = _doc.Is(first - 1, ',') && _doc.IsWord(first - 2) && EntityGrouper.IsKinNoun(_doc.Word(first - 2));
                if (kin || (ownedKinEnd >= 0 && ownedKinEnd == first - 2 && _doc.IsAnd(first - 1)))
                {
                    _kinNames.Add(full);
                }

                ownedKinEnd = kin && (_doc.IsPossessivePronoun(first - 3) || _doc.IsPossessive(first - 3)) ? t : -1;
                if (_doc.EntityAt(t) == EntityType.Person)
                {
                    string given = _doc.Word(core).ToString();
                    _byGivenName[given] = _byGivenName.TryGetValue(given, out string? other) && other != full ? string.Empty : full; // empty: two people share it
                }
            }

            t++;
        }

        _names.Capacity = runs.Count;
        foreach ((int first, int last) in runs)
        {
            NameRun run = MakeRun(first, last);
            // (not an institution's noun before an organisation's name: venture firm Northcap Partners; nor a role ending
            // the sentence before: a byline's Technology Reporter)
            if (first > 0 && IsRoleBeforeName(first - 1) && last - first < MaxNameWords
                && ((_doc.ClassOf(first - 1) & SpeakerWord.Institution) == 0 || _doc.EntityAt(last) != EntityType.Organization)
                && _doc.SentenceOf[first - 1] == _doc.SentenceOf[first] && !EndsAsOrganisation(last))
            {
                run = run with { IsPerson = true }; // health secretary Priya Nair
                RememberRole(first - 1, new ResolvedSpeaker(default, [run.Name], run.Gender, true));
            }

            // Sandeep Virk, a technology analyst with …: a role in apposition makes the name a person's, whatever the
            // tagger called it (a place, here), and the lists may tell the gender.
            if (!run.IsPerson && last > first && last - first < MaxNameWords && !EndsAsOrganisation(last) && IsPersonApposition(last + 1))
            {
                run = run with { IsPerson = true };
                if (run.Gender == Gender.Any && QuoteLexicons.TryGetFirstNameGender(_doc.Word(first), out Gender listed))
                {
                    run = run with { Gender = listed };
                }

                _knownNames[run.Name] = (run.Gender, true);
            }

            // A capitalised title inside the run (Professor Hans Keller, Prime Minister Boris Johnson): the role
            // the rest of the article may call the person by (the professor, the PM).
            // (a longer run too when the name after the title is a person's by the tagger: Muskeg Lake Fire Chief Dwayne
            // Cardinal, then the fire chief)
            (int core, _, _) = Core(first, last);
            // (not a run that is its whole sentence, unless a cue opens it (…, said United Auto Workers Secretary-Treasurer
            // Gary Casteel.): a title-case headline joins two people, Premier Eby Praises Minister Adrian Dix)
            bool titled = last - first < MaxNameWords || (last - core < MaxNameWords && core - first < MaxNameWords && _doc.EntityAt(last) == EntityType.Person
                && ((last + 1 < _doc.Count && _doc.SentenceOf[last + 1] == _doc.SentenceOf[last] && !_doc.IsTerminal(last + 1)) || (first > 0 && _doc.TryCue(first - 1, out _))));
            for (int u = first; u < core && core <= last && titled; u++)
            {
                // (a title the lexicon has no noun for only right before a person's name: Ontario Court Justice X; Justice
                // Minister X is no justice, nor the Youth Criminal Justice Act or the Justice Department a person)
                if ((_doc.ClassOf(u) & SpeakerWord.Role) != 0
                    || (u + 1 == core && _doc.EntityAt(last) == EntityType.Person && IsRoleBeforeName(u)))
                {
                    run = run with { IsPerson = true };
                    RememberRole(u, new ResolvedSpeaker(default, [run.Name], run.Gender, true));
                }
            }

            if (run.IsPerson && !_knownNames.GetValueOrDefault(run.Name).IsPerson)
            {
                // The role or title said so: the name is a person's wherever it is read again (the speaker's own mention).
                _knownNames[run.Name] = (run.Gender, true);
            }

            _names.Add(run);
        }

        ApplyPronounEvidence();

        // Appositions link a role and a name both ways: Lord Penrose, a former head of the navy, / the council’s leader, Margaret Okafor,
        foreach (NameRun run in _names)
        {
            if (!run.IsPerson)
            {
                continue;
            }

            var holder = new ResolvedSpeaker(default, [run.Name], run.Gender, true);
            if (_doc.Is(run.Last + 1, ','))
            {
                int head = -1;
                for (int u = run.Last + 2; u < _doc.Count && u <= run.Last + 12 && !_doc.Is(u, ',') && !_doc.IsTerminal(u); u++)
                {
                    // (not a possessor: Tanya Cheechoo, who is the chief's niece, is no chief)
                    head = (_doc.ClassOf(u) & SpeakerWord.Role) != 0 && (!_doc.IsCapitalized(u) || _doc.IsAllCaps(u)) && !_doc.IsPossessive(u + 1) ? u : head; // a professor, the Liberal MP
                }

                if (head >= 0)
                {
                    RememberRole(head, holder);
                }
            }

            if (_doc.Is(run.First - 1, ',') && run.First - 2 >= 0 && (_doc.ClassOf(run.First - 2) & SpeakerWord.Role) != 0)
            {
                RememberRole(run.First - 2, holder);
            }

            // Tom Baker is the reeve of Hollow Creek: a sentence's subject named with its role after "is" or "has been".
            if (CopulaRole(run) is int copulaRole)
            {
                RememberRole(copulaRole, holder);
            }

            // His daughter, Carla Hiltz, …: the relative a later "his daughter" means.
            if (_doc.Is(run.First - 1, ',') && run.First - 2 >= 0 && _doc.IsWord(run.First - 2) && EntityGrouper.IsKinNoun(_doc.Word(run.First - 2)))
            {
                Remember(KinKey(run.First - 2), run.First - 2, holder);

                // Yves Gagnon and his wife, Micheline Gagnon: he is the one "her husband" means later.
                int spouse = run.First - 2;
                string? other = _doc.Word(spouse) switch { "wife" => "husband", "husband" => "wife", _ => null };
                if (other is not null && spouse - 2 > 0 && _doc.IsPossessivePronoun(spouse - 1) && _doc.IsAnd(spouse - 2)
                    && RunEndingAt(spouse - 3) is NameRun partner)
                {
                    Remember(KinKey(other), spouse, new ResolvedSpeaker(default, [partner.Name], partner.Gender, IsPerson: true));
                }

                // Nathalie Simard came to the vote with her father, Gilles Simard: she is the one "his daughter" means later
                // (the one person the sentence names before "her" or "his", of a gender that fits it: not Jan Voss, who spoke
                // to Ana Li and her father).
                string? child = _doc.Word(spouse) is "father" or "mother" && spouse - 1 >= 0 && _doc.IsWord(spouse - 1)
                    ? _doc.Word(spouse - 1) switch { "her" => "daughter", "his" => "son", _ => null } : null;
                Gender unfit = child == "daughter" ? Gender.Male : Gender.Female;
                if (child is not null && OnlyPersonIn(_doc.SentenceStart(spouse), spouse - 1) is NameRun offspring && offspring.Name != run.Name
                    && offspring.Gender != unfit)
                {
                    Remember(KinKey(child), spouse, new ResolvedSpeaker(default, [offspring.Name], offspring.Gender, IsPerson: true));
                }
            }
        }

        // A spokesperson for the Ministry of Health said …: "the spokesperson" later speaks for the same organisation (not
        // when the role is a named person's apposition: Leah Mercado, a spokesperson for BC Ferries, said).
        foreach ((int first, int last) in runs)
        {
            int prep = first - 1; // (past "the" and a modifier: a spokeswoman for the provincial Ministry of Health)
            while (prep > 0 && prep >= first - 2 && _doc.IsWord(prep) && !_doc.IsCapitalized(prep) && _doc.Word(prep) is not ("for" or "with"))
            {
                prep--;
            }

            int role = prep - 1;
            if (role >= 1 && _doc.IsWord(prep) && _doc.Word(prep) is "for" or "with" && _doc.SentenceOf[role] == _doc.SentenceOf[last]
                && IsSpokesRole(role) && !(_doc.IsWord(role - 1) && (_doc.ClassOf(role - 1) & SpeakerWord.Determiner) != 0 && role >= 2 && _doc.Is(role - 2, ','))
                && (_doc.EntityAt(last) == EntityType.Organization || EndsAsOrganisation(last)) && last - first < MaxNameWords)
            {
                Remember(RoleKey(role), role, new ResolvedSpeaker(default, [MakeRun(first, last).Name], Gender.Any, IsPerson: false));
            }
        }

        SortRoles();

        // Mr Hale’s official spokesman: the possessive phrase names the role's holder.
        for (int r = 0; r < runs.Count; r++)
        {
            (int first, int last) = runs[r];
            if (!_doc.IsPossessive(last + 1))
            {
                continue;
            }

            int head = -1;
            for (int u = last + 2; u < _doc.Count && _doc.IsWord(u) && !_doc.IsCapitalized(u)
                && (_doc.ClassOf(u) & (SpeakerWord.Modifier | SpeakerWord.Role)) != 0; u++)
            {
                head = (_doc.ClassOf(u) & SpeakerWord.Role) != 0 ? u : head;
            }

            if (head >= 0)
            {
                RememberRole(head, new ResolvedSpeaker(default, [Clean(new Phrase(first, head))], Gender.Any, true, MentionKind.Phrase));
            }
        }

        SortRoles();
    }

    /// <summary>
    /// What the text says of a person's gender outweighs a name list: he/his or she/her outside quote marks after the
    /// only person a sentence names (Goaltender Tobi Oyelaran stopped all 19 shots he faced), or opening the next
    /// sentence when it names no one, sets the gender of a name without a title (Tobi is a woman's name on the lists).
    /// A sentence with both genders tells nothing. One pass over the runs, in text order.
    /// </summary>
    private void ApplyPronounEvidence()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentions = new List<(int After, int Key)>();
        var named = new Dictionary<int, Gender>(); // a gendered noun in apposition: Her father, Ronald MacWilliams
        var titled = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (NameRun run in _names)
        {
            if (run.IsPerson && Core(run.First, run.Last).Gender is Gender title and not Gender.Any)
            {
                titled[run.Name] = titled.TryGetValue(run.Name, out Gender other) && other != title ? Gender.Any : title;
            }

            if (run.IsPerson && !_insideQuote[run.First] && !InBoilerplate(run.First))
            {
                if (!keys.TryGetValue(run.Name, out int key))
                {
                    key = keys.Count;
                    keys[run.Name] = key;
                }

                mentions.Add((run.Last + 1, key));
                if (GenderedNounBefore(run.First, run.Last) is Gender noun and not Gender.Any)
                {
                    named[key] = noun;
                }
            }
        }

        (int Male, int Female)[] told = _doc.PronounsOfSoleNames(mentions, keys.Count, _insideQuote);
        for (int r = 0; r < _names.Count; r++)
        {
            NameRun run = _names[r];
            if (!run.IsPerson || !keys.TryGetValue(run.Name, out int key))
            {
                continue;
            }

            // A title anywhere tells the person's gender for every mention (Sami Haddad … Mr. Haddad said).
            if (titled.TryGetValue(run.Name, out Gender byTitle))
            {
                if (byTitle != Gender.Any)
                {
                    _names[r] = run with { Gender = byTitle };
                    _knownNames[run.Name] = (byTitle, true);
                }

                continue; // (two titles that disagree: each mention keeps its own)
            }

            // The noun the text gives the person outweighs the pronouns near their name, which may be another's
            // (Her father, Ronald MacWilliams, ran the farm before handing it to her. She said …).
            if (named.TryGetValue(key, out Gender stated) || told[key].Male != told[key].Female)
            {
                Gender g = stated != Gender.Any ? stated : told[key].Male > told[key].Female ? Gender.Male : Gender.Female;
                _names[r] = run with { Gender = g };
                _knownNames[run.Name] = (g, true);
            }
        }
    }

    /// <summary>
    /// The gender of a noun such as father or spokeswoman whose apposition, between commas, is the name [first, last]
    /// (Her father, Ronald MacWilliams, ran …); not a noun merely next to a name (whose father Dizon cares for).
    /// </summary>
    private Gender GenderedNounBefore(int first, int last)
    {
        int t = first - 2;
        if (!_doc.Is(first - 1, ',') || !(last + 1 >= _doc.Count || _doc.Is(last + 1, ',') || _doc.IsTerminal(last + 1)) || !_doc.IsWord(t) || _doc.IsCapitalized(t) || _doc.Word(t).Length <= 3)
        {
            return Gender.Any;
        }

        return GenderOfWord(t);
    }

    /// <summary>
    /// Where the name proper starts in tokens [first, last]: after the last title or role word that
    /// still leaves a name (Defense Secretary Ash Carter → Ash Carter; Ms Marsh → Marsh; White House stays).
    /// Also the gender and person-ness the titles tell.
    /// </summary>
    private (int Start, Gender Gender, bool Person) Core(int first, int last)
    {
        // (an institution's noun inside a name that is no person's is no title: the Saskatchewan Union of Nurses, Bank Street)
        bool organisation = _doc.EntityAt(last) != EntityType.Person;
        int start = first;
        Gender gender = Gender.Any;
        bool person = false;
        for (int t = first; t < last; t++)
        {
            ReadOnlySpan<char> w = _doc.Word(t);
            if (QuoteLexicons.Titles.TryGetValue(w, out Gender g))
            {
                gender = g == Gender.Any ? gender : g;
                person = true;
                start = t + 1;
            }
            else if ((QuoteLexicons.ClassOf(w) & SpeakerWord.Role) != 0 && !(organisation && (QuoteLexicons.ClassOf(w) & SpeakerWord.Institution) != 0))
            {
                person = true;
                start = t + 1;
            }
        }

        return (start, gender, person);
    }

    /// <summary>
    /// A name whose last word is an organisation's (the Environment Agency, Lumaterre Inc.), or a company's that the
    /// tagger read as one (Northcap Partners): never a person's.
    /// </summary>
    private bool EndsAsOrganisation(int last) =>
        EntityGrouper.IsOrganizationWord(_doc.Word(last).TrimEnd('.')) || (IsCompanyWord(_doc.Word(last)) && _doc.EntityAt(last) == EntityType.Organization);

    /// <summary>A name from tokens [first, last]: the fullest form the text uses for it (Ms Marsh → Helen Marsh).</summary>
    private NameRun MakeRun(int first, int last)
    {
        (int start, Gender gender, bool person) = Core(first, last);
        Gender titled = gender; // what a title says (Mr, Ms), before any list is read
        if (QuoteLexicons.FirstNames.TryGetValue(_doc.Word(start), out Gender fg))
        {
            gender = gender == Gender.Any ? fg : gender;
            person = true;
        }

        string core = Clean(new Phrase(start, last));
        string name = start == last && start > first ? Clean(new Phrase(first, last)) : core; // Lord Penrose, Mr Smith
        string lastWord = _doc.Word(last).ToString();
        if (_fullNames.TryGetValue(lastWord, out Dictionary<string, int>? forms))
        {
            // The most used full form, if it ends this run's name (Marsh, Ms Marsh → Helen Marsh).
            if (!_bestFullName.TryGetValue(lastWord, out string? best))
            {
                best = MostUsed(forms, _kinNames);
                _bestFullName[lastWord] = best;
            }

            // Mr. Brar, or Arsenault said he …, of two people of the name: the one of that gender (not his daughter Jasmine
            // Brar, nor his wife Claudine Arsenault); when none fits by the lists, the one the name means anyway (Mr. Graham:
            // Lindsey Graham, whom the lists call a woman).
            Gender wanted = start == last ? (titled != Gender.Any ? titled : EntityGrouper.PronounAfter(_doc.Text, _doc.Tokens[last].End)) : Gender.Any;
            if (wanted != Gender.Any && forms.Count > 1)
            {
                best = FittingFullName(lastWord, forms, wanted) ?? best;
            }

            if (start == last || (best.EndsWith(core, StringComparison.Ordinal) && forms[best] > forms.GetValueOrDefault(core)))
            {
                // (the surname of Kesalk Paul is no man's given name: the full name's first word tells, or nothing does)
                gender = start == last && best.Contains(' ', StringComparison.Ordinal) ? titled : gender;
                name = best;
                if (QuoteLexicons.FirstNames.TryGetValue(best.AsSpan(0, Math.Max(0, best.IndexOf(' ', StringComparison.Ordinal))), out Gender bg))
                {
                    gender = gender == Gender.Any ? bg : gender;
                    person = true;
                }
            }
        }

        else if (start == last && _byGivenName.TryGetValue(lastWord, out string? full) && full.Length > 0
            && _doc.EntityAt(last) != EntityType.Location) // (the tagger often calls a lone given name an organisation)
        {
            // Isabela, who helps at the stand, said: a given name alone is the one person the article gave it to (its
            // gender from the lists was read above, from the same word).
            name = full;
            person = true;
        }

        person |= last > start && gender != Gender.Any;
        person |= _doc.EntityAt(last) == EntityType.Person; // the tagger knows a surname the name lists do not
        person &= last - first < MaxNameWords; // a longer run of capitals is a headline
        if (_knownNames.TryGetValue(name, out var known))
        {
            gender = gender == Gender.Any ? known.Gender : gender;
            person |= known.IsPerson;
        }

        person &= !EndsAsOrganisation(last); // the Environment Agency, the Home Office, Lumaterre Inc.: never a person
        gender = person ? gender : Gender.Any; // the Alberta Teachers' Association: Alberta, a woman's name, makes no gender

        // The census table tells the gender of a person already known to be one; it makes no one a person,
        // because a first name that is also a word or a place (Jordan, Florence) would.
        if (person && gender == Gender.Any && name.IndexOf(' ', StringComparison.Ordinal) is > 0 and int space
            && QuoteLexicons.TryGetFirstNameGender(name.AsSpan(0, space), out Gender census))
        {
            gender = census;
        }

        _knownNames[name] = (gender, person);
        return new NameRun(first, last, name, gender, person);
    }

    /// <summary>Whether the words from <paramref name="first"/> up to the possessive at <paramref name="possessive"/> are one place's name (Ontario’s, B.C.’s).</summary>
    private bool IsPlaceBefore(int first, int possessive)
    {
        first = (_doc.ClassOf(first) & SpeakerWord.Determiner) != 0 ? first + 1 : first;
        if (first >= possessive)
        {
            return false;
        }

        for (int t = first; t < possessive; t++)
        {
            if (_doc.EntityAt(t) != EntityType.Location)
            {
                return false;
            }
        }

        return true;
    }

    private Phrase StripDeterminer(Phrase p) =>
        p.First < p.Last && (_doc.ClassOf(p.First) & SpeakerWord.Determiner) != 0 ? new Phrase(p.First + 1, p.Last) : p;

    /// <summary>
    /// The most used of the full forms whose gender (its given name's by the lists, or else what is known of the name) is
    /// <paramref name="wanted"/> or unknown, passing over relatives when another fits; null when none fits.
    /// </summary>
    private string? FittingFullName(string surname, Dictionary<string, int> forms, Gender wanted)
    {
        // (once per surname and gender: a surname's every mention would walk all its forms again)
        if (_fittingFullName.TryGetValue((surname, wanted), out string? known))
        {
            return known;
        }

        string? found = FittingFullName(forms, wanted);
        _fittingFullName[(surname, wanted)] = found;
        return found;
    }

    private string? FittingFullName(Dictionary<string, int> forms, Gender wanted)
    {
        var fitting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string form, int count) in forms)
        {
            int space = form.IndexOf(' ', StringComparison.Ordinal);
            // (the lists first: what the text seemed to say of the name may be this very mix-up)
            Gender g = space > 0 && QuoteLexicons.TryGetFirstNameGender(form.AsSpan(0, space), out Gender listed) ? listed
                : _knownNames.TryGetValue(form, out var known) ? known.Gender : Gender.Any;
            if (space > 0 && (g == Gender.Any || g == wanted))
            {
                fitting[form] = count;
            }
        }

        return fitting.Count == 0 ? null : MostUsed(fitting, _kinNames);
    }

    /// <summary>
    /// The most used form, past those of relatives (<paramref name="kin"/>) when another form is not one; of those used as
    /// often, the shortest; of those, the first in ordinal order.
    /// </summary>
    private static string MostUsed(Dictionary<string, int> forms, HashSet<string> kin)
    {
        string? best = null;
        int bestCount = 0;
        bool others = forms.Keys.Any(f => !kin.Contains(f)); // (a relative's name only when every form is a relative's)
        foreach ((string form, int count) in forms)
        {
            if (others && kin.Contains(form))
            {
                continue;
            }

            if (best is null || count > bestCount
                || (count == bestCount && (form.Length < best.Length || (form.Length == best.Length && string.CompareOrdinal(form, best) < 0))))
            {
                best = form;
                bestCount = count;
            }
        }

        return best!;
    }

    /// <summary>Token <paramref name="t"/> lower-cased (invariant), as one new string.</summary>
    private string LowerWord(int t)
    {
        ReadOnlySpan<char> word = _doc.Word(t);
        if (word.Length > 64)
        {
            return word.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[64];
        int n = word.ToLowerInvariant(lower);
        return new string(lower[..n]);
    }

    /// <summary>The phrase's text with no-break spaces and runs of spaces made single spaces.</summary>
    private string Clean(Phrase p)
    {
        if (p.First == p.Last)
        {
            return _doc.Word(p.First).ToString();
        }

        int length = 0;
        for (int t = p.First; t <= p.Last; t++)
        {
            length += _doc.Tokens[t].Length + (t > p.First && (_doc.Tokens[t].Traits & TokenTraits.SpaceBefore) != 0 ? 1 : 0);
        }

        char[]? rented = null;
        Span<char> chars = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        int at = 0;
        for (int t = p.First; t <= p.Last; t++)
        {
            if (t > p.First && (_doc.Tokens[t].Traits & TokenTraits.SpaceBefore) != 0)
            {
                chars[at++] = ' ';
            }

            _doc.Word(t).CopyTo(chars[at..]);
            at += _doc.Tokens[t].Length;
        }

        string text = new(chars[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return text;
    }
}
