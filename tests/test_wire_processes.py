"""Sieges that last months, the fight that took a town, "the district" (docs/extraction.md, session 11 rules):
the extractor on short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import REPORTS, extractor, located  # noqa: F401  (extractor: session fixture)

PUBLISHED = date(2019, 6, 27)  # a Thursday


def every_event(extractor, text: str) -> list[tuple]:
    from geo.model import Article

    return [(e.category, e.location, str(e.date_start)) for e in extractor.extract(Article(text=text, published=PUBLISHED))]


@pytest.mark.parametrize("text, expected", [
    # a siege of many months is a process: only the capture that ended it is an occurrence
    ("Rebels said on Wednesday they had captured the army headquarters in Gharyan, the army's last stronghold in "
     "the west, after an 18-month siege of the town.", [("other", "Gharyan", "2019-06-26")]),
    ("Rebels said on Wednesday they had captured the army headquarters in Gharyan, the army's last stronghold in "
     "the west, after a months-long siege.", [("other", "Gharyan", "2019-06-26")]),
    # a siege of days is still an attack of its own
    ("Gunmen held guests in a two-day siege of a hotel in Gharyan on Wednesday.",
     [("attack", "Gharyan", "2019-06-26")]),
])
def test_a_siege_of_months_is_no_occurrence(extractor, text, expected):
    assert every_event(extractor, text) == expected


def test_the_assault_that_retook_a_town_is_the_recapture(extractor):
    text = ("Government forces have recaptured Gharyan, the mountain town that served as the rebels' main base.\n\n"
            "Fighters entered the town from three directions on Wednesday in a surprise assault backed by drones, "
            "and by nightfall had taken the hospital, the government said.")
    assert located(extractor, text, PUBLISHED) == [("other", "Gharyan", "2019-06-26")]


def test_an_attack_on_another_day_stays_its_own_occurrence(extractor):
    text = ("Government forces recaptured Gharyan on Wednesday, the government said.\n\n"
            "Rebels had attacked the town on Monday, killing four soldiers at a checkpoint.")
    assert sorted(located(extractor, text, PUBLISHED)) == [("attack", "Gharyan", "2019-06-24"),
                                                           ("other", "Gharyan", "2019-06-26")]


@pytest.mark.parametrize("text, expected", [
    # "the district's X area", X unknown: somewhere in the district named before
    ("A suicide bomber killed 30 people in a market in Baghdad's Sadr City district on Monday.\n\n"
     "On April 15, a car bomb went off in the district's Qarawiya area, killing four people.",
     [("attack", "Sadr City", "2019-06-24"), ("attack", "Sadr City", "2019-04-15")]),
    # the paragraph's own place before a district named elsewhere
    ("Two bombers struck a mosque in Hangu district on Friday, killing five.\n\n"
     "Mastung has suffered some of the worst violence. On July 13, 2018, a bomber struck an election rally "
     "in the district, killing 149 people.",
     [("attack", "Hangu", "2019-06-21"), ("attack", "Mastung", "2018-07-13")]),
])
def test_the_district_points_back(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected


@pytest.mark.parametrize("text, expected", [
    # "overran part of their base": a storming of the base
    ("Twelve soldiers died when militants overran part of their base in Janaale on Tuesday.",
     [("attack", "Janale", "2019-06-25")]),
    # the brink of a clash is none
    ("MOSCOW (AP) — Russia and Turkey agreed Thursday on a ceasefire for Syria's northwestern Idlib province, a "
     "deal aimed at pulling the two countries back from the brink of a direct military clash after weeks of "
     "fighting.", []),
    # a report rejected as false is no occurrence
    ("The mission rejected as false reports that the base in Janaale had fallen.", []),

])
def test_overrun_bases_and_rejected_reports(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected


def test_the_town_after_an_unnamed_town_is_not_the_dateline(extractor):
    text = ("KYIV, Ukraine — A Russian missile attack on a small railway town in central Ukraine killed 25 people "
            "on Wednesday.\n\nOfficials said several missiles struck the town during the afternoon.\n\n"
            "The station is in Chaplyne, a settlement in the Dnipropetrovsk region.\n\n"
            '"We expected them to hit Kyiv, not a place like this," a railway worker said.')
    assert located(extractor, text, PUBLISHED) == [("attack", "Chaplyne", "2019-06-26")]


def test_strikes_that_went_on_into_the_next_day_are_the_same_night(extractor):
    text = ("Two air strikes levelled a house in northern Sanaa on Monday night, killing 14 people.\n\n"
            "Raids over the city went on into Tuesday morning, residents said.")
    assert located(extractor, text, PUBLISHED) == [("attack", "Sanaa", "2019-06-24")]


def test_what_a_deal_said_forces_were_supposed_to_do_is_no_occurrence(extractor):
    """"... the Stockholm agreement in December 2018, under which both sides were supposed to withdraw
    their forces from the city": the report's own withdrawals stay, the one that never happened is none."""
    from geo.io import load_article

    article = load_article(REPORTS / "wire" / "ye-hodeidah-withdrawal-2021.txt")
    years = {e.date_start.year for e in extractor.extract(article) if e.category == "handover"}
    assert years == {2021}


