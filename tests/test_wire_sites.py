"""Where a report's weapons came from and what "it" points back to (docs/extraction.md): the
extractor on short texts with the real gazetteer."""
from __future__ import annotations

import pytest

from geo.model import Article
from tests.extract_helpers import WIRE_PUBLISHED, extractor, located, located_events  # noqa: F401  (extractor: session fixture)

PUBLISHED = WIRE_PUBLISHED


@pytest.mark.parametrize("text, expected", [
    # where the missiles were launched from is no site of the attack
    ("Missiles hit Al-Anad air base on Saturday, killing 30 soldiers.\n\n"
     "Residents said the missiles were launched from Houthi-held areas near Taiz.",
     [("attack", "Al Anad Air Base", "2024-07-27")]),
    ("Rockets fired from hills outside Kharkiv hit a market in Chuhuiv on Saturday.",
     [("attack", "Chuhuyiv", "2024-07-27")]),
    # ... but what they were fired towards is its target
    ("On Saturday morning, several rockets fired from a vehicle in the city's north toward Kabul airport "
     "were intercepted, officials said.",
     [("attack", "Hamid Karzai International Airport", "2024-07-27")]),
])
def test_launch_sites_and_targets(extractor, text, expected):
    assert located(extractor, text) == expected


def test_it_points_to_the_place_the_sentence_before_opens_with(extractor):
    text = ("Missiles hit Al-Anad air base on Saturday, killing 30 soldiers.\n\n"
            "The base, about 60 km north of Aden, has changed hands more than once. Government fighters "
            "retook it from the rebels in August 2015.")
    assert located(extractor, text) == [("attack", "Al Anad Air Base", "2024-07-27"),
                                        ("other", "Al Anad Air Base", "2015-08-01")]


@pytest.mark.parametrize("text, toll", [
    # a toll in a later clause with no trigger of its own is the attack's before it
    ("Troops on Saturday ended a siege at a hotel in Mogadishu, after gunmen blasted their way in and "
     "battled soldiers for hours, leaving three soldiers dead and 27 people wounded, police said.", 3),
    ("Gunmen attacked a hotel in Mogadishu on Saturday, leaving three soldiers dead, police said.", 3),
])
def test_a_later_clause_gives_the_toll(extractor, text, toll):
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [e.fatalities for e in events] == [toll]


def test_a_flag_state_is_no_site_and_one_person_killed_is_a_toll(extractor):
    text = ("A Filipino seafarer was killed on Saturday when a missile hit the Barbados-flagged True Confidence "
            "about 50 nautical miles south-west of Aden.")
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [(e.location, e.fatalities) for e in events] == [("50 nautical miles south-west of Aden", 1)]
    # 50 nautical miles (92.6 km), not 50 km, south-west of Aden (12.78 N, 45.04 E): 0.59 degrees each way
    assert events[0].latitude == pytest.approx(12.19, abs=0.02) and events[0].longitude == pytest.approx(44.44, abs=0.02)


