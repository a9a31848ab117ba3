"""The present participle clause after its verb that tells what that verb's event did or
brought with it (``spans.result_participle``; a supplementive clause, Quirk et al. 1985,
15.58-60), one test for both readers: the actor's climb to the verb whose subject it shares
(``actor._subject_verb``) and the date rule (``date.supplementive_clause_date``), which also
takes a verb the tagger calls an auxiliary (``on_aux``). A clause with a subject of its own
(an expletive "there" too), a subordinator or an auxiliary, or before its verb, is none.
Invented sentences, parsed by hand the way spaCy's English pipeline parses them."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon
from extractor.linking.rules import Context
from extractor.linking.spans import result_participle

# A bomb exploded in Lyon , killing 12 .
EXPLODED = [
    ("A", 1, "det", "DET", "DT", "a"),
    ("bomb", 2, "nsubj", "NOUN", "NN", "bomb"),
    ("exploded", 2, "ROOT", "VERB", "VBD", "explode"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("Lyon", 3, "pobj", "PROPN", "NNP", "Lyon"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("killing", 2, "advcl", "VERB", "VBG", "kill"),
    ("12", 6, "dobj", "NUM", "CD", "12"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# The blast was at noon , killing 3 .  ("was" a main verb the tagger calls an auxiliary)
WAS = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("blast", 2, "nsubj", "NOUN", "NN", "blast"),
    ("was", 2, "ROOT", "AUX", "VBD", "be"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("noon", 3, "pobj", "NOUN", "NN", "noon"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("killing", 2, "advcl", "VERB", "VBG", "kill"),
    ("3", 6, "dobj", "NUM", "CD", "3"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# The storm passed , there being no damage .  (an expletive subject of its own)
THERE_BEING = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("storm", 2, "nsubj", "NOUN", "NN", "storm"),
    ("passed", 2, "ROOT", "VERB", "VBD", "pass"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("there", 5, "expl", "PRON", "EX", "there"),
    ("being", 2, "advcl", "AUX", "VBG", "be"),
    ("no", 7, "det", "DET", "DT", "no"),
    ("damage", 5, "attr", "NOUN", "NN", "damage"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# The bomb exploded , its blast killing 12 .  (a subject of its own)
ITS_BLAST = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("bomb", 2, "nsubj", "NOUN", "NN", "bomb"),
    ("exploded", 2, "ROOT", "VERB", "VBD", "explode"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("its", 5, "poss", "PRON", "PRP$", "its"),
    ("blast", 6, "nsubj", "NOUN", "NN", "blast"),
    ("killing", 2, "advcl", "VERB", "VBG", "kill"),
    ("12", 6, "dobj", "NUM", "CD", "12"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# Troops left , while burning the depot .  (a subordinator)
WHILE = [
    ("Troops", 1, "nsubj", "NOUN", "NNS", "troop"),
    ("left", 1, "ROOT", "VERB", "VBD", "leave"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("while", 4, "mark", "SCONJ", "IN", "while"),
    ("burning", 1, "advcl", "VERB", "VBG", "burn"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("depot", 4, "dobj", "NOUN", "NN", "depot"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# The convoy moved on , having been attacking since dawn .  (auxiliaries of its own)
HAVING_BEEN = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("convoy", 2, "nsubj", "NOUN", "NN", "convoy"),
    ("moved", 2, "ROOT", "VERB", "VBD", "move"),
    ("on", 2, "prt", "ADP", "RP", "on"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("having", 7, "aux", "AUX", "VBG", "have"),
    ("been", 7, "aux", "AUX", "VBN", "be"),
    ("attacking", 2, "advcl", "VERB", "VBG", "attack"),
    ("since", 7, "prep", "ADP", "IN", "since"),
    ("dawn", 8, "pobj", "NOUN", "NN", "dawn"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# Killing 12 , the bomb exploded .  (before its verb)
BEFORE = [
    ("Killing", 5, "advcl", "VERB", "VBG", "kill"),
    ("12", 0, "dobj", "NUM", "CD", "12"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("the", 4, "det", "DET", "DT", "the"),
    ("bomb", 5, "nsubj", "NOUN", "NN", "bomb"),
    ("exploded", 5, "ROOT", "VERB", "VBD", "explode"),
    (".", 5, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(
    "rows, i, on_aux, expected",
    [
        (EXPLODED, 6, False, True),
        (EXPLODED, 6, True, True),
        (WAS, 6, False, False),  # the actor's climb stays on lexical verbs
        (WAS, 6, True, True),  # the date rule also takes a main "be" tagged an auxiliary
        (THERE_BEING, 5, False, False),
        (THERE_BEING, 5, True, False),
        (ITS_BLAST, 6, False, False),
        (ITS_BLAST, 6, True, False),
        (WHILE, 4, False, False),
        (WHILE, 4, True, False),
        (HAVING_BEEN, 7, False, False),
        (HAVING_BEEN, 7, True, False),
        (BEFORE, 0, False, False),
        (BEFORE, 0, True, False),
    ],
)
def test_a_participle_clause_after_its_verb_with_nothing_of_its_own_is_a_result(parse, rows, i, on_aux, expected):
    doc = parse(rows)
    ctx = Context.of(doc, [], default_lexicon())
    assert result_participle(ctx, doc[i], on_aux=on_aux) is expected
