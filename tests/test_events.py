"""events: the dependency rules, on sentences written for these tests."""

from __future__ import annotations

import pytest


def one(events, kind):
    found = [e for e in events if e["event"] == kind]
    assert found, [(e["event"], e["cameo"], e["trigger"]) for e in events]
    return found[0]


def countries(actor):
    actors = actor if isinstance(actor, list) else [actor] if actor else []
    return {a["country"] for a in actors}


def test_subject_object(code):
    e = one(code("Ghana accused Togo of harbouring gunmen."), "ACCUSE")
    assert countries(e["source"]) == {"GHA"} and countries(e["target"]) == {"TGO"}


def test_passive_by_agent(code):
    e = one(code("Three Nigerian soldiers were killed by Boko Haram fighters."), "ASSAULT")
    assert countries(e["source"]) == {"NGA"} and e["source"]["sector"] == "REB"
    assert countries(e["target"]) == {"NGA"}


def test_reported_speech_does_not_make_the_speaker_the_source(code):
    e = one(code("A French official said Algeria had expelled two diplomats."), "SANCTION")
    assert countries(e["source"]) == {"DZA"}


def test_negation_is_flagged(code):
    e = one(code("Peru did not condemn Bolivia."), "ACCUSE")
    assert e["negated"] is True


def test_future_cooperation_is_agree(code):
    e = one(code("Norway will send aid to Sudan next week."), "AGREE")
    assert e["cameo"].startswith("03") and e["modality"] == "intended"
    assert countries(e["target"]) == {"SDN"}


def test_threat_frame(code):
    e = one(code("Iran threatened to attack Israel."), "THREATEN")
    assert e["cameo"].startswith("13")
    assert countries(e["source"]) == {"IRN"} and countries(e["target"]) == {"ISR"}


def test_refusal_frame(code):
    e = one(code("Serbia refused to extradite the Croatian suspects to Croatia."), "REJECT")
    assert countries(e["source"]) == {"SRB"}


def test_request_frame_targets_the_addressee(code):
    e = one(code("Kenya urged Somalia to release the hostages."), "REQUEST")
    assert countries(e["source"]) == {"KEN"} and countries(e["target"]) == {"SOM"}


def test_compound_subject_is_reciprocal(code):
    e = one(code("Egypt and Jordan signed a trade agreement on Sunday."), "SUPPORT")
    assert countries(e["source"]) == {"EGY", "JOR"} and countries(e["target"]) == {"EGY", "JOR"}


def test_phone_call_mode(code):
    e = one(code("Erdogan held a phone call with Emmanuel Macron."), "CONSULT")
    assert e["mode"] == "phone" and e["cameo"] == "041"


def test_event_record_contract(code):
    text = "Canada imposed sanctions on Iranian officials on Monday."
    e = one(code(text, date="2024-03-27"), "SANCTION")
    for field in ("doc_id", "sentence_index", "sentence", "event", "cameo", "mode", "context",
                  "source", "target", "date", "negated", "modality", "goldstein",
                  "quad_class", "confidence", "evidence", "version"):
        assert field in e
    assert e["date"] == "2024-03-25" and e["quad_class"] == 4 and e["goldstein"] < 0
    start, end = e["evidence"]["trigger"]
    assert text[start:end] in ("imposed", "sanctions")
    s_start, s_end = e["evidence"]["source"][0]
    assert text[s_start:s_end] == "Canada"
    assert 0 < e["confidence"] <= 1 and "kb" in e["version"]


def test_same_event_twice_in_an_article_is_merged(code):
    text = "Chile Condemns Peru Over Border Clash\n\nChile condemned Peru on Monday."
    found = [e for e in code(text, date="2024-03-27") if e["event"] == "ACCUSE"]
    assert len(found) == 1
    assert found[0]["mentions"] == 2 and found[0]["date"] == "2024-03-25"


@pytest.mark.parametrize(("text", "kind", "modality", "negated"), [
    ("Chad shelled rebel positions in Sudan on Monday.", "ASSAULT", "asserted", False),
    ("Ghana did not condemn Togo over the raid.", "ACCUSE", "negated", True),
    ("Moscow denied shelling the Georgian village.", "ASSAULT", "denied", True),
    ("Kyiv denied that its forces had attacked the Belarusian border post.", "ASSAULT",
     "denied", True),
    ("Japan will send aid to Nepal next week.", "AGREE", "intended", False),
    ("Senegal expelled two Gambian diplomats in 2019, officials recalled.", "SANCTION",
     "historical", False),
])
def test_modality(code, text, kind, modality, negated):
    e = one(code(text, date="2024-03-27"), kind)
    assert (e["modality"], e["negated"]) == (modality, negated), e["trigger"]


def test_possessive_pronoun_gives_its_country(code):
    e = one(code("Kyiv denied that its forces had attacked the Belarusian border post."),
            "ASSAULT")
    assert countries(e["source"]) == {"UKR"} and countries(e["target"]) == {"BLR"}


def test_relative_date_phrase_is_kept(code):
    e = one(code("Peru expelled a Bolivian diplomat two days ago.", date="2024-03-27"),
            "SANCTION")
    assert (e["date"], e["date_text"]) == ("2024-03-25", "two days ago")


def test_joint_events_between_the_same_countries_merge(code):
    text = ("Kenyan President William Ruto pledged to deepen trade ties with Uganda. "
            "Ruto and Ugandan President Yoweri Museveni agreed to expand cooperation.")
    found = [e for e in code(text) if e["event"] == "AGREE"]
    assert len(found) == 1 and found[0]["mentions"] == 2


def test_unclaimed_attack_is_coded_to_where_it_happened(code):
    e = one(code("A car bomb near the town of Tikrit killed three Iraqi policemen on Sunday."),
            "ASSAULT")
    assert countries(e["source"]) == {"IRQ"} and countries(e["target"]) == {"IRQ"}


def test_compound_object_selects_the_verb_sense(code):
    e = one(code("Norway suspended aid deliveries to Somalia on Friday."), "SANCTION")
    assert e["cameo"].startswith("162") and countries(e["target"]) == {"SOM"}


def test_clause_under_a_relative_clause_is_background(code):
    found = code("Chile backed a UN resolution that seeks to impose sanctions on Venezuela.")
    assert not any(e["event"] == "SANCTION" for e in found)


def test_demand_targets_the_subject_of_what_is_demanded(code):
    found = code("The African Union repeated its demand on Monday that Sudan reopen the border.")
    e = one(found, "REQUEST")
    assert countries(e["target"]) == {"SDN"}
    assert not any(x["event"] == "CONCEDE" for x in found)


def test_object_after_up_to(code):
    e = one(code("Somali militants abducted up to 12 Kenyan teachers near Mandera."), "COERCE")
    assert countries(e["target"]) == {"KEN"}


def test_condition_not_yet_met_is_background(code):
    found = code("Colombian rebels said they would keep their weapons until the government "
                 "releases all prisoners.")
    assert not any(e["event"] == "RETREAT" for e in found)


def test_after_clause_tells_an_event_of_its_own(code):
    found = code("Peru recalled its ambassador from Chile after Chilean troops attacked a "
                 "Peruvian border post.")
    assert {"SANCTION", "ASSAULT"} <= {e["event"] for e in found}


