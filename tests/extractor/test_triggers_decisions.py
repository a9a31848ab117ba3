"""Vetoes that follow the gold's recorded labelling decisions (evaluation/gold/README.md):
hortatives, poll standings, posts on social platforms, requested acts, the election as
setting or time anchor, product descriptions, topics of talk and judged states. Each veto
is named; the sentences are invented."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon
from extractor.triggers import find_triggers, noun_veto, verb_veto


@pytest.mark.parametrize(
    ("text", "word", "veto"),
    [
        # hortatives and exhortations (dev b decision 9)
        ("Let's all move to Norway next year!", "move", "hortative"),
        ("Let us go to Lisbon on Monday.", "go", "hortative"),
        ("You must vote for Smith tonight!", "vote", "hortative"),
        # poll standings (dev b decision 10)
        ("National polls have tightened since Friday.", "tightened", "poll_standing"),
        ("Her lead in Iowa narrowed on Monday.", "narrowed", "poll_standing"),
        ("The senator has surged in the polls in Georgia this week.", "surged", "poll_standing"),
        ("The mayor suffered a sharp drop in her ratings last month.", "suffered", "poll_standing"),
        # posts (communication, dev b decision 2)
        ("The singer posted a video on Instagram at 11pm.", "posted", "social_media_act"),
        ("The club shared photos on Facebook on Sunday.", "shared", "social_media_act"),
        # requested acts (dev a D9)
        ("He was asked to pitch two innings in Denver on Tuesday.", "pitch", "requested_act"),
        ("The governor urged residents to leave the coast on Friday.", "leave", "requested_act"),
        # acts asked for by a verb of communicating (dev3 a D3)
        ("The governor called on the army to evacuate the town on Monday.", "evacuate", "requested_act"),
        ("The bishop called on the rebels to free the hostages in Kivu.", "free", "requested_act"),
        # namings and refusals to speak are acts of communication (dev3 b D1)
        ("The minister called the raid a massacre on Monday.", "called", "communication_verb"),
        ("The general refused to comment on the raid in Gao.", "refused", "communication_complement"),
        ("The suspect declined to say where he was on Monday.", "declined", "communication_complement"),
        # the election as time anchor (dev a D12)
        ("Turnout fell days before Americans went to the polls in Ohio.", "went", "election_anchor"),
        ("The probe reopened in May before the votes were cast in Utah.", "cast", "election_anchor"),
        # product descriptions (dev a D11, dev2 a N2)
        ("The bars are sold in Canada.", "sold", "availability_passive"),
        # topics of talk (dev b decision 2)
        ("They talked about rebuilding the school in Tulsa.", "rebuilding", "discussed_topic"),
        ("The two will discuss how they can cut taxes in Ohio.", "cut", "discussed_topic"),
        # perception and cognition (test b T3)
        ("He found the shed empty this morning.", "found", "judged_state"),
    ],
)
def test_decision_vetoes(nlp, token_of, text, word, veto):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) == veto


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Troops moved to Kherson next year.", "moved"),  # no exhortation
        ("You moved to Lisbon in May.", "moved"),  # "you" without a deontic modal
        ("Acute lead contamination has been found in water in Flint.", "found"),  # the metal, not a lead
        ("The rifles were sold to Iran in May.", "sold"),  # a dated past transfer
        ("The guns are sold by dealers in Texas.", "sold"),  # an agent
        ("Aid is given to refugees in Jordan every month.", "given"),  # a time of its own
        ("The boy was found dead in the well on Monday.", "found"),  # the finding of a body
        ("He pleaded guilty in Paris in 2010.", "pleaded"),  # a plea, not a judged state
        ("Traders followed, setting up bases in the estuary.", "setting"),  # phrasal verb
        ("The report described how donors will convene in Boston on June 6.", "convene"),  # a report
        ("Rebels helped the villagers to flee the town on Monday.", "flee"),  # help: the act happens
        ("The workers refused to sign the contract in Lyon.", "refused"),  # an act refused, not a message
        ("The union called a strike in Lyon for Monday.", "called"),  # an event noun, no naming
        ("He was called to fight in Kivu in May.", "fight"),  # a passive call: a summons, the act happens
    ],
)
def test_decision_vetoes_leave_events(nlp, token_of, text, word):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) is None


@pytest.mark.parametrize(
    ("text", "word", "veto"),
    [
        ("Smith lost to Jones in the 2016 presidential election.", "election", "election_setting"),
        ("Prices rose days before the vote.", "vote", "election_setting"),
        ("She suffered a slide in her poll numbers in May.", "slide", "poll_standing"),
    ],
)
def test_noun_vetoes(nlp, token_of, text, word, veto):
    doc = nlp(text)
    assert noun_veto(token_of(doc, word), default_lexicon()) == veto


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("The election was held in Ohio on Tuesday.", "election"),  # the election itself
        ("The referendum took place in Scotland in 2014.", "referendum"),
    ],
)
def test_election_as_subject_stays_an_event(nlp, text, lemma):
    doc = nlp(text)
    word = next(t for t in doc if t.lemma_.lower() == lemma)
    assert noun_veto(word, default_lexicon()) is None


def test_counted_votes_are_a_tally_not_a_setting(nlp, token_of):
    doc = nlp("She lost by 290 votes to 228 in the electoral college.")
    assert noun_veto(token_of(doc, "votes"), default_lexicon()) is None


def test_hortative_leaves_no_trigger(nlp):
    assert "move" not in {t.lemma for t in find_triggers(nlp("Let's all move to Norway next year!"))}


# --- second round: jokes and imaginings, past prospects, tasks, the participle of
# availability, discussing (evaluation/gold/README.md: dev b 9, D10, D9, D11, dev b 2) ---


@pytest.mark.parametrize(
    ("text", "word", "veto"),
    [
        ("The host joked that Mexico has started building a fence in Texas.", "building", "fictive_content"),
        ("She pretended that she had moved to Rome last year.", "moved", "fictive_content"),
        ("He dreamed of winning the race in Monaco.", "winning", "fictive_content"),
        ("The mayor was set to win up until the final week.", "win", "past_prospect"),
        ("The club was poised to end the drought in Boston on Sunday.", "end", "past_prospect"),
        ("The army was going to attack Kyiv in May.", "attack", "past_prospect"),
        ("The coach was tasked with rebuilding the team in Denver in 2014.", "rebuilding", "assigned_task"),
        ("The firm makes biscuits sold in Canada.", "sold", "availability_participle"),
        ("He falsely claimed that the army had invaded Peru in 2010.", "invaded", "false_claim"),
        ("The ministers discussed trade in Madrid on Monday.", "discussed", "communication_verb"),
        ("They discussed raising taxes in Lyon on Friday.", "raising", "discussed_topic"),
    ],
)
def test_decision_vetoes_second_round(nlp, token_of, text, word, veto):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) == veto


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The host said that Mexico has started building a fence in Texas.", "building"),  # reported, not joked
        ("He rightly said that troops were sent to Chad in May.", "sent"),  # no adverb of falsity
        ("The team is set to play in Lisbon on Friday.", "play"),  # a present prospect: planned
        ("He was charged with killing a guard in Ohio in May.", "killing"),  # an accused act, reported
        ("Rifles sold to Iran in May were seized.", "sold"),  # a transfer with a recipient and date
        ("Cars made by Fiat in Turin were recalled.", "made"),  # not a verb of giving
    ],
)
def test_second_round_vetoes_leave_events(nlp, token_of, text, word):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) is None


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        # open conditions are planned events (dev a D10, dev b decision 9, dev2 a "if he triumphs")
        ("If Lopez finishes second in Monza on Sunday, she wins the title.", "finishes", True),
        ("He would move to Oslo unless Brown won the vote in May.", "won", True),
        # dependent questions report no event
        ("Nobody knows whether the army will withdraw from Kherson in May.", "withdraw", False),
        ("She asked if the troops would move to Kursk in May.", "move", False),
        # a question's condition is no plan ("If we leave Ohio, do we keep our cars?")
        ("If we leave Ohio in June, do we keep our cars?", "leave", False),
    ],
)
def test_hypothesis_is_planned(nlp, text, word, found):
    doc = nlp(text)
    triggers = {doc[t.i].text: t for t in find_triggers(doc, lexicon=default_lexicon())}
    assert (word in triggers) == found
    if found:
        assert triggers[word].modality == "planned"
        assert triggers[word].rule == "hypothesis"


def test_event_noun_of_a_condition_is_no_trigger(nlp):
    doc = nlp("Lopez takes the title if she triumphs in Sunday's race in Monza.")
    lemmas = {doc[t.i].text: t.modality for t in find_triggers(doc, lexicon=default_lexicon())}
    assert lemmas.get("triumphs") == "planned"
    assert "race" not in lemmas


# --- third round (session 13): occasions for the press, event nouns of vetoed clauses,
# contests as setting, negative arguments (gold README "Revision 2026-12-03", D5, D9, D10,
# dev b 9; seeds decision 32) ---


@pytest.mark.parametrize(
    ("text", "word", "veto"),
    [
        ("The mayor held a press conference in Lyon on Monday.", "conference", "media_occasion"),
        ("The coach told a news conference in Porto on Friday that he would stay.", "conference", "media_occasion"),
        ("Let's hold a rally in Bristol on Friday!", "rally", "vetoed_governor"),
        ("She was asked to lead a protest in Accra on Monday.", "protest", "vetoed_governor"),
        ("The host joked that Peru had launched an invasion of Chile in 2020.", "invasion", "vetoed_governor"),
        ("The governor urged farmers to attend the rally in Boise on Friday.", "rally", "vetoed_governor"),
        ("The Swede crashed during the race in Monza on Sunday.", "race", "contest_setting"),
    ],
)
def test_noun_vetoes_third_round(nlp, token_of, text, word, veto):
    doc = nlp(text)
    assert noun_veto(token_of(doc, word), default_lexicon()) == veto


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministers held a conference in Oslo on Monday.", "conference"),  # a meeting, no press
        ("The union held a rally in Bristol on Friday.", "rally"),  # an asserted rally
        ("The host said that Peru had launched an invasion of Chile in 2020.", "invasion"),  # reported
        ("The race was held in Austin on Sunday.", "race"),  # the race itself, a subject
    ],
)
def test_third_round_noun_vetoes_leave_events(nlp, token_of, text, word):
    doc = nlp(text)
    assert noun_veto(token_of(doc, word), default_lexicon()) is None


@pytest.mark.parametrize(
    ("text", "word", "modality"),
    [
        ("None of the engineers were sent to Basra in May.", "sent", "negated"),
        ("No aid convoys reached Aleppo on Monday.", "reached", "negated"),
        ("Nobody was injured in Derby on Friday.", "injured", "negated"),
        ("The army sent no soldiers to Basra in May.", "sent", "negated"),
        ("No fewer than 300 engineers were sent to Basra in May.", "sent", "asserted"),  # "no" grades a number
        ("Some engineers were sent to Basra in May.", "sent", "asserted"),
    ],
)
def test_negative_argument_negates(nlp, text, word, modality):
    doc = nlp(text)
    triggers = {doc[t.i].text: t for t in find_triggers(doc, lexicon=default_lexicon())}
    assert triggers[word].modality == modality
