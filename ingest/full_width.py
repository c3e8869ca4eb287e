"""Half-width brackets and punctuation widened to full width, offsets kept (`wide`).

Vocabulary entries and the text matched against them are compared in full-width form, so
（ and ( (or ： and :) in a name do not make two names. A text helper, not vocabulary data:
separate so the matchers (ingest/lexicon.py, ingest/matching.py, ingest/char_finders.py,
ingest/programs.py, ingest/program_names.py) import it without the vocabularies.
"""

from __future__ import annotations

import re

_WIDE = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})
_HALF_WIDTH = re.compile("[():;,]")
HALF_WIDTH = _HALF_WIDTH  # what `wide` changes (a text without it is its own widening)


def wide(text: str) -> str:
    """Half-width brackets and punctuation to full width (same length, offsets kept)."""
    if not _HALF_WIDTH.search(text):  # translate looks up every character: skip it
        return text
    return text.translate(_WIDE)