@pytest.mark.parametrize(("text", "kind", "mode"), [
    ("Serbian workers stopped work on Monday over the pension bill.", "PROTEST", "strike-gen"),
    ("Kenyan opposition supporters blocked transport into Nairobi on Monday.", "PROTEST",
     "obstruct"),
    ("Sudanese troops forced out hundreds of villagers from their homes in Darfur.", "ASSAULT",
     "deport"),
    ("Egyptian riots against the new bread prices are continuing.", "PROTEST", "riot-spon"),
])
def test_modes_of_new_patterns(code, text, kind, mode):
    assert one(code(text), kind)["mode"] == mode


@pytest.mark.parametrize(("text", "kind", "mode"), [
    ("Iran threatened to attack Saudi oil facilities.", "THREATEN", "violence"),
    ("Ghana threatened to break off talks with Togo.", "THREATEN", "relations"),
    ("The Kenyan foreign minister held talks with Ugandan officials in Kampala.", "CONSULT",
     "visit"),
    ("Ethiopian and Eritrean envoys held talks in Nairobi on Monday.", "CONSULT",
     "third-party"),
    ("A roadside bomb killed four Afghan soldiers in Kandahar on Sunday.", "ASSAULT",
     "explosives"),
])
def test_plover_modes(code, text, kind, mode):
    assert one(code(text), kind)["mode"] == mode


def test_verbal_event_between_states_is_diplomatic(code):
    e = one(code("Chile accused Bolivia of meddling."), "ACCUSE")
    assert "diplomatic" in e["context"]


def test_presenting_evidence_against_accuses(code):
    e = one(code("Ukraine presented evidence against Belarus at the court."), "ACCUSE")
    assert countries(e["target"]) == {"BLR"}


def test_meeting_with_no_partner_targets_its_place(code):
    e = one(code("The Brazilian president attended a summit in Indonesia on Monday."), "CONSULT")
    assert countries(e["target"]) == {"IDN"}


def test_allowing_someone_to_act_concedes(code):
    e = one(code("Zambia's electoral commission allowed the opposition leader to register as a "
                 "candidate."), "CONCEDE")
    assert countries(e["source"]) == {"ZMB"}


def test_hearing_into_something_investigates(code):
    one(code("Kenya's high court opened a hearing into the killing of protesters."), "ACCUSE")


def test_hoped_for_event_is_hypothetical(coder):
    doc = coder.nlp("Kenya said it hoped Somali troops would pull out of the border town.")
    drafts = [span._.draft for span in doc.spans["events"]]
    assert [d.modality for d in drafts if d.trigger.text == "pull"] == ["hypothetical"]


def test_threat_of_repression_at_home_targets_the_country(code):
    e = one(code("The Malian president threatened to impose a curfew in Bamako."), "THREATEN")
    assert e["mode"] == "curfew" and countries(e["target"]) == {"MLI"}


def test_unknown_titled_person_takes_the_country_around(code):
    e = one(code("Rebels in Mozambique rejected an offer from President Jonas Mbatha."),
            "REJECT")
    assert countries(e["target"]) == {"MOZ"}


def test_noun_reaches_its_actor_through_to(code):
    e = one(code("The Zambian president reneged on his promise to the Zambian people."),
            "REJECT")
    assert countries(e["target"]) == {"ZMB"}


def test_committed_to_is_the_promise_of_its_subject(code):
    e = one(code("Ghana's finance minister said Ghana is committed to opening its economy."),
            "AGREE")
    assert countries(e["source"]) == {"GHA"}


def test_clause_under_a_background_clause_is_background(code):
    found = code("Kurdish rebels issued a statement demanding that the Turkish government "
                 "provide information on the prisoners.")
    assert not any(e["event"] == "COOPERATE" and not e["negated"] for e in found)
    assert one(found, "REQUEST")["cameo"].startswith("10")  # the statement's demand


def test_preparing_an_attack_is_a_force_posture(code):
    e = one(code("The Ethiopian army prepared to resume shelling Eritrean border towns."),
            "MOBILIZE")
    assert countries(e["source"]) == {"ETH"}
    assert not any(x["event"] == "ASSAULT" for x in code(
        "The Ethiopian army prepared to resume shelling Eritrean border towns."))


def test_preparing_a_visit_is_the_visit(code):
    one(code("The Chilean president prepared to visit Argentina."), "CONSULT")


def test_blowing_up_infrastructure_destroys_property(code):
    e = one(code("Rebels in Colombia blew up two power lines near Bogota."), "COERCE")
    assert e["mode"] == "destroy"


@pytest.mark.parametrize(("text", "cameo"), [
    ("Turkey released 40 detained journalists on Friday.", "0841"),
    ("Angry Kenyan protesters destroyed a government office in Nakuru.", "145"),
    ("The United States conducted an air strike on a militant camp in Somalia.", "195"),
])
def test_cameo_refined_by_the_sentence(code, text, cameo):
    assert any(e["cameo"] == cameo for e in code(text)), [e["cameo"] for e in code(text)]


def test_past_meeting_recalled_in_passing_is_historical(code):
    found = code("Ruto thanked Museveni for the pledges made during their meeting at the "
                 "Nairobi summit in 2021.", date="2024-03-27")
    e = one(found, "CONSULT")
    assert e["modality"] == "historical" and e["date"] == "2021-01-01"
    assert countries(e["source"]) == {"KEN", "UGA"}


def test_talks_with_someone_are_had_by_both(code):
    e = one(code("Kenya's foreign minister held talks with Ethiopian President Taye Atske "
                 "Selassie in Addis Ababa."), "CONSULT")
    assert countries(e["source"]) == {"KEN", "ETH"} == countries(e["target"])


def test_visit_goes_one_way(code):
    e = one(code("The Turkish president visited Azerbaijan on Tuesday."), "CONSULT")
    assert countries(e["source"]) == {"TUR"} and countries(e["target"]) == {"AZE"}


def test_requested_act_is_kept_with_modality_requested(code):
    events = code("Niger's junta asked Russia to send troops to Niamey.")
    request = one(events, "REQUEST")
    assert countries(request["source"]) == {"NER"} and countries(request["target"]) == {"RUS"}
    asked = [e for e in events if e["modality"] == "requested"]
    assert asked and asked[0]["negated"] is True  # not counted: it has not happened
    assert countries(asked[0]["source"]) == {"RUS"}


def test_requested_act_is_not_counted_by_evaluate(coder):
    from newsevents.evaluate import predict
    preds = predict([{"id": "r1", "text": "Chad urged France to withdraw its troops."}], coder)
    assert [p["event"] for p in preds] == ["REQUEST"]


def test_past_tense_verb_parsed_as_noun_modifier_is_the_main_verb(code):
    e = one(code("The Ukrainian foreign minister called on Germany to deliver more air "
                 "defence systems to Kyiv."), "REQUEST")
    assert countries(e["source"]) == {"UKR"} and countries(e["target"]) == {"DEU"}


def test_participle_after_a_noun_stays_a_modifier():
    from newsevents.nlp import load_pipeline
    doc = load_pipeline()("Three soldiers killed in attack on convoy")
    assert doc[2].dep_ == "acl" and doc[1].dep_ == "ROOT"


def test_vow_read_through_an_infinitive_parsed_as_adverbial(code):
    e = one(code("Houthi leaders have sworn to fight until Israel ends the war."), "THREATEN")
    assert countries(e["source"]) == {"YEM"}


def test_will_not_give_permission_is_a_refusal(code):
    e = one(code("Hungary said it would not give permission to Ukraine to use the pipeline."),
            "REJECT")
    assert countries(e["source"]) == {"HUN"} and countries(e["target"]) == {"UKR"}


def test_suspension_reaches_its_target_through_of(code):
    e = one(code("Poland announced a suspension of rail links with Belarus."), "SANCTION")
    assert countries(e["target"]) == {"BLR"}


