"""Write seeds/manifest.jsonl and seeds/gold.jsonl from the hand labels typed below.

The labels are an analyst's judgement (see seeds/README.md for the decisions); this
script only serializes them. ``GOLD`` below holds the version-1 labels of the annotation
guide (the historical record, unchanged); ``v2.py`` beside this file applies the
version-2 hand edits, offsets, ``events`` and ``main_event`` on top of them, and that
version-2 result is what is written to seeds/gold.jsonl.

Run: .venv/bin/python seeds/tools/build_gold.py
     .venv/bin/python seeds/tools/build_gold.py --v1 PATH   (also write the version-1 gold to PATH)
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import v2  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent

FIELDS = (
    "actor", "action", "quantity", "location", "date",
    "quantity_value", "quantity_unit", "date_value", "modality", "source", "event_type",
    "actor_name", "actor_country", "location_name", "location_country", "evidence",
)

# Canonical actor names used below (decision: a state, its government, capital or its
# forces/personnel -> the state, with "<demonym> military" also accepted for forces).
NK = ("North Korea", "KP")
NK_FORCES = (["North Korea", "North Korean military"], "KP")
RU = ("Russia", "RU")
RU_FORCES = (["Russia", "Russian military"], "RU")
RU_KP = (["Russia and North Korea", "Vladimir Putin and Kim Jong Un", "Vladimir Putin", "Kim Jong Un"], ["RU", "KP"])


def t(*, actor, action, quantity=None, location=None, date=None, quantity_value=None,
      quantity_unit=None, date_value=None, modality="asserted", source=None, event_type,
      who, place=(None, None), evidence):
    """One gold tuple; ``who`` = (actor_name, actor_country), ``place`` = (name, country)."""
    row = dict(
        actor=actor, action=action, quantity=quantity, location=location, date=date,
        quantity_value=quantity_value, quantity_unit=quantity_unit, date_value=date_value,
        modality=modality, source=source, event_type=event_type,
        actor_name=who[0], actor_country=who[1],
        location_name=place[0], location_country=place[1], evidence=evidence,
    )
    return {k: row[k] for k in FIELDS}


MANIFEST = [
    {"doc_id": "000_7a868387a849ac37", "published": "2024-06-26", "url": None,
     "title": "North Korea Plans to Send Troops to Assist Russia in Ukraine War"},
    {"doc_id": "001_8565d23d8bc437f8", "published": "2024-10-15", "url": None,
     "title": "Why would North Korea send military officers to Ukraine to support Russia?"},
    {"doc_id": "002_2d787a16630c2c09", "published": "2025-06-19", "url": None,
     "title": "North Korea Intensifies Military Support to Russia Amid Ukraine Conflict, South Korea Reports"},
    {"doc_id": "003_f1f81112e66edf64", "published": "2024-11-02", "url": None,
     "title": "What does North Korea stand to gain from sending troops to Russia to fight Ukraine?"},
    {"doc_id": "004_f90c9be35ff1fe33", "published": "2024-10-23", "url": None,
     "title": "North Korea Deploys 3,000 Troops to Russia, Total of 10,000 Expected by Year-End, Reports Say"},
]

SK_GOV_SOURCE = ["the source", "a South Korean government source", "South Korean government source"]
DONETSK = (["Donetsk Oblast", "Donetsk"], "UA")

GOLD: dict[str, list[dict]] = {}

# --- 000 (published 2024-06-26) -------------------------------------------------------
GOLD["000_7a868387a849ac37"] = [
    t(actor="North Korea", action="send", location=["Ukraine", None],
      modality="planned", event_type="deploy", who=NK, place=("Ukraine", "UA"),
      evidence="North Korea Plans to Send Troops to Assist Russia in Ukraine War"),
    t(actor=["American PMC (Private Military Company) forces", "American PMC", "PMC", "Biden"],
      action=["deploy", "deployment"], location="Ukraine", modality="planned",
      event_type="deploy", who=(["American PMC forces", "American private military companies"], "US"),
      place=("Ukraine", "UA"),
      evidence="Biden is going to greenlight the deployment of American PMC (Private Military Company) forces to Ukraine to assist with fixing damaged equipment."),
    t(actor="North Korea", action="send",
      location=["Russian-held Donbas Oblast", "Donbas Oblast", "Donbas"],
      date="within a month", date_value="2024-06-26/2024-07-26", modality="planned",
      event_type="deploy", who=NK, place=("Donbas", "UA"),
      evidence="North Korea plans to send personnel to Russian-held Donbas Oblast within a month with the same idea."),
    t(actor=["Vladimir Putin and Kim Jong Un", "Vladimir Putin", "Kim Jong Un"], action="sign",
      location=["DPRK", None], date=["A week has passed since", "A week"], date_value="2024-06-19",
      event_type="agree", who=RU_KP, place=("North Korea", "KP"),
      evidence="A week has passed since Vladimir Putin and Kim Jong Un signed a military accord during Putin’s formal state visit to the DPRK."),
    t(actor=["Putin", "Vladimir Putin"], action="visit", location="DPRK",
      date=["A week has passed since", "A week", None], date_value=["2024-06-19", "2024-06-18/2024-06-19", None],
      event_type="other", who=("Vladimir Putin", "RU"), place=("North Korea", "KP"),
      evidence="Putin’s formal state visit to the DPRK"),
    t(actor=["Pyongyang", "North Korea"], action="deploy",
      location=["Donetsk area", "Donetsk"], modality="planned", source="Pyongyang",
      event_type="deploy", who=NK, place=DONETSK,
      evidence="Pyongyang said earlier this week that it would deploy a military engineering group to provide help to Russian soldiers operating in the Donetsk area."),
    t(actor="Russian soldiers", action="operate", location=["Donetsk area", "Donetsk"],
      event_type=["deploy", "combat"], who=RU_FORCES, place=DONETSK,
      evidence="Russian soldiers operating in the Donetsk area"),
    t(actor=["the soldiers", "soldiers", "military engineering group", "North Korea"], action="be",
      location="battlefield", date="Next month", date_value="2024-07", modality="planned",
      event_type="deploy", who=NK_FORCES,
      evidence="Next month, the soldiers might be on the battlefield."),
    t(actor="North Korea", action="deliver",
      quantity=["Approximately two million rounds of artillery", "two million rounds of artillery"],
      quantity_value=2000000, quantity_unit="rounds of artillery",
      date="since September 2023", date_value="2023-09/..", modality="reported",
      event_type="supply", who=NK,
      evidence="Approximately two million rounds of artillery, rockets for the Russian multiple-launch rocket systems, and ballistic missiles have reportedly been delivered by North Korea since September 2023."),
    t(actor="Russia", action="seize", location="eastern Ukraine", event_type="combat", who=RU,
      place=(["eastern Ukraine", "Ukraine"], "UA"),
      evidence="The towns in eastern Ukraine that Russia seized"),
    t(actor=["North Korean engineers and construction soldiers", "North Korean engineers", "North Korea"],
      action="rebuild", location="eastern Ukraine", modality=["planned", "reported"],
      event_type="reconstruct", who=NK_FORCES, place=(["eastern Ukraine", "Ukraine"], "UA"),
      evidence="The towns in eastern Ukraine that Russia seized would reportedly be rebuilt with the assistance of North Korean engineers and construction soldiers."),
    t(actor=["the troops", "troops", "North Korea"], action="show up",
      location=["severely damaged Donetsk area", "Donetsk area", "Donetsk", None],
      date=["as early as June", "June"], date_value="2024-06", modality="planned",
      source=SK_GOV_SOURCE[1:], event_type="deploy", who=NK_FORCES, place=DONETSK,
      evidence="the troops are expected to show up as early as June"),
    t(actor=["the troops", "troops", "North Korea"], action=["assist", "reconstruct", "reconstruction"],
      location=["severely damaged Donetsk area", "Donetsk area", "Donetsk"],
      date=[None, "as early as June"], date_value=[None, "2024-06"], modality="planned",
      source=SK_GOV_SOURCE[1:], event_type="reconstruct", who=NK_FORCES, place=DONETSK,
      evidence="will mainly assist with reconstruction efforts in the severely damaged Donetsk area"),
    t(actor="North Korea", action="send",
      quantity="three of North Korea’s four engineering brigades", quantity_value=3,
      quantity_unit="engineering brigades", location="Ukraine", modality="planned",
      source=SK_GOV_SOURCE, event_type="deploy", who=NK, place=("Ukraine", "UA"),
      evidence="three of North Korea’s four engineering brigades would be sent to Ukraine"),
    t(actor="Russia", action=["pay", "bounty"],
      quantity=["an annual bounty of $115 million", "$115 million"], quantity_value=115000000,
      quantity_unit="USD", modality="planned", source=SK_GOV_SOURCE, event_type="pay", who=RU,
      evidence="in return for an annual bounty of $115 million from Russia"),
]

# --- 001 (published 2024-10-15) -------------------------------------------------------
GOLD["001_8565d23d8bc437f8"] = [
    t(actor="North Korea", action="vote", date=["in March 2022", "March 2022"], date_value="2022-03",
      event_type="other", who=NK,
      evidence="even voting against a UN resolution condemning Russia’s aggression in March 2022"),
    t(actor=["Pyongyang", "North Korea"], action="supply", location=["Russia", None],
      event_type="supply", who=NK, place=("Russia", "RU"),
      evidence="Pyongyang has supplied Russia with Soviet-era munitions, including artillery shells"),
    t(actor="North Korea", action="send",
      location=["occupied areas of Ukraine", "occupied areas of Ukraine, particularly in Donbas", "Donbas"],
      modality="reported", source=["reports", None], event_type="deploy", who=NK,
      place=(["Donbas", "Ukraine"], "UA"),
      evidence="North Korea has sent military personnel to support Russia in occupied areas of Ukraine, particularly in Donbas."),
    t(actor="North Korean combat troops", action=["be", "observe"], location="Russia",
      source="Ukrainian military intelligence", event_type="deploy", who=NK_FORCES,
      place=("Russia", "RU"),
      evidence="North Korean combat troops had been observed in Russia"),
    t(actor=["none", "North Korean combat troops"], action=["be", "confirm"], location="Donbas",
      modality="negated", source="Ukrainian military intelligence", event_type="deploy",
      who=NK_FORCES, place=("Donbas", "UA"),
      evidence="none were confirmed in Donbas"),
    t(actor=["Moscow and Pyongyang", "Moscow", "Pyongyang"], action="sign",
      date=["earlier in 2024", "2024"], date_value="2024", event_type="agree",
      who=(["Russia and North Korea", "Moscow and Pyongyang"], ["RU", "KP"]),
      evidence="a mutual defense pact signed earlier in 2024"),
    t(actor="North Korea", action="send",
      location=["Ukraine's Donbas region", "Donbas region", "Donbas"], event_type="deploy", who=NK,
      place=("Donbas", "UA"),
      evidence="North Korea has also sent laborers to aid in reconstruction efforts in Ukraine's Donbas region."),
    t(actor=["North Korea", "North Korean workers"], action="dispatch",
      quantity=["around 150 North Korean workers", "150 North Korean workers"], quantity_value=150,
      quantity_unit="workers", source="reports", event_type="deploy", who=NK,
      evidence="around 150 North Korean workers were dispatched for this purpose"),
    t(actor=["Pyongyang", "North Korea"], action="send", location=["abroad", None],
      event_type="deploy", who=NK,
      evidence="Pyongyang continues to send workers abroad"),
]

# --- 002 (published 2025-06-19) -------------------------------------------------------
LEE = ["Lee Seong-kweun", "legislator Lee Seong-kweun", "Lee"]
NIS = ["NIS", "National Intelligence Service"]
GOLD["002_2d787a16630c2c09"] = [
    t(actor="North Korea", action="intensify", location=["Russia", None], source="South Korea",
      event_type="supply", who=NK, place=("Russia", "RU"),
      evidence="North Korea Intensifies Military Support to Russia Amid Ukraine Conflict"),
    t(actor="North Korea", action="send", location="Russia", date=["as early as July", "July"],
      date_value="2025-07", modality="planned",
      source=["a South Korean legislator", "South Korean legislator", "nation’s intelligence agency"],
      event_type="deploy", who=NK, place=("Russia", "RU"),
      evidence="North Korea intends to send more soldiers to Russia to aid in the ongoing conflict in Ukraine as early as July"),
    t(actor="North Korea", action="send", location=["Kursk region", "Kursk", None], modality="planned",
      source=["Sergei Shoigu", "Shoigu"], event_type="deploy", who=NK,
      place=(["Kursk Oblast", "Kursk"], "RU"),
      evidence="North Korea would be sending military engineers and construction personnel to assist in the reconstruction of the Kursk region"),
    t(actor=["Sergei Shoigu", "Shoigu"], action=["visit", "trip", "travel"], location="Pyongyang",
      date=[None, "recent"], event_type="other", who=("Sergei Shoigu", "RU"),
      place=("Pyongyang", "KP"),
      evidence="during a recent trip to Pyongyang"),
    t(actor="North Korea", action="send", location="Russia", source=LEE, event_type="deploy",
      who=NK, place=("Russia", "RU"),
      evidence="North Korea continues to send troops and deliver weapons to Russia"),
    t(actor="North Korea", action="deliver", location="Russia", source=LEE, event_type="supply",
      who=NK, place=("Russia", "RU"),
      evidence="North Korea continues to send troops and deliver weapons to Russia"),
    t(actor=["Moscow", "Russia"], action="reclaim", location="Kursk", source=LEE,
      event_type="combat", who=RU, place=(["Kursk Oblast", "Kursk"], "RU"),
      evidence="Moscow’s endeavors to reclaim Kursk"),
    t(actor=["North Korea", "Russia"], action="dispatch", quantity="11,000 troops",
      quantity_value=11000, quantity_unit="troops", date="last October", date_value="2024-10",
      source="Lee", event_type="deploy", who=NK,
      evidence="After dispatching 11,000 troops last October"),
    t(actor=["North Korea", "Russia"], action=["dispatch", "announce"],
      quantity=["a second wave of 4,000 soldiers", "4,000 soldiers"], quantity_value=4000,
      quantity_unit="soldiers", modality="planned", source="Lee", event_type="deploy", who=NK,
      evidence="Russia has now moved to announce a second wave of 4,000 soldiers"),
    t(actor=["North Korea", "Russia"], action=["dispatch", "announce"],
      quantity=["an additional 6,000 construction troops", "6,000 construction troops"],
      quantity_value=6000, quantity_unit="construction troops", location=["Kursk", None],
      modality="planned", source="Lee", event_type="deploy", who=NK,
      place=(["Kursk Oblast", "Kursk"], "RU"),
      evidence="along with an additional 6,000 construction troops to aid in the restoration of Kursk"),
    t(actor="North Korea", action=["deploy", "deployment"],
      date=["as soon as July or August", "July or August"], date_value="2025-07/2025-08",
      modality="planned", source=NIS, event_type="deploy", who=NK,
      evidence="the new troop deployment could begin as soon as July or August"),
    t(actor=["Shoigu", "Sergei Shoigu"], action="visit",
      date=["about a month before the earlier troop mobilization", "a month before the earlier troop mobilization"],
      date_value=["2024-09", None], source=NIS, event_type="other", who=("Sergei Shoigu", "RU"),
      evidence="Shoigu’s visit, which occurred about a month before the earlier troop mobilization"),
    t(actor="North Korea", action="supply", quantity="millions of artillery shells",
      quantity_value=1000000, quantity_unit="artillery shells", location=["Russia", None],
      date="since the full-scale invasion of Ukraine began", date_value="2022-02-24/..",
      modality="reported", source=LEE, event_type="supply", who=NK, place=("Russia", "RU"),
      evidence="North Korea is believed to have supplied Russia with millions of artillery shells"),
    t(actor=["North Korea", "both ships and military aircraft", "ships and military aircraft"],
      action="convey", location=["Russia", None],
      date=["since the full-scale invasion of Ukraine began", None], date_value=["2022-02-24/..", None],
      modality="reported", source=LEE, event_type="supply", who=NK, place=("Russia", "RU"),
      evidence="missiles and long-range rocket systems conveyed by both ships and military aircraft since the full-scale invasion of Ukraine began"),
    t(actor="Russia and North Korea", action="establish", location=["nuclear-capable nation", None],
      date="Last year", date_value="2024", event_type="agree",
      who=(["Russia and North Korea"], ["RU", "KP"]), place=("North Korea", "KP"),
      evidence="Last year, Russia and North Korea established a military cooperation agreement that included a mutual defense clause during a rare visit by Russian President Vladimir Putin to the nuclear-capable nation."),
    t(actor=["Russian President Vladimir Putin", "Vladimir Putin"], action="visit",
      location="nuclear-capable nation", date=["Last year", None], date_value=["2024", None],
      event_type="other", who=("Vladimir Putin", "RU"), place=("North Korea", "KP"),
      evidence="a rare visit by Russian President Vladimir Putin to the nuclear-capable nation"),
    t(actor=["North Korean soldiers", "approximately 600 North Korean soldiers"], action="die",
      quantity=["approximately 600 North Korean soldiers", "600 North Korean soldiers"],
      quantity_value=600, quantity_unit="soldiers", source="South Korean intelligence",
      event_type="casualty", who=NK_FORCES,
      evidence="approximately 600 North Korean soldiers have died"),
    t(actor=["North Korean soldiers", "thousands more"], action="injure",
      quantity=["thousands more", "thousands"], quantity_value=1000, quantity_unit="soldiers",
      source="South Korean intelligence", event_type="casualty", who=NK_FORCES,
      evidence="with thousands more injured while fighting on behalf of Russia"),
    t(actor=["Pyongyang", "North Korea", "it"], action="send", location=["Ukraine", None],
      source="Pyongyang", event_type="deploy", who=NK, place=("Ukraine", "UA"),
      evidence="it had sent troops to support Russia’s campaign in Ukraine"),
]

# --- 003 (published 2024-11-02, estimated) --------------------------------------------
SK_SPY = ["South Korean spy agency", "The South Korean spy agency"]
CONFIRMERS = ["South Korea, the US, and the UK", "South Korea"]
GOLD["003_f1f81112e66edf64"] = [
    t(actor=["North Korean troops", "thousands of North Korean troops"], action="join",
      quantity="thousands of North Korean troops", quantity_value=1000, quantity_unit="troops",
      location=["Ukraine", None], event_type=["deploy", "combat"], who=NK_FORCES,
      place=("Ukraine", "UA"),
      evidence="thousands of North Korean troops joining Russia’s prolonged war in Ukraine"),
    t(actor=["Thousands of North Korean soldiers", "North Korean soldiers"], action="train",
      quantity="Thousands of North Korean soldiers", quantity_value=1000, quantity_unit="soldiers",
      location="Russia", event_type="train", who=NK_FORCES, place=("Russia", "RU"),
      evidence="Thousands of North Korean soldiers are already training in Russia for combat with the Ukrainian army"),
    t(actor="North Korean soldiers", action=["be", "presence"], location=["Russian soil", "on Russian soil"],
      source=CONFIRMERS, event_type="deploy", who=NK_FORCES, place=("Russia", "RU"),
      evidence="South Korea, the US, and the UK have confirmed the presence of North Korean soldiers on Russian soil"),
    t(actor=["most", "North Korean soldiers"], action="mass",
      location=["near the Kursk border of Ukraine", "Kursk border of Ukraine", "Kursk border", "Kursk"],
      source=CONFIRMERS, event_type="deploy", who=NK_FORCES,
      place=(["Kursk Oblast", "Kursk"], "RU"),
      evidence="most massing near the Kursk border of Ukraine"),
    t(actor=["soldiers", "North Korean soldiers", "at least 12,000 soldiers including generals and senior officials"],
      action="be",
      quantity=["at least 12,000 soldiers", "12,000 soldiers", "at least 12,000 soldiers including generals and senior officials"],
      quantity_value=12000, quantity_unit="soldiers", location="Russia", date=["now", None],
      date_value=["2024-11-02", None], source=["South Korean intelligence agency", "The South Korean intelligence agency"],
      event_type="deploy", who=NK_FORCES, place=("Russia", "RU"),
      evidence="at least 12,000 soldiers including generals and senior officials are in Russia now"),
    t(actor=["they", "soldiers", "North Korean soldiers"], action="fight",
      date=["within days", "“within days”"], date_value="2024-11-02/2024-11-09", modality="planned",
      source="American intelligence", event_type="combat", who=NK_FORCES,
      evidence="they could be fighting “within days”"),
    t(actor="North Korea", action="fight", date="since 1953", date_value="1953/..",
      modality="negated", event_type="combat", who=NK,
      evidence="North Korea has not fought a war since 1953"),
    t(actor="Russia", action="pay",
      quantity=["at least $2,000 per month", "$2,000 per month", "$2,000"], quantity_value=2000,
      quantity_unit="USD", modality="planned", source=SK_SPY, event_type="pay", who=RU,
      evidence="Russia could pay at least $2,000 per month to each North Korean soldier"),
    t(actor="Russia", action="shell out",
      quantity=["a total of $20m (£15.5m) per month", "$20m (£15.5m) per month", "$20m (£15.5m)", "$20m"],
      quantity_value=20000000, quantity_unit="USD", modality="planned", source=SK_SPY,
      event_type="pay", who=RU,
      evidence="shelling out a total of $20m (£15.5m) per month for 10,000 soldiers"),
    t(actor=["a soldier", "soldier"], action="earn", quantity="$1,200 to $2,400",
      quantity_value=[1200, 2400], quantity_unit="USD", modality="planned",
      source=["former soldiers", None], event_type="pay", who=NK_FORCES,
      evidence="a soldier would end up earning $1,200 to $2,400"),
    t(actor=["a crippling famine", "famine"], action="kill",
      quantity=["an estimated hundreds of thousands", "hundreds of thousands"], quantity_value=100000,
      quantity_unit="people", location=["North Korea", None], date=["in the mid-1990s", "mid-1990s"],
      date_value="1994/1996", event_type="casualty", who=("famine", "KP"),
      place=("North Korea", "KP"),
      evidence="a crippling famine killed an estimated hundreds of thousands in the mid-1990s"),
    t(actor=["they", "defectors", "A significant number of defectors"], action="receive",
      location="North Korea", modality="negated",
      source=["A significant number of defectors", "defectors"], event_type="supply",
      who=(["North Korean defectors", "defectors"], "KP"), place=("North Korea", "KP"),
      evidence="they never received government food rations in North Korea"),
]

# --- 004 (published 2024-10-23) -------------------------------------------------------
NIS_004 = ["South Korea’s National Intelligence Service (NIS)", "South Korea’s National Intelligence Service",
           "National Intelligence Service", "NIS"]
GOLD["004_f90c9be35ff1fe33"] = [
    t(actor="North Korea", action="deploy", quantity="3,000 Troops", quantity_value=3000,
      quantity_unit="troops", location="Russia", source="Reports", event_type="deploy", who=NK,
      place=("Russia", "RU"),
      evidence="North Korea Deploys 3,000 Troops to Russia"),
    t(actor="North Korea", action="deploy", quantity=["Total of 10,000", "10,000"], quantity_value=10000,
      quantity_unit="troops", location=["Russia", None], date=["by Year-End", "Year-End"],
      date_value=["2024-12", "2024-12-31"], modality="planned", source="Reports",
      event_type="deploy", who=NK, place=("Russia", "RU"),
      evidence="Total of 10,000 Expected by Year-End"),
    t(actor=["North Korea", "North Korean soldiers"], action="dispatch",
      quantity=["Approximately 3,000 North Korean soldiers", "3,000 North Korean soldiers"],
      quantity_value=3000, quantity_unit="soldiers", location="Russia", source=NIS_004,
      event_type="deploy", who=NK, place=("Russia", "RU"),
      evidence="Approximately 3,000 North Korean soldiers have been dispatched to Russia to support its ongoing conflict with Ukraine"),
    t(actor="North Korea", action="increase", quantity=["10,000", "the number to 10,000"],
      quantity_value=10000, quantity_unit="soldiers", location=[None, "Russia"],
      date="by December", date_value="2024-12", modality="planned", source=NIS_004,
      event_type="deploy", who=NK,
      evidence="with plans to increase the number to 10,000 by December"),
    t(actor=["the initial batch of 1,500 soldiers", "1,500 soldiers", "initial batch", "soldiers", "North Korea"],
      action="arrive", quantity=["1,500 soldiers", "the initial batch of 1,500 soldiers"],
      quantity_value=1500, quantity_unit="soldiers", location="Russia", date="earlier this month",
      date_value="2024-10", source=["The agency", "NIS"], event_type="deploy", who=NK_FORCES,
      place=("Russia", "RU"),
      evidence="the initial batch of 1,500 soldiers having arrived in Russia earlier this month"),
    t(actor=["North Korea", "A subsequent group of 1,500 soldiers", "1,500 soldiers"], action="dispatch",
      quantity=["A subsequent group of 1,500 soldiers", "1,500 soldiers"], quantity_value=1500,
      quantity_unit="soldiers", date="since then", date_value="2024-10",
      source=["NIS Director Cho Tae-yong", "Cho Tae-yong", "NIS"], event_type="deploy", who=NK,
      evidence="A subsequent group of 1,500 soldiers has also been dispatched since then"),
    t(actor=["These troops", "troops", "North Korean soldiers"], action="engage", date="currently",
      date_value="2024-10-23", modality="negated", source=[None, "NIS"], event_type="combat",
      who=NK_FORCES,
      evidence="These troops are not currently engaged in combat"),
    t(actor=["These troops", "troops", "North Korean soldiers"], action="station",
      location="Russian military facilities", date=[None, "currently"], date_value=[None, "2024-10-23"],
      source=[None, "NIS"], event_type="deploy", who=NK_FORCES, place=(None, "RU"),
      evidence="These troops are not currently engaged in combat but are stationed at Russian military facilities"),
    t(actor=["they", "These troops", "troops"], action=["train", "undergo", "training"],
      location="Russian military facilities", source=[None, "NIS"], event_type="train",
      who=NK_FORCES, place=(None, "RU"),
      evidence="they are undergoing training on military equipment and unmanned aerial vehicles"),
    t(actor=["Each North Korean soldier", "North Korean soldier"], action="receive",
      quantity=["approximately $2,000", "$2,000", "a monthly compensation of approximately $2,000"],
      quantity_value=2000, quantity_unit="USD", location=["Russia", None], event_type="pay",
      who=NK_FORCES, place=("Russia", "RU"),
      evidence="Each North Korean soldier receives a monthly compensation of approximately $2,000 for their service in Russia."),
    t(actor=["Each North Korean soldier", "North Korean soldier"], action=["serve", "service"],
      location="Russia", event_type="deploy", who=NK_FORCES, place=("Russia", "RU"),
      evidence="their service in Russia"),
    t(actor=["North Korea", "A total of 10,000 troops", "troops"], action="deploy",
      quantity=["A total of 10,000 troops", "10,000 troops"], quantity_value=10000,
      quantity_unit="troops", modality="planned", source=[None, "NIS"], event_type="deploy", who=NK,
      evidence="A total of 10,000 troops are expected to be dep\nloyed, including those already sent."),
    t(actor="North Korea", action="relocate", location=["undisclosed locations", None],
      modality="reported", source=["The NIS", "NIS"], event_type="other", who=NK,
      evidence="North Korea appears to have relocated the families of the dispatched soldiers to undisclosed locations"),
    t(actor=["North Korean leader Kim Jong-un and Russian President Vladimir Putin",
             "Kim Jong-un and Russian President Vladimir Putin", "Kim Jong-un", "Vladimir Putin"],
      action="reach", date="in June", date_value="2024-06", event_type="agree", who=RU_KP,
      evidence="an agreement reached between North Korean leader Kim Jong-un and Russian President Vladimir Putin in June"),
    t(actor="North Korean troops", action=["be", "presence"], location="Russia",
      source=["U.S. Secretary of Defense Lloyd Austin", "Lloyd Austin"], event_type="deploy",
      who=NK_FORCES, place=("Russia", "RU"),
      evidence="U.S. Secretary of Defense Lloyd Austin has confirmed the presence of North Korean troops in Russia"),
]


def v1_docs() -> list[dict]:
    """The version-1 gold lines ({"doc_id", "published", "tuples"}), in manifest order."""
    published = {m["doc_id"]: m["published"] for m in MANIFEST}
    return [{"doc_id": doc_id, "published": published[doc_id], "tuples": copy.deepcopy(tuples)}
            for doc_id, tuples in GOLD.items()]


def v2_docs() -> list[dict]:
    """The version-2 gold lines: version 1 with the edits of v2.py applied."""
    articles = {doc_id: (SEEDS / f"{doc_id}.txt").read_text("utf-8") for doc_id in GOLD}
    return v2.apply(v1_docs(), articles)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--v1", type=Path, metavar="PATH",
                        help="also write the version-1 gold (historical) to PATH")
    args = parser.parse_args(argv)
    docs = v2_docs()  # before writing anything: a failing edit leaves both files as they were
    write_jsonl(SEEDS / "manifest.jsonl", MANIFEST)
    write_jsonl(SEEDS / "gold.jsonl", docs)
    if args.v1:
        write_jsonl(args.v1, v1_docs())
        print("version 1:", {doc_id: len(tuples) for doc_id, tuples in GOLD.items()},
              sum(map(len, GOLD.values())), "->", args.v1)
    counts = {d["doc_id"]: (len(d["tuples"]), len(d["events"])) for d in docs}
    print("version 2 (tuples, events):", counts,
          sum(t for t, _ in counts.values()), sum(e for _, e in counts.values()))


if __name__ == "__main__":
    main()
