"""events: word senses of the trigger data (events/data/triggers.tsv), on wire-style sentences
written for these tests: each phenomenon with its near siblings, which must keep their own sense."""

from __future__ import annotations

import pytest

CASES = [
    # diplomatic recognition "as a state / as president"
    ("Spain recognised Palestine as a sovereign state on Tuesday.", "SUPPORT", "054"),
    ("Brazil recognized Juan Guaido as Venezuela's interim president.", "SUPPORT", "054"),
    ("Norway recognised Palestine as an independent country.", "SUPPORT", "054"),
    # money disbursed or released is aid; people released are a release
    ("The World Bank disbursed $300 million to Ghana on Thursday.", "AID", "071"),
    ("The IMF disbursed a second loan tranche to Sri Lanka.", "AID", "071"),
    ("Germany released 20 million euros in emergency aid for Sudan.", "AID", "070"),
    ("Japan released $10 million to help flood victims in Pakistan.", "AID", "070"),
    ("Hamas released three Israeli hostages on Saturday.", "RETREAT", "0841"),
    # relief supplies carried or handed out
    ("Indian navy ships ferried food and medicine to cyclone victims in Myanmar.", "AID", "073"),
    ("Turkey flew 500 tents and blankets to Syria after the earthquake.", "AID", "073"),
    ("Jordan flew medical supplies to Gaza on Wednesday.", "AID", "073"),
    ("The Red Crescent began distributing food and blankets in Gaza.", "AID", "073"),
    ("UNICEF distributed vaccines to children in Yemen.", "AID", "073"),
    # riots and strikes
    ("French youths rioted in the suburbs of Lyon on Saturday.", "PROTEST", "145"),
    ("Kenyan nurses walked off the job on Monday to demand higher pay.", "PROTEST", "143"),
    ("Thousands of Nigerian teachers walked off the job over unpaid salaries.", "PROTEST", "143"),
    ("Zimbabwean workers heeded the unions' call for a general strike.", "PROTEST", "143"),
    # a court's conviction
    ("A Dutch court found two Russian officers guilty of murder.", "ACCUSE", "116"),
    ("A court in Ankara found the Kurdish politician guilty of terrorism charges.", "ACCUSE",
     "116"),
    # armed forces pouring into a territory invade it; crowds pouring into streets demonstrate
    ("Russian troops poured into Ukraine's Donbas region.", "ASSAULT", "192"),
    ("Ethiopian tanks rolled into Eritrea on Sunday.", "ASSAULT", "192"),
    ("Thousands of demonstrators poured into the streets of Tehran.", "PROTEST", "141"),
    # leaving a treaty or an international organisation, or talks; troops leaving a town
    ("Argentina withdrew from the Paris climate accord.", "SANCTION", "160"),
    ("Hungary withdrew from the International Criminal Court's founding treaty.", "SANCTION",
     "160"),
    ("Burundi quit the International Criminal Court.", "SANCTION", "160"),
    ("Ukraine withdrew from the talks in Istanbul.", "SANCTION", "164"),
    ("Israeli troops withdrew from the Lebanese town of Khiam.", "RETREAT", "0874"),
    # a law paused or suspended is a concession
    ("Niger paused the implementation of the new mining law.", "CONCEDE", "0832"),
    ("Kenya suspended the new finance law after deadly protests.", "CONCEDE", "0832"),
    # verbal attacks on a proposal or plan; armed attacks on a town
    ("The German chancellor attacked the French proposal for joint debt.", "ACCUSE", "111"),
    ("Italy's prime minister attacked the EU's migration plan.", "ACCUSE", "111"),
    ("Russian forces attacked the Ukrainian town of Avdiivka.", "ASSAULT", "190"),
    # wanted persons captured or seized are arrested; soldiers and civilians are abducted
    ("Turkish police captured a suspected ISIS operative in Istanbul.", "COERCE", "173"),
    ("Colombian troops captured a senior rebel commander near the border.", "COERCE", "173"),
    ("Security forces seized the former minister at his home in Bamako.", "COERCE", "173"),
    ("Taliban fighters captured three Afghan soldiers.", "COERCE", "181"),
    # crowds occupying or storming a place protest; armies occupy and assault
    ("Protesters occupied the main square in Belgrade.", "PROTEST", "144"),
    ("Students occupied the university in Dhaka.", "PROTEST", "144"),
    ("Russian troops occupied the Zaporizhzhia nuclear plant.", "ASSAULT", "192"),
    ("Protesters stormed the presidential palace in Colombo.", "PROTEST", "145"),
    ("Islamist fighters stormed the army base in Mali.", "ASSAULT", "190"),
    ("Thousands of Kenyans rallied against the new tax law in Nairobi.", "PROTEST", "141"),
    # diplomats ordered to leave are expelled
    ("Mali's junta ordered the French ambassador to leave within 72 hours.", "SANCTION", "161"),
    ("Burkina Faso ordered three French diplomats to leave the country.", "SANCTION", "161"),
    # cooperation suspended or halted reduces relations
    ("Egypt suspended security coordination with Israel.", "SANCTION", "160"),
    ("Sudan halted cooperation with the United Nations mission.", "SANCTION", "160"),
    # joint patrols are military cooperation; one's own patrols a force posture
    ("Japan and the Philippines stepped up joint naval patrols in the South China Sea.",
     "COOPERATE", "062"),
    ("India stepped up patrols along the border with China.", "MOBILIZE", "154"),
    # forces sent to help another's army, or on a security mission, are military aid
    ("Egypt sent troops to Somalia to support the Somali army.", "AID", "074"),
    ("Washington sent military advisers to Iraq to help the Iraqi army fight Islamic State.",
     "AID", "072"),
    ("Kenyan police officers arrived in Haiti on a security mission.", "AID", "074"),
    # a person handed over to a court is judicial cooperation
    ("The Philippines handed the former president over to the International Criminal Court.",
     "COOPERATE", "063"),
    ("Serbia handed the general over to the tribunal in The Hague.", "COOPERATE", "063"),
    # missile tests are a show of force; missiles fired at a city an assault
    ("North Korea fired a ballistic missile into the sea off its east coast.", "MOBILIZE", "150"),
    ("North Korea conducted a missile test on Monday.", "MOBILIZE", "150"),
    ("Russia fired missiles at Kyiv overnight.", "ASSAULT", "195"),
    # forces ordered to a place are mobilized
    ("The Pentagon ordered two destroyers to the eastern Mediterranean.", "MOBILIZE", "154"),
    ("Ecuador's president ordered soldiers onto the streets of Quito.", "MOBILIZE", "154"),
    # stepped-up deportations; police raids; a prize nomination
    ("Iran and Pakistan stepped up deportations of Afghan migrants.", "ASSAULT", "201"),
    ("Police raided the offices of an opposition newspaper in Istanbul.", "COERCE", "170"),
    ("Israeli troops raided the Jenin refugee camp.", "ASSAULT", "190"),
    ("Pakistan nominated the U.S. president for the Nobel Peace Prize.", "SUPPORT", "051"),
    # siblings: forces marching or crossing into a territory; crowds marching
    ("Ethiopian troops marched into the Somali town of Baidoa.", "ASSAULT", "192"),
    ("Russian tanks crossed into Georgia on Friday.", "ASSAULT", "192"),
    ("Thousands of students marched in Dhaka against the quota system.", "PROTEST", "141"),
    # joint exercises are military cooperation; one's own exercises a force posture
    ("India and France conducted joint military exercises in Rajasthan.", "COOPERATE", "062"),
    ("Japan and India carried out joint naval exercises.", "COOPERATE", "062"),
    ("China held military exercises around Taiwan.", "MOBILIZE", "150"),
    # hours given to diplomats to leave; an order (decree) withdrawing from a treaty
    ("Chad gave the French ambassador 72 hours to leave the country.", "SANCTION", "161"),
    ("Milei signed an order withdrawing Argentina from the Paris climate accord.", "SANCTION",
     "160"),
    # money transferred; trade settled in each other's currencies
    ("The EU transferred 1.5 billion euros to Ukraine on Friday.", "AID", "071"),
    ("Russia and India settled oil trade in rupees last year.", "COOPERATE", "061"),
    # a general strike is a labour strike; a strike on a city a military one
    ("Workers carried out a general strike in Lagos.", "PROTEST", "143"),
    ("Nigerian unions launched a nationwide strike on Monday.", "PROTEST", "143"),
    ("Israel launched a strike on Gaza.", "ASSAULT", "190"),
    # crowd-control weapons fired are repression; grenades fired at fighters are combat
    ("Kenyan police fired rubber bullets at protesters in Nairobi.", "COERCE", "175"),
    ("Police fired rubber-coated bullets at protesters in Tehran.", "COERCE", "175"),
    ("Israeli soldiers fired grenades at Hamas fighters.", "ASSAULT", "194"),
    # an operative named by an adjective-parsed title is still arrested
    ("Kenyan police captured senior Shabaab operative Ahmed Hassan in Mombasa.", "COERCE",
     "173"),
    # a noun's "of" object selects its sense: a suspension of attacks is a truce
    ("Hamas announced a three-month suspension of attacks on Israelis.", "RETREAT", "0871"),
    ("The rebels agreed to a cessation of hostilities with Khartoum.", "AGREE", "035"),
    # a travel warning reduces relations with the country warned against
    ("The State Department advised against travel to Mali after the coup.", "SANCTION", "160"),
    # a military advance on a town is an attack
    ("The rebels advanced on Goma on Sunday.", "ASSAULT", "190"),
    # ending emergency rule or martial law eases it, like lifting it; ending a curfew
    ("Thailand's king ended emergency rule in Bangkok on Tuesday.", "CONCEDE", "0814"),
    ("Egypt ended the state of emergency after four years.", "CONCEDE", "0814"),
    ("The Philippine president lifted martial law on Mindanao.", "CONCEDE", "0814"),
    ("Sri Lanka ended the curfew in Colombo on Monday.", "CONCEDE", "0813"),
    # a nuclear reactor shut down is a policy concession (promised: intent); media shut down
    ("North Korea shut down its Yongbyon reactor on Saturday.", "CONCEDE", "0832"),
    ("Iran will shut down its Arak heavy water reactor under the deal.", "AGREE", "035"),
    ("The junta shut down two independent radio stations in Niamey.", "COERCE", "1721"),
    # the tip or intelligence supplied is shared intelligence
    ("Saudi intelligence supplied the tip that led British police to the bomb.", "COOPERATE",
     "064"),
    ("Pakistan provided the tip that allowed U.S. forces to locate the militant leader.",
     "COOPERATE", "064"),
    ("Morocco gave Spanish police intelligence about the cell.", "COOPERATE", "064"),
    # direct flights or links launched between two states are economic cooperation
    ("Russia and Georgia launched direct flights between Moscow and Tbilisi.", "COOPERATE", "061"),
    ("India and Pakistan resumed direct bus links across the border.", "COOPERATE", "061"),
    ("China and Japan launched charter flights between Shanghai and Osaka.", "COOPERATE", "061"),
    # a joint force fielded or formed is military cooperation (promised: intent)
    ("Kenya and Uganda formed a joint force to patrol the border.", "COOPERATE", "062"),
    ("Chad and Niger will field a joint force to fight Boko Haram.", "AGREE", "031"),
    # inspectors or a foreign delegation let in
    ("Iran let U.N. inspectors into its Natanz enrichment plant.", "CONCEDE", "0862"),
    ("Syria allowed a U.N. delegation into the besieged town.", "CONCEDE", "086"),
    ("Iraq admitted weapons inspectors to the presidential palaces.", "CONCEDE", "0862"),
    # joining an international organisation engages its members; not joining it rejects it
    ("Egypt joined the BRICS group on Monday.", "SUPPORT", "050"),
    ("Sweden joined NATO on Thursday.", "SUPPORT", "050"),
    ("Argentina will not join the BRICS group.", "REJECT", "120"),
    # forces landing or arriving to restore order protect the country
    ("Nigerian troops landed in Liberia to restore order at the request of its government.",
     "AID", "074"),
    ("French troops arrived in Ivory Coast to restore calm.", "AID", "074"),
    # weapons arriving in a country from another are military aid
    ("The first American Abrams tanks have arrived in Ukraine.", "AID", "072"),
    ("French Caesar howitzers arrived in Armenia on Tuesday.", "AID", "072"),
    # aircraft forced down, vessels intercepted: coercion; a jet scrambled: alert
    ("Lithuania's air force forced down a Belarusian plane.", "COERCE", "170"),
    ("Russia scrambled a fighter jet to intercept a U.S. drone over the Black Sea.", "MOBILIZE",
     "152"),
    ("The Israeli navy intercepted an aid flotilla bound for Gaza.", "COERCE", "171"),
    ("Greek coast guards intercepted a Turkish fishing boat.", "COERCE", "171"),
    # a measure scrapped or revoked bowing to protests concedes; a media licence revoked restricts
    ("Panama scrapped the mining contract after weeks of protests.", "CONCEDE", "0832"),
    ("Portugal revoked the mining licences, bowing to pressure from farmers.", "CONCEDE",
     "0832"),
    ("Hungary revoked the broadcasting licence of an opposition radio station.", "COERCE", "1721"),
    ("The Kenyan president bowed to weeks of protests and scrapped the airport contract.",
     "CONCEDE", "0832"),
    ("Panama scrapped the mining contract with the Canadian firm.", "REJECT", "120"),
    # pulling out of a deal or treaty reduces relations; troops pulling out retreat
    ("Russia pulled out of the Black Sea grain deal.", "SANCTION", "160"),
    ("The United States pulled out of the Iran nuclear deal.", "SANCTION", "160"),
    ("Washington pulled out of the Open Skies Treaty.", "SANCTION", "160"),
    ("Russian troops pulled out of Kherson.", "RETREAT", "0874"),
    # a naval supply ship sent with warships is a deployment, not aid; relief supplies are aid
    ("Britain dispatched a warship and a supply ship to the Falklands.", "MOBILIZE", "154"),
    ("Turkey dispatched medical supplies to Gaza.", "AID", "073"),
    # a court's sentence is a finding of guilt
    ("A Moscow court sentenced the journalist to 16 years in prison.", "ACCUSE", "116"),
    ("The opposition leader was sentenced to seven years by a Minsk court.", "ACCUSE", "116"),
    # hours or days given to act "or face" consequences are an ultimatum; diplomats: expulsion
    ("The United States gave the Taliban 48 hours to hand over bin Laden or face military action.",
     "THREATEN", "139"),
    ("The Security Council gave Sudan 30 days to disarm the militias or face sanctions.",
     "THREATEN", "139"),
    # "will take all necessary measures if ..." is a veiled threat
    ("Beijing will take all necessary measures to protect its firms if Washington imposes new "
     "tariffs.", "THREATEN", "130"),
    # workers staying at home in a strike strike; refusing food is a hunger strike
    ("Indian railway workers stayed at home on the second day of a nationwide strike.", "PROTEST",
     "143"),
    ("Jailed Bahraini activist Abdulhadi al-Khawaja refused food for three weeks to demand his "
     "release.", "PROTEST", "142"),
    # a government dissolved bowing to protests is a concession
    ("Nepal's prime minister dissolved the cabinet after weeks of protests.", "CONCEDE", "0834"),
    # police dismantling a network jointly cooperate
    ("Spanish and Moroccan police jointly dismantled a people-smuggling ring.", "COOPERATE", "063"),
    # police and security forces firing on protesters repress; troops firing, or fire on
    # fighters or positions, is combat
    ("Iranian security forces opened fire on protesters in Zahedan.", "COERCE", "175"),
    ("Sudanese police fired on demonstrators outside the army headquarters.", "COERCE", "175"),
    ("Israeli troops fired on Palestinian protesters in Hebron.", "ASSAULT", "190"),
    ("Israeli troops opened fire on Hamas fighters in Rafah.", "ASSAULT", "190"),
    ("Russian forces fired on Ukrainian positions near Bakhmut.", "ASSAULT", "190"),
    # workers going (or coming out) on strike strike; going on hunger strike is a hunger strike
    ("Kenyan teachers went on strike on Tuesday over unpaid allowances.", "PROTEST", "1432"),
    ("South African miners went on an indefinite strike on Monday.", "PROTEST", "143"),
    ("British rail workers came out on strike on Wednesday.", "PROTEST", "143"),
    ("The jailed Bahraini activist went on hunger strike in protest at his treatment.",
     "PROTEST", "142"),
    # placed or put under (house) arrest, by someone named or not
    ("The Ivorian opposition leader was placed under house arrest on Friday.", "COERCE", "173"),
    ("A former Chilean general was placed under house arrest by a Chilean judge.", "COERCE",
     "173"),
    ("Police put the Tunisian opposition leader under house arrest.", "COERCE", "173"),
    # a state suspended or expelled from an organisation or its bodies
    ("The Commonwealth suspended Fiji from its councils over the coup.", "SANCTION", "160"),
    ("ECOWAS suspended Niger from the bloc on Sunday.", "SANCTION", "160"),
    ("The Council of Europe expelled Russia from the organisation.", "SANCTION", "160"),
    # foreign troops, or their deployment, accepted or let in are peacekeepers received
    ("Juba accepted the deployment of U.N. peacekeepers in the border region.", "CONCEDE",
     "0861"),
    ("Khartoum accepted African Union troops in Darfur.", "CONCEDE", "0861"),
    # a ruling accepted or abided by settles the dispute
    ("Guyana accepted the ruling of the arbitration tribunal on its border with Venezuela.",
     "AGREE", "037"),
    ("Kosovo accepted the verdict of the international court on the dispute.", "AGREE", "037"),
    # military craft and systems delivered or supplied are military aid
    ("The United States delivered four Black Hawk helicopters to the Colombian police.", "AID",
     "072"),
    ("Washington delivered two patrol boats to the Kenyan navy.", "AID", "072"),
    ("France supplied Caesar howitzers to Ukraine.", "AID", "072"),
    # fighters handing (in) their weapons disarm; a captured base handed back is returned
    ("The rebels handed their weapons to U.N. peacekeepers on Tuesday.", "RETREAT", "0873"),
    ("Maoist fighters handed in their weapons to U.N. monitors.", "RETREAT", "0873"),
    ("Ukrainian forces handed back the captured base to Russia.", "RETREAT", "0842"),
    # one's own military base handed over ends the military presence
    ("France handed over its last military base in Senegal to the Senegalese army.", "RETREAT",
     "0874"),
    # troops pulling out of a country retreat, even under a deal; states pulling out of a deal
    ("The last Rwandan troops pulled out of the Democratic Republic of Congo on Saturday.",
     "RETREAT", "0874"),
    ("The last Syrian troops pulled out of Lebanon on Tuesday under a peace deal.", "RETREAT",
     "0874"),
    # taking control of firms, projects or mines, or seizing goods, confiscates property
    ("Bolivian troops took control of gas projects run by Petrobras.", "COERCE", "1711"),
    ("Niger's junta seized uranium stocks and gold from the mine run by Orano.", "COERCE",
     "1711"),
    ("Burkina Faso seized 200 kilograms of gold from a Canadian-owned mine.", "COERCE", "1711"),
    # export or import controls and bans are an embargo
    ("China imposed export controls on gallium and germanium.", "SANCTION", "163"),
    ("India imposed a ban on rice exports.", "SANCTION", "163"),
    ("The EU imposed a ban on Russian oil imports.", "SANCTION", "163"),
    # a plane or ship carrying relief supplies that lands brings aid; peacekeepers landing
    ("A Turkish plane carrying 30 tonnes of medicine and food landed in Port Sudan on Friday.",
     "AID", "073"),
    ("A Saudi ship carrying relief supplies arrived in Aden on Monday.", "AID", "073"),
    ("The first Ghanaian peacekeepers landed at Freetown's airport on Monday.", "AID", "074"),
    ("Kenyan peacekeepers arrived in Haiti on Tuesday.", "AID", "074"),
    # posts or positions destroyed in combat are fighting (with artillery, drones); homes: 1712
    ("Pakistani troops destroyed 19 Afghan border posts with artillery.", "ASSAULT", "194"),
    ("Israeli forces destroyed Hezbollah positions with drones.", "ASSAULT", "1952"),
    ("Israeli troops destroyed Palestinian homes in Hebron.", "COERCE", "1712"),
    # foreign investigators or inspectors allowed to do their work
    ("Syria allowed U.N. investigators to question five officials.", "CONCEDE", "086"),
    ("Iran allowed IAEA inspectors to visit the Fordow site.", "CONCEDE", "0862"),
    # security forces firing to disperse a crowd repress it
    ("Ugandan police fired tear gas and live bullets to disperse opposition supporters in Mbale.",
     "COERCE", "175"),
    # forces that displace people expel them (a war that displaces them: see below)
    ("Russian forces displaced thousands of villagers in the east.", "ASSAULT", "201"),
    # an organisation suspending a member state; what else it suspends keeps its own code
    ("The African Union suspended Mali after the coup.", "SANCTION", "160"),
    ("ECOWAS has suspended Guinea over the coup.", "SANCTION", "160"),
    ("The European Union suspended aid to Niger.", "SANCTION", "162"),
    ("The African Union suspended talks with the junta.", "SANCTION", "164"),
    # a withdrawal from a bloc announced reduces relations; of troops it is a retreat
    ("Mali announced its withdrawal from the G5 Sahel alliance.", "SANCTION", "160"),
    ("Israel announced the withdrawal of its troops from Gaza.", "RETREAT", "0874"),
    # territory handed or given back ('back' parsed as an adverb) is returned
    ("Armenia handed the district back to Azerbaijan.", "RETREAT", "0842"),
    ("China gave the seized vessel back to the Philippines.", "RETREAT", "0842"),
    ("Israel returned the Sinai peninsula to Egypt.", "RETREAT", "0842"),
    # leading crowds through a city is a march
    ("Serbian opposition leaders led thousands of protesters through Belgrade.", "PROTEST",
     "141"),
    # a water cannon fired at a ship is an attack at sea; at protesters, repression
    ("The Chinese coast guard fired water cannon at a Philippine fisheries vessel near "
     "Scarborough Shoal.", "ASSAULT", "190"),
    ("Kenyan police fired water cannon at protesters in Nairobi.", "COERCE", "175"),
    # ships or people blocked from approaching or reaching a place: movement restricted
    ("Chinese coast guard vessels blocked a Philippine supply boat from approaching the shoal.",
     "ASSAULT", "191"),
    ("Israeli forces blocked Palestinian farmers from reaching their land.", "ASSAULT", "191"),
    ("Protesters blocked the main highway into Dhaka.", "PROTEST", "144"),
    # offers: to mediate, to release people, a truce; troops pledged to a peacekeeping force
    ("Egypt offered to mediate between Ethiopia and Sudan.", "AGREE", "039"),
    ("Iran offered talks with the United States.", "AGREE", "036"),
    ("Hamas offered to release all the hostages.", "AGREE", "0353"),
    ("Hamas offered a truce in exchange for the release of prisoners.", "AGREE", "0356"),
    ("Indonesia pledged to send up to 20,000 troops to a peacekeeping force in Gaza.", "AGREE",
     "0334"),
    ("Kenya offered to lead a multinational force in Haiti.", "AGREE", "0334"),
    ("Chad sent 1,000 soldiers to the U.N. peacekeeping mission in Mali.", "AID", "074"),
    ("India sent troops to its border with China.", "MOBILIZE", "154"),
    # held or remanded in custody: detained
    ("Egyptian police held the British activist in custody for three days.", "COERCE", "173"),
    ("A Turkish court remanded the Istanbul mayor in custody.", "COERCE", "173"),
    ("Iran held talks with Oman in Muscat.", "CONSULT", "046"),
    # threats name what they threaten: a conventional attack (even with a blockade as the
    # condition), suicide bombings, sanctions, a break in relations
    ("The Houthis threatened to launch missile strikes on Saudi oil facilities if the blockade "
     "continued.", "THREATEN", "1384"),
    ("Iran warned of a crushing response if Israel attacked its territory.", "THREATEN", "1384"),
    ("Hamas threatened to resume suicide bombings if Israel kept up its raids.", "THREATEN",
     "1383"),
    ("The EU threatened to impose sanctions on Belarus over the election.", "THREATEN", "1312"),
    ("Turkey threatened to downgrade relations with the Netherlands.", "THREATEN", "1313"),
    # accusations name the wrong alleged
    ("Kabul accused Islamabad of sending militants across the border.", "ACCUSE", "1123"),
    ("Russia accused the British diplomat of espionage.", "ACCUSE", "1125"),
    ("Amnesty accused the Eritrean army of torture.", "ACCUSE", "1122"),
    # refusals and appeals name what is to be released or de-escalated
    ("Azerbaijan refused to release the Armenian prisoners.", "REJECT", "1243"),
    ("The Red Cross urged both sides to release all detainees.", "REQUEST", "0253"),
    ("The Pope urged Russia and Ukraine to agree a Christmas truce.", "REQUEST", "0256"),
    ("Israel will withdraw its troops from southern Lebanon within 60 days.", "AGREE", "0356"),
    # the weapon: drones alone (1952), missiles with drones (195), an ambush (small arms)
    ("Ukraine struck a Russian air base with drones overnight.", "ASSAULT", "1952"),
    ("Russia struck Ukraine's power grid with 40 missiles and 70 drones overnight.", "ASSAULT",
     "195"),
    ("Islamist fighters ambushed a Nigerian army patrol, killing nine soldiers.", "ASSAULT",
     "193"),
    # strikes and blockades for a policy
    ("Thousands of Kenyan teachers went on strike over the new tax law.", "PROTEST", "1432"),
    ("French farmers blocked roads to protest against fuel price rises.", "PROTEST", "1442"),
    # aid trucks allowed or let in: humanitarian access
    ("Egypt allowed aid trucks to enter Gaza through the Rafah crossing.", "CONCEDE", "0863"),
    ("Israel let aid trucks into northern Gaza on Sunday.", "CONCEDE", "0863"),
    # a ban lifted on parties, or on media; aid halted by its kind; a march for a resignation
    ("Guinea's junta lifted the ban on political parties on Tuesday.", "CONCEDE", "0812"),
    ("Senegal lifted its ban on social media platforms.", "CONCEDE", "0811"),
    ("The United States halted funding to UNRWA, the UN agency for Palestinian refugees.",
     "SANCTION", "1623"),
    ("Thousands of Serbians marched in Belgrade to demand the resignation of the government.",
     "PROTEST", "1411"),
    # appeals for relief, or for restraint
    ("Somalia appealed for international humanitarian assistance after the floods.", "REQUEST",
     "0233"),
    ("Qatar urged India and Pakistan to exercise restraint.", "REQUEST", "0256"),
]