@pytest.mark.parametrize("text, expected", [
    # the dateline's filing day dates nothing; "fell ... after a final assault" is the capture, not an attack
    ("MAPUTO, July 26 (Reuters) - Insurgents have seized the port town of Mocimboa da Praia, residents said on "
     "Saturday.\n\nThe town fell on Friday after a final assault that began on Thursday.",
     [("other", "Mocímboa da Praia", "2024-07-26")]),
    # "occupied <Town>" is a capture; "the occupied West Bank" is not
    ("On March 23, fighters occupied Mocimboa da Praia for most of a day.", [("other", "Mocímboa da Praia", "2024-03-23")]),
    ("Settlers live in the occupied West Bank.", []),
    # "the town" is not the seat of a ministry named after the story's town, nor where people fled to
    ("Insurgents seized the town of Macomia on Friday.\n\nThe defence ministry in Maputo did not respond. "
     "Residents fled by boat to the provincial capital, Pemba.\n\nOn March 23 fighters overran the town.",
     [("other", "Macomia", "2024-07-26"), ("other", "Macomia", "2024-03-23")]),
])
def test_captures_the_filing_day_and_the_town(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # where a deal was signed is no site, and "a plan for forces to pull back" is no withdrawal
    ("WASHINGTON, July 27 (Reuters) - Congo and Rwanda signed a peace agreement in Washington on Saturday, "
     "committing to halt hostilities and to a plan for Rwandan forces to pull back from eastern Congo.", []),
    # the hospital the wounded were taken to does not describe the site
    ("An air strike on a camp in northwestern Tigray killed 56 people on Saturday.\n\n"
     "The wounded were taken to the hospital in Shire, about 55 km to the east.",
     [("attack", "Tigrai", "2024-07-27")]),
])
def test_deals_and_hospitals_are_no_sites(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the gate" is the attacked town's, not the district that contains it; a government's seat is no site
    ("Militants rammed a vehicle into an army post on Saturday, killing 23 soldiers.\n\nThe attack took place in "
     "Daraban, a small town in Dera Ismail Khan district. The militants drove the vehicle into the gate.\n\n"
     "Officials demanded that the government in Kabul investigate the attack.",
     [("attack", "Daraban", "2024-07-27")]),
])
def test_containers_and_seats_are_no_antecedents(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "<town>'s airport" is the town's airport (the same day's strike in the city centre joins it)
    ("PORT SUDAN, Sudan (AFP) - Drones struck Port Sudan's airport on Saturday, officials said.\n\n"
     "In the city centre, another drone targeted the main army base, an army source said.",
     [("attack", "Port Sudan New International Airport", "2024-07-27")]),
    # a date in a participle clause after the site dates that clause, not the site
    ("Drones struck the airport in Port Sudan on Saturday.\n\nOn Friday, drones struck the main fuel depot "
     "just south of Port Sudan, starting a fire that was still burning on Saturday.",
     [("attack", "Port Sudan", "2024-07-27"), ("attack", "Port Sudan", "2024-07-26")]),
])
def test_city_airports_and_city_centres(extractor, text, expected):
    assert located(extractor, text) == expected


def test_the_army_base_is_not_a_civil_airport_named_before(extractor):
    text = ("PORT SUDAN, Sudan (AFP) - Drones struck Port Sudan's airport on Saturday, officials said.\n\n"
            "On Friday, another drone targeted the main army base in the city centre, an army source said.")
    assert located(extractor, text) == [("attack", "Port Sudan New International Airport", "2024-07-27"),
                                        ("attack", "Port Sudan", "2024-07-26")]


def test_where_a_train_left_from_is_no_site_of_the_attack_on_it(extractor):
    text = ("Gunmen attacked a passenger train on Saturday night, killing eight people.\n\nThe train had left "
            "Abuja's Idu station when explosives went off under the line about 50 km south of Kaduna.")
    assert located(extractor, text) == [("attack", "50 km south of Kaduna", "2024-07-27")]


@pytest.mark.parametrize("text, expected", [
    ("On Saturday, a man rammed his car into people at a bus stop in Tel Aviv, wounding eight.",
     [("attack", "Tel Aviv", "2024-07-27")]),
    ("A man stabbed three passers-by in Jerusalem on Saturday before police shot him, officials said.",
     [("attack", "Jerusalem", "2024-07-27")]),
])
def test_rammings_and_stabbings_are_attacks(extractor, text, expected):
    assert located(extractor, text) == expected


def test_a_drone_heading_for_another_site_is_another_target(extractor):
    text = ("Missiles hit Aden airport on Saturday as ministers arrived, killing 26 people.\n\n"
            "Shortly afterwards, the coalition shot down an explosives-laden drone heading for the Maashiq palace "
            "in Aden, where the ministers had been driven. Witnesses said the airport was hit by three missiles.")
    assert located(extractor, text) == [("attack", "Aden International Airport", "2024-07-27"),
                                        ("attack", "Al-Maashiq Palace", "2024-07-27")]


