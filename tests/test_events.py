"""The parts of event extraction: sentences, datelines, triggers, actors,
fatalities, site selection and the ACLED type table, each on small texts."""
from __future__ import annotations

from datetime import date

import pytest

from geo.events.actors import ActorFinder
from geo.events.fatalities import fatalities_in
from geo.events.sentences import clauses, find_dateline, quote_spans, split_sentences
from geo.events.triggers import EventLexicon
from geo.model import Article
from tests.extract_helpers import extractor  # noqa: F401  (session fixture)

PUBLISHED = date(2020, 7, 5)


@pytest.fixture(scope="session")
def lexicon():
    return EventLexicon.default()


@pytest.fixture(scope="session")
def actors():
    return ActorFinder.default()


@pytest.mark.parametrize("text, sentences", [
    ("Rockets hit the base. Nobody was hurt.", ["Rockets hit the base.", "Nobody was hurt."]),
    ("The U.S. Army said so. Gen. Smith left.", ["The U.S. Army said so.", "Gen. Smith left."]),
    ('"We will respond," he said. Then he left.', ['"We will respond," he said.', "Then he left."]),
    ("Title line\n\nFirst paragraph. Second sentence.", ["Title line", "First paragraph.", "Second sentence."]),
    ("Strikes hit 3 sites. 2 were bases.", ["Strikes hit 3 sites.", "2 were bases."]),
])
def test_sentences_keep_offsets(text, sentences):
    found = split_sentences(text)
    assert [s.text for s in found] == sentences
    assert all(text[s.start:s.end] == s.text for s in found)


@pytest.mark.parametrize("text, dateline", [
    ("ERBIL, Kurdistan Region — The coalition said.", "ERBIL, Kurdistan Region — "),
    ("KYIV, Ukraine (AP) — Russia fired missiles.", "KYIV, Ukraine (AP) — "),
    ("BAGHDAD (Reuters) - Rockets hit.", "BAGHDAD (Reuters) - "),
    ("Title\n\nNEW YORK — The talks began.", "NEW YORK — "),
    ("Rockets hit Erbil on Monday — officials said.", None),
    ("US forces left — quietly.", None),
    ("Maputo, 13 May 2024 (Lusa) - At least ten people were killed.", "Maputo, 13 May 2024 (Lusa) - "),
    ("Kyiv, March 3 (Reuters) - Russian drones hit.", "Kyiv, March 3 (Reuters) - "),
    ("Goma (AFP) - Rebels entered the town.", "Goma (AFP) - "),
    ("John Smith - a farmer - was shot.", None),
])
def test_dateline(text, dateline):
    span = find_dateline(text)
    assert (text[span[0]:span[1]] if span else None) == dateline


@pytest.mark.parametrize("text, pieces", [
    ("Rockets hit Erbil on Monday, while a drone struck Ain al-Asad on Tuesday.",
     ["Rockets hit Erbil on Monday", "while a drone struck Ain al-Asad on Tuesday."]),
    ("Although declared defeated in 2017, ISIS has continued to launch attacks.",
     ["Although declared defeated in 2017", "ISIS has continued to launch attacks."]),
    ("The coalition handed over K-1 in Kirkuk, al-Qaim and Qayyarah in March.",
     ["The coalition handed over K-1 in Kirkuk, al-Qaim and Qayyarah in March."]),
    ("Militants attacked a checkpoint; two soldiers died.", ["Militants attacked a checkpoint", "two soldiers died."]),
])
def test_clauses(text, pieces):
    (sentence,) = split_sentences(text)
    assert [text[c.start:c.end] for c in clauses(sentence)] == pieces


def test_quotes_are_found_with_straight_and_curly_marks():
    text = 'He said "we will strike" and “they will answer”.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"we will strike"', "“they will answer”"]


@pytest.mark.parametrize("text, kind, category", [
    ("Iran fired missiles at the base", "missile", "attack"),
    ("Rockets hit the airport", "rocket", "attack"),
    ("A one-way attack drone struck the outpost", "drone", "attack"),
    ("Mortar rounds landed near the camp", "mortar", "attack"),
    ("A suicide bomber blew himself up", "suicide_bomb", "attack"),
    ("A roadside bomb exploded", "ied", "attack"),
    ("Gunmen stormed the village", "storming", "attack"),
    ("Militants ambushed a patrol", "ambush", "attack"),
    ("Clashes erupted in the town", "clash", "attack"),
    ("Gunmen kidnapped two engineers", "abduction", "attack"),
    ("An official was assassinated", "assassination", "attack"),
    ("The coalition handed over the base", "handover", "handover"),
    ("Troops withdrew from the airfield", "withdrawal", "handover"),
    ("Government forces recaptured the town", "regain", "other"),
    ("The army launched a new offensive", "operation", "other"),
    ("A ceremony took place", "ceremony", "other"),
    ("according to a statement released Sunday", "statement", "other"),
])
def test_trigger_kinds(lexicon, text, kind, category):
    found = lexicon.triggers(text, 0, len(text))
    assert found, text
    best = min(found, key=lambda t: t.rank)
    assert (best.kind, best.category) == (kind, category)
    assert text[best.start:best.end] == best.text


