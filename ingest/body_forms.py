"""What every reader of bodies by form shares: the `Body` a reader finds, the `forms` of
data/patterns/departments.yaml, the alternation that makes their word lists a regex, and
jieba's first word of a text (is a place one word? does a clause open with a verb?).

A leaf apart from the readers (ingest/bodies.py, named_bodies.py, bare_bodies.py and the
lists of ingest/body_lists.py), so that each of them imports it without an import cycle.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from policykg.ingest.patterns import pattern_file


@dataclass(frozen=True)
class Body:
    start: int
    end: int
    text: str
    generic: bool


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of the words, longest first (the longest reading wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def body_forms() -> dict:
    return pattern_file("departments.yaml")["forms"]


@cache
def first_word(head: str) -> tuple[str, str]:
    """jieba's first word of `head` and its part of speech."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba announces its dictionary on stderr
    words = jieba.posseg.lcut(head)
    return (words[0].word, words[0].flag) if words else ("", "")