def test_bodies_pulled_out_are_a_toll_and_a_later_withdrawal_does_not_date_the_storming(extractor):
    text = ("A drone strike hit a convoy near Baghdad airport on Saturday. Officials said seven bodies were pulled "
            "from the wreckage.\n\nOn Tuesday, militia supporters stormed the outer compound of the U.S. embassy in "
            "Baghdad, setting fire to a reception area before withdrawing the next day.")
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [(e.location, str(e.date_start), e.fatalities) for e in events] == [
        ("Baghdad International Airport", "2024-07-27", 7), ("Baghdad", "2024-07-23", None)]


def test_a_recapture_a_year_after_the_fall(extractor):
    # "retaken <Town>" sites the town, not the province it is capital of; "more than a year after the rebels
    # swept into the city" is another clause; "the capital" on a road linking it is a landmark
    text = ("CAIRO (AP) — Sudan's military said Saturday it had retaken Wad Madani, the capital of the central "
            "province of Gezira, from the Rapid Support Forces, more than a year after the rebels swept into the city.\n\n"
            "Wad Madani lies on a crossroads linking the capital to the east of the country.\n\n"
            "The RSF overran the city on Dec. 18, 2023.")
    assert located(extractor, text) == [("other", "Wad Medani", "2024-07-27"), ("other", "Wad Medani", "2023-12-18")]


def test_a_toll_that_rose_on_a_later_day_and_the_port(extractor):
    # "rose to six on Sunday" dates the count, not the strike; "the port" is the port town named before;
    # "support for Palestinians in Gaza" names no site
    text = ("SANAA, Yemen (AP) — The death toll from Israeli airstrikes on the Red Sea port of Hodeidah rose to six "
            "on Sunday, health officials said.\n\nIsraeli warplanes struck the port on Saturday, hitting fuel tanks.\n\n"
            "The Houthis called the raids an aggression meant to punish them for their support for Palestinians in Gaza.")
    events = extractor.extract(Article(text=text, published=PUBLISHED))
    assert [(e.location, str(e.date_start), e.fatalities) for e in events] == [("Al Ḩudaydah", "2024-07-27", 6)]


def test_the_same_night_a_retaliation_and_the_speakers_town(extractor):
    # "In Washington, a spokesman said": where he spoke; "on the same night": the lead's day; ", in
    # retaliation for the Jan. 3 bombings in Kerman" is another occurrence in another clause
    text = ("BAGHDAD (Reuters) - Iran's Revolutionary Guards said on Sunday they had fired ballistic missiles at a "
            "building in Erbil late on Saturday, killing four civilians.\n\nIn Washington, State Department spokesman "
            "Matthew Miller said the United States opposed the missile strikes.\n\nThe Guards said that on the same "
            "night they had launched missiles at positions in Syria's Idlib province, in retaliation for the Jan. 3 "
            "suicide bombings in the Iranian city of Kerman.")
    assert located(extractor, text) == [("attack", "Erbil", "2024-07-27"), ("attack", "Idlib", "2024-07-27"),
                                        ("attack", "Kerman", "2024-01-03")]


