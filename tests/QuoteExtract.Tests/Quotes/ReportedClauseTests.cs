using System.Collections.Immutable;
using System.Linq;
using QuoteExtract.Quotes;
using QuoteExtract.Syntax;

namespace QuoteExtract.Tests.Quotes;

/// <summary>
/// Reported speech over the parse, one golden case per construction of the attribution issue, on sentences
/// written for these tests: the clause's words (without "that" and the final punctuation), its cue and its speaker.
/// </summary>
public class ReportedClauseTests
{
    [Theory]
    // X said S (the three sentences of the issue, which the surface rules missed or half-read).
    [InlineData("Whitcombe said rising rents and lost wages have pushed families out of the town.", "rising rents and lost wages have pushed families out of the town", "Whitcombe", "say")]
    [InlineData("However, tenant advocates say obstacles remain for many renters on low incomes.", "obstacles remain for many renters on low incomes", "tenant advocates", "say")]
    [InlineData("Nandi said roughly 60 per cent of the staff voted in favour of joining the union.", "roughly 60 per cent of the staff voted in favour of joining the union", "Nandi", "say")]
    [InlineData("Okafor said the vote was close.", "the vote was close", "Okafor", "say")]
    // X said S where the parse splits S (a clause in two complements side by side; S's subject as the cue's object),
    // and S, X say. where it hangs S on the cue as an adverbial clause.
    [InlineData("She said if she was able to get 20 percent of the vote she would simply go on to stand as an independent.", "if she was able to get 20 percent of the vote she would simply go on to stand as an independent", "She", "say")]
    // … or takes S's verb for the sentence's root and ends S before it (that lifting the ban | was not …): the words
    // read the clause whole.
    [InlineData("The minister repeatedly insisted that lifting the ban was not a response to the protests in the capital.", "lifting the ban was not a response to the protests in the capital", "The minister", "insist")]
    [InlineData("Council spokeswoman Amy Reid said all tenants sign a lease, though she did not give its terms.", "all tenants sign a lease, though she did not give its terms", "Council spokeswoman Amy Reid", "say")]
    [InlineData("Though unions boast of stronger support by their younger members, there is no correlation between membership and which employer wins the contract, labour historians say.", "Though unions boast of stronger support by their younger members, there is no correlation between membership and which employer wins the contract", "labour historians", "say")]
    // Questions and telling where the parse hides the clause: X asked Y if S (an adverbial clause); X asked which N
    // V (the subject taken for the cue's object); S, X told Y (the cue coordinated without a conjunction); X told Y S
    // (a relative clause on the hearer).
    [InlineData("Ms Okafor asked the tenants if they were always so patient.", "if they were always so patient", "Ms Okafor", "ask")]
    [InlineData("The host asked which quality was most important in choosing a coach.", "which quality was most important in choosing a coach", "The host", "ask")]
    [InlineData("The team will probably sit out the tournament altogether, club secretary Ann Pike told the Echo.", "The team will probably sit out the tournament altogether", "club secretary Ann Pike", "tell")]
    [InlineData("The founder, Mia Lund, told the AP her charity never worked with the council.", "her charity never worked with the council", "Mia Lund", "tell")]
    // The speaker is the subject's whole noun phrase, its modifiers the lexicons do not list included.
    [InlineData("Prices will keep rising through the winter, energy analysts say.", "Prices will keep rising through the winter", "energy analysts", "say")]
    // X said S, and that T: a second complement of the cue with its own "that" goes on with the clause.
    [InlineData("A senior federal official said the cap had achieved its goal, and that there were no plans to lift it.", "the cap had achieved its goal, and that there were no plans to lift it", "A senior federal official", "say")]
    // X said there had been S: the parse hangs "there" on the cue; the clause starts with it.
    [InlineData("Sgt. Vikram Joshi said there had been more than 120 collisions in the region since Monday.", "there had been more than 120 collisions in the region since Monday", "Sgt. Vikram Joshi", "say")]
    // X said that S; the cue's own dependents stay out of the clause.
    [InlineData("The mayor said that the bridge would reopen in May.", "the bridge would reopen in May", "The mayor", "say")]
    [InlineData("The rail operator said on Tuesday that services would resume next week.", "services would resume next week", "The rail operator", "say")]
    // … also where the parse hangs the that-clause on the cue's own dependent, or the dependent on the clause.
    [InlineData("Okafor said on Monday that the library would stay open.", "the library would stay open", "Okafor", "say")]
    [InlineData("The coach said Friday that it would have been better to wait.", "it would have been better to wait", "The coach", "say")]
    // … however long the cue's dependents before "that" are, and without "that" after an adverbial of when.
    [InlineData("The minister said in a long radio interview on Sunday that the border would stay open.", "the border would stay open", "The minister", "say")]
    [InlineData("The coach said after the match he would not resign his post.", "he would not resign his post", "The coach", "say")]
    // A clause that opens with a bare noun and its auxiliary; a time after the cue of S, X said.
    [InlineData("But critics say resources could be better spent on the clinic.", "resources could be better spent on the clinic", "critics", "say")]
    [InlineData("The depot will reopen next month, a spokesman announced Monday morning.", "The depot will reopen next month", "a spokesman", "announce")]
    // S, X said / S, said X.
    [InlineData("The bridge will reopen in May, the mayor said.", "The bridge will reopen in May", "the mayor", "say")]
    [InlineData("Funding has been cut twice this year, said Dana Okafor, who chairs the board.", "Funding has been cut twice this year", "Dana Okafor", "say")]
    [InlineData("The council approach is made possible by its reserves, said Katie Harbath, the authority's director of finance.", "The council approach is made possible by its reserves", "Katie Harbath", "say")]
    // An unnamed source: the noun with what describes it.
    [InlineData("The school will reopen in September, a person familiar with the plans said.", "The school will reopen in September", "a person familiar with the plans", "say")]
    // An unnamed source with a relative clause of its own: the source, not the clause's last noun; and the formula
    // that keeps it anonymous (who asked not to be named) is no report.
    [InlineData("A federal official who asked not to be named because they were not authorized to discuss the matter said the talks would resume.", "the talks would resume", "A federal official", "say")]
    // X, the Y of Z, said S; X, who …, said S; X, a Y, said S: the name, not the apposition or the relative clause.
    [InlineData("Lena Ortiz, the director of the food bank, said demand had doubled since spring.", "demand had doubled since spring", "Lena Ortiz", "say")]
    [InlineData("Rosa Delgado, who has run the clinic since 2009, said the waiting list had never been longer.", "the waiting list had never been longer", "Rosa Delgado", "say")]
    [InlineData("Whitcombe, a cardiologist, said the waiting times were getting worse.", "the waiting times were getting worse", "Whitcombe", "say")]
    // A role before the comma, a name ending the apposition: the name speaks (possessor or not, titles before it or not).
    [InlineData("Their coach, former league champion Brad Kowalski, said the team's strength is its consistency.", "the team's strength is its consistency", "Brad Kowalski", "say")]
    [InlineData("Wexford's lawyer, Farid Haddad, said a sentence of two years was appropriate.", "a sentence of two years was appropriate", "Farid Haddad", "say")]
    [InlineData("Her husband, Joel Dizon, who works nights on the sanitation crew, said the couple sends $600 a month home.", "the couple sends $600 a month home", "Joel Dizon", "say")]
    // After a verbless adverbial and its comma, a name and its age between commas: the words after the cue are what was
    // said (she and her sister had …), not an inverted speaker; a possessed opening (the couple's youngest) and an age
    // before the name.
    [InlineData("At the community hall in Smithers, Ines Carvalho, 41, said she and her sister had about 30 minutes to grab what they could.", "she and her sister had about 30 minutes to grab what they could", "Ines Carvalho", "say")]
    [InlineData("The couple's youngest, nine-year-old Maya Dunn, said she missed her school friends most.", "she missed her school friends most", "nine-year-old Maya Dunn", "say")]
    // X said in an interview with Y that S: the parse hangs S on Y as a relative clause; "that" is neither its subject
    // nor its object, and S has a subject and an object of its own.
    [InlineData("Okafor said in a 2023 interview with a regional business magazine that Northvane planned to double its headcount.", "Northvane planned to double its headcount", "Okafor", "say")]
    // A possessor before an organisation's noun and its modifier: the whole phrase speaks.
    [InlineData("The city\u2019s transit service said buses were running on most routes with delays of up to 45 minutes.", "buses were running on most routes with delays of up to 45 minutes", "The city\u2019s transit service", "say")]
    // X said S after T: the parse hangs the clause's own adverbial clause on the cue; with no comma before it, it is said too.
    [InlineData("Chief Ada Moose said construction stalled last fall after the contractor walked off the job in a dispute over cost overruns.", "construction stalled last fall after the contractor walked off the job in a dispute over cost overruns", "Chief Ada Moose", "say")]
    // A past tense right after the object, taken for a participle on it; the clause's subject taken for the cue's object
    // and its predicate for the sentence's; a that-clause after an adverb between commas; a cue on a second predicate.
    [InlineData("The fire chief said crews responded to more than 30 calls overnight.", "crews responded to more than 30 calls overnight", "The fire chief", "say")]
    [InlineData("She said the money raised would go to the food bank.", "the money raised would go to the food bank", "She", "say")]
    [InlineData("The coach said goalie Mark Ostrowski, who has started every game this season, would miss the final.", "goalie Mark Ostrowski, who has started every game this season, would miss the final", "The coach", "say")]
    [InlineData("The manager said senior engineer Ruth Abara, who led the design team for a decade, would retire in June.", "senior engineer Ruth Abara, who led the design team for a decade, would retire in June", "The manager", "say")]
    [InlineData("The nurse cautioned, however, that the trial had been done in one clinic only.", "the trial had been done in one clinic only", "The nurse", "caution")]
    [InlineData("The economist warned, though, that the province would run short of cash within five years.", "the province would run short of cash within five years", "The economist", "warn")]
    [InlineData("Morales said, however, that the shelter was full by Tuesday night.", "the shelter was full by Tuesday night", "Morales", "say")]
    // X, who …, said S, the relative clause taken for the sentence's: the name before it speaks, not S's subject.
    [InlineData("Ruth Amadi, who was volunteering at the arena with her church group through the Red Cross, said about 400 people had registered by noon.", "about 400 people had registered by noon", "Ruth Amadi", "say")]
    [InlineData("Ruth Amadi, who was volunteering at the arena with her church group, said about 400 people had registered by noon.", "about 400 people had registered by noon", "Ruth Amadi", "say")]
    // … or one inside the relative clause (with his son, Luc,), also after a verbless opening.
    [InlineData("Marc Tremblay, who milks 60 cows with his son, Luc, said the increase would barely cover his diesel bill.", "the increase would barely cover his diesel bill", "Marc Tremblay", "say")]
    [InlineData("At his farm outside Sutton, Marc Tremblay, who milks 60 cows with his son, Luc, said the increase would barely cover his diesel bill.", "the increase would barely cover his diesel bill", "Marc Tremblay", "say")]
    [InlineData("The new library won't open until 2030 and will cost about $40 million, city staff told councillors Monday.", "The new library won't open until 2030 and will cost about $40 million", "city staff", "tell")]
    // A person of an institution speaks as the person.
    [InlineData("Economist Emeka Okafor of the University of Calgary said the disruption was costing the economy $800 million a day.", "the disruption was costing the economy $800 million a day", "Economist Emeka Okafor", "say")]
    [InlineData("The 29-year-old, who works part-time at a library in the west end, said she plans to pay off her loans.", "she plans to pay off her loans", "The 29-year-old", "say")]
    [InlineData("The fifth-year guard from Brampton, Ont., whose parents emigrated from Ghana, said he spent the summer in the gym.", "he spent the summer in the gym", "The fifth-year guard", "say")]
    [InlineData("Dr Patel, speaking on local radio, said the outbreak was under control.", "the outbreak was under control", "Dr Patel", "say")]
    // X told Y that S.
    [InlineData("Ortiz told reporters that the shelves were empty by noon.", "the shelves were empty by noon", "Ortiz", "tell")]
    // according to X, S / S, according to X.
    [InlineData("According to the council, the library will close for a month.", "the library will close for a month", "the council", "according to")]
    [InlineData("The library will close for a month, according to the council.", "The library will close for a month", "the council", "according to")]
    // The parse may make the source the sentence's root and S its conjunct or parataxis after the comma.
    [InlineData("According to a council survey, most tenants want the repairs done before winter.", "most tenants want the repairs done before winter", "a council survey", "according to")]
    // According to X, S opening the sentence, or after an adverbial and its comma: the comma closes X, whatever the
    // parse took into X's phrase; a name apposed to a role is who X is.
    [InlineData("According to the Canadian Press, 40 of the 52 delegates have already pledged their votes to her.", "40 of the 52 delegates have already pledged their votes to her", "the Canadian Press", "according to")]
    [InlineData("According to the union's spokeswoman, Dana Pike, the strike will go ahead on Monday.", "the strike will go ahead on Monday", "Dana Pike", "according to")]
    // S, according to X. closing the sentence: X whole, whatever words the lexicons know.
    [InlineData("Turnout among young voters fell by a third, according to exit polls.", "Turnout among young voters fell by a third", "exit polls", "according to")]
    // X was quoted as saying S.
    [InlineData("The minister was quoted as saying the talks had stalled.", "the talks had stalled", "The minister", "say")]
    // X did Y and said S: the subject of the clause the cue hangs on.
    [InlineData("Grant stood up in the chamber and said the budget would be balanced by 2028.", "the budget would be balanced by 2028", "Grant", "say")]
    // A noun of speech with its clause; the sentence's own verb stays out.
    [InlineData("Ms Marsh's claim that the audit had been rigged was rejected by the board.", "the audit had been rigged", "Ms Marsh", "claim")]
    [InlineData("Okafor's claim that the vote was rigged drew a sharp reply.", "the vote was rigged", "Okafor", "claim")]
    // Verbs of thought and evidence, and a to-infinitive that is what was reported.
    [InlineData("The report found that most of the complaints had never been answered.", "most of the complaints had never been answered", "The report", "find")]
    [InlineData("The union urged members to reject the offer.", "members to reject the offer", "The union", "urge")]
    // X accused Y of Z: the one accused and what of, the "of" phrase on the cue or on Y.
    [InlineData("The mayor accused council of hiding cost overruns from residents.", "council of hiding cost overruns from residents", "The mayor", "accuse")]
    [InlineData("Police accused the man of stealing a car from the lot.", "the man of stealing a car from the lot", "Police", "accuse")]
    // … the one urged taken for an indirect object, the infinitive hung on it, or on a relative clause inside it.
    [InlineData("Halton police urged drivers to stay off untreated roads.", "drivers to stay off untreated roads", "Halton police", "urge")]
    [InlineData("Sgt. Pike urged anyone who receives such a message to delete it and call the bank directly.", "anyone who receives such a message to delete it and call the bank directly", "Sgt. Pike", "urge")]
    [InlineData("Officials expect the bridge to reopen in spring.", "the bridge to reopen in spring", "Officials", "expect")]
    // A quantifier standing alone is the speaker (Some say, nearly half said).
    [InlineData("Some argue that the new levy will drive small shops out of the high street.", "the new levy will drive small shops out of the high street", "Some", "argue")]
    [InlineData("In the survey, nearly half said they would move closer to work if they could.", "they would move closer to work if they could", "nearly half", "say")]
    // S and T after one "that": the second clause, coordinated by the parse with the cue, is still what was said.
    [InlineData("The auditors conceded that the savings were modest and the new system had cost more than planned.", "the savings were modest and the new system had cost more than planned", "The auditors", "concede")]
    // A clause the parse splits at a comma into two complements of the cue.
    [InlineData("The engineer knows that even if every repair is made, the bridge will still need replacing.", "even if every repair is made, the bridge will still need replacing", "The engineer", "know")]
    // S, said X, the Y who …: the apposition, with its relative clause, describes the speaker.
    [InlineData("The first leaflets could go out this weekend, said Colm Byrne, a veteran organiser for the tenants who runs the campaign.", "The first leaflets could go out this weekend", "Colm Byrne", "say")]
    // S, X said on Friday, as …: the writer's aside after the cue's comma is not what was said.
    [InlineData("The ferry timetable is a disgrace to the island, local councillors said on Friday, as they met the operator.", "The ferry timetable is a disgrace to the island", "local councillors", "say")]
    // S1, but only if S2, X told Y: a cue hung on the second conjunct reports the coordination whole.
    [InlineData("The club could keep its ground for another season, but only if the members agree to a rise in fees, Ortiz told the Echo on Tuesday.", "The club could keep its ground for another season, but only if the members agree to a rise in fees", "Ortiz", "tell")]
    // A time phrase between the speaker and the cue is neither.
    [InlineData("The water company this month announced it would raise its charges in April.", "it would raise its charges in April", "The water company", "announce")]
    [InlineData("The council last week said the pool would stay closed until June.", "the pool would stay closed until June", "The council", "say")]
    [InlineData("The water company Monday announced it would raise its charges.", "it would raise its charges", "The water company", "announce")]
    // A question reported with whether keeps its complementizer: it is what was asked.
    [InlineData("The senator asked whether the money had been spent.", "whether the money had been spent", "The senator", "ask")]
    // The open question a denied cue leaves is reported, with its "whether" or "if".
    [InlineData("The spokesman would not say whether the plant would close.", "whether the plant would close", "The spokesman", "say")]
    [InlineData("The company declined to say if the plant would close.", "if the plant would close", "The company", "say")]
    [InlineData("Okafor, a nurse at the clinic, said the board’s treatment of staff asking for leave was unfair.", "the board’s treatment of staff asking for leave was unfair", "Okafor", "say")]
    // X told Y S: the words after the hearer are the clause's, its subject too.
    [InlineData("Okafor told me her support for the levy makes her more popular than other councillors.", "her support for the levy makes her more popular than other councillors", "Okafor", "tell")]
    // A plural no lexicon lists as a speaker: the parse's subject right before the cue.
    [InlineData("Other senators said they, too, have had almost no dealings with the mayor since the vote.", "they, too, have had almost no dealings with the mayor since the vote", "Other senators", "say")]
    // The cue inside a relative clause: what follows it is said of the relative pronoun's noun.
    [InlineData("The council rejected a plan that Okafor said would cut the waiting list by half.", "would cut the waiting list by half", "Okafor", "say")]
    [InlineData("Voters backed a levy which the mayor said would pay for two new schools.", "would pay for two new schools", "the mayor", "say")]
    [InlineData("The audit cited missing invoices, which the auditors said were destroyed to hide the losses of the fund.", "were destroyed to hide the losses of the fund", "the auditors", "say")]
    // X said NP VP with a quantifier the tagger may read as an adjective, and a name for the predicate.
    [InlineData("Okafor said much of the meeting was about Leeds.", "much of the meeting was about Leeds", "Okafor", "say")]
    // An aside between dashes between the cue and its that-clause.
    [InlineData("The chairman said — on local radio, as it happens — that the club had raised four thousand pounds that week.", "the club had raised four thousand pounds that week", "The chairman", "say")]
    // An apposition with a relative clause on its own noun: the speaker is the name before it.
    [InlineData("But Dana Pike, acting political director of Tenants First, which organised the letter, said the council's response was undercut by its ties to the developer.",
        "the council's response was undercut by its ties to the developer", "Dana Pike", "say")]
    // An aside between dashes after the speaker, as a parenthesis would stand; a speaker with its prepositional
    // phrase, whole, but not one of time.
    [InlineData("Organisers in the two host cities — Leeds and York — said it is important that the games go ahead.", "it is important that the games go ahead", "Organisers in the two host cities", "say")]
    [InlineData("Shopkeepers in the old town said the new parking rules had cost them half their trade.", "the new parking rules had cost them half their trade", "Shopkeepers in the old town", "say")]
    [InlineData("The mayor at the time said the bridge would stay open.", "the bridge would stay open", "The mayor", "say")]
    // A share written with % (which the parse takes for an adverbial); a pronoun or noun with its postmodifier.
    [InlineData("Among the nurses, 38% said they would vote for the strike.", "they would vote for the strike", "38%", "say")]
    [InlineData("Those close to the mayor say she will run again.", "she will run again", "Those close to the mayor", "say")]
    // An elided year with an opening mark is no quote (in ‘08).
    [InlineData("Dana Pike said in ‘08 that the council had lost its way.", "the council had lost its way", "Dana Pike", "say")]
    // X said she hoped S: one report, the speaker's; the pronoun's own cue opens it.
    [InlineData("The mayor said she hoped that the council would approve the budget in May.", "she hoped that the council would approve the budget in May", "The mayor", "say")]
    // The parse may hang the cue on the clause's predicate and the predicate's subject on the inner verb.
    [InlineData("Dana Pike, a senior adviser to Mr. Reed, said he believed the campaign would be well represented on all the committees.", "he believed the campaign would be well represented on all the committees", "Dana Pike", "say")]
    // A verb under a modal after "and" is the clause's, wherever the parse hangs it.
    [InlineData("She compared the mayor to his rival, saying they are both part of the old guard and therefore won't do anything to change it.", "they are both part of the old guard and therefore won't do anything to change it", "She", "say")]
    // A cue in a concessive clause that opens the sentence: what was said ends before the main clause.
    [InlineData("While some tenants say the rents would fall if the block were sold, others disagree.", "the rents would fall if the block were sold", "some tenants", "say")]
    [InlineData("Officials privy to the talks say the deal is close.", "the deal is close", "Officials privy to the talks", "say")]
    [InlineData("Ortiz wrote in a memo that the budget would be cut by a tenth.", "the budget would be cut by a tenth", "Ortiz", "write")]
    [InlineData("The inspector wrote the files may have held sensitive material.", "the files may have held sensitive material", "The inspector", "write")]
    // A poll shows X with Y / X doing Y: a small clause after a verb of evidence.
    [InlineData("A council survey shows the mayor trailing her rival by six points.", "the mayor trailing her rival by six points", "A council survey", "show")]
    [InlineData("The latest poll shows the mayor with a narrow lead in the north of the city.", "the mayor with a narrow lead in the north of the city", "The latest poll", "show")]
    // A reduced relative the parse may read as the sentence's verb (a poll released …): its noun is the speaker.
    [InlineData("A poll released on Tuesday shows that Okafor leads the race by four points.", "Okafor leads the race by four points", "A poll", "show")]
    // A that-clause after the cue and an adverb, or after an aside; the speaker "X of Y", whole.
    [InlineData("Landlords complain bitterly that rents are too low and the rules too strict.", "rents are too low and the rules too strict", "Landlords", "complain")]
    [InlineData("Residents say that, in addition to the noise, the site attracts vermin.", "in addition to the noise, the site attracts vermin", "Residents", "say")]
    [InlineData("Friends of the coach say that, in spite of the defeat, he would stay on next season.", "in spite of the defeat, he would stay on next season", "Friends of the coach", "say")]
    // A day right after the cue says when it was said; it is the clause's own word only with a verb or possessive after it.
    [InlineData("Ledgerleaf said Tuesday it had raised $12 million from two Waterloo investors.", "it had raised $12 million from two Waterloo investors", "Ledgerleaf", "say")]
    [InlineData("The union vowed Friday night to keep the picket lines up through the holidays.", "to keep the picket lines up through the holidays", "The union", "vow")]
    [InlineData("Okafor noted Saturday would have been her father\u2019s 90th birthday.", "Saturday would have been her father\u2019s 90th birthday", "Okafor", "note")]
    // An amount the parse hung on the cue (said about a third …) is the clause's subject; so is a noun whose predicate
    // the parse took for a relative clause with no relative pronoun (families … are living).
    [InlineData("Menon said about a third of those positions would be eliminated through attrition.", "about a third of those positions would be eliminated through attrition", "Menon", "say")]
    [InlineData("Qavvik said families in her riding are living with as many as 14 people in a three-bedroom house.", "families in her riding are living with as many as 14 people in a three-bedroom house", "Qavvik", "say")]
    // A bare noun after the cue and a finite verb within a few words, where the parse read the sentence otherwise
    // (Rowing/VERB; councillors taken for the cue's subject).
    [InlineData("Rowing Canada said attendance through Sunday was up 9 per cent over last year.", "attendance through Sunday was up 9 per cent over last year", "Rowing Canada", "say")]
    [InlineData("Coun. Ada Obi, who backed the motion, said councillors who voted no owed the tenants an apology.", "councillors who voted no owed the tenants an apology", "Coun. Ada Obi", "say")]
    // S, X told Y Tuesday: a verb of telling has its hearer before the sentence's end (after a dateline the parse misread).
    [InlineData("OTTAWA \u2014 A former manager of a Kanata software firm moved $1.1 million into his own accounts, a Crown prosecutor told a jury Tuesday.", "A former manager of a Kanata software firm moved $1.1 million into his own accounts", "a Crown prosecutor", "tell")]
    // A subjectless cue the parse hung inside the relative clause of an unnamed source: the source speaks.
    [InlineData("A provincial official who was not authorized to speak publicly said the talks had stalled.", "the talks had stalled", "A provincial official", "say")]
    // X told Y S, the parse's relative clause on the hearer and the cue's complement after it one clause.
    [InlineData("Lund told jurors they would see phone records showing calls of more than an hour on the same night the victim went missing.", "they would see phone records showing calls of more than an hour on the same night the victim went missing", "Lund", "tell")]
    // X called on Y to V: "call" otherwise reports only quoted words; with "on", its infinitive and the one called on.
    [InlineData("The union called on the province to reopen talks before the holidays.", "the province to reopen talks before the holidays", "The union", "call")]
    [InlineData("She called on Ottawa to step in with wage subsidies.", "Ottawa to step in with wage subsidies", "She", "call")]
    // A verb the parse coordinated with the cue whose auxiliary agrees with the clause's subject, not the speaker.
    [InlineData("The mayor said pharmacists welcomed the deal but were still waiting for details.", "pharmacists welcomed the deal but were still waiting for details", "The mayor", "say")]
    [InlineData("Toronto pharmacist Kofi Mensah, who owns two pharmacies in Scarborough, said pharmacists welcomed the deal but were still waiting for details.", "pharmacists welcomed the deal but were still waiting for details", "Toronto pharmacist Kofi Mensah", "say")]
    // A subject and its of-phrase after the cue, then a verb: what was said, not an inverted speaker (Grade read as a verb).
    [InlineData("Grade 11 student Ravi Sood, 16, said most of his classmates had adjusted quickly during the pilot.", "most of his classmates had adjusted quickly during the pilot", "student Ravi Sood", "say")]
    // The object and a tensed verb the parse hung on the cue after it (estimated … supports; … stayed home).
    [InlineData("Kenneth Ma, an economist at the university, estimated each mill job supports roughly two more jobs elsewhere.", "each mill job supports roughly two more jobs elsewhere", "Kenneth Ma", "estimate")]
    [InlineData("Khoury estimated about one in five PC voters from the last general election stayed home.", "about one in five PC voters from the last general election stayed home", "Khoury", "estimate")]
    // The medium (in an email, in a news release Thursday, in a note to clients) or the hearer (told council), then a
    // clause with a tensed verb of its own, no "that".
    [InlineData("The City of Hamilton said in an email its inspectors had issued 14 work orders since 2022.", "its inspectors had issued 14 work orders since 2022", "The City of Hamilton", "say")]
    [InlineData("The company said in a news release Thursday high costs, weak prices and a shrinking supply of wood made the line unprofitable.", "high costs, weak prices and a shrinking supply of wood made the line unprofitable", "The company", "say")]
    [InlineData("Ada Obi of Harbour Capital wrote in a note to clients the wealth division's growth was the standout of the quarter.", "the wealth division's growth was the standout of the quarter", "Ada Obi of Harbour Capital", "write")]
    [InlineData("Ehsan Moradi, an engineer hired by the association, told council the developer\u2019s report did not account for runoff.", "the developer\u2019s report did not account for runoff", "Ehsan Moradi", "tell")]
    // Only a weekday and a part of the day say when (not months of talks, not the name Summer Jackson); a relative clause
    // on the inverted speaker's phrase is no verb of theirs.
    [InlineData("The union said Friday months of negotiations had stalled.", "months of negotiations had stalled", "The union", "say")]
    [InlineData("Premier Scott Moe said Summer Jackson had agreed to the plan.", "Summer Jackson had agreed to the plan", "Premier Scott Moe", "say")]
    [InlineData("The plan will fail, said Ana Cruz of the council who has opposed it.", "The plan will fail", "Ana Cruz", "say")]
    // The medium right after the cue is no word of the clause, and "post" after "an Instagram" is a noun, no cue of its own.
    [InlineData("The band said in an Instagram post it has written a new set of songs for the Baddeck show.", "it has written a new set of songs for the Baddeck show", "The band", "say")]
    // The object of a cue that takes no hearer (testified, recalled) is the subject of what was said; a hearer only after
    // a verb of telling.
    [InlineData("Marc Cormier, the nurse who assessed the patient, testified the emergency department was operating with three fewer nurses.", "the emergency department was operating with three fewer nurses", "Marc Cormier", "testify")]
    [InlineData("The night nurse testified the ward was short of staff that week.", "the ward was short of staff that week", "The night nurse", "testify")]
    // A time after the medium ("at 6 a.m.", "on Tuesday") is no part of the clause, and an approximate amount opens one.
    [InlineData("Harbour Power said in an update at 7 a.m. about 31,000 customers were still without power.", "about 31,000 customers were still without power", "Harbour Power", "say")]
    [InlineData("The city said in an email at 9 p.m. Friday the pool would stay closed.", "the pool would stay closed", "The city", "say")]
    // A relative "that" right after the clause's subject is no complementizer: the clause opens after the cue.
    [InlineData("The hydrologist said the 20 wells that have run dry tend to be the oldest on the reserve.", "the 20 wells that have run dry tend to be the oldest on the reserve", "The hydrologist", "say")]
    // A "that" after "and" opens the second of two clauses; the first, without "that", is where what was said begins.
    [InlineData("The health unit said in an email a nurse inspected the school on Monday and that the outbreak is under control.", "a nurse inspected the school on Monday and that the outbreak is under control", "The health unit", "say")]
    [InlineData("The coach said his players trained hard all week and that the loss was on him.", "his players trained hard all week and that the loss was on him", "The coach", "say")]
    // A short "that" clause whose verb the tagger reads as a noun is still one (review: that every vote counts, that the tariffs hurt).
    [InlineData("Elections Canada officials said that every vote counts.", "every vote counts", "Elections Canada officials", "say")]
    [InlineData("Farmers told the committee that the tariffs hurt.", "the tariffs hurt", "Farmers", "tell")]
    [InlineData("Teachers said that smaller classes work.", "smaller classes work", "Teachers", "say")]
    public void A_reported_clause_is_its_words_with_its_cue_and_speaker(string text, string clause, string speaker, string cueLemma)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal(clause, q.Text);
        Assert.Equal(clause, text.Substring(q.Span.Start, q.Span.Length));
        Assert.Equal(speaker, q.Speaker?.Text);
        Assert.Equal(cueLemma, q.Cue?.Lemma);
    }

    [Theory]
    // A verb of evidence with a small clause reports only when its subject is a source of evidence (a poll, a survey).
    [InlineData("Police found a man with a knife in the garden.")]
    [InlineData("The mayor was accused of hiding cost overruns from residents.")]
    [InlineData("The children found the dog sleeping under the bridge.")]
    [InlineData("They found notices taped to their doors on Friday morning.")]
    // A phrase a relative whose opens, or a quantifier of whom, is no speaker: a noun the tagger read as a cue verb says nothing.
    [InlineData("Among the performers is Jesse Lund, a comedian whose one-person show about growing up on a farm sold out its first three nights.")]
    [InlineData("She thanked the volunteers, none of whom wanted to be named.")]
    // A noun after the cue that is its object, before an infinitive, or what was told (a joke): no clause.
    [InlineData("After the dinner in Regina, the mayor told a joke.")]
    [InlineData("Northgate Telecom Inc. posted a loss on Thursday.")]
    [InlineData("She told the mayors who gathered in Regina about the plan.")] // (a relative after the hearer is no clause)
    [InlineData("She called on her neighbours last week.")] // (called on with no infinitive: a visit)
    // A clause of time alone after the hearer says when; an apposition's noun phrase before a name is no clause.
    [InlineData("\u201CYou chose to drive,\u201D Judge Anand told Brandt as he stood in the prisoner\u2019s box.")]
    [InlineData("Lund\u2019s wife, Mara Lund, has not been charged.")]
    [InlineData("Nakamura snapped a wrist shot over the goaltender\u2019s glove.")] // (snap reports a clause only after "that" or where the parse finds one) // (post reports a clause only after "that" or where the parse finds one)
    [InlineData("The donor announced plans this week to give $15 million to the fund.")]
    // A "that" the parse took for a complementizer before a noun phrase without a verb is a determiner.
    [InlineData("Health Minister Paul Ferris disputed that characterization on Wednesday.")]
    public void A_sentence_that_reports_nothing_gives_no_clause(string text) =>
        Assert.DoesNotContain(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Indirect);

    [Theory]
    [InlineData("The treasurer warned that the deficit could grow next year, and said the reserves would be better kept for repairs.", "the reserves would be better kept for repairs")]
    // The parse may hang the second cue on the first clause and its clause's predicate elsewhere.
    [InlineData("Opposition councillor Ann Pike warned that the £2million bill could push up council tax, and said the money would be better spent on flood defences.",
        "the money would be better spent on flood defences")]
    public void A_second_cue_after_and_reports_its_own_clause(string text, string second)
    {
        Quote[] reported = [.. Extractor.Analyze(text).Quotes.Where(q => q.Kind == QuoteKind.Indirect)];
        Assert.Equal(["warn", "say"], reported.Select(q => q.Cue?.Lemma));
        Assert.Equal(second, reported[1].Text);
        Assert.Equal(reported[0].Speaker?.Text, reported[1].Speaker?.Text);
    }

    [Theory]
    // The parse of news text sometimes takes what follows an inverted speaker for the cue's complement: the apposition
    // with a name that reads as a verb (“…,” said X, an organiser who heads the group Keep the Faith: Keep ← ccomp ←
    // said), or the speaker's own name (''…,'' said X, the editor: X ← ccomp ← said). After a quote and its speaker,
    // what was said is the quote, whatever the parse.
    [InlineData("\u201CThis is the fight of our lives,\u201D said Dana Pruitt, an organiser who heads the group Keep the Faith.", "organiser", "Keep")]
    [InlineData("Polling shows that \u201Cmost tenants are not happy with the rules,\u201D said Dana Pruitt, the editor of the newsletter.", null, "Pruitt")]
    public void After_a_quote_and_its_inverted_speaker_the_words_after_the_speaker_are_no_clause(string text, string? subject, string complement)
    {
        Analysis a = Extractor.Analyze(text);
        TokenSyntax[] syntax = a.Syntax.ToArray();
        int Index(string word) => a.Tokens.Select((t, i) => (t, i)).First(x => text.Substring(x.t.Start, x.t.Length) == word).i;
        int said = Index("said"), head = Index(complement);
        syntax[head] = syntax[head] with { Pos = subject is null ? UniversalPos.PropN : UniversalPos.Verb, Head = said, Relation = "ccomp" };
        if (subject is not null)
        {
            syntax[Index(subject)] = syntax[Index(subject)] with { Head = head, Relation = "nsubj" };
        }
        else
        {
            syntax[head - 1] = syntax[head - 1] with { Head = head, Relation = "compound" }; // (the given name on the surname: the cue has no subject)
        }

        QuoteAttribution r = QuoteAttributor.Attribute(a.Segments, syntax, [.. a.Entities], new ExtractorOptions(), default);
        Assert.NotEqual(QuoteKind.Indirect, Assert.Single(r.Quotes).Kind); // the quote in marks alone
    }

    [Theory]
    // X told Y S and said T: T is the second cue's; S — X also pointed out that T: a dash before a report of its own ends S.
    [InlineData("The head of the food bank, Mira Solis, told the AP her staff never worked with Pike or Wong and said the board hired the consultants on its own.", "her staff never worked with Pike or Wong", "the board hired the consultants on its own")]
    [InlineData("But Okafor told the Herald that she was disappointed there have not been more women on the ballot since she first ran \u2014 the councillor also pointed out that the problem was not with the voters.", "she was disappointed there have not been more women on the ballot since she first ran", "the problem was not with the voters")]
    // … and the one told, which the parse made a second subject of S, is not what was said.
    [InlineData("The head of the food bank, Mira Solis, told the Star her staff never dealt with Pike or Wong and said the board hired the consultants on its own.", "her staff never dealt with Pike or Wong", "the board hired the consultants on its own")]
    public void A_clause_ends_before_a_second_report_of_its_own(string text, string first, string second) =>
        Assert.Equal([first, second], Extractor.Analyze(text).Quotes.Where(q => q.Kind == QuoteKind.Indirect).Select(q => q.Text));

    [Fact]
    public void A_clause_the_parse_missed_around_one_it_found_inside_is_read_from_the_words()
    {
        const string text = "Marion MacNeil ran the front counter for five decades. She said the decision to close came after months of talking it over with their three children, none of whom wanted to take over the business.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Cue?.Lemma == "say");
        Assert.StartsWith("the decision to close came after months", q.Text, System.StringComparison.Ordinal);
        Assert.Equal("Marion MacNeil", q.Speaker?.Name);
    }

    [Fact]
    public void Two_cues_coordinated_in_one_sentence_give_two_clauses_of_one_speaker()
    {
        const string text = "Ms Okafor said the vote had been close, but said the board would not meet again.";
        Quote[] reported = [.. Extractor.Analyze(text).Quotes.Where(q => q.Kind == QuoteKind.Indirect)];
        Assert.Equal(["the vote had been close", "the board would not meet again"], reported.Select(q => q.Text));
        Assert.All(reported, q => Assert.Equal("Ms Okafor", q.Speaker?.Text));
    }

    [Theory]
    // A verb of the cue lexicon coordinated after the clause, without a subject of its own, is the speaker's next
    // act, not part of what was said: a cue of quoted words (called, praised, accused) ends the clause too.
    [InlineData("Ms Okafor said the levy had hurt families and called the plan a mistake.", "the levy had hurt families")]
    [InlineData("The mayor said the bridge would reopen in May and praised the crews for their work.", "the bridge would reopen in May")]
    public void A_coordinated_verb_of_quoted_words_ends_the_clause(string text, string clause)
    {
        Quote reported = Extractor.Analyze(text).Quotes.First(q => q.Kind == QuoteKind.Indirect);
        Assert.Equal(clause, reported.Text);
    }

    [Theory]
    // A cue set off by commas inside the sentence it reports: the words before and after it, as two clauses of
    // the one speaker; words before it shorter than a clause are left out.
    [InlineData("The plan to close the library, the mayor said, was never approved by the council.", "The plan to close the library|was never approved by the council", "the mayor")]
    // A cue set off by commas interrupts one clause: the words before it are its first segment (an adverbial of the
    // clause, or its subject however short, when the rest opens with its verb); "according to X" too.
    [InlineData("Even then, she said, the council would not have been able to pay.", "Even then|the council would not have been able to pay", "she")]
    [InlineData("Recently, she said, she has noticed fewer buses on the route.", "Recently|she has noticed fewer buses on the route", "she")]
    [InlineData("After two small increases, the budget office said, deficits will rise sharply.", "After two small increases|deficits will rise sharply", "the budget office")]
    [InlineData("But the next morning, according to Okafor, the landlord changed the locks.", "But the next morning|the landlord changed the locks", "Okafor")]
    [InlineData("In Halifax, according to a city survey, most tenants want the repairs done before winter.", "In Halifax|most tenants want the repairs done before winter", "a city survey")]
    [InlineData("Fundraising, according to the campaign, has surged since the debate.", "Fundraising|has surged since the debate", "the campaign")]
    // A phrase after the cue (said in a report) leaves the words either side what was said; "and" joins them.
    [InlineData("The clinic treated 4,000 patients, the board said in its annual report.", "The clinic treated 4,000 patients", "the board")]
    [InlineData("The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent.",
        "The middle fifth paid 8.9 percent|the bottom fifth paid 0.8 percent", "the agency")]
    [InlineData("The museum, the mayor said, would open in May.", "The museum|would open in May", "the mayor")]
    [InlineData("This plan, she says, is different.", "This plan|is different", "she")]
    [InlineData("The delay, he noted, may be on the builders' side.", "The delay|may be on the builders' side", "he")]
    [InlineData("For tenants in the older blocks, Okafor said, the choice is harder.", "For tenants in the older blocks|the choice is harder", "Okafor")]
    [InlineData("The plan to close the library, said Ortiz, was never approved by the council.", "The plan to close the library|was never approved by the council", "Ortiz")]
    // An aside after the cue is the writer's, and what describes the speaker is no clause.
    [InlineData("The vote was close, she said, adding nothing more.", "The vote was close", "she")]
    [InlineData("The bridge will reopen in May, said Ortiz, whose office runs it.", "The bridge will reopen in May", "Ortiz")]
    [InlineData("The bridge will reopen in May, said Ortiz, a spokeswoman for the council.", "The bridge will reopen in May", "Ortiz")]
    // A cue introducing a quote after its comma reports nothing before it: the words there are the writer's.
    [InlineData("As the whistle blew, the referee said, \u201Cthat is the end of it.\u201D", "", "the referee")]
    public void A_cue_inside_its_sentence_reports_the_words_either_side(string text, string clauses, string speaker)
    {
        Quote[] reported = [.. Extractor.Analyze(text).Quotes.Where(q => q.Kind == QuoteKind.Indirect)];
        Assert.Equal(clauses.Length == 0 ? [] : clauses.Split('|'), reported.SelectMany(q => q.Segments).Select(s => text.Substring(s.Start, s.Length)));
        Assert.All(reported, q => Assert.Equal(speaker, q.Speaker?.Text));
    }

    [Theory]
    [InlineData("The museum, the mayor said, would open in May.", "The museum\nwould open in May")]
    [InlineData("Recently, she said, she has noticed fewer buses on the route.", "Recently\nshe has noticed fewer buses on the route")]
    public void A_clause_its_cue_interrupts_is_one_quote_in_two_segments(string text, string quoted)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal(2, q.Segments.Length);
        Assert.Equal(quoted, q.Text);
        Assert.Equal(TextSpan.FromBounds(q.Segments[0].Start, q.Segments[1].End), q.Span);
    }

    [Theory]
    // Seem, appear and a passive expect name no one who holds the view: their subject is part of what is reported.
    [InlineData("Enthusiasm for the new stadium seems to have faded over the summer.", "Enthusiasm for the new stadium|to have faded over the summer")]
    [InlineData("The two sides appeared close to a deal on wages.", "The two sides|close to a deal on wages")]
    [InlineData("The new terminal is expected to open in the spring of next year.", "The new terminal|to open in the spring of next year")]
    public void A_verb_of_seeming_reports_its_subject_and_what_follows_without_a_speaker(string text, string segments)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal(segments.Split('|'), q.Segments.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Null(q.Speaker);
    }

    [Theory]
    // One who expects, or a seeming that is a report of its own, still speaks.
    [InlineData("The mayor expected to finish the repairs by June.", "The mayor")]
    [InlineData("The minister appeared to concede that the plan had failed.", "The minister")]
    public void One_who_expects_or_appears_to_report_still_speaks(string text, string speaker)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Cue?.Lemma is "expect" or "appear");
        Assert.Single(q.Segments);
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Fact]
    public void A_question_put_to_the_speaker_is_reported_without_a_speaker()
    {
        const string text = "When asked whether she would run again, the mayor said she had not decided.";
        Quote[] reported = [.. Extractor.Analyze(text).Quotes.Where(q => q.Kind == QuoteKind.Indirect)];
        Assert.Equal(["whether she would run again", "she had not decided"], reported.Select(q => q.Text));
        Assert.Null(reported[0].Speaker);
        Assert.Equal("the mayor", reported[1].Speaker?.Text);
    }

    [Fact]
    public void A_clause_ends_before_a_source_given_after_it()
    {
        const string text = "The treasurer warned that reserves would run out by March, according to minutes of the meeting.";
        Quote warned = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Cue?.Lemma == "warn");
        Assert.Equal("reserves would run out by March", warned.Text);
        Assert.Equal("The treasurer", warned.Speaker?.Text);
    }

    [Theory]
    [InlineData("The tenants said the heating had failed twice in January, adding, \u201CNobody came to fix it.\u201D", "the heating had failed twice in January", "add")]
    [InlineData("The mayor said the bridge would reopen in May, telling reporters, \u201CWe are on schedule.\u201D", "the bridge would reopen in May", "tell")]
    public void A_clause_ends_before_a_cue_that_brings_in_a_quote_of_its_own(string text, string clause, string quoteCue)
    {
        Analysis a = Extractor.Analyze(text);
        Quote reported = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal(clause, reported.Text);
        Quote direct = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal(quoteCue, direct.Cue?.Lemma);
        Assert.Equal(reported.Speaker?.Text, direct.Speaker?.Text);
    }

    [Theory]
    [InlineData("Nandi: Staff vote to join the union; Ballot closes with a record turnout.\n\nThe count ended late.", "Staff vote to join the union", "Nandi")]
    [InlineData("Council leader: Library closures will go ahead in spring.\n\nThe count ended late.", "Library closures will go ahead in spring", "Council leader")]
    public void A_headline_gives_its_source_before_a_colon(string text, string clause, string speaker)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal((QuoteKind.Indirect, clause, speaker), (q.Kind, q.Text, q.Speaker?.Text));
        Assert.Null(q.Cue);
    }

    [Theory]
    // A title-case headline with its source and "Says": the words after it, to a comma before a second verb.
    [InlineData("Hospital Trust Says Waiting Lists Will Fall By Spring.\n\nThe count ended late.", "Waiting Lists Will Fall By Spring", "Hospital Trust")]
    [InlineData("Dana Okafor Says Rents Are Out Of Control, Calls For A Cap.\n\nThe count ended late.", "Rents Are Out Of Control", "Dana Okafor")]
    // …, the source Says. at the end.
    [InlineData("The Levy Will Pay For Two Schools, Council Leader Says.\n\nThe count ended late.", "The Levy Will Pay For Two Schools", "Council Leader")]
    public void A_title_case_headline_gives_its_source_before_says(string text, string clause, string speaker)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal((QuoteKind.Indirect, clause, speaker, "Says"), (q.Kind, q.Text, q.Speaker?.Text, q.Cue?.Text));
    }

    [Theory]
    [InlineData("What Nobody Says About The Bridge Repairs.\n\nThe count ended late.")]
    [InlineData("The council says the bridge will reopen. The Mayor Says Little.\n\nThe count ended late.")]
    public void A_sentence_or_a_headline_without_a_source_is_no_title_case_report(string text) =>
        Assert.DoesNotContain(Extractor.Analyze(text).Quotes, q => q.Cue?.Text == "Says");

    [Theory]
    [InlineData("The Latest: Library closures will go ahead in spring.\n\nThe count ended late.")]
    [InlineData("The count ended late.\n\nNandi: Staff vote to join the union.")]
    public void A_label_or_a_later_paragraph_before_a_colon_is_no_source(string text) =>
        Assert.Empty(Extractor.Analyze(text).Quotes);

    [Theory]
    // A participle before the cue is no reported clause of its own.
    [InlineData("Briefing reporters on Monday, the spokesman said nothing new.")]
    // A relative clause on what the cue is about is no clause of the cue's.
    [InlineData("The mayor elaborated on the plan she had drawn up.")]
    // A that-clause after "so" or "such" is a result, not what was said.
    [InlineData("The coach spoke so quietly that nobody in the room heard him.")]
    // "Wrote in" is followed by where it was written; "means" reports no one's words.
    [InlineData("Ortiz wrote in a memo to the board of the housing trust.")]
    [InlineData("The fund manager wrote a large check to the campaign of his old friend.")]
    [InlineData("The county holds a closed primary, which means only registered members get a ballot.")]
    public void Nothing_is_reported(string text) =>
        Assert.DoesNotContain(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Indirect);

    [Fact]
    public void A_thought_inside_a_reported_clause_is_part_of_it()
    {
        const string text = "The minister said the rebels seem to be losing ground in the north.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("the rebels seem to be losing ground in the north", q.Text);
        Assert.Equal("say", q.Cue?.Lemma);
    }

    [Fact]
    public void A_quoted_fragment_inside_reported_speech_is_a_mixed_quote_of_its_speaker()
    {
        const string text = "The mayor said the ruling was \u201Ca victory for common sense\u201D and would be obeyed.";
        Analysis a = Extractor.Analyze(text);
        Quote mixed = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Equal("a victory for common sense", mixed.Text);
        Assert.Equal("The mayor", mixed.Speaker?.Text);
    }

    [Theory]
    // According to X, S opening the sentence: X runs to the comma, whatever modifiers no lexicon lists.
    [InlineData("According to veteran local radio host Ann Pike, the plan reeks of \u201Cfear\u201D and desperation.",
        "the plan reeks of \u201Cfear\u201D and desperation", "fear", "Ann Pike")]
    // A plural no lexicon lists speaks the fragment after its cue (the parse's subject); the quoted words speak nothing.
    [InlineData("Demonstrators said they want \u201Ca fair hearing\u201D and pledged to stay peaceful.", "to stay peaceful", "a fair hearing", "Demonstrators")]
    [InlineData("Demonstrators said they want \u201Ca fair hearing,\u201D and pledged to stay peaceful.", "to stay peaceful", "a fair hearing,", "Demonstrators")]
    public void A_quoted_fragment_and_the_clause_around_it_share_a_speaker_no_lexicon_lists(string text, string clause, string fragment, string speaker)
    {
        Analysis a = Extractor.Analyze(text);
        Quote reported = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Indirect);
        Quote mixed = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Equal((clause, speaker), (reported.Text, reported.Speaker?.Name));
        Assert.Equal((fragment, speaker), (mixed.Text, mixed.Speaker?.Name));
    }

    [Theory]
    [InlineData("The mayor said that the bridge would reopen in May.", "the bridge would reopen in May", "The mayor")]
    // X, a Y, said S: the words after the cue are what was said, not a speaker put after it.
    [InlineData("Councillor Ruth Ames, a longtime critic of the scheme, said the council’s handling of complaints was close to negligent.",
        "the council’s handling of complaints was close to negligent", "Councillor Ruth Ames")]
    [InlineData("Friends of the coach say that, in spite of the defeat, he would stay on next season.", "in spite of the defeat, he would stay on next season", "Friends of the coach")]
    public void Without_a_parse_the_surface_rules_still_find_reported_speech(string text, string clause, string speaker)
    {
        var noSyntax = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.None });
        Quote q = Assert.Single(Extractor.Analyze(text, noSyntax).Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal((clause, speaker), (q.Text, q.Speaker?.Text));
    }
}
