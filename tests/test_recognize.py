"""Toponym recognition in running text: what is a place mention and what is not."""
from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer
from geo.geoparse.recognize import Recognizer, tokenize

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "rudaw-2020-07-05-task-force-iraq.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def recognizer():
    return Recognizer(Gazetteer.load())


@pytest.fixture(scope="session")
def seed_spans(recognizer):
    return {t.text for t in recognizer.find(SEED)}


@pytest.mark.parametrize("surface", [
    "ERBIL", "Kurdistan Region", "United States", "Iraq", "US", "Abu Ghraib", "Baghdad", "K-1", "Kirkuk",
    "al-Qaim", "Qayyarah", "al-Sqoor", "Mosul", "al-Taqaddum", "Anbar", "Iran", "Syria", "Khanaqin", "Diyala",
])
def test_seed_article_places_are_found(seed_spans, surface):
    assert surface in seed_spans


@pytest.mark.parametrize("surface", [
    "Iraqi", "Syrian", "Abu Hamza al-Qurashi", "Abu Hamza", "al-Qurashi", "Qurashi", "Iraqi Security Forces",
    "Security Forces", "Islamic State", "ISIS", "ISF", "MAG", "TF-I", "CJTF-OIR", "Coalition", "Daesh", "Sunday",
    "Thursday", "March", "May", "Military Advisor Group", "Heroes", "Nearly", "Transfers", "Task Force-Iraq",
])
def test_seed_article_non_places_are_not_taken(seed_spans, surface):
    assert surface not in seed_spans


def test_spans_index_the_text(recognizer):
    for toponym in recognizer.find(SEED):
        assert SEED[toponym.start:toponym.end] == toponym.text


def test_spans_come_in_text_order(recognizer):
    starts = [t.start for t in recognizer.find(SEED)]
    assert starts == sorted(starts)


@pytest.mark.parametrize("text, places", [
    ("Russian forces shelled Kramatorsk and Sloviansk in Donetsk oblast, Ukraine, on Monday.",
     ["Kramatorsk", "Sloviansk", "Donetsk", "Ukraine"]),
    ("Clashes spread across the Sahel, in northern Mali near Gao.", ["Sahel", "Mali", "Gao"]),
    ("Missiles struck Marib, Yemen, and Saudi air defences intercepted two over Jizan.", ["Marib", "Yemen", "Jizan"]),
    ("President Barack Obama met King Abdullah in Amman, Jordan, on Tuesday.", ["Amman", "Jordan"]),
    ("Airstrikes hit Idlib and the outskirts of Aleppo in Syria.", ["Idlib", "Aleppo", "Syria"]),
    ("Soldiers left Camp Taji, north of Baghdad.", ["Camp Taji", "Baghdad"]),
    ("Iraq's parliament met; Baghdad-based officials and US-led forces disagreed.", ["Iraq", "Baghdad", "US"]),
    ("Fighting in Bosnia and Herzegovina and the Democratic Republic of the Congo.",
     ["Bosnia and Herzegovina", "Democratic Republic of the Congo"]),
    ("KABUL, Afghanistan — Gunmen attacked a checkpoint in Kandahar province.", ["KABUL", "Afghanistan", "Kandahar"]),
])
def test_places_in_world_news(recognizer, text, places):
    assert [t.text for t in recognizer.find(text)] == places


@pytest.mark.parametrize("text", [
    "Mr. Paris said the talks would resume.",
    "Spokesman Jordan told reporters nothing.",
    "Reading the statement, officials said May was calm.",
    "Nice weather. Mobile units patrolled in March.",
    "The ISIS and NATO statements were released on Sunday.",
    "Iraqi, Syrian and Kurdish fighters were seen.",
    "",
    "   \n\n ",
    "<script>alert('x')</script>",
    "12345 67890 !!! ???",
])
def test_texts_without_places(recognizer, text):
    assert recognizer.find(text) == []