@pytest.mark.parametrize(("text", "kind", "cameo"), CASES, ids=[c[0][:48] for c in CASES])
def test_word_sense(code, text, kind, cameo):
    found = [(e["event"], e["cameo"]) for e in code(text)]
    assert (kind, cameo) in found, found


NOT_AID = [
    "Britain dispatched a warship and a supply ship to the Falklands.",
    "The Israeli navy intercepted an aid flotilla bound for Gaza.",
]


@pytest.mark.parametrize("text", NOT_AID, ids=[t[:48] for t in NOT_AID])
def test_supply_ship_and_aid_boat_are_no_aid(code, text):
    assert "AID" not in [e["event"] for e in code(text)]



NOT_ACTORS = [  # a war, a conflict or the fighting is no actor: what it does is no event
    "The war in Sudan has displaced millions of people.",
    "The conflict in eastern Congo has displaced more than a million people this year.",
    "The fighting in Gaza has killed more than 40,000 people.",
]


@pytest.mark.parametrize("text", NOT_ACTORS, ids=[t[:48] for t in NOT_ACTORS])
def test_a_war_is_no_actor(code, text):
    assert [e["cameo"] for e in code(text)] == []


HOSTILE_INTENT = [  # vowing to strike back or punish is a threat; doing it by other means is those
    ("Hezbollah vowed to retaliate against Israel.", "THREATEN", "1384"),
    ("Putin vowed to punish those responsible for the mutiny.", "THREATEN", "137"),
    ("Beijing said it would take resolute countermeasures against Washington.", "THREATEN",
     "131"),
    ("Iran retaliated against Israel with missiles on Tuesday.", "ASSAULT", "195"),
    ("Russia retaliated by shutting Poland's consulate in St Petersburg.", "SANCTION", "161"),
]