@pytest.mark.parametrize("text, expected", [
    # "to attack both Engels and the Dyagilevo air base": two targets
    ("On Saturday, Russia said Ukraine had used drones to attack both Engels and the Dyagilevo air base.",
     [("attack", "Engels", "2024-07-27"), ("attack", "Dyagilevo Air Base", "2024-07-27")]),
    # troops taking control of a foreign force's outpost receive a handover, not a capture
    ("On Saturday, Iraqi troops took full control of a small coalition outpost at al-Qaim, near the Syrian border.",
     [("handover", "Al-Qaim base", "2024-07-27")]),
])
def test_two_targets_and_an_outpost_taken_over(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "After some fierce fighting, ... captured X" and "stormed X and raised their flag over" are captures
    ("\"After some fierce fighting, the mujahideen captured Kunduz on Saturday,\" the Taliban said.",
     [("other", "Kunduz", "2024-07-27")]),
    ("On Saturday, fighters stormed Kunduz before dawn and raised their white flag over its central square.",
     [("other", "Kunduz", "2024-07-27")]),
    # "the settlement was still under Russian artillery fire" is a state, not an occurrence
    ("On Saturday, the military said the settlement of Robotyne was still under Russian artillery fire.", []),
])
def test_how_towns_are_taken(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "slipped out of <base>" is a withdrawal; "since the handover" refers back to it, with another day
    ("BAGRAM, Afghanistan (AP) — American forces slipped out of Bagram Airfield in the early hours of Friday, "
     "officials said. Reporters were allowed onto the base on Saturday for the first time since the handover.",
     [("handover", "Bagram Air Base", "2024-07-26")]),
    # "ahead of a mid-September deadline" dates no handover; "the capital, Niamey" is named, not meant
    ("The United States has turned over Air Base 201 near Agadez to Niger's army ahead of a mid-September "
     "deadline, the two countries said on Saturday.\n\nOn July 7 American personnel had vacated Air Base 101, "
     "beside the international airport in the capital, Niamey, after Washington agreed to leave.",
     [("handover", "Niger Air Base 201", "2024-07-27"), ("handover", "Niamey Air Base 101", "2024-07-07")]),
])
def test_base_handovers_as_wires_tell_them(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the day a group claimed an attack, or the ministry put the toll, is not the attack's
    ("NIAMEY (AFP) - The Islamic State group on Sunday claimed responsibility for an attack on an army camp in "
     "western Niger that killed 71 soldiers.\n\nFighters attacked the camp at Inates on Thursday evening, the "
     "ministry said. On Friday the ministry put the toll at 71 soldiers dead.",
     [("attack", "Inates", "2024-07-25")]),
    # "the Donetsk Regional Academic Drama Theatre in ... Mariupol" is in Mariupol
    ("On Saturday, a Russian air strike destroyed the Donetsk Regional Academic Drama Theatre in the besieged port "
     "city of Mariupol.", [("attack", "Mariupol", "2024-07-27")]),
])
def test_claim_days_and_institution_names(extractor, text, expected):
    assert located(extractor, text) == expected


def test_the_same_garrison_is_the_town_cantonment_named_before(extractor):
    text = ("Militants rammed two vehicles into the perimeter wall of the Bannu cantonment on Saturday, killing "
            "five soldiers.\n\nThe same garrison in Khyber Pakhtunkhwa province was targeted on July 15, 2024, when a "
            "suicide car bomber blew up part of its wall.")
    assert located(extractor, text) == [("attack", "Bannu Cantonment", "2024-07-27"),
                                        ("attack", "Bannu Cantonment", "2024-07-15")]


def test_recapturing_a_palace_in_a_city_is_a_capture_there(extractor):
    text = "Sudan's military said on Saturday it had recaptured the Republican Palace in Khartoum from the RSF."
    assert located(extractor, text) == [("other", "Khartoum", "2024-07-27")]


def test_the_same_air_base_is_the_air_base_not_the_drone_base_named_since(extractor):
    text = ("U.S. troops completed their withdrawal from Al Asad Air Base on Sunday, handing it to the Iraqi army, "
            "officials said.\n\nThe remaining American forces will now leave the drone base in Erbil before the end "
            "of the year.\n\nDanish soldiers left the same air base on March 3 last year.")
    assert located(extractor, text) == [("handover", "Al Asad Airbase", "2024-07-28"),
                                        ("handover", "Al Asad Airbase", "2023-03-03")]


