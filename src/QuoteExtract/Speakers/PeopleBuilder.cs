using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;

namespace QuoteExtract.Speakers;

/// <summary>
/// The people of an article from its person groups: each with the gender its mentions tell (pronouns that
/// resolve to them, titles, gendered words, he or she in a sentence that names only them, a first name), and the
/// quotes' speakers given that gender.
/// Bylines and photo credits (By X, AP Photo/X, THE CANADIAN PRESS/X) name no person of the article: their names are
/// in no group (<see cref="Boilerplate"/>, read by the grouper and the speaker resolver); nor does a pronoun the
/// entity tagger took for a name; nor someone the article never names (a neighbour said: a role phrase, the quote's
/// speaker, with a gender, but no one of the people).
/// </summary>
internal static class PeopleBuilder
{
    /// <summary>The people of <paramref name="groups"/>, and <paramref name="quotes"/> with their speakers' gender.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="insideQuote">Per token, whether it is inside quote marks.</param>
    /// <param name="groups">The entity groups with the speakers joined.</param>
    /// <param name="roles">Per group, whether only role phrases name it (a neighbour): its speakers get a gender, but it is no person of the article.</param>
    /// <param name="quotes">The quotes.</param>
    public static (ImmutableArray<Person> People, ImmutableArray<Quote> Quotes) Build(DocumentView doc, bool[] insideQuote, ImmutableArray<EntityGroup> groups, bool[] roles, ImmutableArray<Quote> quotes)
    {
        string text = doc.Text;
        var people = ImmutableArray.CreateBuilder<Person>();
        var genderOfQuote = new PersonGender?[quotes.Length];
        (int Male, int Female)[] told = PronounsInTheirSentences(doc, insideQuote, groups);
        for (int g = 0; g < groups.Length; g++)
        {
            EntityGroup group = groups[g];
            if (group.Type != EntityType.Person || SpeakerResolver.IsBarePronoun(group.Name))
            {
                continue;
            }

            PersonGender gender = GenderOf(text, group, told[g]);
            if (!roles[g])
            {
                people.Add(new Person { Name = group.Name, Gender = gender, Mentions = group.Mentions, Quotes = group.Quotes });
            }

            foreach (int q in group.Quotes)
            {
                if ((uint)q < (uint)genderOfQuote.Length)
                {
                    // A plural speaker (Johnson, Merkel and Macron) has no one gender.
                    genderOfQuote[q] = genderOfQuote[q] is null || genderOfQuote[q] == gender ? gender : PersonGender.Unknown;
                }
            }
        }

        var withGender = ImmutableArray.CreateBuilder<Quote>(quotes.Length);
        for (int i = 0; i < quotes.Length; i++)
        {
            Quote q = quotes[i];
            withGender.Add(q.Speaker is { } s && genderOfQuote[i] is PersonGender g && s.Names.Length == 1 ? q with { Speaker = s with { Gender = g } } : q);
        }

        return (people.ToImmutable(), withGender.MoveToImmutable());
    }

    /// <summary>
    /// For each group, what the pronouns of the sentences that name that person and no other say
    /// (<see cref="DocumentView.PronounsOfSoleNames"/>): the group's mentions, but its pronouns, in text order. Indexed
    /// by group.
    /// </summary>
    private static (int Male, int Female)[] PronounsInTheirSentences(DocumentView doc, bool[] insideQuote, ImmutableArray<EntityGroup> groups)
    {
        var starts = new List<(int Start, int Length, int Group)>();
        for (int g = 0; g < groups.Length; g++)
        {
            if (groups[g].Type == EntityType.Person)
            {
                foreach (TextSpan m in groups[g].Mentions)
                {
                    starts.Add((m.Start, m.Length, g));
                }
            }
        }

        // One merge pass of the sorted mentions with the tokens.
        starts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var mentions = new List<(int After, int Key)>(starts.Count);
        int t = 0;
        foreach ((int start, int length, int g) in starts)
        {
            while (t < doc.Count && doc.Tokens[t].End <= start)
            {
                t++;
            }

            int after = t;
            while (after < doc.Count && doc.Tokens[after].Start < start + length)
            {
                after++;
            }

            if (t < doc.Count && !insideQuote[t] && !QuoteLexicons.IsPronounWord(doc.Text.AsSpan(start, length)))
            {
                // A role noun the resolver gave them (the judge said he would be barred: he may be anyone) names someone,
                // so no other name is the sentence's only one, but it tells nothing of their own pronoun: a key of its own.
                mentions.Add((after, EntityGrouper.IsRoleOnly(WithoutPossessive(doc.Text.Substring(start, length))) ? groups.Length + g : g));
            }
        }

        return doc.PronounsOfSoleNames(mentions, 2 * groups.Length, insideQuote); // (the role keys past the groups' are read by no one)
    }

    /// <summary>A mention without the possessive pronoun that opens it (his daughter → daughter).</summary>
    private static string WithoutPossessive(string mention)
    {
        int space = mention.IndexOf(' ');
        return space > 0 && QuoteLexicons.IsPronounWord(mention.AsSpan(0, space)) ? mention[(space + 1)..] : mention;
    }

    /// <summary>
    /// A vote over the mentions: each pronoun, title or gendered word counts two, a sentence that names only them and
    /// has their pronoun (<paramref name="told"/>) two, the name's first word one.
    /// </summary>
    private static PersonGender GenderOf(string text, EntityGroup group, (int Male, int Female) told)
    {
        int male = told.Male;
        int female = told.Female;
        foreach (TextSpan m in group.Mentions)
        {
            ReadOnlySpan<char> rest = text.AsSpan(m.Start, m.Length);
            bool phrase = rest.Contains(' ');
            while (!rest.IsEmpty)
            {
                int space = rest.IndexOf(' ');
                ReadOnlySpan<char> word = (space < 0 ? rest : rest[..space]).TrimEnd('.');
                rest = space < 0 ? default : rest[(space + 1)..];
                Gender g = phrase && QuoteLexicons.IsPronounWord(word) ? Gender.Any // (his daughter: the possessive is another person's)
                    : QuoteLexicons.Titles.TryGetValue(word, out Gender title) ? title
                    : QuoteLexicons.GenderWords.TryGetValue(word, out Gender w) ? w
                    : Gender.Any;
                male += g == Gender.Male ? 1 : 0;
                female += g == Gender.Female ? 1 : 0;
            }
        }

        // A gendered role word right before a name, or before it and a comma (spokeswoman Priya Nair; the
        // spokeswoman, Priya Nair): an apposition or a title the mention itself leaves out.
        foreach (TextSpan m in group.Mentions)
        {
            ReadOnlySpan<char> word = EntityGrouper.WordBefore(text, m.Start);
            if (word.Length > 3 && QuoteLexicons.GenderWords.TryGetValue(word, out Gender g) && !QuoteLexicons.IsPronounWord(word))
            {
                male += g == Gender.Male ? 1 : 0;
                female += g == Gender.Female ? 1 : 0;
            }
        }

        ReadOnlySpan<char> name = group.Name.AsSpan();
        int firstEnd = name.IndexOf(' ');
        // What the text says of them counts twice what a name list says (Sam, a man's name on the lists, is "she").
        male *= 2;
        female *= 2;
        if (firstEnd > 0 && QuoteLexicons.TryGetFirstNameGender(name[..firstEnd], out Gender first))
        {
            male += first == Gender.Male ? 1 : 0;
            female += first == Gender.Female ? 1 : 0;
        }

        return male > female ? PersonGender.Male : female > male ? PersonGender.Female : PersonGender.Unknown;
    }
}
