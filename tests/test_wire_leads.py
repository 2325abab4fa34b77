"""More shapes of real wire leads (docs/extraction.md, "How real wire copy is read"), one rule per
case: the extractor on short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from geo.model import Article
from tests.extract_helpers import extractor  # noqa: F401  (session fixture)

PUBLISHED = date(2024, 7, 28)  # a Sunday


def summary(event) -> tuple:
    return event.category, event.location, str(event.date_start), str(event.date_end), event.fatalities


@pytest.mark.parametrize("text, expected", [
    # a trailing appraisal (", the deadliest strike ... since the war began in October") ranks the
    # event: the lead still gives its toll, and "October" dates the war, not the strike
    ("Twelve children were killed by a rocket that hit a football pitch in the Golan Heights, the deadliest "
     "strike on Israeli-held territory since the war in Gaza began in October.\n\n"
     "The rocket hit the pitch in Majdal Shams on Saturday evening.",
     [("attack", "Majdal Shams", "2024-07-27", "2024-07-27", 12)]),
    # a summary without a day or a site of its own is still no event
    ("Rocket attacks across the Golan Heights have been the deadliest since the war began in October.", []),
])
def test_wire_leads(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "in what officials describe as the worst massacre": an appraisal too; "a hundred" is 100;
    # "killings" and "massacre" are attacks; a hospital the wounded were taken to is no site
    ("About a hundred civilians were killed in attacks on two villages in western Niger on Saturday, in what "
     "officials describe as the worst massacre the country has seen. The wounded were taken to hospitals in "
     "Ouallam and Niamey.", [("attack", "Niger", "2024-07-27", "2024-07-27", 100)]),
    ("The killings happened on Saturday near Ouallam, the mayor said.",
     [("attack", "Ouallam", "2024-07-27", "2024-07-27", None)]),
    # "the south-western state of Ondo" is the state, not its capital: one event, in the town named
    ("Gunmen killed 40 worshippers in Sunday's massacre at a church in the south-western state of Ondo, in the "
     "town of Owo.", [("attack", "Owo", "2024-07-28", "2024-07-28", 40)]),
])
def test_tolls_triggers_and_divisions(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "drove a car loaded with explosives into ..., killing 22 people"
    ("On Jan. 17, 2019, a militant drove a car loaded with explosives into a police academy in Bogotá, "
     "killing 22 people.", [("attack", "Bogotá", "2019-01-17", "2019-01-17", 22)]),
    # a recollection without a day of its own is told elsewhere, not a new event
    ("The scenes revived memories of the group's deadliest strike in the capital, Bogotá.", []),
    # "burst into"; a town people fled to is no site
    ("Gunmen burst into a church in Beni on Saturday, killing 20 people, and many families fled to Butembo.",
     [("attack", "Beni", "2024-07-27", "2024-07-27", 20)]),
    # "Mambasa", a loosened spelling of Mombasa (Kenya), is the Ituri town the curated places add
    ("Rebels killed 23 people in villages of Mambasa territory in Ituri province of Congo on Saturday.",
     [("attack", "Mambasa", "2024-07-27", "2024-07-27", 23)]),
])
def test_vehicles_recollections_destinations_and_spellings(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "early on Friday, May 26": the day written out, not last Friday; the toll told far from its verb;
    # a trigger that only ranks the event ("one of the deadliest attacks") leaves the lead its own
    ("Fifty-four Ugandan soldiers serving with the African Union mission in Somalia were killed when "
     "militants overran their base, the president said, giving the toll from one of the deadliest attacks "
     "on the force in years. The fighters stormed the base at Bulo Marer early on Friday, May 26. The "
     "militants had claimed to have killed 137 soldiers.",
     [("attack", "Buulo Mareer", "2024-05-26", "2024-05-26", 54)]),
    # "the Bulo Marer camp" ... "at the gate": the gate is the camp's
    ("It was not the first time the Bulo Marer camp in Somalia had been targeted. On April 1, 2018, two vehicles "
     "packed with explosives blew up at the gate, killing four peacekeepers.",
     [("attack", "Buulo Mareer", "2018-04-01", "2018-04-01", 4)]),
])
def test_dates_tolls_and_gates(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "are to pull back": a plan, not an event
    ("Under the deal, Israeli forces are to pull back from the towns of Gaza to positions near the border.", []),
    # "two years of war in northern Ethiopia" places no statement there
    # a capital that insists or denies is its government, not a site
    ("KYIV — Russian troops have abandoned the island, with Kyiv insisting its missiles had driven them off.", []),
    # "had repeatedly struck": many occurrences, none of them coded
    ("In recent weeks Ukrainian forces had repeatedly struck Russian positions near Kherson with drones.", []),
])
def test_plans_wars_governments_and_habits(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


def test_a_war_in_a_country_places_no_statement_there(extractor):
    text = ("PRETORIA — Ethiopia's federal government and the rebels agreed on Wednesday to a cessation of hostilities, the "
            "African Union's chief mediator announced, a breakthrough after talks aimed at ending two years of war "
            "in northern Ethiopia.")
    found = extractor.extract(Article(text=text, published=PUBLISHED))
    assert found and all(e.country is None for e in found)


@pytest.mark.parametrize("text, expected", [
    # a since-clause after the trigger is another occurrence: neither its place nor its date is the handover's;
    # "the capital" is the main country's when its capital was named, not the last capital named
    ("N'DJAMENA — French troops handed over their base at Faya-Largeau in northern Chad to the Chadian army on "
     "Thursday, the first of three French installations to change hands since N'Djamena tore up its defence "
     "pact with Paris at the end of November. The troops set off by road for the capital.",
     [("handover", "Faya-Largeau", "2024-07-25", "2024-07-25", None)]),
])
def test_since_clauses_and_the_capital(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "<city> airport": the city's one airport with an IATA code
    ("Rebels seized Goma airport on Saturday.", [("other", "Goma International Airport", "2024-07-27", "2024-07-27", None)]),
    ("Drones struck Khartoum airport on Saturday.",
     [("attack", "Khartoum International Airport", "2024-07-27", "2024-07-27", None)]),
    # "a pullback that stripped Paris of its bases": a government, not what "the site" points back to
    ("France on Thursday returned its military camp to Ivory Coast, extending a pullback that has stripped Paris "
     "of most of its bases in West Africa. Ivorian soldiers took over guard duties, marking the handover of the "
     "site.", []),
])
def test_city_airports_and_governments(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text", [
    "On Nov. 6, 2004, jets bombed a French position in Bouaké, in Ivory Coast.",
    "Defence Ministers Sébastien Lecornu and Téné Birahima Ouattara signed the document in France.",
])
def test_month_abbreviations_and_names_are_no_places(extractor, text):
    from geo.geoparser import Geoparser
    names = [m.text for m in Geoparser.default().places(text)]
    assert "Nov" not in names and "Téné" not in names


@pytest.mark.parametrize("text, expected", [
    # ", and the Engels base across the Volga": a second target, not a new subject; a river crossed is no
    # site; the second target takes the day the lead gives the first; "the Engels base" is the air base at Engels
    ("Explosions at two air bases deep inside Russia on Saturday killed three servicemen, the ministry said.\n\n"
     "The ministry said drones had been used against the Dyagilevo base in the Ryazan region, about 185 km "
     "southeast of Moscow, and the Engels base across the Volga from the city of Saratov.",
     [("attack", "Dyagilevo Air Base", "2024-07-27", "2024-07-27", 3),
      ("attack", "Engels-2 Air Base", "2024-07-27", "2024-07-27", None)]),
    # "a series of blasts" on a day at a site is one occurrence
    ("On Aug. 9, a series of blasts tore through the Saky air base in Crimea, killing one person.",
     [("attack", "Saky Air Base", "2023-08-09", "2023-08-09", 1)]),
])
def test_second_targets_and_series(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # 'took "complete control" of', "seized the army's last positions inside X", "captured the North-eastern
    # Command in the city of X"; a capture's "said on Saturday" is the day of the report
    ("The Arakan Army said on Saturday it had overrun the headquarters of the Western Command in Rakhine state.\n\n"
     "Fighters took \"complete control\" of the command base on the southern side of Ann town at about noon on "
     "Friday, after two weeks of assaults backed by drones.",
     [("other", "Ann", "2024-07-26", "2024-07-26", None)]),
    ("Fighters seized the army's last positions inside Ann town in Rakhine on Nov. 30.",
     [("other", "Ann", "2023-11-30", "2023-11-30", None)]),
    ("In northern Shan state, rebels captured the North-eastern Command in the city of Lashio on Aug. 3.",
     [("other", "Lashio", "2023-08-03", "2023-08-03", None)]),
])
def test_captures_as_reports_write_them(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # another weapon with a toll of its own, the same day in the same city, is another occurrence;
    # "before an expected assault" is none
    ("A drone struck the main hospital in El Fasher on Friday evening, killing 70 people, the WHO said.\n\n"
     "The RSF last week told the army to leave the city before an expected assault.\n\n"
     "Hours earlier, on Friday morning, artillery shells fell on a camp on the edge of the city, killing eight people.",
     [("attack", "El Fasher", "2024-07-26", "2024-07-26", 70), ("attack", "El Fasher", "2024-07-26", "2024-07-26", 8)]),
])
def test_two_occurrences_in_one_city(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "The deadliest took place ... in X district": one of the attacks just reported, at its own site;
    # "shot dead those who ..." gives no count
    ("Militants attacked police stations across Pakistan's Balochistan province late on Friday.\n\nThe deadliest "
     "took place in the early hours of Saturday in Musakhel district. Armed men blocked the highway and shot dead "
     "those who were from Punjab.", [("attack", "Balochistan", "2024-07-26", "2024-07-26", None),
                                       ("attack", "Musa Khel District", "2024-07-27", "2024-07-27", None)]),
    ("On March 20, fighters tried to force their way into a government complex in Gwadar, in Pakistan.",
     [("attack", "Gwadar", "2024-03-20", "2024-03-20", None)]),
])
def test_the_deadliest_of_several(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, toll", [
    ("Police recovered 23 bodies from beside the road.", 23),
    ("The bodies of 12 villagers were found on Monday.", 12),
    ("Armed men shot dead those who were from Punjab.", None),
])
def test_tolls_from_bodies(text, toll):
    from geo.events.fatalities import fatalities_in
    assert fatalities_in(text) == toll


@pytest.mark.parametrize("text, location, near", [
    # "a village 30 km south of Kirkuk": the point that far along that bearing, geo_precision 2
    ("Gunmen attacked a village 30 km south of Kirkuk on Saturday.", "30 km south of Kirkuk", (35.20, 44.39)),
    ("Gunmen attacked an army post about 120 kilometres north of the capital, Niamey, on Saturday.",
     "120 kilometres north of Niamey", (14.59, 2.11)),
])
def test_a_bearing_moves_the_site(extractor, text, location, near):
    [event] = extractor.extract(Article(text=text, published=PUBLISHED))
    assert event.location == location and event.geo_precision == 2
    assert abs(event.latitude - near[0]) < 0.05 and abs(event.longitude - near[1]) < 0.05


def test_destination_goes_the_distance_along_the_bearing():
    from geo.geoparse.resolve import destination, distance_km
    from types import SimpleNamespace as P
    latitude, longitude = destination(33.3, 44.4, 100.0, 45)
    assert abs(distance_km(P(latitude=33.3, longitude=44.4), P(latitude=latitude, longitude=longitude)) - 100.0) < 0.1
    assert latitude > 33.3 and longitude > 44.4


@pytest.mark.parametrize("text, expected", [
    # the gathering attacked is where it happened
    ("On July 13, 2018, a suicide bomber struck an election meeting in Mastung district in Balochistan, "
     "killing 128 people.", [("attack", "Mastung", "2018-07-13", "2018-07-13", 128)]),
    # "the gate of the ... school", "in the same neighbourhood": the neighbourhood named before
    ("Schools in Dasht-e-Barchi, Afghanistan, have been hit repeatedly. In April, explosions at the gate of the boys' high "
     "school killed six people. In May 2021, a car bomb outside a girls' school in the same neighbourhood killed 85 "
     "people.", [("attack", "Dasht-e-Barchi", "2024-04-01", "2024-04-30", 6),
                 ("attack", "Dasht-e-Barchi", "2021-05-01", "2021-05-31", 85)]),
    # shots fired into the air to disperse a protest are no attack
    ("Women protested in Kabul on Saturday; Taliban fighters fired into the air to disperse them.", []),
])
def test_gatherings_neighbourhoods_and_warning_shots(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # vehicles that left a city are no withdrawal; "the same spot" is the place named before; "June 15"
    # after "in June 2014" in the same sentence is June 15, 2014
    ("Gunmen ambushed buses at Nyongoro near the town of Witu in Kenya on Thursday, killing three people. The "
     "vehicles had left Mombasa early in the morning.\n\nThe same spot was the scene of an ambush on Jan. 13, "
     "2018. The deadliest attack in the area came in June 2014, when gunmen raided the town of Mpeketoni on the "
     "night of June 15, killing 48 people.",
     [("attack", "Witu", "2024-07-25", "2024-07-25", 3), ("attack", "Witu", "2018-01-13", "2018-01-13", None),
      ("attack", "Mpeketoni", "2014-06-15", "2014-06-15", 48)]),
    # "are rare": a generality; "the Islamic State group in Syria and Iraq" places nothing
    ("Attacks on Americans in Jordan, a member of the coalition fighting the Islamic State group in Syria and "
     "Iraq, are rare.", []),
    ("Three U.S. military trainers were killed on Friday at the gate of an air base near al-Jafr in Jordan.",
     [("attack", "Al Jafr", "2024-07-26", "2024-07-26", 3)]),
])
def test_vehicles_spots_years_and_generalities(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


def test_a_wave_of_missiles_does_not_void_the_one_that_struck(extractor):
    text = ("Russia fired a wave of cruise missiles at Ukraine before dawn on Friday, and one of them ripped through "
            "an apartment building in the central city of Uman, killing at least 23 people, officials said.")
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == [
        ("attack", "Uman", "2024-07-26", "2024-07-26", 23)]


def test_a_plan_voids_the_triggers_it_governs(extractor):
    text = "The militants will step up their attacks and bombings against the army in Kidal, the group said."
    assert extractor.extract(Article(text=text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text, names", [
    # an unknown name that opens with a generic prefix is no place, nor is either word of it
    ("The strike hit Kafr Zummara, a neighbourhood in south-western Damascus.", ["Damascus"]),
    ("Fighting near Tell Abyad in Syria and in Beit Lahia in Gaza.", ["Tell Abyad", "Syria", "Beit Lahia", "Gaza"]),
])
def test_generic_prefixes_join_the_name(text, names):
    from geo.geoparser import Geoparser
    assert [m.text for m in Geoparser.default().places(text)] == names


@pytest.mark.parametrize("text, first, last", [
    # "an overnight siege ... early on Saturday": Friday night and Saturday
    ("Security forces ended an overnight siege at a hotel in Mogadishu early on Saturday, police said.",
     "2024-07-26", "2024-07-27"),
    ("Drones struck the port overnight into Saturday.", "2024-07-26", "2024-07-27"),
    ("Security forces ended a siege at a hotel in Mogadishu on Saturday.", "2024-07-27", "2024-07-27"),
])
def test_overnight_spans_the_night_before(text, first, last):
    from geo.events.dates import find_dates
    [found] = [d for d in find_dates(text, PUBLISHED) if "urday" in d.text]
    assert (str(found.date_start), str(found.date_end)) == (first, last)


def test_an_after_clause_dates_the_event_when_nothing_else_does(extractor):
    text = ("At least 22 commandos were killed after Taliban fighters surrounded them in Faryab province of "
            "Afghanistan on Wednesday, officials said.")
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == [
        ("attack", "Fāryāb", "2024-07-24", "2024-07-24", 22)]


@pytest.mark.parametrize("text, expected", [
    # "handed its camp at Goundam, in the Tombouctou region, over to"; "the Ber camp" is not the camp
    # named before (the withdrawal from it is its own handover), nor is a later "the camp"; a convoy
    # "towards Tombouctou" was not there
    ("TOMBOUCTOU — The UN mission on Wednesday 24 July handed its camp at Goundam, in the Tombouctou region, "
     "over to the Malian authorities.\n\nOn Sunday 21 July, the mission brought forward its withdrawal from the "
     "Ber camp. The convoy carrying the peacekeepers from Ber towards Tombouctou came under fire on the road. "
     "Rebels had insisted that the camp should not be handed to the army.",
     [("handover", "Goundam", "2024-07-24", "2024-07-24", None), ("handover", "Ber", "2024-07-21", "2024-07-21", None)]),
])
def test_camps_named_and_unnamed(extractor, text, expected):
    found = [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))]
    assert [e for e in found if e[1] is not None] == expected


@pytest.mark.parametrize("text, expected", [
    # "the town" is not a city experts were sent from nor one a company is based in; a trip to Angola
    # is no site, and its reference back to the attack announces no later occurrence
    ("MANDERA — Twelve people were killed early on Tuesday, 23 July, when gunmen attacked a guest house in "
     "Mandera town in Kenya, police said. Members of a Nairobi-based theatre company were among the dead. "
     "Bomb experts were sent from Nairobi.\n\nThe president called off a trip to Angola because of the attack.\n\n"
     "It is the second attack in the town this month. Earlier this month, six people were killed when gunmen "
     "stormed a residential compound.",
     [("attack", "Mandera", "2024-07-23", "2024-07-23", 12), ("attack", "Mandera", "2024-07-01", "2024-07-27", 6)]),
])
def test_origins_trips_and_the_town(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # "Before Wednesday was out" is that day, not a deadline; "a bomb had torn through"
    ("Before Wednesday was out, a bomb had torn through an army bus in Damascus.",
     [("attack", "Damascus", "2024-07-24", "2024-07-24", None)]),
    ("Troops must leave Damascus before Wednesday.", []),
    # "government artillery pounded X"
    ("On Saturday government artillery pounded Ariha, a town in Idlib province of Syria.",
     [("attack", "Arīḩā", "2024-07-27", "2024-07-27", None)]),
    # "About an hour later": the day just given
    ("A bomb exploded in Damascus on Saturday. About an hour later, shells hit Ariha in Idlib province.",
     [("attack", "Damascus", "2024-07-27", "2024-07-27", None), ("attack", "Arīḩā", "2024-07-27", "2024-07-27", None)]),
])
def test_days_bounds_and_artillery(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, expected", [
    # a voided later trigger ("fears of a repeat of the Chibok kidnapping") leaves the clause's occurrence;
    # "no one had been reported killed" is 0; where officials told reporters is no site
    ("Dozens of schoolgirls were missing on Sunday after Boko Haram fighters stormed the town of Dapchi in "
     "Nigeria on Saturday evening, raising fears of a repeat of the Chibok kidnapping. The police chief told "
     "reporters in Damaturu that the school had been attacked and that no one had been reported killed.",
     [("attack", "Dapchi", "2024-07-27", "2024-07-27", 0)]),
    # "seized 276 girls from the school in Chibok": an abduction
    ("On April 14, 2014, fighters seized 276 girls from a school in Chibok, in Borno state of Nigeria.",
     [("attack", "Chibok", "2014-04-14", "2014-04-14", None)]),
    # "agreed on Thursday to a ceasefire in Hodeidah and to pull their forces out of it": a commitment;
    # "the besieged city" is no attack
    ("Yemen's warring parties agreed on Thursday to a ceasefire in the port city of Hodeidah and to pull their "
     "forces out of it. They also agreed on Taiz, the besieged city in the south-west.", []),
    # the places of a voided conjunct are not the first one's
    ("The mission closed its first base earlier this month, and its camp at Ménaka in Mali is due to be handed "
     "over before the end of August.", []),
])
def test_voided_triggers_commitments_and_statements(extractor, text, expected):
    found = [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))]
    assert [e for e in found if e[0] != "other" and e[1] is not None] == expected


@pytest.mark.parametrize("text, expected", [
    # "officials in Niamey and Washington said": where they sit; the site comes a sentence later; "a drone
    # base near Agadez" is no drone attack
    ("NIAMEY — Three soldiers were killed on Wednesday when militants ambushed a patrol in western Niger, "
     "officials in Niamey and Washington said.\n\nThe patrol came under fire near Tongo Tongo, a village in the "
     "Tillabéri region. The United States has personnel working on a drone base near the city of Agadez.",
     [("attack", "Tongo Tongo", "2024-07-24", "2024-07-24", 3)]),
    # an embassy in the capital is a building there
    ("An air strike flattened the consular building next to Iran's embassy in Damascus on Monday, killing seven.",
     [("attack", "Damascus", "2024-07-22", "2024-07-22", 7)]),
])
def test_seats_of_officials_and_drone_bases(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


@pytest.mark.parametrize("text, names", [
    # a business named after a city is not in it; one that opens with its city is
    ("Gunmen attacked the Aziz Istanbul restaurant in Ouagadougou.", ["Ouagadougou"]),
    ("Gunmen stormed the Kabul Serena hotel.", ["Kabul"]),
])
def test_businesses_named_after_cities(text, names):
    from geo.geoparser import Geoparser
    assert [m.text for m in Geoparser.default().places(text)] == names


@pytest.mark.parametrize("text, expected", [
    # "Washington began last Friday": a government acting; "BUKAVU, Democratic Republic of Congo —" is a
    # dateline, and the country is the DRC
    ("The attack was the latest step in a response Washington began last Friday, when aircraft hit targets "
     "around al-Qaim in Iraq.", [("attack", "Al Qā’im", "2024-07-26", "2024-07-26", None)]),
])
def test_governments_that_begin(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected


def test_a_dateline_with_a_long_country_name(extractor):
    from geo.geoparser import Geoparser
    text = "BUKAVU, Democratic Republic of Congo — Peacekeepers handed over their base near the town on Wednesday."
    assert [(m.text, m.entry.country_code) for m in Geoparser.default().places(text)] == [
        ("BUKAVU", "CD"), ("Democratic Republic of Congo", "CD")]
    assert all(e.place_text != "BUKAVU" for e in extractor.extract(Article(text=text, published=PUBLISHED)))


@pytest.mark.parametrize("text, expected", [
    # past the lead, a country with no day is a tally; "took off from Camp X" is no capture; a ritual's
    # weekday gives way to the date the sentence writes out; ", and opened fire" has the subject's site;
    # "the headquarters of the Afghan army's 209th Corps" names its owner and points to no other base
    ("BERLIN — The last German soldiers left Afghanistan on Tuesday evening and took off from Camp Marmal.\n\n"
     "Fifty-nine German soldiers died in Afghanistan, 35 of them in combat or attacks.\n\n"
     "Mazar-i-Sharif itself has seen deadly attacks. On April 21, 2017, fighters drove into the headquarters of "
     "the Afghan army's 209th Corps on the city's western outskirts, and opened fire on soldiers leaving Friday "
     "prayers, killing at least 140 of them.",
     [("attack", "Mazār-e Sharīf", "2017-04-21", "2017-04-21", 140)]),
])
def test_tallies_rituals_and_owners(extractor, text, expected):
    found = [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))]
    assert [e for e in found if e[0] == "attack"] == expected


@pytest.mark.parametrize("text, expected", [
    # "The same morning," opening a paragraph with no date of its own: the lead's day
    ("Russian missiles struck a training ground near Yavoriv in western Ukraine on Saturday, killing 35.\n\n"
     "The base had hosted foreign instructors since February 24.\n\n"
     "The same morning, Russian forces fired at the airport in Ivano-Frankivsk.",
     [("attack", "Yavoriv", "2024-07-27", "2024-07-27", 35), ("attack", "Ivano-Frankivsk", "2024-07-27", "2024-07-27", None)]),
])
def test_the_same_morning(extractor, text, expected):
    assert [summary(e) for e in extractor.extract(Article(text=text, published=PUBLISHED))] == expected
