"""Background paragraphs as real wire copy writes them (docs/extraction.md): the extractor on
short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from geo.model import Article
from tests.extract_helpers import extractor  # noqa: F401  (session fixture)

PUBLISHED = date(2024, 7, 28)  # a Sunday


def located(extractor, text: str) -> list[tuple]:
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    return [(e.location, str(e.date_start), e.fatalities) for e in events if e.located]


@pytest.mark.parametrize("text, expected", [
    # the paragraph opens with the town: the recalled attacks that name no place happened there
    ("Gunmen stormed a hotel in Mogadishu on Saturday, killing six people, police said.\n\n"
     "Mogadishu has been attacked many times. On October 14, 2017, a truck bomb killed 512 people on a "
     "busy street. In June last year, gunmen opened fire on diners at a beach restaurant, killing nine.",
     [("Mogadishu", "2024-07-27", 6), ("Mogadishu", "2017-10-14", 512), ("Mogadishu", "2023-06-01", 9)]),
    # a recalled attack that names a place of its own the gazetteer lacks keeps no borrowed site
    ("Gunmen stormed a hotel in Mogadishu on Saturday, killing six people, police said.\n\n"
     "Mogadishu has been attacked many times. On October 14, 2017, a truck bomb killed 512 people in "
     "Qorxumbaley.",
     [("Mogadishu", "2024-07-27", 6)]),
])
def test_a_paragraph_opened_with_a_town_sites_what_it_recalls(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a report from a town that names no other town: what it tells happened there
    ("KABUL, Afghanistan (AP) — Gunmen stormed a guesthouse near the presidential palace late on Saturday, "
     "killing four guards, police said.\n\nIn May 2017, a truck bomb killed 90 people near the German embassy.",
     [("Kabul", "2024-07-27", 4), ("Kabul", "2017-05-01", 90)]),
    # ... but a report from a town about another stays away from the dateline
    ("KYIV, Ukraine (AP) — Russian missiles hit a market in Kostiantynivka on Saturday, killing 17 people.\n\n"
     "In May, a rocket killed 9 people at a hardware store.",
     [("Kostyantynivka", "2024-07-27", 17)]),
])
def test_a_report_that_names_no_other_town_happened_at_its_dateline(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "there" is the place the sentence before opens with; "killed nine Palestinians" is an attack;
    # "Jenin" is the town, not the governorate named after it
    ("Israeli troops raided the Jenin refugee camp in the occupied West Bank on Saturday, killing 12 people.\n\n"
     "A gunman shot dead two people in Tel Aviv on Friday.\n\nThe camp has been the focus of repeated raids. On "
     "Jan. 26, troops killed nine Palestinians there.",
     [("Janīn", "2024-07-27", 12), ("Tel Aviv", "2024-07-26", 2), ("Janīn", "2024-01-26", 9)]),
])
def test_there_and_the_town_a_division_is_named_after(extractor, text, expected):
    assert located(extractor, text) == expected


def test_an_attack_on_a_place_the_gazetteer_lacks_borrows_no_site(extractor):
    # (Quiterajo, a real coastal village, is not in the gazetteer)
    text = ("Insurgents seized the town of Macomia on Friday, residents said.\n\nTwo days later, they stormed "
            "Quiterajo, a village further down the coast.")
    assert located(extractor, text) == [("Macomia", "2024-07-26", None)]


@pytest.mark.parametrize("text, expected", [
    # "has been hit repeatedly by the militants" tells many occurrences, none of them coded
    ("Lamu has been hit repeatedly by the militants, who hide in the nearby Boni forest.", []),
    # ... but "was hit again and again" is one night's many hits
    ("The Trypilska power plant south of Kyiv was hit again and again on Saturday, officials said.",
     [("Kyiv", "2024-07-27", None)]),
])
def test_repeated_hits(extractor, text, expected):
    assert [(loc, day, toll) for loc, day, toll in located(extractor, text)] == expected


def test_the_withdrawal_that_let_a_town_fall_is_the_capture(extractor):
    text = ("Rebels marched into the centre of Bukavu on Saturday, facing almost no resistance.\n\n"
            "The governor said the army had pulled out of the city to spare residents.\n\n"
            "The fall of Bukavu came a day after the rebels seized Kavumu airport.")
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [(e.category, e.location, str(e.date_start)) for e in events] == [
        ("other", "Bukavu", "2024-07-27"), ("other", "Bukavu Kavumu Airport", "2024-07-25")]  # a day before, or two


def test_a_statement_between_the_attack_and_its_site_takes_no_site(extractor):
    text = ("Officials say 42 soldiers were killed when jihadists attacked an army camp in Mali on Saturday.\n\n"
            "The new figure, announced on Sunday, is far higher than the first account.\n\n"
            "The target was the military camp at Ansongo, a town in the Gao region.")
    assert located(extractor, text) == [("Ansongo", "2024-07-27", 42)]


@pytest.mark.parametrize("text, expected", [
    # a relative clause about a person ("whom it blamed for a rocket that killed 12") is another event's;
    # "a woman and two children were killed" is three; "vowed to retaliate after <the strike>" does not
    # void the strike
    ("Israel struck a building in Beirut on Sunday in what it said was a targeted attack on a commander, "
     "whom it blamed for a rocket that killed 12 children. A woman and two children were killed.\n\n"
     "Israel had vowed to retaliate after Saturday's rocket strike on a football pitch in Majdal Shams in the "
     "Golan Heights, where 12 children were killed.",
     [("Beirut", "2024-07-28", 3), ("Majdal Shams", "2024-07-27", 12)]),
])
def test_relative_clauses_about_people_and_vows_after_a_strike(extractor, text, expected):
    assert located(extractor, text) == expected


def test_people_fleeing_a_camp_is_no_withdrawal(extractor):
    text = "The agency said on Saturday that about 400,000 people had left Zamzam in a few days."
    assert located(extractor, text) == []


@pytest.mark.parametrize("text", [
    "President Ouattara announced that French troops will leave, with their base in Abidjan to be handed over "
    "to the Ivorian army this month.",
    "Iraqi officials said the plan involves pulling coalition forces out of the Ain al-Asad air base.",
    "Juntas hostile to Paris forced its troops out of Mali, Burkina Faso and Niger.",
])
def test_announced_handovers_and_countries_left_are_no_events(extractor, text):
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [e for e in events if e.category in ("attack", "handover") or e.sub_event_type.endswith("territory")] == []


@pytest.mark.parametrize("text, expected", [
    # a departure that "is expected to be the most delicate" has not happened; nor have "the bases being vacated"
    ("The departure from Kidal itself, the stronghold of the former rebels, is expected to be the most delicate.", []),
    ("The army launched an offensive from Gao to take over the bases being vacated by the departing UN mission.", []),
    # "Sudzha, <a long description>, fell to Ukrainian troops"; "the town had been cleared of Russian forces"
    ("Sudzha, a town of about 5,000 people in Russia's Kursk region that lies roughly 10 kilometers from the "
     "border, fell to Ukrainian troops on Saturday.", [("Sudzha", "2024-07-27", None)]),
    ("On Saturday, the commander reported that Sudzha had been cleared of Russian forces.", [("Sudzha", "2024-07-27", None)]),
])
def test_departures_to_come_and_towns_that_fell(extractor, text, expected):
    assert located(extractor, text) == expected


def test_what_a_relative_clause_says_of_a_place_is_no_occurrence(extractor):
    text = ("The commander said on Saturday that fighting was continuing on the outskirts of Sudzha, in Russia's "
            "Kursk region, which he said had been almost completely destroyed by Russian air strikes.")
    assert located(extractor, text) == []


def test_most_of_the_damage_was_in_names_the_site(extractor):
    # "Most of the damage was in X" describes the site; the curated "As-Suwayda" and GeoNames "As Suwaydā'"
    # are one province
    text = ("Warplanes bombed two villages in Syria's southern Sweida province on Saturday, killing nine people.\n\n"
            "Most of the damage was in Urman, a mainly Druze town east of Salkhad, where two houses were flattened.")
    assert located(extractor, text) == [("Urman", "2024-07-27", 9)]


def test_a_village_of_the_province_is_not_a_namesake_abroad(extractor):
    # "al-Shaab, a village on the eastern edge of the province": Jordan's Sahab is no reading of it
    text = ("AMMAN — Warplanes bombed two villages in Syria's southern Sweida province on Saturday, killing nine.\n\n"
            "Earlier this month, an air strike on a house in al-Shaab, a village on the eastern edge of the province, "
            "killed a man and his wife.")
    assert [loc for loc, _, _ in located(extractor, text)] == ["As Suwaydā'", "As Suwaydā'"]


def test_a_raid_that_swept_into_a_town_and_the_number_confirmed_killed(extractor):
    # "swept into Seytenga ... and kept killing" is a raid; "the number of people confirmed killed ...
    # climbed to 79" is its toll; "sent to the town after the attack" refers back to it
    text = ("OUAGADOUGOU (Reuters) - The number of people confirmed killed in a weekend raid by jihadists on a town "
            "in northern Burkina Faso near the border with Niger climbed to 79, officials said.\n\n"
            "Armed men on motorbikes swept into Seytenga on Saturday night and kept killing into Sunday, survivors "
            "said. Soldiers sent to the town after the attack were still finding bodies on Sunday.")
    assert located(extractor, text) == [("Seytenga", "2024-07-27", 79)]
