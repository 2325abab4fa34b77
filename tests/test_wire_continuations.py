"""Scare quotes, executions, continuing fighting and towns in a region's looser extent
(docs/extraction.md, session 10 rules): the extractor on short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import extractor, located, located_events  # noqa: F401  (extractor: session fixture)

PUBLISHED = date(2015, 4, 1)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    # a verb in scare quotes still takes the town after it
    ('Abadi announced on Tuesday that security forces had "liberated" the city of Tikrit after a month-long offensive.',
     [("other", "Tikrīt", "2015-03-31")]),
    # "the city" the verb takes is the town named before, not the landmark its description measures from
    ('Troops pushed into Tikrit. Abadi announced on Tuesday that security forces had "liberated" the city, '
     "Saddam Hussein's hometown about 160 km north of Baghdad.",
     [("other", "Tikrīt", "2015-03-31")]),
])
def test_towns_taken_behind_quotes_and_descriptions(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected


@pytest.mark.parametrize("text, expected", [
    # prisoners executed at a place are an attack there, with its toll
    ("On June 12, militants captured hundreds of cadets and executed them at a palace compound in Tikrit; "
     "officials say as many as 1,700 were killed.", [("attack", "Tikrīt", "2014-06-12")]),
    # smugglers, gunmen and rebels killed are a killing like soldiers killed
    ("Jordanian troops killed 27 drug smugglers near Mafraq on Thursday, the army said.",
     [("attack", "Mafraq", "2015-03-26")]),
])
def test_killings_of_more_kinds_of_people(extractor, text, expected):
    assert located(extractor, text, PUBLISHED) == expected


def test_executed_warrant_is_no_attack(extractor):
    assert located(extractor, "Police executed a search warrant in Kirkuk on Monday.", PUBLISHED) == []


def test_fighting_still_going_on_is_the_same_battle(extractor):
    text = ("Ten soldiers were killed after gunmen attacked army positions around the town of Arsal on Saturday. "
            "Militants surrounded army checkpoints on the edges of the town and opened fire, and clashes were "
            "still going on Sunday as reinforcements arrived.")
    events = located_events(extractor, text, date(2014, 8, 3))
    assert [(e.category, e.location, str(e.date_start), e.fatalities) for e in events] == \
        [("attack", "Aarsâl", "2014-08-02", 10)]


def test_town_in_a_region_wider_than_todays_division(extractor):
    """Arsal lies in the Bekaa valley, though the gazetteer files it under Baalbek-Hermel."""
    text = ("Gunmen attacked army posts in Arsal on Saturday, killing ten soldiers. "
            "Arsal, a mainly Sunni town in the Bekaa valley, hosts many refugees.")
    assert located(extractor, text, date(2014, 8, 3)) == [("attack", "Aarsâl", "2014-08-02")]


@pytest.mark.parametrize("text, expected", [
    # "moments before" one occurrence, another: two events
    ("TEL AVIV, Israel (AP) - Gunmen killed seven people in Jaffa on Tuesday evening, moments before Iran fired "
     "a barrage of ballistic missiles at Israel.\n\nA labourer was killed by a falling piece of a missile "
     "just north of Jericho in the West Bank, the governor said.",
     [("attack", "Jaffa"), ("attack", "Israel"), ("attack", "Jericho")]),
    # air raid sirens are a warning, not a raid
    ("Air raid sirens began wailing in Belgorod on Sunday.", []),
])
def test_occurrences_one_before_another(extractor, text, expected):
    assert [(c, place) for c, place, _ in located(extractor, text, date(2024, 10, 2))] == expected


@pytest.mark.parametrize("text, toll", [
    ("Two gunmen killed seven people in Kabul on Tuesday.", 7),  # who killed is not who died
    ("Five soldiers killed two days ago in Kabul were buried on Tuesday.", 5),
    ("Rescuers in Kabul ended their search on Tuesday after pulling 15 bodies from the rubble of a bombed building.", 15),
])
def test_tolls_of_who_died(text, toll):
    from geo.events.fatalities import fatalities_in

    assert fatalities_in(text) == toll


def test_plots_to_attack_are_no_attack(extractor):
    text = "Jordan on Wednesday banned the group, a week after authorities said they had foiled plots to carry out attacks in Amman."
    assert located(extractor, text, date(2025, 4, 23)) == []


@pytest.mark.parametrize("text, expected", [
    # a capital's campaign is its government's, not a place of the strike
    ("A U.S. air strike on a detention centre in Yemen's northern Saada province killed 68 people early on Monday, "
     "one of the deadliest incidents in Washington's bombing campaign.", [("attack", "Şāʻdah", "2025-04-28")]),
    # "Monday's toll" dates the toll reported before, not the strikes it is compared with
    ("Monday's toll is second only to the U.S. strikes on the Ras Isa fuel terminal on the Red Sea coast on April 17, "
     "which killed at least 74 people.", [("attack", "Ras Isa oil terminal", "2025-04-17")]),
    # one vow voids both verbs joined by "and"
    ("The Houthis have vowed to keep attacking shipping in the Red Sea and firing missiles at Israel until the war in Gaza ends.",
     []),
])
def test_metonyms_tolls_of_another_day_and_vows(extractor, text, expected):
    assert located(extractor, text, date(2025, 4, 28)) == expected


def test_a_time_in_gmt_is_no_day_of_its_own(extractor):
    text = ("TEHRAN (AFP) - Gunmen stormed a police headquarters in the town of Rask in Sistan-Baluchestan province "
            "overnight, killing 11 police officers, officials said Friday.\n\n"
            "The assault began at around 2:00 am (2230 GMT Thursday), the deputy governor said.\n\n"
            "The United Nations condemned Friday's attack.")
    events = located_events(extractor, text, date(2023, 12, 15))
    assert [(e.location, str(e.date_start), e.fatalities) for e in events] == [("Rāsak", "2023-12-15", 11)]


def test_dates_in_a_time_zone_aside():
    from geo.events.dates import find_dates

    found = find_dates("The assault began at around 2:00 am (2230 GMT Thursday) on Friday.", date(2023, 12, 15))
    assert [d.text for d in found] == ["on Friday"]


@pytest.mark.parametrize("text, expected", [
    # a government complex seized is territory taken
    ("Iraqi troops seized the main government complex in the centre of Fallujah from Islamic State fighters on Friday.",
     [("other", "Al Fallūjah", "2016-06-17")]),
    # "after days of air and artillery bombardment": many occurrences, none of them coded
    ("Troops met little resistance in Fallujah on Friday after days of air and artillery bombardment on the outskirts.", []),
    # the weapons attackers carried are no attack of their own
    ("Around 150 gunmen armed with rifles and rocket-propelled grenades rode into Fallujah.", []),
    # ... but what armed men did still is
    ("Militants armed with machine guns raided a village near Fallujah on Friday and killed 11 villagers.",
     [("attack", "Al Fallūjah", "2016-06-17")]),
])
def test_complexes_bombardments_and_weapons_carried(extractor, text, expected):
    assert located(extractor, text, date(2016, 6, 18)) == expected


def test_a_capitals_embassy_is_no_site(extractor):
    text = "A suicide bomber killed six people outside Moscow's diplomatic mission in Kabul on Monday."
    assert located(extractor, text, date(2022, 9, 5)) == [("attack", "Kabul", "2022-09-05")]


def test_shot_in_the_head_is_an_attack(extractor):
    text = "The deputy police chief was shot in the head late on Thursday as police dispersed rioters in Karak, Jordan."
    assert [c for c, _, day in located(extractor, text, date(2022, 12, 19))] == ["attack"]


def test_captures_last_spring_after_a_coup_elsewhere(extractor):
    text = "Armed groups took the northern cities of Gao, Timbuktu and Kidal last spring after a coup in Bamako."
    events = located_events(extractor, text, date(2013, 1, 12))
    assert [(e.location, str(e.date_start), str(e.date_end)) for e in events] == [
        ("Gao", "2012-03-01", "2012-05-31"), ("Timbuktu", "2012-03-01", "2012-05-31"), ("Kidal", "2012-03-01", "2012-05-31")]
