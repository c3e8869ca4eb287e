"""Named programs, projects, platforms, systems, reforms and centres → record.programs.

Where names come from, and what makes one a named thing rather than a phrase, is data
(data/patterns/programs.yaml, whose header explains each rule). Running-text names are
read off the jieba tokens of the spaCy Doc (ingest/nlp.py cuts tokens at every kind word,
so a name's edges are token edges); 专栏 box titles and appendix tables of major programs
come from the document's blocks. A program named twice in a document is one Program
(names compared without quotes, spaces and bracket widths), linked to every measure that
names it (Measure.programs) and to the measures of its own 专栏 box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from policykg.ingest.full_width import HALF_WIDTH, wide
from policykg.ingest.non_measures import non_measure_blocks
from policykg.ingest.patterns import pattern_file, structure_patterns
from policykg.ingest.program_names import canonical, merge_variants, no_program_because
from policykg.ingest.record import Program
from policykg.ingest.responsibility import column_kind, find_statements
from policykg.ingest.row_measures import is_indicator_table as is_target_row

if TYPE_CHECKING:
    from policykg.ingest.context import Context
    from policykg.ingest.structure import Block
    from spacy.tokens import Doc, Token

_PUNCT = set("，。；：、！？,.;:!?（）()《》【】[]—…·/．\n\t ")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"
PROGRAMS_KEY = "policykg.programs"  # Doc.user_data: the running-text programs (ingest/nlp.py)


@dataclass(frozen=True)
class FoundProgram:
    name: str
    kind: str | None
    start: int  # offsets of the name in the normalized text
    end: int
    description: str | None = None


def _rules() -> dict[str, Any]:
    return pattern_file("programs.yaml")


def _text(doc: Doc) -> str:
    """The Doc's text, joined once (Doc.text joins its tokens on every call)."""
    if "policykg.text" not in doc.user_data:
        doc.user_data["policykg.text"] = doc.text
    return doc.user_data["policykg.text"]


@cache
def _kind_words() -> tuple[str, ...]:
    return tuple(sorted(_rules()["kinds"], key=len, reverse=True))


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(_rules()[key])


def kind_of(name: str) -> str | None:
    """The kind a name's ending says (…平台 → 平台, …基地 → 中心), ignoring closing quotes."""
    core = name.rstrip(_QUOTE_CLOSE + "\"'")
    return next((_rules()["kinds"][w] for w in _kind_words() if core.endswith(w)), None)


def key_of(name: str) -> str:
    """Identity of a program name: no quotes or spaces, brackets full-width."""
    if _KEY_PLAIN.search(name) is None:  # nothing to widen or drop (ProgramFinder asks it
        return name  # for every surface of a province's lexicon): one scan, not two
    return _KEY_DROP.sub("", wide(name))


_KEY_DROP = re.compile(r"[\s“”\"'‘’《》「」『』]")
_KEY_PLAIN = re.compile(rf"{HALF_WIDTH.pattern}|{_KEY_DROP.pattern}")


def cue_spans(text: str) -> Iterator[tuple[int, int]]:
    """Kind words and quote marks: where the tokenizer must cut so names align."""
    for word in _kind_words():
        pos = text.find(word)
        while pos >= 0:
            yield pos, pos + len(word)
            pos = text.find(word, pos + 1)
    for m in re.finditer("[“”]", text):
        yield m.start(), m.end()


# --------------------------------------------------------------------------- running text


@lru_cache(maxsize=4096)  # pure in the name: 8,100 calls, 900 names (fingerprint corpus)
def _is_generic(name: str) -> bool:
    """Nothing but generic words before the kind word (信息系统, 数字化监管平台)."""
    core = name
    for word in _kind_words():
        if core.rstrip(_QUOTE_CLOSE).endswith(word):
            core = core.rstrip(_QUOTE_CLOSE)[: -len(word)]
            break
    for word in _longest_first("generic_words"):
        core = core.replace(word, "")
    return sum("\u4e00" <= c <= "\u9fff" or c.isalnum() for c in core) < 2


@cache
def _longest_first(key: str) -> tuple[str, ...]:
    return tuple(sorted(_rules()[key], key=len, reverse=True))


@cache
def _long_stop_words() -> tuple[str, ...]:
    return tuple(w for w in _rules()["stop_words"] if len(w) > 1)


def _stops_before(text: str, pos: int) -> bool:
    """A stop word of two or more characters ends right before `pos`."""
    return text.endswith(_long_stop_words(), 0, pos)  # a tuple: one call tests them all


@cache
def _kinds_rx() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _rules()["kinds"])))


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
        if prev == _QUOTE_CLOSE:
            quoted = True
        elif prev == _QUOTE_OPEN:
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
            if kind_of(before) or before == _QUOTE_CLOSE:
                break  # 数字监管平台和网络化妆品监测中心, “放管服”和…改革: two things
            k = j - 1
            while k > 0 and not _stop_token(tokens[k - 1].text):
                if _stops_before(_text(doc), tokens[k - 1].idx + len(tokens[k - 1].text)):
                    break
                k -= 1
            if tokens[j - 1].idx - tokens[k].idx > _rules()["joined_max"] or k == j - 1:
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
    if nxt == _QUOTE_CLOSE:  # the kind word ends a quoted name: 数字稽查“蓝鹰计划”
        return _followed_ok(tokens, i + 1)
    return any(c in _PUNCT for c in nxt[:1]) or nxt in _word_set("followers")


def _is_heading_title(doc: Doc, start: int) -> bool:
    line_start = _text(doc).rfind("\n", 0, start) + 1
    return re.match(_rules()["heading_prefix"], _text(doc)[line_start:start]) is not None


def _acceptable(doc: Doc, name: str, start: int, kind_word: str) -> bool:
    rules = _rules()
    if name.startswith(_QUOTE_CLOSE) or len(name) > rules["max_chars"]:
        return False
    core = name.strip(_QUOTE_OPEN + _QUOTE_CLOSE)
    if len(core) - len(kind_word) < rules["min_chars"]:
        return False
    prefix = core[: -len(kind_word)].strip(_QUOTE_OPEN + _QUOTE_CLOSE)
    if prefix[-1:] in set("一二两三四五六七八九十") or prefix.isdigit():
        return False  # “一院四所一中心”, 综合集成“一平台”: counts, not names (P3实验室 is)
    last = re.split("|".join(rules["joiners"]), core)[-1]  # 工作方案和专项计划: 专项计划
    if core.endswith(tuple(rules["not_names"])) or _is_generic(name) or _is_generic(last):
        return False
    clause = re.split(r"[，。；：\n]", _text(doc)[max(0, start - 40) : start])[-1]
    if re.search(rules["owner_clause"], clause):
        return False
    if kind_word in rules["strict_kinds"]:
        return _QUOTE_OPEN in name or _is_heading_title(doc, start)
    return True


def _running(doc: Doc, bodies: frozenset[str]) -> list[FoundProgram]:
    rules = _rules()
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
            if i + 1 < len(tokens) and tokens[i + 1].text == _QUOTE_CLOSE:
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
    whole = name.startswith(_QUOTE_OPEN) and name.endswith(_QUOTE_CLOSE)
    return inner if whole and _QUOTE_OPEN not in inner and _QUOTE_CLOSE not in inner else name