@pytest.mark.parametrize("text, expected", [
    # an attempt to take a town, beaten back, is an attack there
    ("Rebels captured Bambari in the Central African Republic on Sunday. A day earlier, coalition fighters tried "
     "to take Sibut but were beaten back on Saturday morning by government troops.",
     [("other", "Bambari", "2024-07-28"), ("attack", "Sibut", "2024-07-27")]),
    # "drove Haftar's forces out of": a possessive inside the object
    ("On Saturday, government fighters drove Haftar's forces out of Gharyan in western Libya.",
     [("other", "Gharyan", "2024-07-27")]),
    # the soldiers abandoning their posts, told after the capture, is how the town fell
    ("Rebels captured the town of Bambari in the Central African Republic on Sunday after government soldiers "
     "abandoned their posts.",
     [("other", "Bambari", "2024-07-28")]),
    # a storming the sentence calls a capture is one; the flag raised over a building in "the city" retakes it
    ("Taliban fighters stormed Ghazni on Sept. 12, in the insurgents' first capture of a provincial capital this "
     "year.\n\nAfghan troops pushed back into the centre of the city on Thursday and raised the flag over the "
     "governor's office.",
     [("other", "Ghazni", "2023-09-12"), ("other", "Ghazni", "2024-07-25")]),
    # "the northern Afghan city": two words before the noun; staff withdrawn from a town were there
    ("KABUL — The charity said on Sunday that it had withdrawn its staff from Ghazni after an airstrike destroyed "
     "its clinic in the northern Afghan city on Saturday.",
     [("attack", "Ghazni", "2024-07-27")]),
    # labourers who "may have been kidnapped" are no abduction of their own
    ("Gunmen killed 12 farm workers near Maiduguri in Nigeria on Saturday. Four labourers from Sokoto state were "
     "missing and may have been kidnapped, residents said.",
     [("attack", "Maiduguri", "2024-07-27")]),
])
def test_attempts_expulsions_flags_and_withdrawn_staff(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "rolled into the <name> district"; "announced its capture on <day>" dates the town taken before;
    # a city "overlooked" is a landmark
    ("Azerbaijani army units rolled into the Lachin district on Friday.\n\nLast year Azerbaijani forces seized "
     "Shusha, the hilltop town overlooking the region's main city of Stepanakert. President Ilham Aliyev "
     "announced its capture on November 8.",
     [("other", "Laçın", "2024-07-26"), ("other", "Shusha", "2023-11-08")]),
    # "pushed into the disputed city of X": a town taken
    ("Iraqi government troops pushed into the disputed city of Kirkuk on Monday and seized its main military base.",
     [("other", "Kirkuk", "2024-07-22")]),
    # where the destroyers fired from is no site; "Their target was the X air base" is; the warplanes that
    # carried out another day's attack give that attack no site
    ("The United States fired cruise missiles at a Syrian air base before dawn on Friday, killing six people.\n\n"
     "Two destroyers in the eastern Mediterranean fired 59 cruise missiles. Their target was the Shayrat air "
     "base, southeast of Homs, the home of the warplanes that carried out Tuesday's attack.",
     [("attack", "Shayrat Airbase", "2024-07-26")]),
    # "That attack set off explosions in the Mussafah area of the capital": the district, in the same occurrence
    ("The Houthis claimed a drone attack on Abu Dhabi on Monday. That attack set off explosions in the Mussafah "
     "industrial area of the Emirati capital, killing three workers.",
     [("attack", "Musaffah", "2024-07-22")]),
    # where a widow spoke is no site; "a launch pad for air raids" is no raid
    ("Militants opened fire on tourists near Pahalgam on Tuesday, killing 26 people. \"They shot him,\" a woman "
     "whose husband was killed said at a hospital in Anantnag.\n\nThe army had used the base as a launch pad "
     "for air raids on the capital, Srinagar.",
     [("attack", "Pahalgam", "2024-07-23")]),
    # "in the heart of the X camp", a paragraph after a lead with no site, is where it happened
    ("Israeli forces rescued four hostages in the Gaza Strip on Saturday in a raid that killed 274 Palestinians."
     "\n\nThey were freed "
     "from two buildings in the heart of the Nuseirat refugee camp.",
     [("attack", "An Nuşayrāt", "2024-07-27")]),
])
def test_districts_taken_references_back_and_where_people_spoke(extractor, text, expected):
    assert located(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the Iranian city of Kerman" in a report that names the US: Iran's Kerman, not California's
    ("US officials said the same group carried out twin suicide bombings in the Iranian city of Kerman on "
     "January 3, killing about 95 people.",
     [("attack", "Kerman", "2024-01-03", 30.28, 57.08)]),
    # a village the gazetteer lacks, described a sentence after a lead that gave only the country: the
    # point its distance and bearing from a known town give
    ("A police officer and three gunmen were killed on Sunday in a battle in a village in northern Kosovo.\n\n"
     "The fighting began when police went to check reports of trucks blocking a bridge at Zupce, a village of "
     "a few hundred people some 12 km north-west of Mitrovica.",
     [("attack", "12 km north-west of Mitrovicë", "2024-07-28", 42.96, 20.76)]),
])
def test_demonym_qualified_towns_and_villages_described_in_apposition(extractor, text, expected):
    events = located_events(extractor, text)
    assert [(e.category, e.location, str(e.date_start), round(e.latitude, 2), round(e.longitude, 2))
            for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # "the Gulf Clan" is an armed group, not a gulf; a toll "given by the ministry on Friday" dates nothing;
    # "the northwestern department of Antioquia" is the department, where Amalfi lies
    ("A police helicopter was brought down by a drone in the northwestern department of Antioquia on Thursday.\n\n"
     "The helicopter was hit over a rural area of Amalfi, police said. Thirteen officers were killed, according "
     "to the latest count given by the defence ministry on Friday. President Gustavo Petro pointed at the Gulf "
     "Clan.",
     [("attack", "Amalfi", "2024-07-25", 13)]),
    # "overran the last army base in X" with no one said killed: the base was taken
    ("Karen rebels said on Thursday they had overrun the last army base in Myawaddy.",
     [("other", "Myawaddy", "2024-07-25", None)]),
    # "had already left the Zenit strongpoint ... on the southern edge of X, said General Y": the comma
    # before "said" makes X no surname
    ("Earlier this week Ukrainian units had already left the Zenit strongpoint, a former air-defence base on the "
     "southern edge of Avdiivka, said General Oleksandr Tarnavsky.",
     [("handover", "Avdiyivka", "2024-07-22", None)]),
    # "one of the longest and bloodiest sieges of the war" ranks the withdrawal; it is no siege of its own
    ("Ukraine said on Saturday it had pulled its troops out of Avdiivka after one of the longest and bloodiest "
     "sieges of the war.",
     [("handover", "Avdiyivka", "2024-07-27", None)]),
])
def test_armed_group_names_reported_tolls_bases_overrun_and_rankings(extractor, text, expected):
    events = located_events(extractor, text)
    assert [(e.category, e.location, str(e.date_start), e.fatalities) for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # a raid on a village the gazetteer lacks is not at the dateline's city
    ("N'DJAMENA (AFP) - Boko Haram killed 92 soldiers in an assault on an army base in the Lac province on "
     "Monday.\n\nThe group first struck inside Chad in February 2015, when its fighters raided the fishing "
     "village of Kaiga Kindjiria, killing several villagers.",
     [("attack", "Lac", "2024-07-22")]),
    # a town in apposition to the town taken ("the town that served as a base for the offensive on X") is
    # no second target, nor what "the town" later means; a conflict's tally since a month is no event
    ("Government forces have recaptured Gharyan in Libya, the mountain town that served as the forward base for "
     "the offensive on Tripoli.\n\nThey entered the town on Wednesday and took the hospital. More than 700 "
     "people have been killed in the fighting around Tripoli since April. The violence has killed about 3,000 "
     "people in the region.",
     [("other", "Gharyan", "2024-07-24")]),  # "entered the town on Wednesday" dates the recapture
])
def test_unknown_villages_apposed_towns_and_tallies(extractor, text, expected):
    assert located(extractor, text) == expected