def test_a_town_stormed_on_the_day_it_was_taken_is_the_capture(extractor):
    text = ("Insurgents briefly occupied the port town of Mocimboa da Praia on Monday, officials said.\n\n"
            "Residents described a night of fear.\n\n"
            "The insurgents had stormed Mocimboa da Praia by land and sea before dawn on Monday, seizing the "
            "barracks.")
    assert located(extractor, text, PUBLISHED) == [("other", "Mocímboa da Praia", "2019-06-24")]


def test_what_a_strike_answers_is_told_apart_from_it(extractor):
    text = ("WASHINGTON (AP) — The United States launched airstrikes in eastern Syria on Thursday against militia "
            "structures, a response to a deadly rocket attack on coalition forces in northern Iraq this month.\n\n"
            "The targets lay close to the Syrian border town of Abu Kamal, opposite the Iraqi town of al-Qaim.\n\n"
            "Defense Secretary Lloyd Austin said the site was used by the same Shiite militants who had attacked "
            "coalition troops.")
    assert located(extractor, text, PUBLISHED) == [("attack", "Ālbū Kamāl", "2019-06-27")]


def test_the_strikes_a_drone_attack_answered_are_their_own_occurrence(extractor):
    text = ("A Hezbollah drone struck an army camp near Haifa on Sunday, killing four soldiers.\n\n"
            "Hezbollah said it had sent drones at the camp in response to Israeli air strikes on central Beirut "
            "on Thursday that killed 22 people.")
    assert located(extractor, text, date(2024, 10, 14)) == [("attack", "Haifa", "2024-10-13"),
                                                            ("attack", "Beirut", "2024-10-10")]


def test_the_first_such_strikes_since_are_an_occurrence_and_explosions_heard_site_it(extractor):
    text = ("The United States and Britain have launched waves of air strikes against Houthi forces in Yemen, the "
            "first such attacks since the rebels began targeting shipping in the Red Sea.\n\n"
            "Loud explosions were heard at al-Dailami air base, the military side of Sanaa's international airport.")
    assert [(category, place) for category, place, _ in located(extractor, text, date(2024, 1, 12))] == \
        [("attack", "Sanaa International Airport")]


def test_a_capture_dated_by_its_announcement_takes_the_day_of_the_storming(extractor):
    text = ("BANGKOK (AP) — The Arakan Army said on Wednesday it had captured Paletwa, a town in Chin state.\n\n"
            "The group said its fighters overran the last military outposts in Paletwa on Monday.")
    assert located(extractor, text, PUBLISHED) == [("other", "Paletwa", "2019-06-24")]


def test_a_siege_of_weeks_told_in_passing_is_no_attack(extractor):
    text = ("A missile struck central Chernihiv on Wednesday, killing 17 people.\n\n"
            "Russian troops besieged it in the first weeks of the full-scale invasion before withdrawing from "
            "the north at the end of March 2022.")
    assert [e for e in every_event(extractor, text) if e[0] == "attack"] == [("attack", "Chernihiv", "2019-06-26")]


def test_an_ambush_and_the_shooting_it_was_are_one_killing(extractor):
    text = ("SIDON, Lebanon (Reuters) - Gunmen killed a Fatah commander in an ambush in Lebanon's largest refugee "
            "camp on Sunday, Fatah said.\n\nThe commander was shot dead in the Ain al-Hilweh camp as his escort "
            "drove through a neighbourhood held by hardline groups.")
    assert [place for _, place, _ in located(extractor, text, PUBLISHED)] == ["Ain al-Hilweh"]


