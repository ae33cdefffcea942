"""Which language an article is in (py3langid, whose model ships inside the package).
Non-English articles are kept and counted but not coded with an English model."""

from __future__ import annotations

import py3langid

# Characters of text looked at: enough for a stable guess, cheap on long articles.
SAMPLE_CHARS = 2000
# Texts shorter than this are taken as English: one-line headlines fool any classifier.
MIN_CHARS = 40


def detect_language(text: str) -> str | None:
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    return py3langid.classify(sample)[0]