def test_the_dateline_says_where_the_reporter_is_not_which_country_the_story_is_in(extractor):
    # "ERBIL, Kurdistan Region —" over a story from Syria: "al-Sinaa prison" is no Iraqi village
    text = ("ERBIL, Kurdistan Region — Islamic State fighters stormed a prison in the northeast Syrian city of "
            "Hasakah on Thursday, killing 25 people, among them Iraqis held there.\n\nThe assault targeted "
            "al-Sinaa prison in the southern Ghwayran neighbourhood.")
    assert [(e.country, e.location) for e in located_events(extractor, text)] == [("Syria", "Al-Sina'a Prison")]


def test_earlier_in_the_morning_opening_a_paragraph_is_the_leads_day(extractor):
    text = ("A missile slammed into a military parade in Aden on Thursday, killing at least 36 people.\n\n"
            "Earlier in the morning, a bomber drove an explosives-packed car into the gate of a police station in "
            "Sheikh Othman district.")
    assert located(extractor, text) == [("attack", "Aden", "2024-07-25"), ("attack", "Ash Shaykh ‘Uthmān", "2024-07-25")]


def test_the_device_went_off_in_a_town_described_two_paragraphs_after_the_lead(extractor):
    text = ("A bomb exploded in a market on Saturday in the eastern Democratic Republic of Congo, killing at least "
            "eight people, the army said.\n\nThe army blamed the Allied Democratic Forces.\n\nThe device went off "
            "near the stalls of Butembo, a trading city in North Kivu province, witnesses said.")
    assert located(extractor, text) == [("attack", "Butembo", "2024-07-27")]