@pytest.mark.parametrize("text", [
    "Hungary blocked the bridge for a week, reports aid agencies.",
    "Four protesters were arrested in Tbilisi during an EU summit, police said.",
    "Armenia demanded a ceasefire before allowing Red Cross aid convoys into the region.",
])
def test_names_and_time_anchors_are_not_events(code, text):
    kinds = {e["event"] for e in code(text)}
    assert not kinds & {"AID", "CONSULT"}, kinds


def test_claimed_attack_is_the_claim_not_the_attack(code):
    events = code("Azerbaijan claimed that Armenian forces had shelled its positions.")
    assert {e["event"] for e in events} == {"ACCUSE"}


def test_refusal_with_an_act_of_no_event_is_still_a_refusal(code):
    e = one(code("Kenyan President William Ruto refused to resign despite growing pressure."),
            "REJECT")
    assert countries(e["source"]) == {"KEN"}


@pytest.mark.parametrize("text", [
    "The Kenyan ministry declined to comment on the report.",
    "A Nigerian army spokesman declined to give details.",
])
def test_declining_to_comment_is_no_event(code, text):
    assert code(text) == []


def test_document_participle_is_its_issuer_act(code):
    e = one(code("The Arab League issued a statement condemning the Israeli strikes on "
                 "Lebanon."), "ACCUSE")
    assert e["source"]["code"] == "IGOARL" if isinstance(e["source"], dict) else True
    assert countries(e["target"]) & {"ISR"}


def test_what_another_verb_does_to_an_event_noun_is_not_requested(code):
    events = code("Iran demanded that France explain the arrest of its diplomat.")
    assert [e["event"] for e in events] == ["REQUEST"]


def test_seeking_refuge_targets_the_host_country(code):
    e = one(code("Thousands of Sudanese sought refuge in Chad last month."), "REQUEST")
    assert countries(e["target"]) == {"TCD"}


def test_war_games_held_together_are_military_cooperation(code):
    e = one(code("Russian and Chinese warships launched joint naval drills in the Sea of "
                 "Japan."), "COOPERATE")
    assert e["cameo"] == "062"


def test_troops_arriving_are_not_a_visit(code):
    kinds = {e["event"] for e in code("A first contingent of Kenyan police officers and "
                                      "troops arrived in Haiti on Tuesday.")}
    assert "CONSULT" not in kinds


@pytest.mark.parametrize(("text", "kind", "cameo"), [
    ("Armenia and Azerbaijan declared a truce along their border on Sunday.", "RETREAT", "0871"),
    ("Thailand's prime minister declared martial law in three southern provinces.", "COERCE",
     "1724"),
    ("The European Union lifted most of its sanctions on Belarus on Friday.", "CONCEDE", "085"),
    ("India will resume rice exports to Nepal, ending a ban imposed last year.", "CONCEDE",
     "081"),
    ("The Netherlands paused all military aid to Israel, the foreign ministry said.",
     "SANCTION", "162"),
    ("Japan sent medical teams to Turkey after the earthquake.", "AID", "073"),
    ("Egypt recalled its negotiators from the talks in Cairo.", "SANCTION", "164"),
    ("Emmanuel Macron and Joe Biden spoke by telephone on Monday.", "CONSULT", "041"),
    ("Putin called Erdogan on Tuesday.", "CONSULT", "041"),
])
def test_acts_of_new_patterns(code, text, kind, cameo):
    e = one(code(text), kind)
    assert e["cameo"] == cameo


def test_staying_away_from_a_summit_is_a_refusal(code):
    e = one(code("The Kremlin said Russia would not take part in the summit in Geneva."),
            "REJECT")
    assert countries(e["source"]) == {"RUS"}


def test_strikes_by_states_are_attacks(code):
    e = one(code("Iraq suspended flights after Turkish and Iranian strikes in May."), "ASSAULT")
    assert countries(e["source"]) == {"TUR", "IRN"}


def test_second_reported_verb_keeps_its_speaker(code):
    e = one(code("Canada, Australia and Japan said the plan was flawed and warned that "
                 "sanctions would follow unless Venezuela released the detainees."), "THREATEN")
    assert countries(e["source"]) == {"CAN", "AUS", "JPN"}


def test_government_and_rebels_of_one_country_agree_with_each_other(code):
    e = one(code("The Sudanese government and the SPLM-North rebel group agreed on Monday to a "
                 "permanent ceasefire."), "AGREE")
    assert e["target"]


def test_expelled_foreign_forces_are_the_target(code):
    e = one(code("Chad and Niger have expelled French forces."), "SANCTION")
    assert countries(e["target"]) == {"FRA"}
    assert countries(e["source"]) == {"TCD", "NER"}


def test_clash_of_police_and_protesters_is_repression_and_riot(code):
    events = code("Protesters clashed with Serbian police in Belgrade on Saturday.")
    coerce, protest = one(events, "COERCE"), one(events, "PROTEST")
    assert (coerce["cameo"], protest["cameo"]) == ("175", "145")
    assert coerce["source"]["sector"] == "COP" and protest["target"]["sector"] == "COP"


def test_clash_of_armed_sides_is_fought_by_both(code):
    e = one(code("Ethiopian troops clashed with Eritrean forces near the border."), "ASSAULT")
    assert countries(e["source"]) == countries(e["target"]) == {"ETH", "ERI"}


def test_two_events_on_one_trigger_are_both_kept(code):
    events = code("Police in Nairobi clashed with students on Tuesday.")
    assert {e["event"] for e in events} == {"COERCE", "PROTEST"}


def test_parties_named_together_free_each_others_prisoners(code):
    e = one(code("Armenia and Azerbaijan each freed 20 prisoners on Monday."), "RETREAT")
    assert countries(e["target"]) == {"ARM", "AZE"}


def test_handing_over_suspects_is_judicial_cooperation(code):
    e = one(code("Pakistan handed over three militants to Afghanistan."), "COOPERATE")
    assert e["cameo"] == "063" and countries(e["target"]) == {"AFG"}


def test_denied_charge_does_not_deny_the_accusation(code):
    e = one(code("Azerbaijan accused Armenia of shelling its positions, a charge Yerevan "
                 "denied."), "ACCUSE")
    assert e["negated"] is False


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("The Israeli plan drew condemnation from Egypt.", "ACCUSE", {"EGY"}, {"ISR"}),
    ("Spain recognised a Palestinian state, a move that drew sharp criticism from Israel.",
     "ACCUSE", {"ISR"}, {"ESP"}),
    ("Serbia's proposal won the backing of the Hungarian government.", "SUPPORT", {"HUN"},
     {"SRB"}),
])
def test_reaction_drawn_from_someone_is_theirs(code, text, kind, source, target):
    e = [e for e in code(text) if e["event"] == kind and countries(e["source"]) == source]
    assert e and countries(e[0]["target"]) == target


def test_unidentified_attackers_are_agents(code):
    e = one(code("A suicide bomber killed 12 people at a market in Maiduguri, police said."),
            "ASSAULT")
    assert e["source"]["sector"] == "REB"


def test_providing_someone_with_something(code):
    e = one(code("Turkey supplied the Libyan government with armed drones."), "AID")
    assert e["cameo"] == "072" and countries(e["target"]) == {"LBY"}


def test_ready_to_return_to_talks_is_an_intent_to_negotiate(code):
    events = code("The Ethiopian government said it was ready to return to negotiations with "
                  "the Tigray rebels.")
    assert [e["event"] for e in events] == ["AGREE"] and events[0]["cameo"] == "036"