def test_a_capital_that_acts_is_no_site_nor_are_attacks_across_a_province(extractor):
    text = ("KABUL (Reuters) - U.S. forces handed over a base in the southern province of Helmand to the Afghan army "
            "on Sunday, the first since Washington formally began withdrawing its troops, as Taliban fighters "
            "launched attacks on government positions across the province.")
    assert located(extractor, text, PUBLISHED) == [("handover", "Helmand", "2019-06-23")]


@pytest.mark.parametrize("text, expected", [
    # the armed group that stormed a town pulling out of it ends its raid: no handover
    ("Armed groups from northern Mali overran two army camps in the town of Lere on Sunday after several hours of "
     "fighting before pulling out of the town overnight, officials said.\n\nIts fighters withdrew from Lere in "
     "the early hours of Monday, fearing air strikes, a spokesman said.", [("other", "Léré", "2019-06-23")]),
    # "The attack on the Tawakal Hotel ... began on Sunday when a suicide bomber ...": the lead's occurrence
    ("Mogadishu (AFP) - Nine people were killed when al-Shabaab militants stormed a hotel in Kismayo, officials "
     "said Wednesday.\n\nThe attack on the Tawakal Hotel began at about 12:45 pm on Tuesday when a suicide bomber "
     "drove a car into the gate.", [("attack", "Kismayo", "2019-06-25")]),
    # "Fourteen minutes later another drone struck": the day of the strike just told
    ("ERBIL, Iraq (Reuters) - Two drones struck an oilfield near Zakho in Duhok province on Wednesday.\n\n"
     "Fourteen minutes later another drone struck a field near the city of Erbil, officials said.",
     [("attack", "Zaxo", "2019-06-26"), ("attack", "Erbil", "2019-06-26")]),
])
def test_raids_ended_attacks_told_again_and_strikes_minutes_apart(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected


@pytest.mark.parametrize("text, expected", [
    # a village the gazetteer lacks, "roughly 15 km from" a named town: near the town, not the province
    ("About 60 civilians were killed on Tuesday in Karma, a village in Yatenga province roughly 15 kilometres "
     "from the regional capital Ouahigouya, the prosecutor said.", [("attack", "Ouahigouya")]),
    ("On Saturday, suspected jihadists attacked a detachment of soldiers near the village of Aorema, about "
     "15 kilometres from Ouahigouya, killing six soldiers.", [("attack", "Ouahigouya")]),
])
def test_an_unknown_village_close_to_a_named_town(extractor, text, expected):
    assert [(category, place) for category, place, _ in located(extractor, text, PUBLISHED)] == expected


def test_impacts_shown_inside_a_base_site_the_barrage(extractor):
    text = ("TEL AVIV, Israel (AP) — Iran fired a barrage of some 180 ballistic missiles at Israel on Tuesday, "
            "the military said.\n\nIran said it acted in response to the killings of Hezbollah leader Hassan "
            "Nasrallah.\n\nSatellite images shared online showed several impacts inside the Nevatim air base in "
            "the Negev desert.\n\nA labourer was crushed by a falling piece of a missile in Jericho, officials said.")
    assert [place for _, place, _ in located(extractor, text, date(2024, 10, 2))][:1] == ["Nevatim Air Base"]


@pytest.mark.parametrize("text, expected", [
    # the day the government "blamed" the rebels is not the bombing's: it joins the bombing told with its day
    ("BOGOTA, Colombia (AP) — Colombia's government on Friday blamed the rebels for a car bombing at a police "
     "academy in the capital that killed 21 people.\n\nThe minister said the man drove the explosives-laden "
     "vehicle into the police cadet school in southern Bogota on Thursday morning.",
     [("attack", "Bogotá", "2019-06-27")]),  # (published on a Thursday: "on Thursday" is that day)
    # the capital a campaign sought to seize is not what the capture took
    ("TRIPOLI (AFP) - Government forces said Friday they had taken Tarhuna, the last bastion of the eastern "
     "commander in the west, sealing the collapse of his 14-month campaign to seize the capital.",
     [("other", "Tarhuna", "2019-06-21")]),
    # a tally since a year is no occurrence
    ("Violence between Hema and Lendu communities in Djugu territory has flared again since late 2017, killing "
     "hundreds of people.", []),
])
def test_statement_days_purposes_and_tallies(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected
