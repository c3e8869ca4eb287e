"""Programs named in running text: a name read off the jieba tokens of the spaCy Doc, its
left edge found by walking back from its kind word to the nearest stop word (ingest/nlp.py
cuts tokens at every kind word, so a name's edges are token edges), and quoted names
without a kind word right after a construction verb.

Apart from the enricher (ingest/programs.py) because it runs earlier, inside the spaCy
pipeline (ingest/nlp.py ProgramFinder), and apart from the readers of boxes and tables
(ingest/programs_in_blocks.py), which read the document's blocks, not its tokens.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from policykg.ingest.program_kinds import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    FoundProgram,
    key_of,
    kind_of,
    kind_words,
    program_rules,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PUNCT = set("，。；：、！？,.;:!?（）()《》【】[]—…·/．\n\t ")


def _text(doc: Doc) -> str:
    """The Doc's text, joined once (Doc.text joins its tokens on every call)."""
    if "policykg.text" not in doc.user_data:
        doc.user_data["policykg.text"] = doc.text
    return doc.user_data["policykg.text"]


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(program_rules()[key])


@lru_cache(maxsize=4096)  # pure in the name: 8,100 calls, 900 names (fingerprint corpus)
def _is_generic(name: str) -> bool:
    """Nothing but generic words before the kind word (信息系统, 数字化监管平台)."""
    core = name
    for word in kind_words():
        if core.rstrip(QUOTE_CLOSE).endswith(word):
            core = core.rstrip(QUOTE_CLOSE)[: -len(word)]
            break
    for word in _longest_first("generic_words"):
        core = core.replace(word, "")
    return sum("\u4e00" <= c <= "\u9fff" or c.isalnum() for c in core) < 2


@cache
def _longest_first(key: str) -> tuple[str, ...]:
    return tuple(sorted(program_rules()[key], key=len, reverse=True))


@cache
def _long_stop_words() -> tuple[str, ...]:
    return tuple(w for w in program_rules()["stop_words"] if len(w) > 1)


def _stops_before(text: str, pos: int) -> bool:
    """A stop word of two or more characters ends right before `pos`."""
    return text.endswith(_long_stop_words(), 0, pos)  # a tuple: one call tests them all


@cache
def _kinds_rx() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, program_rules()["kinds"])))


def _stop_token(text: str) -> bool:
    """A stop word, punctuation, or a number (20个, 2) — not a code such as P3."""
    numeric = any(c.isdigit() for c in text) and not any(c.isascii() and c.isalpha() for c in text)
    return text in _word_set("stop_words") or any(c in _PUNCT for c in text) or numeric


def _left_edge(doc: Doc, tokens: list[Token], i: int) -> int:
    """Index of the first token of the name ending at tokens[i] (its kind word)."""
    keep = _word_set("keep_before_kind")
    j, depth, quoted = i, 0, False
    while j > 0:
        prev = tokens[j - 1].text
        if prev == QUOTE_CLOSE:
            quoted = True
        elif prev == QUOTE_OPEN:
            quoted = False
        elif quoted:
            pass  # inside quotes everything belongs to the name
        elif prev == "）":
            depth += 1
        elif prev == "（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and prev in _word_set("joiners"):
            before = tokens[j - 2].text if j >= 2 else ""
            if kind_of(before) or before == QUOTE_CLOSE:
                break  # 数字监管平台和网络化妆品监测中心, “放管服”和…改革: two things
            k = j - 1
            while k > 0 and not _stop_token(tokens[k - 1].text):
                if _stops_before(_text(doc), tokens[k - 1].idx + len(tokens[k - 1].text)):
                    break
                k -= 1
            if tokens[j - 1].idx - tokens[k].idx > program_rules()["joined_max"] or k == j - 1:
                break  # a long (or empty) part before 与: two things, not one name
        elif (
            depth == 0
            and not (j == i and prev in keep)
            and (_stop_token(prev) or _stops_before(_text(doc), tokens[j].idx))
        ):
            break
        j -= 1
    return j


def _followed_ok(tokens: list[Token], i: int) -> bool:
    if i + 1 >= len(tokens):
        return True
    nxt = tokens[i + 1].text
    if nxt == QUOTE_CLOSE:  # the kind word ends a quoted name: 数字稽查“蓝鹰计划”
        return _followed_ok(tokens, i + 1)
    return any(c in _PUNCT for c in nxt[:1]) or nxt in _word_set("followers")


def _is_heading_title(doc: Doc, start: int) -> bool:
    line_start = _text(doc).rfind("\n", 0, start) + 1
    return re.match(program_rules()["heading_prefix"], _text(doc)[line_start:start]) is not None