def test_allies_striking_together_do_not_fight_each_other(code):
    e = one(code("Oil prices rose after British and American strikes on Monday."), "ASSAULT")
    assert not countries(e["target"]) & {"GBR", "USA"}


def test_victims_counted_by_a_second_verb_are_the_same_people(code):
    events = code("Gunmen killed 12 people and wounded 30 in an attack in northern Kenya.")
    assert len([e for e in events if e["event"] == "ASSAULT"]) == 1


def test_order_to_someone_is_a_demand_on_them(code):
    e = one(code("A Peruvian judge ordered former president Pedro Castillo to appear in court."),
            "REQUEST")
    assert countries(e["source"]) == {"PER"} and countries(e["target"]) == {"PER"}


def test_order_to_ones_own_forces_is_their_act(code):
    events = code("Putin ordered Russian troops to withdraw from the border.")
    assert [e["event"] for e in events] == ["RETREAT"]


def test_what_a_body_concludes_someone_must_do_is_a_demand(code):
    e = one(code("The African Union concluded that Sudan must allow aid convoys to reach "
                 "Darfur."), "REQUEST")
    assert countries(e["target"]) == {"SDN"}
    assert "AID" not in {x["event"] for x in code("The African Union concluded that Sudan "
                                                   "must allow aid convoys to reach Darfur.")}


def test_generic_actors_of_a_wire_story_belong_to_its_dateline(coder):
    from newsevents.ingest import make_article
    text = ("NAIROBI, June 25 (Reuters) - \"We will not negotiate with the gangs,\" a police "
            "spokesman told reporters.")
    (_, events), = coder.code_articles([make_article(text, id="d1", date="2024-06-25")])
    e = one([x.to_dict() for x in events], "REJECT")
    assert countries(e["source"]) == {"KEN"}


def test_killing_a_leader_is_an_assassination(code):
    e = one(code("Gunmen shot dead the mayor of a town in Guerrero, Mexico."), "ASSAULT")
    assert (e["cameo"], e["mode"]) == ("186", "assassinate")


def test_killing_villagers_is_no_assassination(code):
    e = one(code("Gunmen killed 12 villagers in northern Nigeria."), "ASSAULT")
    assert e["mode"] != "assassinate"


@pytest.mark.parametrize(("text", "accused"), [
    ("Somalia lodged a formal complaint with the UN Security Council over Ethiopia's deal "
     "with Somaliland.", {"ETH"}),
    ("Nicaragua filed a case at the International Court of Justice accusing Germany of "
     "aiding genocide.", {"DEU"}),
])
def test_complaint_is_against_the_accused_not_the_forum(code, text, accused):
    assert countries(one(code(text), "ACCUSE")["target"]) == accused


@pytest.mark.parametrize(("text", "target"), [
    ("Russian troops shelled Kharkiv overnight.", {"UKR"}),
    ("Rebels seized the towns of Goma and Bukavu in a lightning offensive.", {"COD"}),
    ("Russian forces completed their withdrawal from the city of Kherson.", {"UKR"}),
])
def test_a_named_town_stands_for_its_country_as_target(code, text, target):
    e = [e for e in code(text) if e["target"]][0]
    assert countries(e["target"]) == target


def test_arrest_with_no_agent_is_by_the_police_of_the_place(code):
    e = one(code("Two French journalists were detained in Niger on Sunday."), "COERCE")
    assert e["source"]["code"] == "NERCOP" and countries(e["target"]) == {"FRA"}


def test_accusation_said_alongside_an_act_is_coded_too(code):
    events = code("Niger severed diplomatic relations with Ukraine, accusing it of backing "
                  "rebels in Mali.")
    e = one(events, "ACCUSE")
    assert countries(e["source"]) == {"NER"} and countries(e["target"]) == {"UKR"}
    assert one(events, "SANCTION")


def test_speakers_further_words_joined_to_the_reported_clause_are_theirs(code):
    e = one(code("Beijing said the Philippine vessel had entered Chinese waters and urged "
                 "Manila to stop its provocations."), "REQUEST")
    assert countries(e["source"]) == {"CHN"} and countries(e["target"]) == {"PHL"}


@pytest.mark.parametrize(("text", "kind"), [
    # talks during which something is said are coded
    ("Egypt pledged to support Sudan during talks in Cairo with Sudanese army chief Abdel "
     "Fattah al-Burhan.", "CONSULT"),
    # an event after which something happened is news of its own
    ("Britain sent two warships to the region after the Houthi attack on a tanker.",
     "ASSAULT"),
    # what happens where is news
    ("Fighting continued in North Kivu province, where Congolese troops and M23 rebels "
     "exchanged fire near Goma.", "ASSAULT"),
])
def test_event_is_coded(code, text, kind):
    assert kind in {e["event"] for e in code(text)}


@pytest.mark.parametrize(("text", "kind"), [
    # what someone called something is no phone call
    ("Algeria cut gas exports to Spain over what it called hostile acts.", "CONSULT"),
    # a war as the scene is no event
    ("Egypt's president praised Qatar's role as a mediator in the Gaza war.", "ASSAULT"),
    # what a protest opposes is no event of its own
    ("Farmers blocked roads across Belgium in protest against the EU's trade deal with "
     "Mercosur.", "SUPPORT"),
    # ordering an arrest is not a request
    ("Turkey's interior minister ordered the arrest of 40 Kurdish activists.", "REQUEST"),
    # a protest calling for something carries its demand
    ("Thousands of Catalans demonstrated in Barcelona calling for independence.", "REQUEST"),
])
def test_event_is_not_coded(code, text, kind):
    assert kind not in {e["event"] for e in code(text)}


def test_parties_named_together_swap_prisoners_with_each_other(code):
    events = code("Russia and Ukraine held talks in Istanbul. Both sides agreed to swap "
                  "prisoners.")
    e = [e for e in events if e["event"] == "AGREE"][0]
    assert countries(e["target"]) == {"RUS", "UKR"}


def test_a_threatened_act_is_not_also_done(code):
    events = code("Netanyahu warned that Israel would resume fighting if Hamas failed to "
                  "release the hostages.")
    assert [e["event"] for e in events] == ["THREATEN"]
    assert countries(events[0]["target"]) == {"PSE"}


def test_what_a_container_holds_selects_the_verb_sense(code):
    e = one(code("The United Nations delivered 600 trucks of food and medicine to Gaza."), "AID")
    assert e["cameo"] == "073" and countries(e["target"]) == {"PSE"}


def test_securing_someone_elses_act_is_not_doing_it(code):
    events = code("Egypt and Qatar said they had secured the release of four hostages.")
    assert not [e for e in events if countries(e["source"]) & {"EGY", "QAT"}
                and e["event"] == "RETREAT"]


def test_coordinated_prepositions_give_every_partner(code):
    e = one(code("Egypt's foreign minister spoke by phone with Qatar's prime minister and with "
                 "U.S. Secretary of State Marco Rubio."), "CONSULT")
    assert countries(e["target"]) == {"EGY", "QAT", "USA"} and e["mode"] == "phone"


def test_negotiators_are_not_of_the_place_they_press_in(code):
    e = one(code("In Gaza, negotiators pressed Israel and Hamas to extend the truce."),
            "REQUEST")
    assert not countries(e["source"]) & {"PSE"}