@pytest.mark.parametrize("text", [
    "Iran's missile programme worries its neighbours",  # a weapon word with no attack verb
    "The drone base cost $110 million",
    "The talks were constructive",
])
def test_no_trigger(lexicon, text):
    assert lexicon.triggers(text, 0, len(text)) == []


@pytest.mark.parametrize("text, voided", [
    ("Our fighters will start to increase their attacks", True),
    ("due to persistent rocket attacks on bases", True),
    ("ISIS has continued to launch attacks", True),
    ("Iran fired more than a dozen missiles at the base", False),
    ("Rockets hit the airport on Monday", False),
])
def test_habitual_future_and_denied_triggers_are_voided(lexicon, text, voided):
    found = lexicon.triggers(text, 0, len(text))
    assert lexicon.not_actual(text, 0, found[0]) is voided


@pytest.mark.parametrize("kind, civilians, state, event_type, sub_event_type", [
    ("handover", False, False, "Strategic developments", "Non-violent transfer of territory"),
    ("missile", False, False, "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("drone", False, False, "Explosions/Remote violence", "Air/drone strike"),
    ("suicide_bomb", False, False, "Explosions/Remote violence", "Suicide bomb"),
    ("ied", False, False, "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("storming", True, False, "Violence against civilians", "Attack"),
    ("storming", False, False, "Battles", "Armed clash"),
    ("abduction", False, False, "Violence against civilians", "Abduction/forced disappearance"),
    ("capture", False, True, "Battles", "Government regains territory"),
    ("capture", False, False, "Battles", "Non-state actor overtakes territory"),
    ("ceremony", False, False, "Strategic developments", "Other"),
])
def test_acled_type_table(lexicon, kind, civilians, state, event_type, sub_event_type):
    found = lexicon.acled_type(kind, civilians=civilians, state_actor=state)
    assert (found.event_type, found.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize("text, names", [
    ("Iran fired missiles at Ain al-Asad", ["Military Forces of Iran"]),
    ("Iranian missiles struck the base", ["Military Forces of Iran"]),
    ("Iran-backed militias launched rockets", ["Iran-backed militia"]),
    ("The US-led coalition handed over the base to the Iraqi security forces",
     ["US-led Coalition", "Iraqi Security Forces"]),
    ("the Iraq Security Forces (ISF)", ["Iraqi Security Forces", "Iraqi Security Forces"]),
    ("the Saudi-led coalition bombed", ["Saudi-led Coalition"]),
    ("Islamic State (ISIS) and Daesh", ["Islamic State (ISIS)", "Islamic State (ISIS)", "Islamic State (ISIS)"]),
    ("al-Shabaab militants stormed", ["Al Shabaab"]),
    ("A group calling itself Saraya Awliya al-Dam claimed it", ["Saraya Awliya al-Dam"]),
    ("unidentified gunmen abducted villagers", ["Unidentified Armed Group", "Civilians"]),
    ("ISIS attacked. The extremist group later withdrew.", ["Islamic State (ISIS)", "Islamic State (ISIS)"]),
    ("The talks in Geneva resumed", []),
    # a named group with its article is the group, not "<demonym> ... forces"
    ("The Syrian Democratic Forces said their fighters held the town", ["Syrian Democratic Forces", "Unidentified Armed Group"]),
    # a country's forces in the possessive
    ("Sudan's army said it had driven the RSF out of Omdurman", ["Military Forces of Sudan", "Rapid Support Forces"]),
    # armed groups of other wars, by name and acronym
    ("M23 rebels seized the town; the Pakistani Taliban, known as the TTP, denied it",
     ["M23", "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"]),
])
def test_actor_names(actors, text, names):
    assert [a.name for a in actors.find(text)] == names


def test_a_country_is_an_actor_only_when_it_acts(actors):
    assert [a.text for a in actors.find("Iran fired missiles")] == ["Iran"]
    assert actors.find("Missiles were fired from Iran") == []


@pytest.mark.parametrize("text, count", [
    ("killing at least seven locals", 7),
    ("The attack caused no casualties", 0),
    ("There were no immediate reports of casualties", 0),
    ("Rockets hit the base", None),
    ("three soldiers were killed", 3),
    ("killing a soldier", 1),
    ("The death toll rose to 34", 34),
    ("left dozens dead", 12),  # ACLED's fixed figure for "dozens"
    ("killed 12 people and wounded 30", 12),
    ("killing 13 US service members and at least 170 Afghans", 183),
    ("wounding five", None),
    ("34 US service members were injured", None),
    ("the bombing killed two hundred people", 200),
    ("gunmen shot dead three policemen", 3),
    ("killing twenty-one civilians", 21),
    ("The death toll from a suicide bombing at a mosque in Peshawar rose to 93 on Tuesday", 93),
    ("bringing the death toll from Saturday's Russian missile strike to 40", 40),
])
def test_fatalities(text, count):
    assert fatalities_in(text) == count


def events(extractor, text, published=PUBLISHED, **meta):
    return extractor.extract(Article(text=text, published=published, **meta))


@pytest.mark.parametrize("text, sites", [
    ("Rockets struck K-1 in Kirkuk on Monday.", ["K-1"]),
    ("Rockets struck Q-West, 60 km south of Mosul, on Monday.", ["Q-West"]),
    ("Iran fired missiles at Ain al-Asad on Wednesday.", ["Ain al-Asad"]),
    ("On Monday, rockets hit Camp Taji and Balad Air Base.", ["Camp Taji", "Balad Air Base"]),
    ("Militants stormed a village near Kirkuk on Monday.", ["Kirkuk"]),
])
def test_the_site_is_the_place_of_the_event(extractor, text, sites):
    assert [e.place_text for e in events(extractor, text)] == sites


def test_a_village_near_a_town_is_coded_near_it(extractor):
    (event,) = events(extractor, "Militants stormed a village near Kirkuk on Monday, killing two.")
    assert event.geo_precision == 2 and event.fatalities == 2


def test_no_event_in_a_country_that_is_only_an_actor(extractor):
    found = events(extractor, "Iran fired missiles at Ain al-Asad in Iraq on Wednesday.")
    assert [e.country for e in found] == ["Iraq"]
    assert "Iran" in found[0].actor1


def test_an_unspecified_location_stays_unlocated(extractor):
    (event,) = events(extractor, "A ceremony took place at an unspecified location in Iraq on Thursday.")
    assert (event.category, event.latitude, event.longitude) == ("other", None, None)
    assert event.date_start == date(2020, 7, 2)


def test_the_dateline_is_no_event_site(extractor):
    (event,) = events(extractor, "ERBIL, Kurdistan Region — Rockets hit K-1 in Kirkuk on Monday.")
    assert event.place_text == "K-1"


def test_provenance_offsets_point_into_the_text(extractor):
    text = "BAGHDAD — Gunmen attacked a checkpoint in Tikrit on Monday, killing three soldiers."
    (event,) = events(extractor, text)
    assert text[event.start_char:event.end_char] == event.sentence
    assert text[event.trigger_start:event.trigger_end] == event.trigger
    assert text[event.place_start:event.place_end] == event.place_text == "Tikrit"
    assert text[event.date_text_start:event.date_text_end] == event.date_text == "on Monday"
    assert event.fatalities == 3


def test_the_headline_is_not_counted_twice(extractor):
    text = "Rockets hit K-1 air base\n\nRockets hit K-1 air base in Kirkuk on Monday, officials said."
    found = events(extractor, text, title="Rockets hit K-1 air base")
    assert len(found) == 1 and found[0].date_start == date(2020, 6, 29)  # the Monday before a Sunday article


@pytest.mark.parametrize("text, english", [
    ("Drone strike kills three soldiers near Erbil airport Tuesday", True),  # headline style, too short to judge
    ("Des roquettes ont frappé la base aérienne dimanche soir, selon les autorités locales. Aucune victime n'a "
     "été signalée et les dégâts sont limités, a précisé le porte-parole de la coalition internationale.", False),
    ("Rockets struck the base on Monday night, killing a contractor and wounding several others, officials said. "
     "The attack was the third on the airport this year, and no group has claimed it so far.", True),
])
def test_language_check(text, english):
    from geo.extract import looks_english

    assert looks_english(text) is english


@pytest.mark.parametrize("name, state", [
    ("Military Forces of Mali", True), ("US-led Coalition", True), ("Peshmerga", True),
    ("Iraqi Security Forces", True), ("Government of the United Kingdom", True),
    ("Unidentified Armed Group", False), ("Al Shabaab", False), ("Rapid Support Forces", False), (None, False),
])
def test_canonical_actor_names_know_whether_they_are_of_a_state(actors, name, state):
    assert actors.is_state_name(name) is state