def _acceptable(doc: Doc, name: str, start: int, kind_word: str) -> bool:
    rules = program_rules()
    if name.startswith(QUOTE_CLOSE) or len(name) > rules["max_chars"]:
        return False
    core = name.strip(QUOTE_OPEN + QUOTE_CLOSE)
    if len(core) - len(kind_word) < rules["min_chars"]:
        return False
    prefix = core[: -len(kind_word)].strip(QUOTE_OPEN + QUOTE_CLOSE)
    if prefix[-1:] in set("一二两三四五六七八九十") or prefix.isdigit():
        return False  # “一院四所一中心”, 综合集成“一平台”: counts, not names (P3实验室 is)
    last = re.split("|".join(rules["joiners"]), core)[-1]  # 工作方案和专项计划: 专项计划
    if core.endswith(tuple(rules["not_names"])) or _is_generic(name) or _is_generic(last):
        return False
    clause = re.split(r"[，。；：\n]", _text(doc)[max(0, start - 40) : start])[-1]
    if re.search(rules["owner_clause"], clause):
        return False
    if kind_word in rules["strict_kinds"]:
        return QUOTE_OPEN in name or _is_heading_title(doc, start)
    return True


def _running(doc: Doc, bodies: frozenset[str]) -> list[FoundProgram]:
    rules = program_rules()
    out: list[FoundProgram] = []
    text, kinds = _text(doc), _kinds_rx()
    for sent in doc.sents:
        if not kinds.search(text, sent.start_char, sent.end_char):
            continue  # no token of it can be a kind word: spare making its tokens
        tokens = list(sent)
        for i, tok in enumerate(tokens):
            if tok.text not in rules["kinds"] or not _followed_ok(tokens, i):
                continue
            j = _left_edge(doc, tokens, i)
            start, end = tokens[j].idx, tok.idx + len(tok.text)
            if i + 1 < len(tokens) and tokens[i + 1].text == QUOTE_CLOSE:
                end += 1
            name = _unquote(_text(doc)[start:end])
            if not _acceptable(doc, name, start, tok.text):
                continue
            built = i + 1 < len(tokens) and tokens[i + 1].text in ("建设", "迁建", "整体迁建")
            if key_of(name) in bodies and not built:
                continue  # a body named as such (依托省药品化妆品审评中心), not a program
            out.append(FoundProgram(name, kind_of(name), start, end, sent.text.strip()))
    return out


def _unquote(name: str) -> str:
    """“药品追溯监管系统” → 药品追溯监管系统 (quotes around the whole name only)."""
    inner = name[1:-1]
    whole = name.startswith(QUOTE_OPEN) and name.endswith(QUOTE_CLOSE)
    return inner if whole and QUOTE_OPEN not in inner and QUOTE_CLOSE not in inner else name


def _quoted(doc: Doc) -> list[FoundProgram]:
    """建设“浙药链”， / “浙苗链”开发: quoted names without a kind word."""
    rules = program_rules()
    glossary = {m["name"]: m for m in re.finditer(rules["glossary"], _text(doc))}
    before, after = set(rules["quoted_before"]), set(rules["quoted_after"])
    quoted = r"“([^“”，。；、\n]{2,%s})”".replace("%s", str(rules["quoted_max_chars"]))
    out = []
    for m in re.finditer(quoted, _text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or kind_of(m[1]):
            continue  # names with a kind word are found with it (…“雄鹰”工程)
        k = span.start  # a run of quoted names after one verb: 推进“一网通办”“一网统管”，
        while k > 0 and doc[k - 1].text == QUOTE_CLOSE:
            k = next((t.i for t in reversed(doc[: k - 1]) if t.text == QUOTE_OPEN), 0)
        prev = doc[k - 1].text if k > 0 else ""
        end = span.end  # …and the run goes on to its last quoted name
        while end < len(doc) and doc[end].text == QUOTE_OPEN:
            end = next((t.i + 1 for t in doc[end + 1 :] if t.text == QUOTE_CLOSE), len(doc))
        nxt = doc[end].text if end < len(doc) else ""
        ends = not nxt or any(c in _PUNCT for c in nxt[:1])
        object_of_verb = prev in before and ends
        if not (object_of_verb or nxt in after):
            continue
        gloss = glossary.get(m[1])
        kind = kind_of(gloss["definition"]) if gloss else None
        description = gloss["definition"] if gloss else span.sent.text.strip()
        out.append(FoundProgram(m[1], kind, m.start(), m.end(), description))
    return out


def find_programs(doc: Doc, bodies: frozenset[str] = frozenset()) -> list[FoundProgram]:
    """Programs named in running text (headings and box items included), in order.

    `bodies` are department names (key_of form): a name that is one is no program unless
    it is being built (推进重庆医疗器械质量检验中心建设).
    """
    found = _running(doc, bodies) + _quoted(doc)
    kept: list[FoundProgram] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):  # longest wins
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