@pytest.mark.parametrize(("text", "kind", "sources"), [
    ("Hamas rejected the proposal. The group accused Israel of violating the truce.",
     "ACCUSE", {"PSE"}),
    ("EU foreign ministers met in Brussels. The bloc imposed new sanctions on Russia.",
     "SANCTION", set()),  # (the EU has no country: known by its code)
    ("Putin spoke with Macron. The two men agreed to resume talks.", "AGREE", {"RUS", "FRA"}),
    ("Putin spoke with Macron and Scholz. The three men agreed to resume talks.", "AGREE",
     {"RUS", "FRA", "DEU"}),
])
def test_references_to_organisations_and_people(code, text, kind, sources):
    e = one(code(text), kind)
    assert countries(e["source"]) == sources or not sources and e["source"]["code"] == "IGOEU"


def test_a_group_of_people_is_no_reference(code):
    events = code("Hamas fired rockets at Israel. A group of protesters blocked a road in "
                  "Tel Aviv.")
    assert not [e for e in events if e["event"] == "PROTEST" and countries(e["source"]) == {"PSE"}]


def test_a_weapon_modifying_the_attack_is_no_actor(code):
    events = code("Russian forces launched a wave of drone and missile attacks on Kharkiv "
                  "overnight, killing three people and wounding 17.")
    assert len(events) == 1  # the killing and wounding are the attack's toll
    assert countries(events[0]["source"]) == {"RUS"} and countries(events[0]["target"]) == {"UKR"}


def test_received_by_is_hosted_by_the_agent(code):
    e = one(code("Chinese President Xi Jinping was received by French President Emmanuel "
                 "Macron at the Elysee palace."), "CONSULT")
    assert countries(e["source"]) == {"FRA"} and countries(e["target"]) == {"CHN"}


def test_never_again_is_a_refusal(code):
    e = one(code("Iran said it would never again take part in talks with the United States."),
            "REJECT")
    assert countries(e["source"]) == {"IRN"}


def test_a_bomb_that_went_off_is_an_attack_in_its_country(code):
    e = one(code("A car bomb exploded outside a police station in Kirkuk, killing 12 people."),
            "ASSAULT")
    assert e["cameo"].startswith("183") and countries(e["target"]) == {"IRQ"}


def test_attacks_on_a_country_are_news_whoever_made_them(code):
    events = code("Putin telephoned Bush to offer his condolences after the attacks on New "
                  "York and Washington.")
    assert countries(one(events, "ASSAULT")["target"]) == {"USA"}


def test_act_after_by_is_its_verbs_subjects(code):
    e = one(code("Russia retaliated by shutting the Polish consulate in Kaliningrad."),
            "SANCTION")
    assert countries(e["source"]) == {"RUS"} and countries(e["target"]) == {"POL"}


@pytest.mark.parametrize(("text", "source"), [
    # the reported clause names no actor: the accusation is the speaker's
    ("Israel's foreign ministry said several clauses remained unresolved and accused Hamas "
     "of stalling.", {"ISR"}),
    # it names one: the second act is that actor's too
    ("Egypt lodged a protest with Ethiopia over the dam and summoned the Ethiopian "
     "ambassador, the foreign ministry said.", {"EGY"}),
])
def test_second_act_after_a_reported_clause(code, text, source):
    events = [e for e in code(text) if e["event"] == "ACCUSE"]
    assert events and all(countries(e["source"]) == source for e in events)


def test_parties_agreeing_together_are_each_others_counterpart(code):
    e = one(code("Israel and Hamas have agreed to a ceasefire in Gaza and an exchange of "
                 "Israeli hostages for Palestinian prisoners."), "AGREE")
    assert countries(e["source"]) == countries(e["target"]) == {"ISR", "PSE"}


def test_help_with_no_recipient_goes_to_the_dateline_country(code):
    events = code("KABUL, Sept 2 (Reuters) - An earthquake killed hundreds of people in Kunar "
                  "province.\n\nBritain pledged 1 million pounds in emergency aid, and Japan "
                  "sent relief supplies.")
    assert {e["event"] for e in events if countries(e["target"]) == {"AFG"}} >= {"AGREE", "AID"}


def test_mediation_is_the_mediators_for_the_parties(code):
    e = one(code("Sisi briefed Putin on Egypt's mediation between Israel and Hamas."), "CONSULT")
    assert countries(e["source"]) == {"EGY"} and countries(e["target"]) == {"ISR", "PSE"}


def test_every_act_of_a_request_is_only_asked_for(code):
    events = code("ASEAN leaders urged Myanmar's junta to end air strikes on civilians and to "
                  "open a dialogue with the opposition.")
    assert [e["event"] for e in events if not e["negated"]] == ["REQUEST"]
    assert all(e["modality"] == "requested" for e in events if e["negated"])


def test_an_accepted_invitation_is_the_promise_not_the_visit(code):
    events = code("MOSCOW (Reuters) - Putin held talks with Tokayev on Wednesday.\n\nPutin "
                  "accepted Tokayev's invitation to make a state visit to Kazakhstan in the "
                  "autumn.")
    assert sorted(e["event"] for e in events) == ["AGREE", "CONSULT"]
    assert one(events, "CONSULT")["modality"] == "asserted"


def test_condemning_a_killing_targets_the_killer_and_tells_the_killing(code):
    events = code("Tehran condemned the killing of Hamas political leader Ismail Haniyeh and "
                  "blamed Israel for the attack.")
    condemned = [e for e in events if e["trigger"] == "condemned"]
    # (the killer is not the condemnation's object; the victim is never its target)
    assert condemned and countries(condemned[0]["target"]) == {"ISR"}
    assert countries(one(events, "ASSAULT")["target"]) == {"PSE"}
    events = code("Egypt condemned the Israeli attack on Gaza.")
    assert countries(one(events, "ACCUSE")["target"]) == {"ISR"}


def test_an_anniversary_is_no_news_of_the_event(code):
    events = code("The European Union adopted new sanctions against Russia on the third "
                  "anniversary of the invasion of Ukraine.")
    assert [e["event"] for e in events] == ["SANCTION"]


@pytest.mark.parametrize("text", [
    "Bird flu has killed 15 people in Vietnam and Thailand since December.",
    "Wildfires in Los Angeles have destroyed more than 12,000 homes.",
    "Twelve people were killed by floods in Kenya.",
])
def test_diseases_and_disasters_are_no_actors(code, text):
    assert code(text) == []


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("A former Bolivian minister was extradited from Brazil to Bolivia on Monday.", "COOPERATE",
     {"BRA"}, {"BOL"}),
    ("The exiled Venezuelan opposition leader was granted political asylum by Spain.", "AID",
     {"ESP"}, {"VEN"}),
    ("Ukraine was urged by its allies, including Poland and Lithuania, to hold elections.",
     "REQUEST", {"POL", "LTU"}, {"UKR"}),
    ("Turkey will pull its troops out of northern Syria next year.", "AGREE", {"TUR"}, {"SYR"}),
    ("Tokyo said it would stand by Manila in the dispute.", "AGREE", {"JPN"}, {"PHL"}),
])
def test_sources_and_targets_in_prepositions(code, text, kind, source, target):
    e = one(code(text), kind)
    assert countries(e["source"]) == source and countries(e["target"]) == target


def test_massing_troops_along_a_border_faces_the_neighbour(code):
    e = one(code("India began massing troops along its border with Pakistan on Sunday."),
            "MOBILIZE")
    assert countries(e["source"]) == {"IND"} and countries(e["target"]) == {"PAK"}


def test_keep_is_transparent_under_a_threat(code):
    e = one(code("The militia warned it would keep targeting U.S. forces in Iraq."), "THREATEN")
    assert countries(e["target"]) == {"USA"}