@pytest.mark.parametrize("text, expected", [
    # "Cotonou:" opening the report is a dateline, and attacks "in the far north" are not in its town
    ("Cotonou: Benin's government said on Wednesday that 54 soldiers were killed in last week's attacks on two "
     "army positions in the far north. Most of them were killed at the position known as Point Triple.",
     []),
    # "tore through the centre of Kampala"; "At least 22 civilians, among them 14 children, were killed"
    ("Two explosions set off by suicide bombers tore through the centre of Kampala on Tuesday, the police said.",
     [("attack", "Kampala")]),
])
def test_colon_datelines_and_city_centres(extractor, text, expected):
    events = located_events(extractor, text)
    assert [(e.category, e.location) for e in events] == expected


def test_a_toll_with_its_breakdown_set_off_by_commas(extractor):
    text = ("At least 22 civilians, among them 14 children and a pregnant woman, were killed when armed men stormed "
            "a village in Cameroon's North West region on Friday.")
    assert [e.fatalities for e in extractor.extract(Article(text=text, published=PUBLISHED))] == [22]


def test_a_town_overrun_before_the_army_won_it_back(extractor):
    # the day of the ", before ..." clause is the recapture's; the town taken and the town won back are two
    text = ("NIAMEY (AFP) - Boko Haram fighters overran the town of Diffa in southeastern Niger in a night-time "
            "assault that killed 30 soldiers, before the army won it back on Saturday, the ministry said.\n\n"
            "Hundreds of jihadists attacked army positions in Diffa late on Friday. After hours of fighting the "
            "insurgents took over the town, a security source said.")
    assert located(extractor, text) == [("attack", "Diffa", "2024-07-26"), ("other", "Diffa", "2024-07-27"),
                                        ("other", "Diffa", "2024-07-22")]


def test_what_the_president_called_a_barbaric_attack_is_the_one_reported(extractor):
    text = ("Jihadists killed 35 civilians in an assault on a town in northern Burkina Faso on Tuesday, the "
            "government said.\n\nPresident Roch Kabore declared 48 hours of national mourning from Wednesday and "
            "praised troops for repelling what he called a barbaric attack.")
    assert [(e.category, str(e.date_start)) for e in extractor.extract(Article(text=text, published=PUBLISHED))
            if e.category == "attack"] == [("attack", "2024-07-23")]


def test_soldiers_shot_dead_and_a_toll_brought_up_later(extractor):
    # "were shot dead when ..." counts its subject, not one; a death of wounds on a later day bringing the
    # toll up is no second attack
    text = ("Three Emirati soldiers and a Bahraini officer were shot dead when a recruit turned his gun on them at a "
            "base in Mogadishu on Saturday.\n\nA fourth Emirati died of his wounds on Sunday, bringing the toll to "
            "five including the gunman, who was killed on the spot.")
    assert [(e.location, str(e.date_start), e.fatalities) for e in located_events(extractor, text)] == \
        [("Mogadishu", "2024-07-27", 3)]