@pytest.mark.parametrize("text, surface, cue", [
    # a feature word that completes a known name is part of the name
    ("They attacked the al-Taqaddum air base at dawn.", "al-Taqaddum air base", 2),
    # a number may end a name
    ("A drone slammed into Tower 22, a small logistics outpost in north-eastern Jordan.", "Tower 22", 1),
    ("A drone hit the al-Omar oil field in Syria.", "al-Omar oil field", 2),
    ("Rockets hit K-1 base in the night.", "K-1 base", 2),
    ("Forces handed over bases, including K-1 in Kirkuk.", "K-1", 1),
    ("Kirkuk is a city.", "Kirkuk", 0),
])
def test_feature_cues(recognizer, text, surface, cue):
    found = {t.text: t.feature_cue for t in recognizer.find(text)}
    assert found[surface] == cue


@pytest.mark.parametrize("text, words", [
    ("Iraq's", ["Iraq"]),
    ("Baghdad-based", ["Baghdad"]),
    ("al-Qaim K-1 U.S.", ["al-Qaim", "K-1", "U.S."]),
    ("side-by-side", ["side-by-side"]),
])
def test_tokenize(text, words):
    assert [t.text for t in tokenize(text)] == words


@pytest.mark.parametrize("text, surface, division", [
    ("He grew up in Wichita, Kan., before the war.", "Kan.", "Kansas"),
    ("The plant in Morgantown, W.Va. closed.", "W.Va.", "West Virginia"),
    ("Protesters gathered in Washington, D.C. on Friday.", "D.C.", "District of Columbia"),
    ("She moved to Sacramento, Calif. last year.", "Calif.", "California"),
    ("A storm hit Tampa, Fla., overnight.", "Fla.", "Florida"),
    ("Flights left Vancouver, B.C. at noon.", "B.C.", "British Columbia"),
])
def test_press_abbreviations_of_states_are_their_divisions(recognizer, text, surface, division):
    spans = {t.text for t in recognizer.find(text)}
    assert surface in spans
    assert recognizer.gazetteer.matches(surface)[0].entry.name == division


@pytest.mark.parametrize("text, kept, dropped", [
    ("Trains run from St. Louis to St. Paul and Ft. Worth.", {"St. Louis", "St. Paul", "Ft. Worth"}, {"St", "Louis"}),
    ("Jacob Zuma visited Durban. Later Zuma left for Cape Town.", {"Durban", "Cape Town"}, {"Zuma"}),
    ("Boats sank on the Dnipro River near Kabul.", {"Kabul"}, {"Dnipro"}),
    ("Crowds waited at Abbey Gate outside Kabul.", {"Kabul"}, {"Abbey"}),
    ("Cars were parked on Main Street in Kabul.", {"Kabul"}, {"Main"}),
    ("Kyiv marked Independence Day as rain fell in Sydney.", {"Kyiv", "Sydney"}, {"Independence"}),
    ("The group Saraya Awliya al-Dam claimed the attack in Baghdad.", {"Baghdad"}, {"Saraya"}),
])
def test_names_that_continue_into_a_person_street_or_group(recognizer, text, kept, dropped):
    spans = {t.text for t in recognizer.find(text)}
    assert kept <= spans
    assert not dropped & spans


@pytest.mark.parametrize("text, absent, present", [
    ("Readers met at the Carnegie Library on Tuesday near Baghdad.", "Carnegie", "Baghdad"),
    ("She studied at Loyola University before moving to Mosul.", "Loyola", "Mosul"),
    ("Guests stayed at the Christopher Inn in Basra.", "Christopher", "Basra"),
    ("He lectured at the University of St. Thomas and then in Kirkuk.", "St. Thomas", "Kirkuk"),
])
def test_a_town_word_heading_an_institution_is_no_place(recognizer, text, absent, present):
    found = [t.text for t in recognizer.find(text)]
    assert absent not in found and present in found


@pytest.mark.parametrize("text, names", [
    # a known name cut short before "de"/"del" and a capitalised word is part of a longer unknown one
    ("An ambush in the Santo Domingo de Acobamba district of Huancayo province.", ["Huancayo"]),
    ("Gunmen attacked bars in San Miguel del Ene, in Satipo province.", ["Satipo"]),
    # ... while a known longer name, or two names joined by "and", stay what they are
    ("They flew to Rio de Janeiro and Santo Domingo.", ["Rio de Janeiro", "Santo Domingo"]),
])
def test_a_name_cut_short_before_de_is_no_place(recognizer, text, names):
    assert [t.text for t in recognizer.find(text)] == names