def test_troops_sent_to_help_are_aid_to_the_country(code):
    e = one(code("Chad deployed 2,000 troops to Nigeria to help Nigerian forces fight Boko "
                 "Haram."), "AID")
    assert countries(e["source"]) == {"TCD"} and countries(e["target"]) == {"NGA"}


def test_tear_gas_and_arrests_are_two_acts(code):
    events = code("Kenyan riot police fired tear gas at protesters in Nairobi and detained 40 "
                  "of them.")
    assert {e["cameo"] for e in events if e["event"] == "COERCE"} == {"175", "173"}


def test_wanted_men_are_no_request(code):
    events = code("Arafat refused to hand over to Israel the men wanted for the killing of an "
                  "Israeli minister.")
    assert "REQUEST" not in {e["event"] for e in events}


def test_found_guilty_targets_the_convicted(code):
    e = one(code("A Scottish court found Libyan agent Abdel Basset al-Megrahi guilty of the "
                 "Lockerbie bombing."), "ACCUSE")
    assert countries(e["source"]) == {"GBR"} and countries(e["target"]) == {"LBY"}


@pytest.mark.parametrize(("text", "kinds"), [
    # a modal of possibility: not done
    ("Annan said a peace deal between Sudan and the rebels could be signed by December.", []),
    # a second act under one promise is part of the promise
    ("Saudi Arabia and Iran agreed to restore relations and reopen their embassies.",
     ["AGREE"]),
    # a planned offensive has not happened
    ("Israel called up 60,000 reservists ahead of a planned offensive on Gaza City.",
     ["MOBILIZE"]),
    # what a time anchor names is no news of its own
    ("Zelensky travelled to Washington, his first trip abroad since the Russian invasion.",
     ["CONSULT"]),
])
def test_what_is_not_done(code, text, kinds):
    assert sorted(e["event"] for e in code(text) if not e["negated"]) == kinds


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("The Taliban claimed responsibility for the bombing in Kabul.", "ASSAULT", {"AFG"},
     {"AFG"}),
    ("Beijing blamed Washington for the collision and demanded an apology.", "REQUEST",
     {"CHN"}, {"USA"}),
    ("Bush lifted sanctions imposed on India and Pakistan after their nuclear tests.",
     "CONCEDE", {"USA"}, {"IND", "PAK"}),
    ("Anti-Japanese protesters hurled stones at the Japanese embassy in Beijing.", "PROTEST",
     {"CHN"}, {"JPN"}),
])
def test_who_did_it_and_to_whom(code, text, kind, source, target):
    e = one(code(text), kind)
    assert countries(e["source"]) == source and countries(e["target"]) == target


def test_a_strike_called_by_unions_is_theirs(code):
    e = one(code("A general strike called by Nigeria's unions shut banks in Lagos."), "PROTEST")
    assert countries(e["source"]) == {"NGA"} and e["source"]["sector"] == "LAB"


def test_protests_a_government_gives_way_to_are_its_peoples(code):
    e = one(code("Peru's interim president resigned on Sunday after mass street protests "
                 "against his appointment."), "PROTEST")
    assert countries(e["source"]) == {"PER"} and e["source"]["sector"] == "CVL"
    assert countries(e["target"]) == {"PER"}


def test_a_visit_during_which_something_is_said_is_the_speakers(code):
    events = code("Britain will give Ukraine more air defence, Foreign Secretary David Cameron "
                  "said during a visit to Kyiv on Thursday.")
    e = one(events, "CONSULT")
    assert countries(e["source"]) == {"GBR"} and countries(e["target"]) == {"UKR"}


@pytest.mark.parametrize(("text", "kinds"), [
    # what a force is sent to do is not done
    ("The Security Council authorised a force to help Haiti's police take back territory from "
     "the gangs.", []),
    # a war on drugs is a policy, not an attack
    ("Police arrested Rodrigo Duterte in Manila over his war on drugs.", ["COERCE"]),
])
def test_purposes_and_policies_are_not_events(code, text, kinds):
    assert sorted(e["event"] for e in code(text) if not e["negated"]) == kinds


def test_scheduled_acts_are_intended(code):
    e = code("Under the deal, Hamas is to free 33 hostages in the first phase.")[0]
    assert e["modality"] == "intended"


def test_denouncing_an_arrest_as_someones_kidnapping_accuses_them(code):
    e = one(code("Sara Duterte denounced the arrest as a kidnapping by the Marcos government."),
            "ACCUSE")
    assert countries(e["target"]) == {"PHL"}


def test_agreeing_to_talks_is_an_intent_to_meet(code):
    e = one(code("Iran agreed to talks with the United States."), "AGREE")
    assert e["cameo"] == "036" and countries(e["target"]) == {"USA"}


def test_an_international_bodys_meeting_is_not_with_its_host(code):
    e = one(code("EU foreign ministers met in Luxembourg on Monday."), "CONSULT")
    assert not countries(e["target"]) & {"LUX"}


def test_an_authoritys_order_to_its_own_press_is_coercion(code):
    e = one(code("Nicaragua's government ordered the opposition newspaper La Prensa to suspend "
                 "publication indefinitely."), "COERCE")
    assert countries(e["source"]) == {"NIC"} and e["modality"] == "asserted"
    assert not [x for x in code("Niger's junta ordered French troops to leave the country.")
                if x["event"] == "COERCE"]


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("Houthi rebels fired a missile at a Greek-owned tanker in the Red Sea.", "ASSAULT", {"GRC"}),
    ("Iranian commandos seized the Israel-linked container ship near Hormuz.", "COERCE",
     {"ISR"}),
])
def test_an_owned_thing_is_its_owners(code, text, kind, target):
    assert countries(one(code(text), kind)["target"]) == target


@pytest.mark.parametrize(("text", "kind", "cameo", "target"), [
    ("Uzbekistan ordered U.S. forces to leave the air base within 180 days.", "SANCTION", "166",
     {"USA"}),
    ("Niger's junta ordered the French ambassador to leave the country.", "SANCTION", "161",
     {"FRA"}),
    ("Mexican authorities handed over a drug lord to U.S. marshals on Friday.", "COOPERATE",
     "063", {"USA"}),
    ("The European Union gave 3 million euros in emergency aid to Mozambique.", "AID", "070",
     {"MOZ"}),
])
def test_orders_handovers_and_money(code, text, kind, cameo, target):
    e = one(code(text), kind)
    assert e["cameo"] == cameo and countries(e["target"]) == target


def test_a_detainee_flown_somewhere_is_not_visiting(code):
    events = code("The tycoon was detained by security agents in Novosibirsk and flown to Moscow.")
    assert "CONSULT" not in {e["event"] for e in events}


@pytest.mark.parametrize("text, kind, target", [
    # the parse names no target: the other country of the sentence nearest the trigger
    ("Chile put its navy on high alert after Argentina announced military exercises near "
     "the border.", "MOBILIZE", {"ARG"}),
    ("Japan deposited 500 million dollars in Sri Lanka's central bank.", "AID", {"LKA"}),
    # ...else the source's own country
    ("Peru's prime minister resigned on Friday.", "RETREAT", {"PER"}),
    ("Chile placed its navy on high alert on Monday.", "MOBILIZE", {"CHL"}),
    # ...but allies acting together are not each other's target
    ("Oil prices rose after British and American strikes on Monday.", "ASSAULT", set()),
])
def test_a_target_the_parse_does_not_give_is_inferred_from_the_sentence(code, text, kind,
                                                                        target):
    e = one(code(text), kind)
    assert countries(e["target"]) == target
    assert e["confidence"] <= 0.8  # (no bonus for a named target)


