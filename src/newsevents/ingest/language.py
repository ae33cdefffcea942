"""Which language an article is in (py3langid, whose model ships inside the package).
Non-English articles are kept and counted but not coded with an English model."""

from __future__ import annotations

from functools import lru_cache

# Characters of text looked at: enough for a stable guess, cheap on long articles.
SAMPLE_CHARS = 2000
# Texts shorter than this are taken as English: one-line headlines fool any classifier.
MIN_CHARS = 40
# Probability a guess needs before an article is taken as not English: single English
# sentences with many foreign names are sometimes guessed as Nigerian Pidgin at 0.6; French
# or Spanish news paragraphs come out above 0.99.
MIN_CONFIDENCE = 0.9
# English-lexified languages the model confuses with English: plain English wire copy about
# Nigeria or Ghana ("... to help Nigerian forces fight Boko Haram") comes out as Nigerian
# Pidgin at 0.93. The English model reads them, so they are coded as English.
ENGLISH_VARIETIES = {"pcm"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid
    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text is too short or the guess too unsure."""
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    if language in ENGLISH_VARIETIES:
        return "en"
    return language if probability >= MIN_CONFIDENCE else None
