"""What every reader of program names shares: the kind words of data/patterns/programs.yaml
and the kind a name's ending says, the key form that makes two writings of a name one, the
cue spans where the tokenizer must cut (ingest/nlp.py), and the `FoundProgram` a reader
yields with the Doc key the running-text finder leaves its finds under.

A leaf apart from the readers (ingest/programs_in_text.py, programs_in_blocks.py) and the
enricher (ingest/programs.py), so that each of them and ingest/nlp.py import it without a
cycle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from policykg.ingest.full_width import HALF_WIDTH, wide
from policykg.ingest.patterns import pattern_file

QUOTE_OPEN, QUOTE_CLOSE = "“", "”"
PROGRAMS_KEY = "policykg.programs"  # Doc.user_data: the running-text programs (ingest/nlp.py)


@dataclass(frozen=True)
class FoundProgram:
    name: str
    kind: str | None
    start: int  # offsets of the name in the normalized text
    end: int
    description: str | None = None


def program_rules() -> dict[str, Any]:
    """data/patterns/programs.yaml, which every program reader asks."""
    return pattern_file("programs.yaml")


@cache
def kind_words() -> tuple[str, ...]:
    return tuple(sorted(program_rules()["kinds"], key=len, reverse=True))


def kind_of(name: str) -> str | None:
    """The kind a name's ending says (…平台 → 平台, …基地 → 中心), ignoring closing quotes."""
    core = name.rstrip(QUOTE_CLOSE + "\"'")
    return next((program_rules()["kinds"][w] for w in kind_words() if core.endswith(w)), None)


def key_of(name: str) -> str:
    """Identity of a program name: no quotes or spaces, brackets full-width."""
    if _KEY_PLAIN.search(name) is None:  # nothing to widen or drop (ProgramFinder asks it
        return name  # for every surface of a province's lexicon): one scan, not two
    return _KEY_DROP.sub("", wide(name))


_KEY_DROP = re.compile(r"[\s“”\"'‘’《》「」『』]")
_KEY_PLAIN = re.compile(rf"{HALF_WIDTH.pattern}|{_KEY_DROP.pattern}")


def cue_spans(text: str) -> Iterator[tuple[int, int]]:
    """Kind words and quote marks: where the tokenizer must cut so names align."""
    for word in kind_words():
        pos = text.find(word)
        while pos >= 0:
            yield pos, pos + len(word)
            pos = text.find(word, pos + 1)
    for m in re.finditer("[“”]", text):
        yield m.start(), m.end()