@pytest.mark.parametrize("text, source, target", [
    ("Hungary will keep buying Russian gas despite Brussels' demands that it stop.",
     {"HUN"}, {"BEL"}),
    ("Iran resumed enrichment on Monday despite warnings from the European Union.",
     {"IRN"}, {None}),  # (the EU is an IGO: no country)
    ("Despite U.S. objections, Israel expanded the settlement.", {"ISR"}, {"USA"}),
])
def test_acting_despite_demands_or_warnings_rejects_them(code, text, source, target):
    e = one(code(text), "REJECT")
    assert countries(e["source"]) == source and countries(e["target"]) == target


def test_a_refusal_despite_pressure_is_one_rejection_of_who_pressed(code):
    events = code("Maduro refused to publish the tallies despite pressure from Brazil and "
                  "Colombia.")
    assert [e["event"] for e in events] == ["REJECT"]
    assert countries(events[0]["target"]) == {"BRA", "COL"}
    assert not [e for e in code("The talks went ahead despite the ceasefire violations.")
                if e["event"] == "REJECT"]


def test_the_demand_defied_is_made_of_the_defiant(code):
    events = code("Hungary will keep buying Russian gas despite Brussels' demands that it stop.")
    assert countries(one(events, "REQUEST")["target"]) == {"HUN"}


def test_a_protest_is_against_whom_it_opposes_not_with_whom_it_sides(code):
    events = code("Thousands of Jordanians marched in Amman in solidarity with the Palestinians "
                  "and against Israel's offensive in Gaza.")
    assert countries(one(events, "PROTEST")["target"]) == {"ISR"}


@pytest.mark.parametrize("text, kind, source, target", [
    # the doer of an agentless passive: the country where it happened...
    ("Five Chilean fishermen held in Peru were freed on Monday.", "RETREAT", {"PER"}, {"CHL"}),
    # ...else the country it was done to
    ("The former interior minister of Ecuador was detained on Tuesday.", "COERCE", {"ECU"},
     {"ECU"}),
])
def test_an_act_whose_doer_is_not_said_is_its_countrys(code, text, kind, source, target):
    e = one(code(text), kind)
    assert countries(e["source"]) == source and countries(e["target"]) == target
    assert e["confidence"] < 0.6  # (only the country is inferred)


@pytest.mark.parametrize("text, source, target", [
    ("China's commerce ministry said Canada's measures violated World Trade Organization rules.",
     {"CHN"}, {"CAN"}),
    ("Russia said the Ukrainian drone had violated its airspace.", {"RUS"}, {"UKR"}),
])
def test_saying_another_broke_the_rules_accuses_them(code, text, source, target):
    events = code(text)
    e = one(events, "ACCUSE")
    assert countries(e["source"]) == source and countries(e["target"]) == target
    assert not [e for e in events if e["event"] == "REJECT"]  # (the breach is only alleged)


def test_a_persons_arrest_is_done_to_them(code):
    events = code("Russian President Vladimir Putin visited Mongolia on Tuesday. The ICC "
                  "issued a warrant for his arrest in 2023.")
    assert not [e for e in events if e["event"] == "COERCE" and countries(e["source"]) == {"RUS"}]
    # ...but a state's or a group's release of prisoners is its own act
    e = one(code("Hamas's release of the hostages was welcomed by Egypt."), "SUPPORT")
    assert countries(e["target"]) == {"PSE"}


def test_a_border_named_by_a_demonym_does_not_place_an_event_there(code):
    e = one(code("ELN fighters went from house to house in villages near the Venezuelan "
                 "border, killing former FARC guerrillas and civilians."), "ASSAULT")
    assert "VEN" not in countries(e["target"])
    # ...but troops massed at a country's border threaten it
    e = one(code("Russia massed troops near the Ukrainian border."), "MOBILIZE")
    assert countries(e["target"]) == {"UKR"}


def test_a_move_condemned_by_others_is_their_accusation_of_the_mover(code):
    e = one(code("Iran's parliament suspended cooperation with the IAEA, a move condemned by "
                 "France and Germany."), "ACCUSE")
    assert countries(e["source"]) == {"FRA", "DEU"} and countries(e["target"]) == {"IRN"}


@pytest.mark.parametrize("text, kind, target", [
    ("Beijing imposed export controls on gallium on Friday in retaliation for Washington's "
     "latest chip restrictions.", "SANCTION", {"USA"}),
    ("Caracas ordered the deployment of 20,000 troops to the border in response to the "
     "arrival of U.S. warships.", "MOBILIZE", {"USA"}),
])
def test_an_act_in_retaliation_is_aimed_at_who_provoked_it(code, text, kind, target):
    assert countries(one(code(text), kind)["target"]) == target


def test_a_threat_is_aimed_at_whom_its_condition_names(code):
    e = one(code("Trump threatened to demand the return of the Panama Canal to U.S. control if "
                 "Panama did not cut its fees."), "THREATEN")
    assert countries(e["target"]) == {"PAN"}


def test_can_is_a_possibility_and_cannot_a_refusal(code, coder):
    doc = coder.nlp("Kenyan police can arrest protesters who block roads.")  # (not printed)
    assert [s._.draft.modality for s in doc.spans["events"]] == ["hypothetical"]
    e = one(code('"We cannot support this mandate," the Russian ambassador said.'), "REJECT")
    assert countries(e["source"]) == {"RUS"}


def test_denying_an_accusation_rejects_it(code):
    events = code("Moscow denies the accusation.")
    assert [(e["event"], e["trigger"]) for e in events] == [("REJECT", "denies")]
    assert countries(events[0]["source"]) == {"RUS"}


def test_an_act_in_the_speakers_tense_after_a_report_is_the_speakers(code):
    events = code("Ethiopia's foreign ministry said Eritrean forces had moved heavy artillery "
                  "close to the town of Zalambessa and accused Asmara of preparing for aggression.")
    e = one(events, "ACCUSE")
    assert countries(e["source"]) == {"ETH"} and countries(e["target"]) == {"ERI"}


def test_trading_accusations_is_mutual(code):
    e = one(code("Ethiopia and Eritrea traded accusations on Saturday over a build-up of "
                 "troops along their shared border."), "ACCUSE")
    assert countries(e["source"]) == countries(e["target"]) == {"ETH", "ERI"}


def test_an_offer_after_an_appeal_is_made_to_those_appealed_to(code):
    e = one(code("The African Union urged Ethiopia and Eritrea to show restraint and offered "
                 "to mediate."), "AGREE")
    assert countries(e["target"]) == {"ETH", "ERI"}


def test_every_act_asked_for_is_only_requested_even_after_a_plain_verb(code):
    events = code("The UN urged Peruvian authorities to respect the right to peaceful protest "
                  "and to investigate reports of excessive force.")
    asked = [e for e in events if e["trigger"] == "investigate"]
    assert asked and asked[0]["modality"] == "requested"
    assert countries(asked[0]["source"]) == {"PER"}


def test_an_act_on_a_schedule_is_to_come_and_dated_ahead(code):
    e = one(code("Modi is scheduled to visit Washington in June.", date="2024-05-01"), "CONSULT")
    assert e["modality"] == "intended" and e["date"].startswith("2024-06")


def test_people_protest_even_when_the_parse_makes_them_a_noun_phrase(code):
    e = one(code("Thousands of students protested in Manila against the government."), "PROTEST")
    assert countries(e["source"]) == {"PHL"}
    assert not code("Three soldiers killed in Kashmir attack.")  # (a headline's passive)


def test_a_states_protest_is_an_official_complaint(code):
    e = one(code("Tokyo protested the Chinese coast guard's incursion into its waters."),
            "ACCUSE")
    assert e["cameo"] == "114" and countries(e["target"]) == {"CHN"}


