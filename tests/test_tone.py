"""tone: GDELT-style (positive - negative) / words x 100 from VADER's lexicon and ours."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from newsevents.datafiles import load_table
from newsevents.tone import article_tone, load_tone_lexicon, sentence_tone, tone


def test_counts_positive_and_negative_words():
    # 6 words: "ceasefire", "agreement", "welcomed" positive
    assert tone("The ceasefire agreement was widely welcomed.") == pytest.approx(50.0)
    # 7 words: "airstrike", "killed" negative; "civilians" neutral
    assert tone("An airstrike killed nine civilians in the town.") == pytest.approx(
        -2 / 8 * 100)


def test_inflections_find_their_word():
    lexicon = load_tone_lexicon()
    assert lexicon.word_polarity("condemns") == lexicon.word_polarity("condemn") == -1
    assert lexicon.word_polarity("praised") == 1


def test_negation_flips_the_next_three_words():
    assert tone("They condemned the raid.") < 0
    # "condemn" is negated (+1), "raid" is four words after "not" (-1)
    assert tone("They did not condemn the recent raid.") == pytest.approx(0.0)
    assert tone("Officials say talks will not fail.") > 0


def test_news_words_without_tone_are_neutral():
    assert tone("The United Nations and the ruling party met in the capital.") == 0.0


def test_no_words_no_tone():
    assert tone("") == 0.0
    assert tone("12 000 -- 3.5") == 0.0


def test_sentence_and_article_tone(coder):
    text = SEED.read_text(encoding="utf-8")
    doc = coder.nlp(text)
    sentences = [s for s in doc.sents if s.text.strip()]
    assert all(sentence_tone(s) == tone(s.text) for s in sentences)
    condemned = next(s for s in sentences if "condemned" in s.text)
    gratitude = next(s for s in sentences if "gratitude" in s.text)
    assert sentence_tone(gratitude) > sentence_tone(condemned)
    assert article_tone(text) > 0  # a report of cooperation and solidarity


def test_lexicon_sources_are_versioned_and_valid():
    lexicon = load_tone_lexicon()
    assert lexicon.versions[0] == "vader_lexicon@3.3.2"
    assert any(v.startswith("tone_words@2") for v in lexicon.versions)
    rows = load_table("newsevents.tone", "tone_words").rows
    assert rows and all(r["polarity"] in ("-1", "0", "1") for r in rows)
    assert resources.files("vaderSentiment").joinpath("vader_lexicon.txt").is_file()
    assert set(lexicon.polarity.values()) == {-1, 1}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_tone_is_bounded_and_never_raises(text):
    assert -100.0 <= tone(text) <= 100.0
