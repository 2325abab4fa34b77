"""Where those who speak are and what lies beside a target (docs/extraction.md, session 9 rules):
the extractor on short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from geo.model import Article
from tests.extract_helpers import WIRE_PUBLISHED, extractor, located  # noqa: F401  (extractor: session fixture)

PUBLISHED = WIRE_PUBLISHED


@pytest.mark.parametrize("text, expected", [
    # the capital a ministry speaks from is no site of the strike it announces
    ("In Moscow, the defence ministry said on Saturday that its forces had used hypersonic missiles on Friday, "
     "destroying an underground depot in the village of Delyatyn in the Ivano-Frankivsk region.",
     [("attack", "Deliatyn", "2024-07-26")]),
    ("In Moscow, the Kremlin said missiles had destroyed a depot in Kharkiv on Friday.",
     [("attack", "Kharkiv", "2024-07-26")]),
    # ... while a town named before other words is still where it happened
    ("In Moscow, a car bomb killed two people on Friday.", [("attack", "Moscow", "2024-07-26")]),
    # a plant beside an airport lies where the airport is
    ("Cruise missiles struck an aircraft repair plant beside the airport of Lviv, in western Ukraine, on Friday.",
     [("attack", "Lviv", "2024-07-26")]),
])
def test_speakers_towns_and_what_lies_beside(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a palace, a dam or a port taken is territory taken
    ("Separatists seized the presidential palace in Aden on Saturday.",
     [("other", "Aden", "2024-07-27")]),
    ("Rebels captured the Tabqa dam on Friday.", [("other", "Tabqa Dam", "2024-07-26")]),
    # "are now in full control of", "entered the city": the town is taken
    ("Troops are now in full control of Kismayo, a military spokesman said on Saturday.",
     [("other", "Kismayo", "2024-07-27")]),
    # the town whose name only says since when ("its seat since the rebels took Sanaa") is no capture site,
    # and no antecedent of "the city" when another town is
    ("It is the second time the two sides have fought for control of Aden, the government's seat since the "
     "Houthis took Sanaa in 2014. Between January 28 and 30 last year, separatists battled troops and took "
     "over most of the city, in fighting that killed 38 people.",
     [("other", "Sanaa", "2014-01-01"), ("attack", "Aden", "2023-01-28")]),
    # where someone lives is no site
    ("Guards handed over the base on Saturday, which was empty because the president lives in Riyadh.", []),
])
def test_palaces_control_and_towns_named_in_passing(extractor, text, expected):
    assert located(extractor, text) == expected


def test_a_verb_opening_a_sentence_is_no_given_name():
    # "Losing Kismayo deprives ...": Kismayo is no surname, so it stays a place elsewhere in the text
    from geo.geoparse.geoparser import Geoparser
    text = "Troops fought in Kismayo on Monday. Losing Kismayo deprives the rebels of port taxes."
    assert [m.text for m in Geoparser.default().places(text) if m.entry is not None] == ["Kismayo", "Kismayo"]


@pytest.mark.parametrize("text, expected", [
    # the killing and the assault after a capture say how the place was taken: one capture, with its toll
    ("Militants took the army base on the northern edge of Raqqa on July 25, killing at least 85 people.",
     [("other", "Non-state actor overtakes territory", 85)]),
    ("On Friday militants captured the army base near Raqqa after an assault that opened with three suicide "
     "bombings, killing 36 soldiers.",
     [("other", "Non-state actor overtakes territory", 36)]),
    # a base overrun after days of fighting, with no one said killed, was taken
    ("Militants overran the Tabqa air base on Sunday after days of fierce fighting.",
     [("other", "Non-state actor overtakes territory", None)]),
    # ... while a raid that kills and moves on stays an attack
    ("Gunmen stormed the army base near Raqqa on Friday and killed 12 soldiers before withdrawing.",
     [("attack", "Armed clash", 12)]),
])
def test_captures_told_with_how_they_were_taken(extractor, text, expected):
    assert [(e.category, e.sub_event_type, e.fatalities) for e in
            extractor.extract(Article(text=text, published=PUBLISHED)) if e.located] == expected


def test_drones_flown_towards_two_bases_are_two_targets(extractor):
    # the lead says "its main air base and its naval facility"; the next sentence names both, with the night
    text = ("Russia's military says it fought off an attack by 13 armed drones on its main air base and its naval "
            "facility in Syria.\n\nIn a statement on Monday, the defence ministry said 10 drones had flown towards "
            "the Hmeimim air base in Latakia province and three towards the naval supply point in the port of "
            "Tartus during the night of 5-6 January.")
    assert [(e.location, str(e.date_start), str(e.date_end))
            for e in extractor.extract(Article(text=text, published=date(2018, 1, 8))) if e.located] == \
        [("Khmeimim Air Base", "2018-01-05", "2018-01-06"), ("Ţarţūs", "2018-01-05", "2018-01-06")]


def test_a_towns_past_does_not_date_its_capture_nor_its_container_stand_for_it(extractor):
    text = ("Syrian government forces have taken full control of Khan Sheikhoun, a strategic town in southern Idlib "
            "that had been held by rebels since 2014, a war monitor said on Wednesday.\n\n\"Regime forces are in "
            "complete control of the town,\" the monitor's head said.")
    assert {(e.location, str(e.date_start)) for e in extractor.extract(Article(text=text, published=PUBLISHED))
            if e.located} == {("Khān Shaykhūn", "2024-07-24")}


def test_a_compound_inside_the_dateline_town_leaves_it_the_reports_only_town(extractor):
    # "near the gates of the Villa Somalia compound" names a site inside Mogadishu, not another town, so an
    # attack told with no place of its own is still the dateline's town's
    text = ("MOGADISHU, Somalia (AP) - Militants stormed a hotel near the gates of the Villa Somalia compound on "
            "Thursday night, killing three people.\n\nOn Dec. 10, 2019, gunmen wearing police uniforms stormed "
            "the same hotel, and five people were killed.")
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [(e.location, str(e.date_start)) for e in events if e.located and e.date_start.year == 2019] == \
        [("Mogadishu", "2019-12-10")]


def test_the_complex_in_central_tehran_sites_the_lead(extractor):
    # the lead names the target only as "Iran's parliament"; the next paragraph says where the complex is
    text = ("TEHRAN (AFP) - Gunmen and suicide bombers struck Iran's parliament on Wednesday, killing at least 12 "
            "people.\n\nThe assault on the parliament complex in central Tehran began at about 10:30 am.")
    assert [(e.location, e.fatalities) for e in extractor.extract(Article(text=text, published=PUBLISHED))
            if e.located] == [("Tehran", 12)]


def test_what_a_strike_retaliates_for_keeps_its_own_day(extractor):
    # "in retaliation for a rocket attack that killed a contractor" is an earlier attack: it takes no day
    # of the strike's clause, so the later "one of the strikes hit ... near al-Qaim" refines the strike
    text = ("BAGHDAD (Reuters) - U.S. warplanes struck the militia in Iraq and Syria on Sunday, killing at least 25 "
            "of its fighters, sources said, in retaliation for a rocket attack that killed an American contractor."
            "\n\nThe sources said one of the strikes in Iraq hit the group's headquarters near the western district "
            "of al-Qaim in Anbar province. Militia sources said the Syrian targets lay across the border around the "
            "town of Albu Kamal.")
    assert [(e.location, str(e.date_start)) for e in extractor.extract(Article(text=text, published=PUBLISHED))
            if e.located] == [("Al Qā’im", "2024-07-28"), ("Ālbū Kamāl", "2024-07-28")]


@pytest.mark.parametrize("text", [
    "Iraq's prime minister on Friday formally proclaimed the liberation of Mosul from the Islamic State group.",
    "The army on Friday announced the recapture of Mosul.",
])
def test_a_proclaimed_liberation_is_the_town_regained(extractor, text):
    assert [(e.sub_event_type, e.location, str(e.date_start)) for e in
            extractor.extract(Article(text=text, published=PUBLISHED)) if e.located] == \
        [("Government regains territory", "Mosul", "2024-07-26")]


def test_a_town_the_gazetteer_lacks_keeps_there_and_a_destination_from_other_towns(extractor):
    # "Halgan" is unknown: "there" is no other town (not the government's seat in Addis Ababa), and "drove
    # towards the regional capital Beledweyne" names where the troops went, not where they left
    text = ("MOGADISHU, Somalia - Al-Shabaab militants took over the town of Halgan in Somalia's Hiiraan region on "
            "Sunday, hours after Ethiopian troops abandoned their base there.\n\nThe Ethiopian contingent left "
            "Halgan early in the morning and drove north towards the regional capital Beledweyne, witnesses said. "
            "Neither AMISOM nor the government in Addis Ababa has commented.\n\nHalgan sits at a key junction. On "
            "June 9, al-Shabaab attacked the Ethiopian base there with a suicide car bomb.")
    located = [e.location for e in extractor.extract(Article(text=text, published=PUBLISHED)) if e.located]
    assert "Beledweyne" not in located and "Addis Ababa" not in located


@pytest.mark.parametrize("text", [
    "A house in Shaab in Sweida province was destroyed.",
    "One raid destroyed a house in the village of Shaab, in the eastern countryside of Sweida province.",
])
def test_y_province_is_the_province_and_a_namesake_abroad_is_coded_in_it(text):
    # "Sweida province" is the province, not its town that happens to lie nearer a namesake of Shaab
    # across the border; Shaab, known only abroad, is coded in the province
    from geo.geoparse.geoparser import Geoparser
    assert [(m.text, m.entry.kind, m.entry.country_code) for m in Geoparser.default().places(text)] == \
        [("Shaab", "admin1", "SY"), ("Sweida", "admin1", "SY")]


def test_a_siege_broken_and_another_occurrence_told_with_also(extractor):
    # troops "backed by air strikes" who "broke through to the besieged" air base regained it (the strikes
    # say how); a quoted "break this barbaric siege" announces nothing that "Also on Tuesday, rockets
    # struck Latakia" would be
    text = ("BEIRUT (AFP) - Syrian troops backed by Russian air strikes broke through to the besieged Kweires "
            "military airport in Aleppo province on Tuesday, state media said.\n\n\"We were finally able to break "
            "this barbaric siege,\" an army spokesman said.\n\nAlso on Tuesday, at least 22 people were killed when "
            "rebel rockets struck the coastal city of Latakia, the Observatory said.")
    events = [e for e in extractor.extract(Article(text=text, published=PUBLISHED)) if e.located]
    assert [(e.sub_event_type, e.location) for e in events] == \
        [("Government regains territory", "Kuweires Military Airbase"), ("Shelling/artillery/missile attack", "Latakia")]
    assert events[1].sentence.startswith("Also on Tuesday")


def test_a_future_conjunct_keeps_its_towns(extractor):
    text = ("French troops handed over their base at Faya-Largeau in the north of Chad on December 26, and are due "
            "to leave their remaining sites in Abeche and N'Djamena by the end of January.")
    assert [e.location for e in extractor.extract(Article(text=text, published=date(2025, 1, 9))) if e.located] == \
        ["Faya-Largeau"]


def test_what_an_attack_avenges_is_no_site_of_it(extractor):
    text = ("Gunmen shot dead 28 bus passengers in northeastern Kenya on Saturday, police said.\n\n"
            "In a statement, the group said the killings were revenge for what it called the persecution of Muslims "
            "in the coastal city of Mombasa.")
    assert "Mombasa" not in [e.location for e in extractor.extract(Article(text=text, published=PUBLISHED))]


def test_who_a_gain_is_handed_to_and_the_main_clause_of_there(extractor):
    # "handing Kyiv one of the most significant gains": who gains, not a site; "As Kherson celebrated,
    # Mykolaiv ... was counting its dead. A missile struck a building there": Mykolaiv, not Kherson
    text = ("KYIV, Ukraine (AP) - Ukrainian troops rolled into the southern city of Kherson on Friday, handing Kyiv "
            "one of the most significant gains of the war.\n\nAs Kherson celebrated, Mykolaiv, the nearest large "
            "Ukrainian-held city, was counting its dead. A Russian missile struck a five-story apartment building "
            "there before dawn, killing seven people.")
    assert [e.location for e in extractor.extract(Article(text=text, published=PUBLISHED)) if e.located] == \
        ["Kherson", "Mykolayiv"]


@pytest.mark.parametrize("text", [
    "Troops retook Tikrit on Tuesday. Commanders said teams were clearing roadside bombs and booby-trapped houses.",
    "Militants captured the town on Friday. On Saturday they executed cadets who had left nearby Camp Speicher.",
])
def test_bombs_cleared_and_people_who_had_left_a_base_are_no_events(extractor, text):
    kinds = [e.sub_event_type for e in extractor.extract(Article(text=text, published=PUBLISHED))]
    assert "Remote explosive/landmine/IED" not in kinds and "Non-violent transfer of territory" not in kinds


def test_a_towns_description_with_a_population_and_a_news_conference_abroad(extractor):
    # "Konna, a town of about 50,000 people on the road to ... Mopti and Sevare": the comma in the number
    # does not end the description, so Mopti and Sevare are no sites of the attack on Konna; "told a news
    # conference in Paris on Saturday that ... on Friday afternoon": the strike's day is Friday
    text = ("Fighters attacked Konna, a town of about 50,000 people on the road to the army garrison at Mopti and "
            "Sevare, late on Wednesday.\n\nThe defence minister told a news conference in Paris on Saturday that "
            "jets had attacked a column of militants near Mopti on Friday afternoon.")
    assert [(e.location, str(e.date_start)) for e in extractor.extract(Article(text=text, published=PUBLISHED))
            if e.located] == [("Konna", "2024-07-24"), ("Mopti", "2024-07-26")]
