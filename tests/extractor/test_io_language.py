"""The language check (``extractor.io.language_verdict``): clear English is never refused,
however dense in foreign names; paragraphs in other languages still are; a text too short to be
sure is processed with a warning. All texts invented for these tests (no model)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extractor.batch import run_folder
from extractor.io import foreign_language, language_verdict

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import StubExtractor  # noqa: E402

# One- or two-sentence reports in the style of conflict-event notes: a date, an armed group,
# a toll, and many village, district and province names from 20+ countries (on main, before
# the fix, four were refused: three as Tagalog, one as Welsh).
NAME_DENSE_ENGLISH = [
    'On 14 March 2023, Amotekun operatives clashed with Fulani herders at Igbo-Ora, Ibarapa Central LGA, Oyo state. Residents of Idere, Ayete, Tapa and Igangan fled to Eruwa and Lanlate; 3 herders were killed.',
    'On 2 May 2022, gunmen abducted 11 farmers at Ogbomoso, Surulere LGA, Oyo. Police traced them to Iresa-Adu, Ikoyi-Ile and Oko near Ilorin, Kwara; 2 were killed.',
    'On 9 June 2021, NPA rebels ambushed a Philippine Army patrol in Barangay Mabuhay, Sitio Lumbangan, San Jose de Buan, Samar. Troops pursued them to Barangay Hagbay and Barangay Bagacay in Paranas; 4 soldiers killed.',
    'On 21 August 2023, BIFF fighters attacked a CAFGU detachment in Barangay Kitango, Datu Saudi Ampatuan, Maguindanao del Sur. Fighting spread to Shariff Aguak, Datu Piang and Mamasapano; 2 killed.',
    'On 4 January 2022, Al-Shabaab militants fired mortars at AMISOM positions in Bulo Marer, Marka district, Lower Shabelle. Shells also landed in Qoryooley, Awdheegle and Janaale; 5 killed, including 2 civilians.',
    'On 17 October 2021, Taliban fighters attacked an ANA checkpoint in Qarabagh, Ghazni province. Clashes continued in Mushaki, Deh Yak, Andar and Muqur districts; 7 soldiers were killed.',
    'On 30 November 2022, Russian forces shelled Kupiansk, Kupianskyi raion, Kharkivska oblast. Dvorichna, Kurylivka, Petropavlivka and Synkivka were also hit; 2 civilians were killed.',
    'On 6 July 2023, Wagner mercenaries and FAMa soldiers killed 14 civilians in Boni, Douentza cercle, Mopti region. Survivors fled to Hombori, Gossi, Mondoro and Dioura.',
    'On 12 February 2022, JNIM militants attacked VDP volunteers at Kelbo, Arbinda department, Soum province, Sahel region. The attackers retreated towards Pobe-Mengao, Djibo and Tongomayel; 9 VDP killed.',
    'On 25 April 2021, ADF rebels raided Kisunga, Beni territory, Nord-Kivu. They burned homes in Mamove, Mbau, Oicha and Kainama before FARDC troops arrived from Eringeti; 12 civilians killed.',
    'On 8 September 2022, ISWAP militants ambushed Nigerian soldiers at Malam Fatori, Abadam LGA, Borno. Reinforcements from Damasak, Kangarwa and Arege were also attacked near Monguno; 6 soldiers killed.',
    'On 19 March 2023, al-Shabaab fighters attacked a police post in Mandera East, Mandera county, Kenya. Residents of Lafey, Elwak, Takaba and Rhamu reported gunfire; 3 police officers were killed.',
    'On 1 December 2021, Tatmadaw soldiers burned Done Taw village, Myaung township, Sagaing region. Villagers from Kani, Yinmabin, Salingyi and Pale fled to Monywa; 11 villagers killed.',
    'On 11 January 2022, Houthi forces shelled Hays district, Al Hudaydah governorate. Shells hit Al Jarrahi, Zabid, Bayt al-Faqih and Al Khawkhah; 4 civilians, including 2 children, were killed.',
    'On 23 June 2022, HTS militants shelled regime positions in Kafr Nabl, Maarat al-Numan district, Idlib governorate. Regime artillery answered on Hass, Kansafra, Al Bara and Ariha; 2 soldiers killed.',
    'On 15 May 2023, ELN guerrillas clashed with FARC dissidents in Puerto Asis, Putumayo department. Families left Puerto Leguizamo, San Miguel, Valle del Guamuez and Orito; 5 combatants killed.',
    'On 3 August 2022, CJNG gunmen attacked police at El Salto, Jalisco. Roadblocks were set up in Tlaquepaque, Tonala, Zapotlanejo and Juanacatlan; 4 police officers were killed.',
    'On 27 October 2021, Ambazonian separatists attacked gendarmes in Bamenda, Mezam division, Nord-Ouest. Shops closed in Bambui, Bafut, Bali Nyonga and Santa; 3 gendarmes killed.',
    'On 10 April 2022, Ahlu Sunnah Wa-Jama insurgents raided Mucojo, Macomia district, Cabo Delgado. Residents of Quiterajo, Pangane, Naunde and Chai fled to Pemba; 6 civilians killed.',
    'On 5 September 2023, TTP militants attacked an FC post in Tirah valley, Khyber district, Khyber Pakhtunkhwa. Security forces searched Bara, Jamrud, Landi Kotal and Maidan; 4 soldiers were killed.',
    'On 20 July 2021, Maoist rebels killed 2 CRPF personnel in Tarrem, Bijapur district, Chhattisgarh. Operations followed in Jonaguda, Tekalguda, Silger and Usoor near Sukma.',
    'On 9 November 2023, RSF fighters attacked Ardamata, El Geneina locality, West Darfur. Survivors fled from Misterei, Kereneik, Sirba and Murnei to Adre in Chad; 40 civilians were killed.',
    'On 13 February 2023, Fano militiamen clashed with ENDF soldiers in Debre Tabor, South Gondar zone, Amhara region. Roads to Nefas Mewcha, Woreta, Addis Zemen and Bahir Dar were closed; 8 killed.',
    'On 28 March 2022, TPNPB rebels shot 8 workers at Beoga, Puncak regency, Papua. Police sent officers from Ilaga, Sinak, Mulia and Timika; all 8 were killed.',
    'On 16 August 2021, PULO insurgents bombed a ranger base in Rueso, Narathiwat province. Checkpoints went up in Bacho, Rangae, Sungai Padi and Tak Bai; 2 rangers killed.',
    'On 2 October 2022, gunmen attacked a mosque in Gidan Bawa, Maru LGA, Zamfara. Villagers from Kanoma, Dansadau, Mada and Bungudu fled to Gusau; 9 worshippers were killed.',
    'On 7 May 2021, unknown gunmen killed 3 Amotekun vigilantes at Ipetu-Ijesa, Oriade LGA, Osun. Patrols were sent to Ilesa, Ijebu-Jesa, Iloko-Ijesa and Erin-Ijesa.',
    'On 22 January 2024, Abu Sayyaf members clashed with marines in Barangay Tubig Indangan, Simunul, Tawi-Tawi. Boats were searched in Bongao, Sitangkai, Sibutu and Panglima Sugala; 3 killed.',
    'On 31 May 2023, Russian drones struck Nikopol, Nikopolskyi raion, Dnipropetrovska oblast. Marhanets, Pokrovske hromada, Chervonohryhorivka and Myrove were also shelled; 1 civilian killed.',
    'On 18 April 2023, Mai-Mai Yakutumba attacked FARDC positions at Lulimba, Fizi territory, Sud-Kivu. Fighting spread to Misisi, Baraka, Mboko and Kilembwe; 2 killed.',
    'On 6 March 2022, Al-Shabaab fighters attacked Beledweyne, Hiraan region, Hirshabelle. Clan militia from Buloburde, Jalalaqsi, Mataban and Maxaas joined the fighting; 15 killed.',
    'On 12 July 2022, bandits attacked Ungwan Gaiya, Kajuru LGA, Kaduna. Residents of Maro, Kufana, Idon and Kasuwan Magani fled; 6 were killed.',
    'On 3 March 2024, NPA guerrillas attacked a police station in Barangay Kapatagan, Lanuza, Surigao del Sur. Soldiers from Tandag, Cantilan, Carmen and Madrid pursued them; 2 killed.',
]

# Two-sentence news paragraphs (an attack and its toll) in other languages; iso 639-1 code first.
FOREIGN_PARAGRAPHS = [
    ('fr', 'Le 14 mars 2023, des hommes armés ont attaqué le village de Boni, dans le cercle de Douentza, région de Mopti. Selon les habitants, au moins quatorze civils ont été tués et plusieurs maisons ont été incendiées.'),
    ('fr', "Des combattants du JNIM ont tendu une embuscade à une patrouille de l'armée près de Djibo, dans la province du Soum. Trois soldats sont morts et les assaillants se sont repliés vers la frontière."),
    ('de', 'Am Dienstag griffen bewaffnete Männer ein Dorf im Norden des Landes an und töteten nach Angaben der Behörden mindestens zwölf Menschen. Die Polizei hat die Ermittlungen aufgenommen und sucht nach den Tätern.'),
    ('es', 'El martes, un grupo armado atacó una estación de policía en el municipio de Puerto Asís, en el departamento del Putumayo. Según las autoridades, cinco agentes murieron y otros dos resultaron heridos en el ataque.'),
    ('pt', 'Na terça-feira, insurgentes atacaram a aldeia de Mucojo, no distrito de Macomia, em Cabo Delgado. De acordo com fontes locais, seis civis foram mortos e dezenas de casas foram queimadas durante a noite.'),
    ('it', "Martedì un gruppo di uomini armati ha attaccato un villaggio nel nord del paese, uccidendo almeno dodici persone secondo le autorità locali. La polizia ha avviato un'indagine e cerca i responsabili dell'attacco."),
    ('nl', 'Op dinsdag hebben gewapende mannen een dorp in het noorden van het land aangevallen, waarbij volgens de autoriteiten minstens twaalf mensen om het leven kwamen. De politie is een onderzoek gestart naar de daders.'),
    ('ru', 'Во вторник вооружённые люди напали на деревню на севере страны и, по данным властей, убили не менее двенадцати человек. Полиция начала расследование и ищет нападавших.'),
    ('uk', 'У вівторок російські війська обстріляли Купʼянськ на Харківщині, загинули двоє цивільних. За словами голови обласної адміністрації, пошкоджено кілька житлових будинків і лінію електропередач.'),
    ('yo', 'Ní ọjọ́ Ìṣẹ́gun, àwọn agbébọn kọlu abúlé kan ní ìpínlẹ̀ Ọ̀yọ́, wọ́n sì pa ènìyàn mẹ́ta. Àwọn ọlọ́pàá sọ pé àwọn ti bẹ̀rẹ̀ ìwádìí láti mú àwọn tí ó ṣe iṣẹ́ ibi náà.'),
    ('yo', 'Awon agbebon kolu abule kan ni ipinle Oyo ni ojo Isegun, won si pa eniyan meta. Awon olopaa so pe awon ti bere iwadii lati mu awon to se ise ibi naa, ati pe awon ara abule ti sa kuro ni ile won.'),
    ('tl', 'Noong Martes, inatake ng mga armadong lalaki ang isang kampo ng militar sa bayan ng San Jose, Samar. Ayon sa mga awtoridad, apat na sundalo ang namatay at dalawa ang sugatan sa naganap na sagupaan.'),
    ('tl', 'Sinalakay ng mga rebelde ang isang barangay sa lalawigan ng Maguindanao kahapon ng umaga. Sinabi ng pulisya na dalawang sibilyan ang nasawi at maraming pamilya ang lumikas patungo sa bayan.'),
    ('sw', 'Siku ya Jumanne, watu wenye silaha walishambulia kijiji kimoja katika kaunti ya Mandera na kuua watu watatu. Polisi wamesema kwamba wameanzisha uchunguzi ili kuwakamata washambuliaji hao.'),
    ('id', 'Pada hari Selasa, sekelompok orang bersenjata menyerang sebuah desa di Kabupaten Puncak, Papua, dan menewaskan delapan pekerja. Polisi mengatakan bahwa mereka telah mengirim pasukan tambahan ke daerah tersebut.'),
    ('tr', 'Salı günü silahlı kişiler ülkenin kuzeyindeki bir köye saldırdı ve yetkililere göre en az on iki kişiyi öldürdü. Polis, saldırganları yakalamak için soruşturma başlattığını açıkladı.'),
    ('pl', 'We wtorek uzbrojeni mężczyźni zaatakowali wioskę na północy kraju i według władz zabili co najmniej dwanaście osób. Policja wszczęła śledztwo i poszukuje sprawców ataku.'),
    ('so', 'Maalintii Talaadada, kooxo hubeysan ayaa weeraray tuulo ku taal gobolka Shabeellaha Hoose, waxaana ku dhintay ugu yaraan shan qof. Booliska ayaa sheegay in ay baaritaan ka bilaabeen weerarka.'),
    ('ro', 'Marți, un grup de bărbați înarmați a atacat un sat din nordul țării, ucigând cel puțin douăsprezece persoane, potrivit autorităților. Poliția a deschis o anchetă și îi caută pe atacatori.'),
]

# One short sentence in another language: too few words to be sure, processed with a warning.
SHORT_FOREIGN = [
    ("fr", "Des hommes armés ont attaqué le village hier soir et ont tué trois civils dans leurs maisons."),
    ("es", "Un grupo armado atacó anoche la estación de policía y mató a cinco agentes del municipio."),
    ("tl", "Sinalakay ng mga rebelde ang isang kampo kahapon at apat na sundalo ang namatay doon."),
]


@pytest.mark.parametrize("text", NAME_DENSE_ENGLISH, ids=[f"en{k:02}" for k in range(len(NAME_DENSE_ENGLISH))])
def test_name_dense_english_is_neither_refused_nor_warned(text):
    assert language_verdict(text) is None
    assert foreign_language(text) is None


@pytest.mark.parametrize("iso, text", FOREIGN_PARAGRAPHS, ids=[f"{iso}{k}" for k, (iso, _) in enumerate(FOREIGN_PARAGRAPHS)])
def test_foreign_paragraphs_are_still_refused(iso, text):
    verdict = language_verdict(text)
    assert verdict is not None and verdict.refused and verdict.iso == iso


@pytest.mark.parametrize("iso, text", SHORT_FOREIGN, ids=[iso for iso, _ in SHORT_FOREIGN])
def test_a_short_foreign_text_is_warned_not_refused(iso, text):
    verdict = language_verdict(text)
    assert verdict is not None and not verdict.refused and verdict.iso == iso
    assert foreign_language(text) is None


def test_a_run_processes_name_dense_english_and_warns_on_a_short_foreign_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"id": f"en{k:02}", "text": text} for k, text in enumerate(NAME_DENSE_ENGLISH)]
    records += [{"id": "short-fr", "text": SHORT_FOREIGN[0][1]}, {"id": "long-fr", "text": FOREIGN_PARAGRAPHS[0][1]}]
    (folder / "notes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_folder(folder, out, extractor=StubExtractor())
    written = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert written == {r["id"] for r in records} - {"long-fr"}
    logged = [json.loads(line) for line in Path(tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["doc_id"], (e.get("error") or e.get("warning"))[:6]) for e in logged] == [("short-fr", "[E050]"), ("long-fr", "[E030]")]
    assert (summary.not_english, summary.warnings) == (1, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Troops crossed the border on Monday.", ["Troops", "crossed", "the", "border", "on", "Monday"]),
        # addresses, handles, domains, entities and tokens with digits are no words ("U.S." is two letters)
        ("See www.example.com or mail desk@example.org, @newsdesk #Kyiv", ["See", "or", "mail"]),
        ("The U.S. sent 3,000 troops (http://x.y/z) in 2019 to report.pdf &amp; more", ["The", "U", "S", "sent", "troops", "in", "to", "more"]),
        # opening quotes or brackets before a link; a lone full stop or colon ends no word
        ('He said: "(www.a.org" was down. Then 12th-hour talks', ["He", "said", "was", "down", "Then", "talks"]),
    ],
)
def test_language_words_leave_out_links_numbers_and_abbreviations(text, words):
    from extractor.io import language_words

    assert language_words(text) == words