def _quoted(doc: Doc) -> list[FoundProgram]:
    """建设“浙药链”， / “浙苗链”开发: quoted names without a kind word."""
    rules = _rules()
    glossary = {m["name"]: m for m in re.finditer(rules["glossary"], _text(doc))}
    before, after = set(rules["quoted_before"]), set(rules["quoted_after"])
    quoted = r"“([^“”，。；、\n]{2,%s})”".replace("%s", str(rules["quoted_max_chars"]))
    out = []
    for m in re.finditer(quoted, _text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or kind_of(m[1]):
            continue  # names with a kind word are found with it (…“雄鹰”工程)
        k = span.start  # a run of quoted names after one verb: 推进“一网通办”“一网统管”，
        while k > 0 and doc[k - 1].text == _QUOTE_CLOSE:
            k = next((t.i for t in reversed(doc[: k - 1]) if t.text == _QUOTE_OPEN), 0)
        prev = doc[k - 1].text if k > 0 else ""
        end = span.end  # …and the run goes on to its last quoted name
        while end < len(doc) and doc[end].text == _QUOTE_OPEN:
            end = next((t.i + 1 for t in doc[end + 1 :] if t.text == _QUOTE_CLOSE), len(doc))
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


# --------------------------------------------------------------------------- structure


def _box_titles(blocks: list[Block]) -> Iterator[FoundProgram]:
    """专栏 titles that name a program; a run-on title is cut after its kind word."""
    for i, b in enumerate(blocks):
        if b.kind != "heading" or b.marker is None or b.marker.style != "box":
            continue
        rest = b.text[len(b.marker.text) :].lstrip()
        offset = b.start + len(b.text) - len(rest)
        cut = _first_kind_end(rest)
        if cut is None:
            continue
        name = rest[:cut].rstrip("。 ")
        body = next((n.text for n in blocks[i + 1 : i + 3] if n.kind != "row"), None)
        description = rest[cut:].strip("。 ") or body
        yield FoundProgram(name, kind_of(name), offset, offset + len(name), description)


def _first_kind_end(text: str) -> int | None:
    """Where the program name of a box title ends: all of it when it ends with a kind word,
    else (a scraped page ran the title into the text) after the first kind word that is
    not followed by more of the name (监管体系建设工程|完善监管工作运行机制)."""
    title = text.rstrip("。 ")
    if kind_of(title):
        return len(title) if len(title) <= _rules()["max_chars"] else None
    ends = sorted(
        m.end() + (1 if text[m.end() : m.end() + 1] == _QUOTE_CLOSE else 0)
        for word in _kind_words()
        for m in re.finditer(re.escape(word), text)
    )
    for end in ends:
        if text[:end].count(_QUOTE_OPEN) != text[:end].count(_QUOTE_CLOSE):
            continue
        rest = text[end:]
        if not rest.startswith(tuple(_rules()["followers"])) and not kind_of(text[end : end + 3]):
            return end if end <= _rules()["max_chars"] else None
    return None


def _table_rows(blocks: list[Block]) -> Iterator[FoundProgram]:
    """Rows of an appendix table of major programs (name cell; content as description)."""
    rules = _rules()
    category = ""
    for b in blocks:
        if b.kind != "row":
            continue
        where = " ".join([*b.path, b.caption or ""])
        if not any(w in where for w in rules["program_tables"]):
            continue
        cells = dict(zip(b.header, b.cells, strict=False))
        name_cell = next((c for h, c in cells.items() if "名称" in h.replace(" ", "")), None)
        cat_cell = next((c for h, c in cells.items() if "类别" in h), None)
        if cat_cell and cat_cell.text.strip():
            category = re.sub(r"\s", "", cat_cell.text)
        if name_cell is None or not name_cell.text.strip():
            continue
        if any(w in category for w in rules["non_program_categories"]):
            continue
        content = next((c.text for h, c in cells.items() if "内容" in h), None) or b.text
        name = name_cell.text.strip()
        yield FoundProgram(name, kind_of(name), name_cell.start, name_cell.end, content)


def _run_on_rows(text: str) -> Iterator[FoundProgram]:
    """A flattened appendix table: "1国家食品药品检测基地项目续建依托…"."""
    if not any(w in text for w in _rules()["program_tables"]):
        return
    for m in re.finditer(_rules()["run_on_row"], text):
        tail = text[m.end() :]
        description = re.split(r"[。\n]", tail, maxsplit=1)[0] or None
        yield FoundProgram(
            m["name"], kind_of(m["name"]), m.start("name"), m.end("name"), description
        )


# --------------------------------------------------------------------------- enricher


def _in_sections(blocks: list[Block], words: list[str]) -> list[tuple[int, int]]:
    """Spans of glossary / statistical-note / annex-list blocks: they define or list."""
    annexes = non_measure_blocks(blocks)
    return [
        (b.start, b.end)
        for i, b in enumerate(blocks)
        if i in annexes
        or b.text.startswith(tuple(words))
        or any(w in title for title in b.path for w in words)
    ]


def _responsibility_text(ctx: Context) -> list[tuple[int, int]]:
    """Responsibility statements and department cells: 人事处会监测中心 names no program."""
    out = [(s.start, s.end) for s in find_statements(ctx.text)]
    for b in ctx.blocks:
        if b.kind == "row":
            kinds = [column_kind(h) for h in b.header]
            out += [
                (c.start, c.end)
                for c, k in zip(b.cells, kinds, strict=False)
                if k in ("lead", "responsible", "support")
            ]
    return out


def enrich(ctx: Context) -> None:
    """record.programs (one per name) and Measure.programs (the names each measure uses)."""
    skip = _in_sections(ctx.blocks, structure_patterns()["non_measure_sections"])
    skip += _responsibility_text(ctx)
    # A document establishes what its commitments, targets and safeguards name; a review of the last
    # plan (background) or a 2035 vision names what exists or may exist, and text outside
    # the measures (notice, web chrome) names nothing of its own.
    spans = [(m.start, m.end, m.statement) for m in ctx.record.measures]
    spans += [(b.start, b.end, "commitment") for b in ctx.blocks if is_target_row(b)]
    establishing = [(a, b) for a, b, st in spans if st in ("commitment", "safeguard")]

    def establishes(f: FoundProgram, default: bool) -> bool:
        inside = [st for a, b, st in spans if a <= f.start < b]
        if not inside:
            return default
        return any(a <= f.start < b for a, b in establishing)

    structural = [
        f
        for f in (*_box_titles(ctx.blocks), *_table_rows(ctx.blocks), *_run_on_rows(ctx.text))
        if establishes(f, default=True)
    ]
    code = ctx.province.code if ctx.province else None
    running = [
        f
        for f in ctx.doc.user_data.get(PROGRAMS_KEY, [])
        if not any(a <= f.start < b for a, b in skip)  # glossary entries define, not name
        and establishes(f, default=False)
        and not no_program_because(ctx.text, f.start, f.end, f.name, code)
    ]
    kept: list[FoundProgram] = []
    for f in structural + sorted(running, key=lambda f: -(f.end - f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):  # the table row / box
            kept.append(f)  # title wins over the words inside it, then the longest name
    # one Program per base (issue 13.7): variants of one name, and a short name standing
    # for the one longer name it ends, are one program, named as the longest base is
    bases = {f.name: canonical(f.name, code) for f in kept}
    merged = merge_variants(bases.values())
    first: dict[str, FoundProgram] = {}  # base → its first naming, which names the program
    for f in sorted(kept, key=lambda f: f.start):
        first.setdefault(bases[f.name], f)
    programs: dict[str, Program] = {}
    written: dict[str, set[str]] = {}  # base → the key forms the document writes it in
    for f in sorted(kept, key=lambda f: f.start):
        base = merged[bases[f.name]]
        written.setdefault(base, set()).add(key_of(f.name))
        known = programs.get(base)
        if known is None:
            named = first.get(base, f)
            programs[base] = Program(name=named.name, kind=f.kind or named.kind,
                                     description=f.description, start=f.start, end=f.end)  # fmt: skip
        else:  # named twice: keep what the first naming lacked
            known.kind = known.kind or f.kind
            known.description = known.description or f.description
    ctx.record.programs = list(programs.values())
    boxes = {key_of(f.name): merged[canonical(f.name, code)] for f in _box_titles(ctx.blocks)}
    for m in ctx.record.measures:
        text = key_of(f"{m.title or ''}{m.text}")
        # (a test in C per program: measures × programs, each with its written forms)
        names = [p.name for b, p in programs.items() if any(map(text.__contains__, written[b]))]
        for title in (m.section or "").split(" / "):
            title_key = key_of(title)  # once per title, not once per box
            box = next((k for k in boxes if k and title_key.startswith(k)), None)
            if box and boxes[box] in programs and programs[boxes[box]].name not in names:
                names.append(programs[boxes[box]].name)
        m.programs = names