def test_saying_another_was_behind_an_attack_accuses_them(code):
    events = code("Israel said Iran was behind the attack on the tanker.")
    assert [e["event"] for e in events] == ["ACCUSE"]  # (the attack is only alleged)
    assert countries(events[0]["source"]) == {"ISR"} and countries(events[0]["target"]) == {"IRN"}


def test_who_blocks_a_draft_is_not_its_issuer(code):
    events = code("A draft resolution demanding an immediate ceasefire in Gaza was blocked by a "
                  "U.S. veto at the Security Council.")
    assert [e["event"] for e in events] == ["REJECT"]
    e = one(code("The Arab League issued a statement demanding an Israeli withdrawal from Gaza."),
            "REQUEST")
    assert countries(e["target"]) == {"ISR"}


def test_an_ultimatum_is_aimed_at_whom_its_condition_names(code):
    e = one(code("Moscow will cut off gas supplies on Jan. 1 unless Kiev agrees to pay market "
                 "prices, the head of Gazprom said."), "THREATEN")
    assert countries(e["target"]) == {"UKR"}


@pytest.mark.parametrize("text, target", [
    ("Poland has delivered the first four of its fighter jets to Ukraine.", {"UKR"}),
    ("The United States sent two helicopters to help the Colombian army.", {"COL"}),
])
def test_aid_goes_to_whom_it_reaches_not_to_what_is_sent(code, text, target):
    assert countries(one(code(text), "AID")["target"]) == target


def test_a_regional_meeting_is_not_with_its_host(code):
    e = one(code("African leaders met in Addis Ababa on Sunday."), "CONSULT")
    assert "ETH" not in countries(e["target"]) | countries(e["source"])


def test_a_clause_on_a_restated_offer_reacts_to_whoever_made_it(code):
    e = one(code("Putin said he was ready to meet Zelenskiy in Moscow, an offer Kyiv rejected."),
            "REJECT")
    assert countries(e["source"]) == {"UKR"} and countries(e["target"]) == {"RUS"}


@pytest.mark.parametrize("text, target", [
    ("Mali recalled its ambassador from Algiers on Sunday.", {"DZA"}),
    ("France recalled its ambassador to Rome for consultations.", {"ITA"}),
])
def test_a_recalled_envoy_is_withdrawn_from_the_country_he_is_posted_to(code, text, target):
    assert countries(one(code(text), "SANCTION")["target"]) == target


def test_an_offer_to_host_talks_is_an_offer_to_mediate(code):
    e = one(code("Egypt offered to host peace talks between Israel and Hamas."), "AGREE")
    assert e["cameo"] == "039" and countries(e["target"]) == {"ISR", "PSE"}
    assert one(code("Japan will host Putin next month."), "AGREE")["cameo"] == "036"


def test_a_named_persons_offer_in_a_relative_clause_is_news(code):
    events = code("Zelensky said he had spoken by phone with Turkish President Tayyip Erdogan, "
                  "who offered to host talks to end the war.")
    assert countries(one(events, "AGREE")["source"]) == {"TUR"}


def test_a_place_named_sentences_before_yields_to_the_country_acted_on(code):
    events = code("Ugandan opposition leader Kizza Besigye was seized by security agents in "
                  "Nairobi in November. He was charged with treason before a military court.")
    charged = [e for e in events if e["trigger"] == "charged"]
    assert charged and countries(charged[0]["source"]) == {"UGA"}


@pytest.mark.parametrize("text, broker, parties", [
    ("Armenia and Azerbaijan signed a U.S.-brokered peace deal on Friday.", {"USA"},
     {"ARM", "AZE"}),
    ("The Qatar-mediated truce between Israel and Hamas took effect on Sunday.", {"QAT"},
     {"ISR", "PSE"}),
    ("Israel and Hamas agreed to a ceasefire in Gaza after weeks of talks mediated by Qatar "
     "and Egypt.", {"QAT", "EGY"}, {"ISR", "PSE"}),
])
def test_a_brokered_deal_is_mediated_by_the_broker(code, text, broker, parties):
    events = code(text)
    e = one(events, "CONSULT")
    assert e["cameo"] == "045" and countries(e["source"]) == broker
    assert countries(e["target"]) == parties
    assert all(not countries(d["target"]) & broker for d in events if d["event"] != "CONSULT")


def test_parties_settling_together_with_no_one_else_named_face_each_other(code):
    e = one(code("Israel and the Iran-backed Hezbollah group agreed a ceasefire in November."),
            "RETREAT")
    assert countries(e["target"]) == {"ISR", "LBN"}


def test_a_deed_named_again_by_a_noun_is_its_doers(code):
    events = code("Iran's parliament voted to suspend cooperation with the IAEA. France "
                  "condemned the decision.")
    assert countries(one(events, "ACCUSE")["target"]) == {"IRN"}


def test_rejecting_accusations_made_sentences_before_is_aimed_at_the_accuser(code):
    events = code("NIAMEY, April 22 (Reuters) - Niger's military government expelled three EU "
                  "diplomats, accusing the bloc of interfering, state television reported.\n\n"
                  '"We reject these baseless accusations," an EU spokesperson told reporters in '
                  "Brussels.")
    assert countries(one(events, "REJECT")["target"]) == {"NER"}


def test_who_is_prompted_or_forced_to_act_is_the_one_who_acts(code):
    e = one(code("Israeli troops kept forces at five positions, prompting Lebanon's president "
                 "to accuse Israel of violating the agreement."), "ACCUSE")
    assert countries(e["source"]) == {"LBN"} and countries(e["target"]) == {"ISR"}


@pytest.mark.parametrize("text, cameo, target", [
    ("Israel did not rule out military action against Iran.", "138", {"IRN"}),
    ("Trump refused to rule out the use of force to take Greenland.", "138", {"GRL"}),
    ("Brussels did not exclude new sanctions on Moscow.", "1312", {"RUS"}),
])
def test_an_option_not_ruled_out_is_a_threat(code, text, cameo, target):
    e = one(code(text), "THREATEN")
    assert e["cameo"] == cameo and countries(e["target"]) == target and not e["negated"]


def test_sanctions_considered_are_not_imposed(coder):
    doc = coder.nlp("Washington is considering sanctions against Chinese banks.")  # (not printed)
    assert [s._.draft.modality for s in doc.spans["events"]] == ["hypothetical"]


def test_a_place_north_of_a_city_is_placed_there(code):
    e = one(code("U.S. jets struck an Islamic State target southwest of Mosul on Monday."),
            "ASSAULT")
    assert "IRQ" in countries(e["target"])


def test_who_reports_an_event_is_not_its_inferred_target(code):
    events = code("The US said that Iraq had attacked themselves.")
    assert "USA" not in countries(one(events, "ASSAULT")["target"])


def test_a_protest_over_a_deed_is_aimed_at_its_doer_not_its_victims(code):
    e = one(code("Japan lodged a formal protest with China over the detention of four Japanese "
                 "nationals."), "ACCUSE")
    assert countries(e["target"]) == {"CHN"}
    e = one(code("Iran filed a complaint with the UN over Israel's attack on its consulate."),
            "ACCUSE")
    assert countries(e["target"]) == {"ISR"}


def test_taking_to_the_streets_is_a_demonstration(code):
    e = one(code("Thousands of Kenyans took to the streets of Nairobi on Tuesday."), "PROTEST")
    assert e["cameo"] == "141" and countries(e["source"]) == {"KEN"}
