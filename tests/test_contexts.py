"""PLOVER contexts: from the event's sentence, and more weakly from the rest of its paragraph."""

from __future__ import annotations

import pytest

ELECTION_PARAGRAPH = (
    "Kenyans vote in a presidential election in August. The electoral commission has "
    "registered 22 million voters and eight candidates. On Tuesday, Kenyan President William "
    "Ruto met Ugandan President Yoweri Museveni in Nairobi."
)


def _contexts(code, text, event, sentence_index=None):
    found = [e for e in code(text) if e["event"] == event or e["sentence_index"] == sentence_index]
    assert found, code(text)
    return set(found[0]["context"])


def test_paragraph_about_an_election_gives_its_context(code):
    assert "election" in _contexts(code, ELECTION_PARAGRAPH, "CONSULT")


def test_sentence_alone_has_no_election_context(code):
    meeting = ELECTION_PARAGRAPH.rsplit(". ", 1)[1]
    assert "election" not in _contexts(code, meeting, "CONSULT")


def test_context_does_not_cross_a_blank_line(code):
    first, rest = ELECTION_PARAGRAPH.rsplit(". ", 1)
    assert "election" not in _contexts(code, first + ".\n\n" + rest, "CONSULT")


def test_one_passing_cue_in_the_paragraph_is_not_its_topic(code):
    text = ("The two leaders had last met before the election. On Tuesday, Kenyan President "
            "William Ruto met Ugandan President Yoweri Museveni in Nairobi.")
    assert "election" not in _contexts(code, text, "CONSULT")


@pytest.mark.parametrize(("text", "kind", "context", "present"), [
    # the event's own sentence is enough
    ("Kenyan President William Ruto met Ugandan President Yoweri Museveni to discuss trade.",
     "CONSULT", "economic", True),
    # words inside a name are not cues
    ("Israeli troops fired on Palestinian protesters in the West Bank on Friday.", "ASSAULT",
     "economic", False),
    # a whole name can be a cue
    ("Pakistan accused Al-Qaeda of the attack on the convoy.", "ACCUSE", "terrorism", True),
    # a medium is not a topic
    ("Iran accused Israel of the attack in a statement posted on the internet.", "ACCUSE",
     "cyber", False),
])
def test_cue_words_of_the_sentence(code, text, kind, context, present):
    assert (context in _contexts(code, text, kind)) is present


def test_background_sentences_without_events_count(code):
    # the cue sentences hold no actor, so the prefilter skips their parse
    text = ("Campaigning has been marred by violence. Several candidates withdrew and the ballot "
            "was delayed twice. Guinea's President Mamadi Doumbouya met opposition leaders on "
            "Monday.")
    assert "election" in _contexts(code, text, "CONSULT")


def test_next_paragraph_does_not_spill_back(code):
    text = ("Kenya and Ethiopia signed an agreement on Monday to build a new highway.\n\n"
            "Somali troops clashed with fighters near Kismayo, the army said.")
    assert "military" not in _contexts(code, text, None, sentence_index=0)


def test_tear_gas_is_not_an_energy_story(code):
    text = "Kenyan police fired tear gas at protesters in Nairobi on Monday."
    assert not {"economic", "resource"} & _contexts(code, text, "COERCE")