@pytest.mark.parametrize(("text", "kind", "cameo"), HOSTILE_INTENT,
                         ids=[t[:48] for t, _, _ in HOSTILE_INTENT])
def test_retaliation_and_punishment(code, text, kind, cameo):
    assert [(e["event"], e["cameo"]) for e in code(text) if e["event"] == kind] == [(kind, cameo)]


@pytest.mark.parametrize("text, target", [
    ("Venezuela declared the Guyanese ambassador persona non grata on Monday.", "GUY"),
    ("Russia declared two German diplomats persona non grata.", "DEU"),
])
def test_declaring_a_diplomat_persona_non_grata_expels_him(code, text, target):
    e = next(e for e in code(text) if e["event"] == "SANCTION")
    assert e["cameo"] == "161" and e["target"]["country"] == target


@pytest.mark.parametrize(("text", "kind", "cameo"), [
    ("Hungary blocked the EU's 50-billion-euro aid package for Ukraine.", "REJECT", "129"),
    ("Israeli forces blocked aid convoys from entering Gaza.", "ASSAULT", "191"),
    ("Microsoft said Russian state hackers had breached the email accounts of executives.",
     "COERCE", "171"),
    ("The UN said Iran had breached the nuclear deal.", "ACCUSE", "112"),
])
def test_blocking_and_breaching_by_what_is_blocked_or_breached(code, text, kind, cameo):
    assert (kind, cameo) in [(e["event"], e["cameo"]) for e in code(text)]


@pytest.mark.parametrize(("text", "kind", "cameo"), [
    ("Kenya sent 400 police officers to Haiti to help fight gangs.", "AID", "074"),
    ("The EU will send 1,000 police officers to help secure the elections in Kosovo.", "AGREE",
     "033"),
    ("Israel sent troops to the border.", "MOBILIZE", "154"),
])
def test_forces_sent_to_help_are_aid(code, text, kind, cameo):
    assert (kind, cameo) in [(e["event"], e["cameo"]) for e in code(text)]
