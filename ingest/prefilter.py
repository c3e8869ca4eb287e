"""Skip a regex on a text it cannot match: the literals every match must contain.

Many rules of data/patterns open with a lazy run (`(?P<ind>[^，。]{2,30}?)…全覆盖`): the
engine tries every start and every length before it finds that the words the rule turns on
are not in the sentence, and most sentences hold none of them. `guarded(regex)` reads the
compiled pattern once and keeps the literals a match cannot do without (a group of
alternatives gives a set: one of them must occur); a text holding none of one set is given
no match without running the regex. The result is the regex's own whenever it runs, so a
guard changes what a rule costs, never what it finds; a pattern the reader does not
understand (case-insensitive, a parser change) simply runs unguarded.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

try:  # the stdlib's own pattern parser (re._parser since Python 3.11), no public API
    _p: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another interpreter: no guard, same results
    _p = _c = None

Needs = list[frozenset[str]]  # each set: one of its strings occurs in any matched text
_END = sys.maxsize  # re's own default endpos
_KEEP = 3  # sets checked per call: the ones with the longest strings (the rarest, likely)


def _needs(items: Any) -> Needs:
    """The literal sets a match of the parsed sequence `items` must contain."""
    out: Needs = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += chr(arg)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & re.IGNORECASE:
                out += _needs(sub)
        elif op is _c.ATOMIC_GROUP:
            out += _needs(arg)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            if low >= 1:
                out += _needs(sub)
        elif op is _c.BRANCH:
            alts = [_needs(alt) for alt in arg[1]]
            if alts and all(alts):
                common = set.intersection(*({s for s in a if len(s) == 1} for a in alts))
                if common:  # one literal every alternative needs
                    out.append(max(common, key=_weight))
                else:  # each alternative's best set: one of their union occurs
                    out.append(frozenset().union(*(max(a, key=_weight) for a in alts)))
        elif op is _c.IN and arg and all(o is _c.LITERAL for o, _ in arg):
            out.append(frozenset(chr(v) for _, v in arg))
        # anything else (a negated class, a range, an assertion, …) asks for no literal
    if run:
        out.append(frozenset([run]))
    return out


def _weight(needs: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer in text; fewer alternatives, fewer look-ups."""
    return min(len(s) for s in needs), -len(needs)


def needed_literals(rx: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """The literal sets any match of `rx` contains (at most _KEEP, the longest); () when
    none is known."""
    if _p is None or rx.flags & re.IGNORECASE or not isinstance(rx.pattern, str):
        return ()
    try:
        needs = _needs(_p.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001 - a parser this module does not know: no guard
        return ()
    best = sorted(set(needs), key=_weight, reverse=True)[:_KEEP]
    return tuple(tuple(sorted(s, key=len, reverse=True)) for s in best)


class Guarded:
    """A compiled regex whose finditer / search / findall answer without running when the
    text (or its [pos, endpos) window: a match lies inside it) lacks a needed literal.
    match and fullmatch are the pattern's own (anchored at one place, they fail fast, and
    a scan of the text for the literals would cost more); so is anything else (`.pattern`,
    `.sub`, …)."""

    __slots__ = ("rx", "needs", "match", "fullmatch")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.needs = needed_literals(rx)
        self.match = rx.match
        self.fullmatch = rx.fullmatch

    def _may(self, text: str, pos: int, endpos: int) -> bool:
        if pos > 0 or endpos < len(text):  # (a negative pos is 0 to re, not to a slice)
            text = text[max(pos, 0) : endpos]  # one copy, then `in`: cheaper than find()s
        for alts in self.needs:
            for s in alts:
                if s in text:
                    break
            else:
                return False
        return True

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, pos, endpos) if self._may(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        return self.rx.findall(text, pos, endpos) if self._may(text, pos, endpos) else []

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return self.rx.search(text, pos, endpos) if self._may(text, pos, endpos) else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rx, name)


def guarded(pattern: str | re.Pattern[str]) -> Guarded:
    """`pattern` compiled (if it is not) and guarded by its needed literals."""
    return Guarded(re.compile(pattern) if isinstance(pattern, str) else pattern)


class Rules(tuple[Guarded, ...]):
    """Guarded rules a caller tries in order over the same text: `among(text)` gives the
    ones that may match there, in their order, from one Aho-Corasick pass over the text
    instead of one guard call per rule (a sentence meets 20-40 rules of a kind, and 97 % of
    the guards said no: ~1 µs each, 500 000 calls over 300 short documents).

    A rule is left out only when none of the strings of its first literal set (the one its
    own guard checks first) occurs in the [pos, endpos) window, so its own guard, and the
    regex, would have found nothing there, nor in any window inside it; the rules given
    still run their own guard. Iterating the tuple gives every rule, as before."""

    def __new__(cls, rules: Iterable[Guarded]) -> Rules:
        return super().__new__(cls, rules)

    def __init__(self, rules: Iterable[Guarded]) -> None:
        self.always = tuple(i for i, g in enumerate(self) if not g.needs)
        by_literal: dict[str, set[int]] = {}
        for i, g in enumerate(self):
            for s in g.needs[0] if g.needs else ():
                by_literal.setdefault(s, set()).add(i)
        self.automaton: Any = None
        if by_literal:
            self.automaton = ahocorasick.Automaton()
            for s, found in by_literal.items():
                self.automaton.add_word(s, frozenset(found))
            self.automaton.make_automaton()

    def indices(self, text: str, pos: int = 0, endpos: int = _END) -> list[int]:
        """The positions of the rules that may match in text[pos:endpos], in order."""
        if self.automaton is None:
            return list(self.always)
        if pos > 0 or endpos < len(text):  # the window as Guarded._may reads it
            text = text[max(pos, 0) : endpos]
        found = {i for _end, rules in self.automaton.iter(text) for i in rules}
        found.update(self.always)
        return sorted(found)

    def among(self, text: str, pos: int = 0, endpos: int = _END) -> list[Guarded]:
        """The rules that may match in text[pos:endpos], in order."""
        return [self[i] for i in self.indices(text, pos, endpos)]
