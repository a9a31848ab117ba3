"""Reading inputs (every kind of bad one), manifests, resume state and tuple tables; no model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractor.errors import ExtractorError
from extractor.io import (
    TABLE_COLUMNS,
    LineWriter,
    admit,
    decode_bytes,
    done_ids,
    foreign_language,
    is_tuple_table,
    iso_date,
    iter_inputs,
    language_words,
    output_format,
    read_lines,
    read_manifest,
    read_record,
    to_dataset,
    tuple_rows,
    write_table,
)
from extractor.pipeline import DocumentResult
from extractor.types import ActorValue, DateValue, EventTuple, PlaceValue, QuantityValue, Slot

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = (ROOT / "seeds" / "000_7a868387a849ac37.txt").read_text(encoding="utf-8")
LEGACY = "Russia’s “special operation” – as Moscow calls it – cost €2bn, said Zelenskyy’s aide. Café owners counted the damage."
FOREIGN = {
    "de": "Die Bundesregierung hat am Dienstag angekündigt, weitere 500 Soldaten nach Litauen zu verlegen, um die Ostflanke der NATO zu stärken. Verteidigungsminister Pistorius sagte, die Brigade werde bis 2027 vollständig einsatzbereit sein.",
    "fr": "Le gouvernement français a annoncé mardi l'envoi de 300 soldats supplémentaires en Roumanie afin de renforcer le flanc est de l'OTAN, a déclaré le ministre des Armées lors d'une conférence de presse à Paris.",
    "ru": "Россия направила около 500 военнослужащих в Курскую область, сообщило во вторник министерство обороны. По данным ведомства, подразделения прибыли в регион в течение последней недели.",
    "uk": "Північна Корея відправила до Росії близько 11 тисяч військових, повідомила у вівторок розвідка Південної Кореї. Частина з них уже бере участь у боях у Курській області та зазнала втрат.",
}
HTML = """<html><head><title>Site | North Korea</title>
<meta property="article:published_time" content="2024-06-26T10:00:00Z">
<link rel="canonical" href="https://example.com/nk"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>North Korea plans to send troops</h1>{paras}</article>
<footer>Copyright 2024 Example News. Subscribe to our newsletter.</footer></body></html>"""


def html_page(text: str = ENGLISH) -> str:
    return HTML.format(paras="".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip()))


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (LEGACY.encode("utf-8"), LEGACY, None),
        (b"\xef\xbb\xbf" + LEGACY.encode("utf-8"), LEGACY, None),
        (LEGACY.encode("utf-16"), LEGACY, "utf-16"),
        (LEGACY.encode("cp1252"), LEGACY, "cp125"),  # cp1252 or a sibling that decodes these bytes alike
        (("Kyiv’s mayor said 40 homes were hit. " * 5).encode("cp1252"), "Kyiv’s mayor said 40 homes were hit. " * 5, "cp125"),
    ],
)
def test_text_is_decoded_and_a_legacy_encoding_named(data, text, encoding):
    got, found = decode_bytes(data)
    assert got == text
    assert (found is None) == (encoding is None)
    if encoding:
        assert found.startswith(encoding)


# Short English news with a few accented names, in the western 8-bit encodings: charset-
# normalizer alone guessed cp775 or cp1250 ("Zürich" -> "Z³rich", "naïve" -> "naďve").
WESTERN = [
    "Police in Zürich said 3 people were hurt when a car hit a tram near the Hauptbahnhof.",
    "It was a naïve plan, the café owner said, and the façade was damaged.",
    "The mayor of Besançon said the fête in Orléans was cancelled after the attack near Nîmes.",
    "Police in Bogotá said the attack in Medellín killed 4; the Señor's house in Cúcuta was burned.",
    "Troops moved from München to Göttingen and Düsseldorf; officials in Köln said the Straße was closed.",
    "Officials in Tromsø and Åland said the ferry to Göteborg was delayed; Ærø was also hit.",
]


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
@pytest.mark.parametrize("text", WESTERN, ids=[t.split()[2] for t in WESTERN])
def test_western_legacy_text_is_read_as_western(text, codec):
    got, found = decode_bytes(text.encode(codec))
    assert got == text
    assert found in ("latin-1", "cp1252")  # alike without bytes 0x80-0x9f


@pytest.mark.parametrize(
    "codec, text",
    [
        ("cp1252", "“We are ready,” said the minister in Zürich – adding that €2bn was set aside."),
        # other 8-bit encodings stay theirs: symbols inside words ("W³adze") or letters all accented
        ("cp1250", "Police in Łódź and Wrocław said the attack in Białystok killed 2 people."),
        ("cp1250", "Władze w Łodzi poinformowały, że żołnierze przybyli do Gdańska w środę wieczorem."),
        ("cp1251", "Во вторник вооружённые люди напали на деревню на севере страны и убили двенадцать человек."),
        ("cp1253", "Την Τρίτη ένοπλοι επιτέθηκαν σε χωριό στα βόρεια της χώρας και σκότωσαν δώδεκα ανθρώπους."),
        ("cp1254", "Salı günü silahlı kişiler ülkenin kuzeyindeki bir köye saldırdı ve on iki kişiyi öldürdü."),
    ],
    ids=["cp1252-quotes", "cp1250-names", "cp1250-polish", "cp1251", "cp1253", "cp1254"],
)
def test_each_8_bit_encoding_is_named(codec, text):
    assert decode_bytes(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(codec):
    text = "Police in Zürich said 3 people were hurt. “Calm,” the mayor said.\n" * 3
    assert decode_bytes(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"%PDF-1.4\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 200,
    ],
    ids=["nul-bytes", "control-characters"],
)
def test_binary_content_is_refused(data):
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(data)


# --- language ---------------------------------------------------------------------------


@pytest.mark.parametrize("iso, text", sorted(FOREIGN.items()))
def test_foreign_language_is_named(iso, text):
    assert foreign_language(text)[0] == iso


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        # headlines and place names: too short to judge
        "Luhansk Airport;Lisichansk;Lysychansk",
        # names-heavy English with few function words
        "Ukraine soldier killed in separatist east;51y.o. Heorhiy Khalikov was killed in Marinka, Donetsk oblast, "
        "Ukrainian army reported on Tuesday; Avdiivka shelling: 2 wounded; Pisky, Opytne, Vodiane under fire",
    ],
    ids=["article", "short", "headline-list"],
)
def test_english_is_not_reported(text):
    assert foreign_language(text) is None


URL_HEADLINES = {
    # a UCDP record once reported as Welsh: the words of its URL outnumbered the headline's
    "ucdp-link": "-;Ukraine reports 1 KIA, 3 WIA's amid 46 enemy attacks in past day   Read more on UNIAN: "
    "https://www.unian.info/war/10225179-ukraine-reports-1-kia-3-wia-s-amid-46-enemy-attacks-in-past-day.html",
    "links-and-addresses": "Kharkiv shelled overnight, 2 killed http://kharkiv.example.org/news/2024/10/23/shelling-kharkiv-oblast-2-killed "
    "(press@oda.kharkiv.gov.ua, @kharkiv_oda, #Kharkiv, t.me/synegubov/12345); "
    "Sumy: 14 drones downed https://t.me/s/dsns_telegram?before=123456&lang=uk-UA www.sumy.info/zaporizhzhia-dnipro-1203.html",
    "long-headline-list": "Russian forces struck Kupiansk overnight, Ukrainian officials reported https://suspilne.media/kharkiv/860123-rosijski-vijska-atakuvali-kupansk/; "
    "Zelenskyy visited troops near Pokrovsk on Monday https://www.pravda.com.ua/eng/news/2024/10/21/7480123/; "
    "Shelling damaged homes in Nikopol, governor Lysak said https://t.me/dnipropetrovskaODA/98765; "
    "Drone attack wounded civilians in Kherson region",
}


@pytest.mark.parametrize("text", list(URL_HEADLINES.values()), ids=list(URL_HEADLINES))
def test_english_with_links_and_numbers_is_not_reported(text):
    assert foreign_language(text) is None


FOREIGN_WITH_LINKS = {
    "fr": FOREIGN["fr"] + " Source : https://www.lemonde.fr/international/article/2024/10/22/otan.html, presse@defense.gouv.fr",
    "de": "Mehr unter www.tagesschau.de/ausland/europa/litauen-brigade-100.html: " + FOREIGN["de"],
    "ru": FOREIGN["ru"] + " Подробнее: https://ria.ru/20241022/armiya-1979123456.html #новости",
    "zh": "俄罗斯国防部周二表示，约500名军人已被派往库尔斯克州。据该部称，这些部队在过去一周内抵达该地区。乌克兰方面尚未对此发表评论。",
    # Latin-script languages that share the most short words with English
    "es": "El Gobierno español anunció el martes el envío de otros 300 soldados a Letonia para reforzar el flanco oriental "
    "de la OTAN, según informó la ministra de Defensa en una rueda de prensa celebrada en Madrid.",
    "la": "Senatus populusque Romanus legiones tres in Galliam miserunt ut fines imperii defenderent, et consul exercitum "
    "magnum trans flumen duxit contra hostes qui oppida vastaverant.",
}


@pytest.mark.parametrize("iso, text", sorted(FOREIGN_WITH_LINKS.items()))
def test_foreign_paragraph_with_links_is_still_named(iso, text):
    assert foreign_language(text)[0] == iso


def test_language_words_leave_out_what_tells_no_language():
    text = "See https://x.example/a-b-c and www.unian.info or rfi.fr, mail a.b@mod.gov.ua, @DefenceU #Kyiv 51y.o. 3,000 NATO &amp; troops"
    assert language_words(text) == ["See", "and", "or", "mail", "troops"]


# --- folders ----------------------------------------------------------------------------


def by_id(items):
    return {item.doc_id: item for item in items}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (root / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    (root / "page.html").write_text(html_page(), encoding="utf-8")
    (root / "furniture.html").write_text("<html><head><title>A title</title></head><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    (root / "sub" / "good.txt").write_text("Another article with the same name.", encoding="utf-8")
    (root / "records.jsonl").write_bytes(
        b'{"doc_id": "r1", "title": "Troops sent", "text": "Russia sent troops.", "date": "2024-05-01", "url": "u"}\n'
        b"{broken\n"
        b'{"doc_id": "r3", "text": "caf\xe9"}\n'
        b'{"doc_id": "r4", "summary": "no text field"}\n'
    )
    (root / "gold.jsonl").write_text('{"doc_id": "x", "tuples": []}\n', encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    os.symlink(root / "gone.txt", root / "dangling.txt")
    return root


def test_each_input_gets_its_outcome(folder):
    items = list(iter_inputs(folder))
    outcomes = sorted((i.doc_id, (i.error or "ok")[:6]) for i in items)
    assert outcomes == [
        ("binary", "[E008]"),
        ("dangling", "[E006]"),
        ("empty", "ok"),  # empty text is judged by the run (E007), not the reader
        ("furniture", "[E032]"),
        ("good", "[E010]"),  # sub/good.txt: a duplicate id
        ("good", "ok"),
        ("legacy", "ok"),
        ("page", "ok"),
        ("r1", "ok"),
        ("r4", "[E009]"),
        ("records:2", "[E006]"),  # broken JSON
        ("records:3", "[E006]"),  # not UTF-8
    ]
    goods = [i for i in items if i.doc_id == "good"]
    assert goods[0].error is None and "sub" in goods[1].path
    by = by_id(i for i in items if i.error is None)
    assert by["legacy"].text == LEGACY and by["legacy"].encoding.startswith("cp125")
    assert by["good"].encoding is None
    assert "not UTF-8" in next(i.error for i in items if i.doc_id == "records:3")


def test_html_gives_main_text_and_its_own_metadata(folder):
    page = by_id(iter_inputs(folder))["page"]
    assert page.text.startswith("North Korea plans to send troops")
    assert "North Korea is clearly an important supplier." in page.text
    assert "Subscribe" not in page.text and "Home" not in page.text
    assert page.meta["published"] == "2024-06-26"
    assert page.meta["url"] == "https://example.com/nk"


def test_manifest_wins_over_a_page_but_not_over_a_record(folder):
    manifest = {"page": {"doc_id": "page", "published": "2024-07-01"}, "r1": {"doc_id": "r1", "published": "1999-01-01", "title": "M"}}
    items = by_id(iter_inputs(folder, manifest=manifest))
    assert items["page"].meta["published"] == "2024-07-01"
    assert items["r1"].meta["published"] == "2024-05-01"
    # the record's title is not put in front of its text: offsets point into the text as given
    assert items["r1"].text == "Russia sent troops."
    assert items["r1"].meta["title"] == "Troops sent" and items["r1"].meta["url"] == "u"


def test_records_after_a_first_record_without_text_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {"doc_id": "n1", "text": None},  # a null field is an absent one: E009
        {"doc_id": "n2", "text": "Russia sent troops."},
        {"doc_id": "n3", "body": 42},
        {"doc_id": "n4", "content": "Kyiv sent medics."},
    ]
    (folder / "notes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "list.json").write_text(json.dumps([{"id": "j1"}, {"id": "j2", "text": "Troops arrived."}]), encoding="utf-8")
    (folder / "gold.jsonl").write_text('{"doc_id": "x", "tuples": []}\n{"doc_id": "y", "tuples": []}\n', encoding="utf-8")
    outcomes = sorted((i.doc_id, (i.error or "ok")[:6]) for i in iter_inputs(folder))
    assert outcomes == [
        ("j1", "[E009]"),
        ("j2", "ok"),
        ("n1", "[E009]"),
        ("n2", "ok"),
        ("n3", "[E015]"),  # a number where the text goes: named by its type
        ("n4", "ok"),
    ]  # the gold file, without a single article, is still no input


def test_outputs_inside_the_folder_are_not_read_back(folder):
    out = folder / "out.jsonl"
    out.write_text('{"doc_id": "x1", "text": "an output line written --with-text", "tuples": []}\n', encoding="utf-8")
    assert "x1" in by_id(iter_inputs(folder))
    assert "x1" not in by_id(iter_inputs(folder, exclude=[out]))


def test_a_file_that_vanishes_after_listing_is_reported(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Russia sent troops.", encoding="utf-8")
    items = iter_inputs(tmp_path)
    first = next(items)
    (tmp_path / "b.txt").unlink()
    second = next(items)
    assert first.error is None
    assert second.doc_id == "b" and second.error.startswith("[E006]")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_reported(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Russia sent troops.", encoding="utf-8")
    path.chmod(0)
    try:
        (item,) = iter_inputs(tmp_path)
    finally:
        path.chmod(0o644)
    assert item.error.startswith("[E006]") and "ermission" in item.error


def test_missing_input_is_a_coded_error(tmp_path):
    with pytest.raises(ExtractorError, match="E004"):
        list(iter_inputs(tmp_path / "nope"))


# --- manifest ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, problem",
    [
        (b"{not json", "invalid JSON"),
        (b'["a list"]', "doc_id"),
        (b'{"published": "2024-01-01"}', "doc_id"),
        (b'{"doc_id": "c", "published": "yesterday"}', "is not a date"),
        (b'{"doc_id": "a", "published": "2024-02-02"}', "repeated"),
        (b'{"doc_id": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_malformed_manifest_line_is_reported_and_the_rest_kept(tmp_path, line, problem):
    path = tmp_path / "manifest.jsonl"
    path.write_bytes(b'{"doc_id": "a", "published": "2024-01-01", "title": "T"}\n' + line + b'\n{"doc_id": "b", "published": "2024-03-03"}\n')
    entries, problems = read_manifest(path)
    assert len(problems) == 1
    assert problems[0].startswith("[E005]") and "line 2" in problems[0] and problem in problems[0]
    assert entries["a"]["published"] == "2024-01-01" and entries["a"]["title"] == "T"
    assert entries["b"]["published"] == "2024-03-03"


def test_bad_date_in_manifest_keeps_the_rest_of_its_entry(tmp_path):
    path = tmp_path / "manifest.jsonl"
    path.write_text('{"doc_id": "a", "published": "last week", "url": "u"}\n', encoding="utf-8")
    entries, problems = read_manifest(path)
    assert entries == {"a": {"doc_id": "a", "url": "u"}} and len(problems) == 1


# --- resume state -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "tail, ids",
    [
        (b"", {"a", "b"}),
        (b'{"doc_id": "c", "tup', {"a", "b"}),
        (b'{"doc_id": "c", "tuples": []}', {"a", "b"}),  # complete JSON but no newline: torn
        (b"\x00\x00\x00", {"a", "b"}),
    ],
    ids=["clean", "torn", "no-newline", "garbage"],
)
def test_done_ids_cuts_a_torn_tail(tmp_path, tail, ids):
    out = tmp_path / "out.jsonl"
    good = b'{"doc_id": "a", "tuples": []}\n{"doc_id": "b", "tuples": []}\n'
    out.write_bytes(good + tail)
    assert done_ids(out) == ids
    assert out.read_bytes() == good


@pytest.mark.parametrize(
    "content",
    [
        b"Some notes of mine.\nA second line.\n",
        b"Some notes without a final newline",
        b'{"doc_id": "a", "text": "Russia sent troops."}\n',  # article records: an input
        b'{"doc_id": "a", "text": "Russia sent troops."}',  # the same, without a final newline
        b'{"doc_id": "a", "tuples": []}\nnot ours\n{"doc_id": "b", "tuples": []}\n',
        b'{"doc_id": "a", "tuples": [], "events": [], "main_event": null}\n',  # a gold file: main_event is never written here
        b"\x00\x00\x00",  # nothing of ours before the garbage
    ],
    ids=["text", "text-no-newline", "records", "record-no-newline", "foreign-middle-line", "gold", "only-garbage"],
)
def test_a_file_that_is_not_our_output_is_refused_untouched(tmp_path, content):
    out = tmp_path / "out.jsonl"
    out.write_bytes(content)
    with pytest.raises(ExtractorError, match="E013") as raised:
        done_ids(out)
    assert str(out) in str(raised.value)
    assert out.read_bytes() == content


def test_errors_file_lines_are_checked_as_such(tmp_path):
    good = (
        b'{"doc_id": null, "path": "manifest.jsonl", "error": "[E005] bad line"}\n'
        b'{"doc_id": "a", "path": "a.txt", "warning": "[E031] cp1252"}\n'
    )
    errors = tmp_path / "out.errors.jsonl"
    errors.write_bytes(good + b'{"doc_id": "b", "pa')
    assert [e["doc_id"] for e in read_lines(errors, kind="errors")] == [None, "a"]
    assert errors.read_bytes() == good  # a torn last line of our own is still cut
    results = tmp_path / "out.jsonl"
    results.write_bytes(good)
    with pytest.raises(ExtractorError, match="E013"):
        read_lines(results)  # an errors file is not a results file
    assert results.read_bytes() == good


def test_a_lone_surrogate_is_written_escaped_and_read_back(tmp_path):
    out = tmp_path / "out.jsonl"
    with LineWriter(out) as writer:
        writer.write({"doc_id": "caf\udce9", "published": None, "tuples": []})
        writer.write({"doc_id": "café", "published": None, "tuples": []})
    raw = out.read_bytes()
    raw.decode("utf-8")
    assert b"caf\\udce9" in raw and "café".encode("utf-8") in raw
    assert done_ids(out) == {"caf\udce9", "café"}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_table_takes_a_lone_surrogate(tmp_path, fmt):
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    out = tmp_path / f"out.{fmt}"
    assert write_table([DocumentResult("caf\udce9", None, (full_tuple(),))], out, format=fmt) == 1
    table = pq.read_table(out) if fmt == "parquet" else pa_csv.read_csv(out)
    assert table.column("doc_id").to_pylist() == ["caf\\udce9"]


def test_a_table_of_ours_is_told_from_other_files(tmp_path):
    lines = tmp_path / "out.jsonl"
    lines.write_text(json.dumps(DocumentResult("d1", None, (full_tuple(),)).to_dict()) + "\n", encoding="utf-8")
    for fmt in ("csv", "parquet"):
        write_table(lines, tmp_path / f"out.{fmt}", format=fmt)
        assert is_tuple_table(tmp_path / f"out.{fmt}", fmt)
    (tmp_path / "notes.csv").write_text("name,score\nann,3\n", encoding="utf-8")
    assert not is_tuple_table(tmp_path / "notes.csv", "csv")
    assert not is_tuple_table(lines, "parquet")


# --- tables -----------------------------------------------------------------------------


def full_tuple() -> EventTuple:
    return EventTuple(
        action=Slot("sent", 7, 11),
        actor=Slot("Russia", 0, 6),
        quantity=Slot("2,000-3,000 troops", 12, 30),
        location=Slot("Kursk", 34, 39),
        date=Slot("last week", 40, 49),
        lemma="send",
        quantity_value=QuantityValue((2000.0, 3000.0), "troops", approximate=True),
        date_value=DateValue("2024-10", "last week"),
        place=PlaceValue("Kursk", "RU", 51.7, 36.2, 538560, "Kursk Oblast"),
        actor_value=ActorValue("Russia", "RU", "government"),
        modality="reported",
        source=Slot("officials", 60, 69),
        event_type="deploy",
        evidence=Slot("Russia sent 2,000-3,000 troops to Kursk last week.", 0, 50),
        confidence=0.9,
        rules={"actor": "subject", "quantity": "counted_object", "location": "destination", "date": "date_dependent"},
    )


def test_table_columns_cover_every_tuple_field():
    keys = set(full_tuple().to_dict())
    columns = {name for name, _ in TABLE_COLUMNS}
    assert keys <= columns


def test_rows_flatten_ranges_and_details():
    doc = DocumentResult("d1", "2024-10-23", (full_tuple(), EventTuple(action=Slot("went"), actor=Slot("Kyiv")))).to_dict()
    rows = tuple_rows(json.loads(json.dumps(doc)))
    assert [r["tuple_index"] for r in rows] == [0, 1]
    assert (rows[0]["quantity_value"], rows[0]["quantity_value_high"]) == (2000.0, 3000.0)
    assert json.loads(rows[0]["quantity_detail"])["approximate"] is True
    assert json.loads(rows[0]["rules"])["location"] == "destination" and rows[1]["rules"] is None
    assert rows[0]["location_start"] == 34 and rows[1]["location_start"] is None
    assert rows[1]["doc_id"] == "d1" and rows[1]["published"] == "2024-10-23"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_file_holds_one_row_per_tuple(tmp_path, fmt):
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    lines = tmp_path / "out.jsonl"
    docs = [DocumentResult(f"d{k}", None, (full_tuple(),) * k).to_dict() for k in range(4)]
    lines.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert write_table(lines, out, format=fmt, rows_per_batch=2) == 6
    table = pq.read_table(out) if fmt == "parquet" else pa_csv.read_csv(out)
    assert table.num_rows == 6
    assert table.column("doc_id").to_pylist() == ["d1", "d2", "d2", "d3", "d3", "d3"]
    assert table.column("location_lat").to_pylist()[0] == pytest.approx(51.7)
    assert not list(tmp_path.glob(".*.tmp"))


def test_unknown_table_format_is_a_coded_error(tmp_path):
    with pytest.raises(ExtractorError, match="E034"):
        write_table([], tmp_path / "x.xlsx", format="xlsx")


def test_dataset_from_results_leaves_failures_out():
    results = [
        DocumentResult("a", "2024-01-01", (full_tuple(), full_tuple())),
        DocumentResult("b", None, error="[E007] empty"),
        DocumentResult("c", None, ()),
    ]
    ds = to_dataset(results)
    assert ds.num_rows == 2
    assert ds[0]["doc_id"] == "a" and ds[1]["tuple_index"] == 1
    assert ds.features["quantity_value"].dtype == "float64"


@pytest.mark.parametrize(
    "name, requested, expected",
    [
        ("out.jsonl", None, "jsonl"),
        ("out", None, "jsonl"),
        ("out.csv", None, "csv"),
        ("out.PARQUET", None, "parquet"),
        ("out.pq", None, "parquet"),
        ("out.jsonl", "csv", "csv"),
    ],
)
def test_output_format(name, requested, expected):
    assert output_format(name, requested) == expected


def test_unknown_output_format_is_a_coded_error():
    with pytest.raises(ExtractorError, match="E034"):
        output_format("out.jsonl", "xml")


def _line_with_events():
    return {
        "doc_id": "d1",
        "published": "2026-01-05",
        "tuples": [
            {"actor": None, "action": "kill", "quantity": "six people", "quantity_value": 6, "location": "Lyon"},
            {"actor": "police", "action": "kill", "quantity": "seven people", "quantity_value": [6, 7]},
        ],
        "events": [
            {"actor": "police", "action": "kill", "quantity": "seven people", "quantity_value": [6, 7], "location": "Lyon",
             "mentions": [0, 1], "from": {"actor": 1, "quantity": 1, "location": 0}, "main": True, "confidence": 0.9},
        ],
    }


def test_event_rows_one_per_event_with_provenance():
    from extractor.io import event_rows

    (row,) = event_rows(_line_with_events())
    assert (row["doc_id"], row["event_index"], row["main"]) == ("d1", 0, True)
    assert json.loads(row["mentions"]) == [0, 1]
    assert json.loads(row["from"]) == {"actor": 1, "quantity": 1, "location": 0}
    assert (row["quantity_value"], row["quantity_value_high"], row["location"]) == (6, 7, "Lyon")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_event_table_written_and_recognised_as_ours(tmp_path, fmt):
    import pyarrow.parquet as pq
    import pyarrow.csv as pa_csv

    from extractor.io import is_tuple_table, write_table

    out = tmp_path / f"events.{fmt}"
    assert write_table([_line_with_events()], out, format=fmt, level="events") == 1
    table = pq.read_table(out) if fmt == "parquet" else pa_csv.read_csv(out)
    assert table.column_names[:3] == ["doc_id", "published", "event_index"]
    assert table.column("main").to_pylist() == [True]
    assert is_tuple_table(out, fmt)
    assert write_table([_line_with_events()], tmp_path / f"tuples.{fmt}", format=fmt) == 2


def test_unknown_table_level_is_a_coded_error(tmp_path):
    from extractor.errors import ExtractorError
    from extractor.io import write_table

    with pytest.raises(ExtractorError) as err:
        write_table([_line_with_events()], tmp_path / "x.csv", format="csv", level="mentions")
    assert err.value.code == "E035"


def test_a_record_with_a_null_date_has_no_date(tmp_path):
    from extractor.io import iter_inputs

    path = tmp_path / "r.jsonl"
    path.write_text('{"doc_id": "a", "text": "Rebels attacked Goma.", "published": null}\n', encoding="utf-8")
    (item,) = list(iter_inputs(path))
    assert item.error is None and "published" not in item.meta


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-10-19", "2024-10-19"),
        ("2024-10-19T10:00:00Z", "2024-10-19"),
        ("19 October 2024", "2024-10-19"),
        ("October 19, 2024", "2024-10-19"),
        ("Sat, 19 Oct 2024", "2024-10-19"),
        ("19/10/2024", "2024-10-19"),  # 19 cannot be a month: one reading
        ("03/04/2024", None),  # 3 April or March 4: refused, not guessed
        ("October 2024", None),  # no day
        ("yesterday", None),  # relative: no written year
        ("Monday", None),
        ("2024-05-01 or so", None),
        ("", None),
    ],
)
def test_iso_date_reads_written_dates_that_read_one_way_only(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    "record, doc_id, text, meta, code",
    [
        ({"doc_id": 7, "text": "T."}, "7", "T.", {}, None),
        ({"id": "a", "body": "B.", "date": "19 October 2024"}, "a", "B.", {"published": "19 October 2024", "date": "19 October 2024"}, None),
        ({"text": "T.", "title": "Head", "url": "u", "meta": {"k": 1}}, "9", "T.", {"title": "Head", "url": "u", "k": 1}, None),
        ({"text": None, "content": "C."}, "9", "C.", {}, None),
        ({"text": None}, "9", None, {}, "[E009]"),
        ({"text": 7}, "9", None, {}, "[E015]"),
        ("just a string", "9", None, {}, "[E015]"),
    ],
)
def test_read_record_is_the_one_reading_of_a_record(record, doc_id, text, meta, code):
    item = read_record(record, "9")
    assert (item.doc_id, item.text, item.error[:6] if item.error else None) == (doc_id, text, code)
    if code is None:
        assert item.meta == meta


@pytest.mark.parametrize(
    "text, published, error, warnings, day",
    [
        ("", None, "[E007]", [], None),
        ("Russia sent troops.", "19 October 2024", None, [], "2024-10-19"),
        ("Russia sent troops.", "03/04/2024", None, ["[E053]"], None),
        ("Russia sent troops.", "2999-01-01", None, ["[E054]"], "2999-01-01"),
        ("Russia sent troops. " * 10, None, None, ["[E033]"], None),
    ],
)
def test_admit_gives_the_checks_of_a_record(text, published, error, warnings, day):
    found = admit("d", text, published, limit=100)
    assert (found.error[:6] if found.error else None, [w[:6] for w in found.warnings], found.published) == (error, warnings, day)
