"""How wire copy is read, one rule per case (docs/extraction.md, "How real wire copy is read"):
the extractor on short texts in the shapes real reports use, with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from geo.model import Article
from tests.extract_helpers import extractor  # noqa: F401  (session fixture)

PUBLISHED = date(2024, 3, 6)  # a Wednesday


def events(extractor, text: str, published: date = PUBLISHED):
    return extractor.extract(Article(text=text, published=published))


def summary(event) -> tuple:
    return event.category, event.location, str(event.date_start), str(event.date_end)


@pytest.mark.parametrize("text, expected", [
    # the lead gives the day and toll at country level; the site comes a sentence later
    ("A drone attack hit a base in northern Iraq on Tuesday, killing two.\n\n"
     "The drone struck near Erbil International Airport, officials said.",
     [("attack", "Erbil International Airport", "2024-03-05", "2024-03-05")]),
    # two targets in one sentence
    ("Drones struck at Ain al-Asad and at a facility in Erbil on Tuesday.",
     [("attack", "Al Asad Airbase", "2024-03-05", "2024-03-05"), ("attack", "Erbil", "2024-03-05", "2024-03-05")]),
    # "the Yemeni capital"
    ("Saudi-led jets struck the Yemeni capital on Tuesday, the coalition said.",
     [("attack", "Sanaa", "2024-03-05", "2024-03-05")]),
    # a deadline is no date, and a future withdrawal is no event
    ("All foreign troops must leave the country by 11 September, officials said.", []),
    ("US forces will hand over the Qayyarah base to Iraqi forces next month.", []),
    # a reprisal is an occurrence of its own
    ("A drone struck a base near Hasakah on Thursday. In response, US jets carried out air strikes in "
     "eastern Syria on Thursday night.",
     [("attack", "Al Ḩasakah", "2024-02-29", "2024-02-29"), ("attack", "Syria", "2024-02-29", "2024-02-29")]),
    # an undated attack is dated by its report: the week before publication
    ("Rockets struck Camp Taji north of Baghdad, wounding two soldiers, officials said.",
     [("attack", "Camp Taji", "2024-02-29", "2024-03-06")]),
    # a handover whose site comes a sentence later
    ("The coalition handed an air base in northern Iraq over to Iraqi forces on Sunday.\n\n"
     "Some 300 personnel left K1 air base after a short ceremony.",
     [("handover", "K-1 Air Base", "2024-03-03", "2024-03-03")]),
    # "took Zaranj": a town taken
    ("On Friday the Taliban took Zaranj, the capital of Nimroz province.",
     [("other", "Zaranj", "2024-03-01", "2024-03-01")]),
    # "The same intersection ..., when a truck blew up": the site the main clause points back to
    ("Two car bombs exploded at a junction in Mogadishu on Saturday, killing 100 people.\n\n"
     "The same junction was the scene of the worst bombing, on October 14, 2017, when a truck packed "
     "with explosives blew up and killed more than 500 people.",
     [("attack", "Mogadishu", "2024-03-02", "2024-03-02"), ("attack", "Mogadishu", "2017-10-14", "2017-10-14")]),
    # an attack that names no place happened where the one just reported did, days apart at most
    ("Insurgents attacked the town of Palma on Wednesday, killing dozens.\n\n"
     "Among the dead were seven people killed on Friday when a convoy of vehicles was ambushed.",
     [("attack", "Palma", "2024-03-06", "2024-03-06"), ("attack", "Palma", "2024-03-01", "2024-03-01")]),
    # ... but not when it is a recollection of another year
    ("Insurgents attacked the town of Palma on Wednesday, killing dozens.\n\n"
     "Seven people were killed in an ambush on a convoy in March 2021.",
     [("attack", "Palma", "2024-03-06", "2024-03-06"), ("attack", None, "2021-03-01", "2021-03-31")]),
    # the town a sentence opens with is the place taken: "fell to", "was handed to", "was captured by"
    ("Ukrainian troops entered Kharkiv on Saturday. Izium fell to Russian forces in April after weeks of "
     "fighting and became a staging post for the assault on the Donbas.",
     [("other", "Kharkiv", "2024-03-02", "2024-03-02"), ("other", "Izyum", "2023-04-01", "2023-04-30")]),
    ("Ukrainian troops entered Kharkiv on Saturday. Kupiansk was handed to Russian troops without a fight "
     "by its mayor on 27 February.",
     [("other", "Kharkiv", "2024-03-02", "2024-03-02"), ("handover", "Kupyansk", "2024-02-27", "2024-02-27")]),
    # "the town" is not a town named as a landmark ("120 km southeast of X") or for another event
    ("Ukrainian troops swept into Kupiansk, about 120 kilometres southeast of Kharkiv, on Saturday.\n\n"
     "Officials said clashes went on around the eastern part of the town on Saturday.",
     [("other", "Kupyansk", "2024-03-02", "2024-03-02"), ("attack", "Kupyansk", "2024-03-02", "2024-03-02")]),
    # an apposition inside a handover's object; a base that "has been closed" is given up
    ("On Tuesday Burundian troops had handed their base at Cadale, a coastal town north of the capital, "
     "to a brigade of the Somali National Army.",
     [("handover", "Cadale", "2024-03-05", "2024-03-05")]),
    ("The mission closed its base in Kidal on Monday.", [("handover", "Kidal", "2024-03-04", "2024-03-04")]),
    ("Kabul airport was closed to flights on Monday.", []),
    # "declared X liberated": X is the site; ", and the SDF drove ...": a new subject starts a new clause;
    # "in October of the same year": the year last written out
    ("Iraqi forces declared Mosul, the group's largest stronghold, liberated in July 2017 after a nine-month "
     "battle, and the SDF drove the militants out of Raqqa, their de facto capital in Syria, in October of the "
     "same year.",
     [("other", "Mosul", "2017-07-01", "2017-07-31"), ("other", "Ar Raqqah", "2017-10-01", "2017-10-31")]),
    ("The SDF said on Saturday that its fighters had taken complete control of Baghouz, a village on the "
     "Euphrates.", [("other", "Baghouz", "2024-03-02", "2024-03-02")]),
    # "were killed" is an attack; "about 100 km southwest of X" only says where the site is
    ("At least 54 soldiers were killed on May 26 when militants attacked the base at Buulo Mareer, in the "
     "Lower Shabelle region about 100 km southwest of Mogadishu.",
     [("attack", "Buulo Mareer", "2023-05-26", "2023-05-26")]),
    # "a weekend raid": the weekend before publication
    ("The number of people killed in a weekend raid on Seytenga in northern Burkina Faso has risen to 79.",
     [("attack", "Seytenga", "2024-03-02", "2024-03-03")]),
    # "handed out tasks to" is no handover
    ("On Saturday the army chief toured the Al Asad air base and handed out tasks to the units stationed there.", []),
    # "X, a community in the municipality of Y": Y only says where X is
    ("The convoy came under fire on Thursday in Llano Grande, a community in the municipality of Coatepec "
     "Harinas, in Mexico.", [("attack", "Llano Grande", "2024-02-29", "2024-02-29")]),
    # "more landed close to <base>": the weapon elided, the place "close to" it
    ("Rockets struck Mission Support Site Conoco in Syria on Wednesday. Shortly afterwards more landed close "
     "to Mission Support Site Green Village.",
     [("attack", "Conoco gas field base", "2024-03-06", "2024-03-06"),
      ("attack", "Mission Support Site Green Village", "2024-03-06", "2024-03-06")]),
    # ... but "militias close to Tehran" names a patron, and "the boundary with X state" a neighbour
    ("Militias close to Tehran fired rockets at bases hosting US troops in Iraq on Monday.",
     [("attack", "Iraq", "2024-03-04", "2024-03-04")]),
    # "The exchange came less than a day after US aircraft bombed ...": an earlier occurrence of its own
    ("Rockets struck Mission Support Site Conoco in Syria on Wednesday.\n\nThe exchange came less than a day "
     "after US aircraft bombed nine bunkers near the city of Deir ez-Zor.",
     [("attack", "Conoco gas field base", "2024-03-06", "2024-03-06"),
      ("attack", "Deir ez-Zor", "2024-02-29", "2024-03-06")]),
    # "The area around X saw fierce battles: in 2018, troops beat back an assault": X's
    ("The area around the Conoco field in Syria saw fierce battles: in February 2018, US troops beat back an "
     "assault by pro-government fighters, killing an estimated 100 of the attackers.",
     [("attack", "Conoco gas field base", "2018-02-01", "2018-02-28")]),
    # "an area south-west of X" is somewhere around X: the town named later is that occurrence's site
    ("Gunmen ambushed a police convoy in a farming area south-west of Toluca, Mexico, on Thursday, killing 13.\n\n"
     "The convoy came under fire in Coatepec Harinas.",
     [("attack", "Coatepec Harinas", "2024-02-29", "2024-02-29")]),
    # "the village of X" names X itself; "a village in the district of X" is near X
    ("In the village of Sawaneh in Lebanon, a strike on a house killed a woman on Wednesday.",
     [("attack", "Souaneh", "2024-03-06", "2024-03-06")]),
    # "struck it": the base the sentence before opens with
    ("Ain al-Asad, in Anbar province, was a frequent target. In January 2020, Iran struck it with ballistic "
     "missiles.", [("attack", "Al Asad Airbase", "2020-01-01", "2020-01-31")]),
    # "... and Aguelhok two days later": counted from the day just written out
    ("Chadian peacekeepers left Tessalit in Mali on October 21 and Aguelhok two days later.",
     [("handover", "Tessalit", "2023-10-21", "2023-10-21"), ("handover", "Aguelhok", "2023-10-23", "2023-10-23")]),
    # "claimed Bakhmut": a town taken
    ("Wagner fighters claimed Bakhmut in Ukraine in May last year after months of battles.",
     [("other", "Bakhmut", "2023-05-01", "2023-05-31")]),
    # "struck homes in X, where ..., and in Y, where ...": the clause that only adds a place is another site
    ("Aircraft struck homes in Paktika province, Afghanistan, on Monday, where three women were killed, and in "
     "Khost province, where a house collapsed.",
     [("attack", "Paktīkā", "2024-03-04", "2024-03-04"), ("attack", "Khōst", "2024-03-04", "2024-03-04")]),
    # abducted "from" a place: that place; "given up", "pushed ... out of", "the Taliban's sweep into the capital"
    ("The kidnapping of 276 girls from Chibok, Nigeria, by Boko Haram in April 2014 drew worldwide outrage.",
     [("attack", "Chibok", "2014-04-01", "2014-04-30")]),
    ("The Americans had given up Bagram Airfield, their main base, in July.",
     [("handover", "Bagram Air Base", "2023-07-01", "2023-07-31")]),
    ("Gunmen attacked police in Kirkuk province, Iraq, on Sunday. Federal troops pushed the Kurds out of the "
     "province in October 2017.",
     [("attack", "Kirkūk", "2024-03-03", "2024-03-03"), ("other", "Kirkūk", "2017-10-01", "2017-10-31")]),
    ("The chaos followed the Taliban's sweep into the Afghan capital on 15 August.",
     [("other", "Kabul", "2023-08-15", "2023-08-15")]),
    # "the bombing of the drama theatre in Mariupol in March 2022": the noun is an attack of its own
    ("It revives memories of the bombing of the drama theatre in Mariupol, Ukraine, in March 2022.",
     [("attack", "Mariupol", "2022-03-01", "2022-03-31")]),
    # "The same Jeddah depot had come under attack last Sunday": the place in the passive subject
    ("Rebels set a depot in Jeddah, Saudi Arabia, on fire on Friday. The same Jeddah depot had come under "
     "attack last Sunday.", [("attack", "Jeddah", "2024-03-03", "2024-03-03")]),
    # "The attack came two days after a missile hit ...": two days before the lead (and the night before)
    ("A Houthi missile hit a bulk carrier off Aden, Yemen, on Wednesday, killing three.\n\nThe attack came two "
     "days after a missile hit the container ship MSC Sky II south-east of Mukalla.",
     [("attack", "Aden", "2024-03-06", "2024-03-06"), ("attack", "Mukalla", "2024-03-03", "2024-03-04")]),
    # "the war in Gaza" is context; a named group right before "struck" is an attack; nautical miles are a
    # distance, projected from the port (1.852 km each)
    ("On Feb. 18, the Houthis struck the cargo ship Rubymar about 35 nautical miles south of the port of Mokha "
     "in Yemen, over the war in Gaza.", [("attack", "35 nautical miles south of Mocha", "2024-02-18", "2024-02-18")]),
    # a ship seized "off the port of X"; a gunman "killed five employees"; "F-15E Strike Eagles struck"
    ("Late on January 2, the Houthis seized the cargo ship Rwabee off the port of Hodeidah in Yemen.",
     [("attack", "Al Ḩudaydah", "2024-01-02", "2024-01-02")]),
    ("On June 6, a gunman killed five employees at an intelligence office in Amman, Jordan.",
     [("attack", "Amman", "2023-06-06", "2023-06-06")]),
    ("Two F-15E Strike Eagles struck the Lafarge cement factory in Syria on Wednesday.",
     [("attack", "Lafarge Cement Factory base", "2024-03-06", "2024-03-06")]),
    # "ground they lost three years ago" dates the loss, not the withdrawal
    ("Forces backed by the UAE have abandoned their front lines around the port city of Hodeidah in Yemen, letting "
     "Houthi rebels take back ground they lost three years ago, officials said on Friday.",
     [("handover", "Al Ḩudaydah", "2024-03-01", "2024-03-01")]),
    # "Troops also left X, a district ..., and Y": two more handovers, the district counts beside the town
    ("Government forces pulled back from Hodeidah in Yemen on Friday.\n\nTroops also left al-Durayhimi, a "
     "district about 20 km south of the city, and al-Tuhayta further down the coast.",
     [("handover", "Al Ḩudaydah", "2024-03-01", "2024-03-01"), ("handover", "Ad Durayhimī", "2024-02-29", "2024-03-06"),
      ("handover", "At Tuḩaytā’", "2024-02-29", "2024-03-06")]),
    # "overran it in September 2015 before being driven out": the capture is a clause of its own
    ("Kunduz, in Afghanistan, has long been a prize for the insurgents, who briefly overran it in September 2015 "
     "before being driven out by government forces.", [("other", "Kunduz", "2015-09-01", "2015-09-30")]),
    # "Somalia's capital"; "a suicide bomber attacked" is no air strike; "Lido Beach" (a US town) is no
    # site in a report that names Somalia and never the United States
    ("Al-Shabaab gunmen and a suicide bomber attacked a beach in Somalia's capital on Friday evening, killing "
     "32.\n\nThe bomber blew himself up at the entrance of the Beach View Hotel on Lido Beach.",
     [("attack", "Mogadishu", "2024-03-01", "2024-03-01")]),
    # "the death toll ... rose to 93 on Tuesday" dates the toll; "set off his explosives ... on Monday" the attack
    ("The death toll from a suicide bombing at a mosque in the city of Peshawar, Pakistan, rose to 93 on Tuesday."
     "\n\nThe bomber set off his explosives at about 1 p.m. on Monday.",
     [("attack", "Peshawar", "2024-03-04", "2024-03-04")]),
    # "since March 4 last year, when ..." (a day of last year); "have stepped up attacks" is a summary
    ("It was the deadliest attack in Peshawar, Pakistan, since March 4 last year, when a suicide bomber struck a "
     "mosque during Friday prayers. The group has stepped up attacks on security forces since November.",
     [("attack", "Peshawar", "2023-03-04", "2023-03-04")]),
    # "X, who had led operations in Syria and Lebanon, was killed": the places describe X
    ("An Israeli air strike destroyed the consulate in Damascus on Monday. General Zahedi, who had led the "
     "Quds Force's operations in Syria and Lebanon, was killed along with his deputy.",
     [("attack", "Damascus", "2024-03-04", "2024-03-04")]),
    # a quotation's "this morning" is the day it was said: it joins the occurrence the report dates
    ("Sudan's army said on Saturday that its troops had entered Wad Madani, recapturing the city.\n\n"
     "\"Our forces entered Wad Madani this morning and are clearing the last pockets,\" the army said.",
     [("other", "Wad Medani", "2024-03-02", "2024-03-02")]),
    # "had already taken Laukkai"; "fully captured the headquarters in Lashio"
    ("The MNDAA had already taken Laukkai, the capital of the Kokang region of Myanmar, on Jan. 4.",
     [("other", "Laukkai", "2024-01-04", "2024-01-04")]),
    # "still burying their dead on Monday, two days after fighters opened fire ... around the town":
    # the attack is two days before Monday, at the town named before its "the town"
    ("The women of Barsalogho were still burying their dead on Monday, two days after jihadist fighters opened "
     "fire on men digging a trench around the town in north-central Burkina Faso.",
     [("attack", "Barsalogho", "2024-03-02", "2024-03-02")]),
    # "said the targets were in X": the site of the strikes the lead reports at country level
    ("American warplanes bombed three sites in Iraq on Wednesday.\n\nAn official said the targets were in Jurf "
     "al-Sakhar, a militia-run district south-west of the capital.",
     [("attack", "Jurf al-Sakhar", "2024-03-06", "2024-03-06")]),
    # "had pulled its troops out of X"; "X had effectively fallen"
    ("Ukraine said on Wednesday that it had pulled its troops out of Vuhledar, a mining town in the Donetsk region.",
     [("handover", "Vuhledar", "2024-03-06", "2024-03-06")]),
    # "struck two operations centres there": the place just named
    ("It is the second time in two months that Jurf al-Sakhar in Iraq has been bombed. On Nov. 22, US aircraft "
     "struck two operations centres there, killing five fighters.",
     [("attack", "Jurf al-Sakhar", "2023-11-22", "2023-11-22")]),
    # "drones were flown at"; "strikes flattened Nabatieh's main market"; "Inatès, also in Tillabéri"
    ("In January, three drones were flown at the al-Tanf garrison near Syria's borders with Iraq and Jordan.",
     [("attack", "Al-Tanf", "2024-01-01", "2024-01-31")]),
    ("Earlier this week, Israeli strikes flattened much of Nabatieh's main market in Lebanon.",
     [("attack", "Nabatîyé et Tahta", "2024-03-04", "2024-03-05")]),
    ("Fighters stormed the army camp at Inatès, also in Tillabéri, Niger, on December 10, killing 71 soldiers.",
     [("attack", "Inates", "2023-12-10", "2023-12-10")]),
    # "since the Gaza war began": a war named after a place is no site; "have stepped up strikes" a summary
    ("Israel has stepped up its strikes in Syria since the Gaza war began in October, targeting Iranian personnel.",
     []),
    # "a village in the X region ... roughly 200 km north of the capital": the region, not the capital far away;
    # but "50 nautical miles south-west of the port of Aden" still places a ship off Aden, that far out
    ("Gunmen attacked an army post on Thursday in a village in the Tillabéri region of Niger, roughly 200 "
     "kilometres north of the capital, Niamey.", [("attack", "Tillabéri", "2024-02-29", "2024-02-29")]),
    ("A missile hit a bulk carrier in the Gulf of Aden on Wednesday about 50 nautical miles south-west of the port "
     "of Aden, Yemen.", [("attack", "50 nautical miles south-west of Aden", "2024-03-06", "2024-03-06")]),
    # "the last French soldiers ... flew out of the capital": a withdrawal; a minister who "left N'Djamena" is not
    ("The last French soldiers still stationed in Niger flew out of the capital on Friday morning, the army said.",
     [("handover", "Niamey", "2024-03-01", "2024-03-01")]),
    ("Hours earlier French Foreign Minister Jean-Noel Barrot left N'Djamena, Chad, following talks on Friday.", []),
    # "a sharp rise in U.S. air strikes" is a summary, and "U.S." qualifies the strikes
    ("The attacks came as al-Shabaab steps up its campaign despite a sharp rise in U.S. air strikes in Somalia.", []),
    # "the death toll from Saturday's Russian missile strike": the day that names the event
    ("Rescue crews pulled more bodies from an apartment block in Dnipro, Ukraine, on Monday, bringing the death "
     "toll from Saturday's Russian missile strike to 40.", [("attack", "Dnipro", "2024-03-02", "2024-03-02")]),
    # "The last convoy rolled out of the base on Saturday"; "Marinka, a town on the western edge of the city of
    # Donetsk": Donetsk only says where Marinka is
    ("Russia said on Monday its forces had taken full control of Marinka, a shattered frontline town on the "
     "western edge of the occupied city of Donetsk in Ukraine.", [("other", "Mar'yinka", "2024-03-04", "2024-03-04")]),
    # "began striking Houthi targets on Jan. 12, ... including locations in Sanaa and in Hodeidah"
    ("American warplanes began striking Houthi targets in Yemen on Jan. 12, including locations in Sanaa.",
     [("attack", "Sanaa", "2024-01-12", "2024-01-12")]),
    # "detainees ... inside the same cantonment ... seized the building, taking hostages"
    ("A car bomb hit the cantonment in Bannu, Pakistan, on Monday.\n\nIn December 2022, detainees held at a "
     "compound inside the same cantonment overpowered their guards, taking hostages.",
     [("attack", "Bannu", "2024-03-04", "2024-03-04"), ("attack", "Bannu", "2022-12-01", "2022-12-31")]),
    # "assault units ... liberated the town": a unit's name is no attack; "since the Council voted in June"
    # dates the vote
    ("Russian assault units had completely liberated Marinka in Ukraine on Monday, Shoigu said.",
     [("other", "Mar'yinka", "2024-03-04", "2024-03-04")]),
    # "a market in Maiwut, South Sudan": a village the gazetteer lacks is in the country named after it
    ("At least 20 people were killed in an air strike on a market in Maiwut, South Sudan, on Monday.",
     [("attack", "South Sudan", "2024-03-04", "2024-03-04")]),
    # "took control of the Baidoa base": the place inside the object taken
    ("The Somali army took control of the Baidoa base from Ethiopian troops on Monday.",
     [("other", "Baidoa", "2024-03-04", "2024-03-04")]),
    # "the Islamic State group in Syria and Iraq" names no site; "permission to strike ... inside Russia" no strike
    ("Attacks of this scale are rare in the kingdom, a member of the coalition against the Islamic State group "
     "in Syria and Iraq.", []),
    ("Zelensky repeated his appeal for permission to strike launch sites deep inside Russia.", []),
    # "has left Kinshasa's grip ... weaker" is no withdrawal; "Bukavu, the second-largest city in eastern Congo"
    # is in the Congo the town is in
    ("Rwanda-backed M23 rebels have taken control of Bukavu, the second-largest city in eastern Congo, in an "
     "advance that has left Kinshasa's grip on the Kivu provinces weaker than ever.",
     [("other", "Bukavu", "2024-02-29", "2024-03-06")]),
    # "the 14 Riverside Drive complex": a street, not the town Riverside
    ("The assault on the 14 Riverside Drive complex in Nairobi, Kenya, began on Tuesday.",
     [("attack", "Nairobi", "2024-03-05", "2024-03-05")]),
    # "three of them hit the centre of Chernihiv"; "the Westgate shopping mall siege"; "under siege" is a state
    ("On April 17, three of them hit the centre of Chernihiv, in the north of Ukraine, killing 18 people.",
     [("attack", "Chernihiv", "2023-04-17", "2023-04-17")]),
    ("The city of Bakhmut in Ukraine has been under siege for months.", []),
    # "the siege was over" only refers back: "were killed after fighters seized a train" states the attack
    ("Twenty-one passengers were killed after separatist fighters seized an express train in Balochistan, "
     "Pakistan's army said, announcing late on Wednesday that the siege was over.",
     [("attack", "Balochistan", "2024-03-06", "2024-03-06")]),
    # "on the road between Djibo and Arbinda": one ambush, near the first town
    ("Militants ambushed a military convoy on the road between Djibo and Arbinda in Burkina Faso on Monday, "
     "killing 12 soldiers.", [("attack", "Djibo", "2024-03-04", "2024-03-04")]),
    # "their vehicle hit a mine" (not "a gold mine"); "shepherds killed by Islamic State militants"
    ("Three peacekeepers were wounded when their vehicle hit a mine near Aguelhok in northern Mali on Tuesday.",
     [("attack", "Aguelhok", "2024-03-05", "2024-03-05")]),
    ("The company runs a gold mine near Kidal in Mali.", []),
    ("Iraqi forces found the bodies of eight shepherds killed by Islamic State militants near Rutba on Monday.",
     [("attack", "Ar Ruţbah", "2024-03-04", "2024-03-04")]),
    # "near the village of X (unknown), about 60 km from the town of Tera in the Tillaberi region": the region
    ("Gunmen attacked a patrol on Tuesday near the village of Koutougou, about 60 kilometres from the town of Tera "
     "in the Tillaberi region of Niger.", [("attack", "Tillabéri", "2024-03-05", "2024-03-05")]),
    # a destination is no site: "a tanker bound for Eilat in the Red Sea"
    ("Houthi missiles hit a tanker bound for Eilat in the Red Sea on Monday.",
     [("attack", "Red Sea", "2024-03-04", "2024-03-04")]),
    # "On July 1, 2012, ... two churches in the town during Sunday services": the ritual's weekday is no date
    ("Garissa in Kenya has been targeted before. On July 1, 2012, gunmen threw grenades into two churches in the "
     "town during Sunday services, killing 17 people.", [("attack", "Garissa", "2012-07-01", "2012-07-01")]),
    # an attack known only to a year is a recollection
    ("Four soldiers were killed in an ambush in western Niger in 2017.", []),
])
def test_wire_copy_rules(extractor, text, expected):
    assert [summary(e) for e in events(extractor, text)] == expected


@pytest.mark.parametrize("text, place", [
    ("Rockets hit a base that Washington blames on militias loyal to Iran, in Anbar on Monday.", "Anbar"),
    ("In Erbil on Monday, a gunman shot dead a representative of a group based in Brussels.", "Erbil"),
    ("US attack helicopters struck rocket launchers near Deir ez-Zor on Wednesday.", "Deir ez-Zor"),
])
def test_places_that_are_not_sites(extractor, text, place):
    found = events(extractor, text)
    assert [e.place_text for e in found] == [place]


def test_a_toll_with_a_vague_second_count_is_the_firm_figure(extractor):
    (event,) = events(extractor, "The bombing at Kabul airport on Thursday killed 13 US service members "
                                 "and scores of Afghan civilians.")
    assert event.fatalities == 13


def test_the_evidence_lists_every_sentence_used(extractor):
    (event,) = events(extractor, "A drone attack hit a base in northern Iraq on Tuesday, killing two.\n\n"
                                 "The drone struck near Erbil International Airport, officials said.")
    assert [e.gave for e in event.evidence] == [("event", "date", "fatalities"), ("site",)]


@pytest.mark.parametrize("text, precision", [
    ("In the village of Sawaneh in Lebanon, a strike on a house killed a woman on Wednesday.", 1),
    ("A strike hit a village in the district of Marjayoun in Lebanon on Wednesday.", 2),
])
def test_a_village_named_is_exact_and_one_in_a_district_is_near_it(extractor, text, precision):
    assert [e.geo_precision for e in events(extractor, text)] == [precision]


def test_each_when_clause_takes_the_day_just_before_it(extractor):
    """Two recalled events in one sentence, each day written before its ", when" clause: the day at
    the end of the first clause belongs to the second."""
    text = ("The raid revived memories of the night of April 14, 2014, when fighters seized 276 girls from "
            "their school in Chibok in Borno state, and of Feb. 19, 2018, when more than 100 girls were taken "
            "from a school in Dapchi in Yobe state.")
    found = sorted((e.location, str(e.date_start)) for e in events(extractor, text))
    assert found == [("Chibok", "2014-04-14"), ("Dapchi", "2018-02-19")]


@pytest.mark.parametrize("text, expected", [
    # a promise to halt strikes, a court restricting raids: no strike and no raid happened
    ("The military in return promised to halt air strikes on the group's territory in Kyaukme.", []),
    ("In June the Supreme Court in Brasilia restricted police raids in Rio's favelas.", []),
    # troops moving back into a town the rebels left: the town changed hands
    ("Myanmar's military moved back into the town of Mogok on Friday after the rebels pulled out.",
     [("other", "Mogok", "2024-03-01", "2024-03-01")]),
])
def test_halted_strikes_and_towns_moved_back_into(extractor, text, expected):
    assert [summary(e) for e in events(extractor, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # "the western Aleppo countryside" is the governorate: the village near Atareb is the one site
    ("Government shelling hit a home in Kafr Nouran, a village in the western Aleppo countryside near the town "
     "of Atareb, on Tuesday, killing five civilians.", [("attack", "Al Atārib", "2024-03-05", "2024-03-05")]),
    # what the militants want done is not done
    ("The militants have said they want Kenya to withdraw its troops from Somalia.", []),
])
def test_countryside_and_wants(extractor, text, expected):
    assert [summary(e) for e in events(extractor, text)] == expected


def test_a_town_named_in_apposition_to_what_was_taken(extractor):
    text = "Fighting in Afghanistan. Taliban fighters captured the provincial capital, Kunduz, on Monday."
    assert [summary(e) for e in events(extractor, text)] == [("other", "Kunduz", "2024-03-04", "2024-03-04")]


@pytest.mark.parametrize("text, expected", [
    # where the base lies, and where the town lies, are no targets of their own
    ("Fighting in Syria. Missiles hit the T-4 air base, also known as Tiyas, which lies in the desert between the "
     "city of Homs and the ancient town of Palmyra, on Monday.", [("attack", "Tiyas Military Airbase", "2024-03-04", "2024-03-04")]),
    ("Fighting in Syria. A chemical attack on Saturday hit Douma, the last rebel-held town in the Eastern Ghouta "
     "enclave near Damascus.", [("attack", "Dūmā", "2024-03-02", "2024-03-02")]),
])
def test_where_a_named_site_lies_is_no_second_target(extractor, text, expected):
    assert [summary(e) for e in events(extractor, text)] == expected


def test_a_weapon_opening_a_sentence_is_no_team_name(extractor):
    """"... in Syria. Rockets hit": the capitalised word before is the end of the sentence before."""
    text = "The war goes on in Syria. Rockets hit the T-4 air base on Monday."
    assert [summary(e)[:2] for e in events(extractor, text)] == [("attack", "Tiyas Military Airbase")]


@pytest.mark.parametrize("text, expected", [
    # letters handed over are no base handed over
    ("Delegations from the two countries handed over separately signed letters to the U.S. mediator at the UN "
     "headquarters in Naqoura, Lebanon, on Thursday.", []),
    # weeks of air strikes before the fall are the background, the fall is the event
    ("Fighting in Iraq. Islamic State militants overran Ramadi on Sunday, handing the extremists their biggest "
     "victory this year despite weeks of U.S.-led airstrikes.", [("other", "Ramadi", "2024-03-03", "2024-03-03")]),
])
def test_letters_handed_over_and_weeks_of_strikes(extractor, text, expected):
    assert [summary(e) for e in events(extractor, text)] == expected
