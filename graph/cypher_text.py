"""Cypher as tokens: enough lexing to tell a clause from a name, find comments, and read the
column names of the final RETURN. No engine, no I/O.

Used by the API's guard (api/cypher_guard.py) before an ad-hoc query runs, and by the
FalkorDB store to wrap an ad-hoc read in `CALL { … } RETURN * LIMIT n` (a row cap the
engine applies while reading) and put the columns back in the order the user wrote them.

    [t.text for t in tokenize("MATCH (n) /* x */ RETURN n.name AS `a b`")]
    # ['MATCH', '(', 'n', ')', 'RETURN', 'n', '.', 'name', 'AS', '`a b`']
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from policykg.errors import InputError


@dataclass(frozen=True)
class Token:
    kind: str  # word | string | name | param | number | punct
    text: str
    pos: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def position(query: str, pos: int) -> str:
    line = query.count("\n", 0, pos) + 1
    col = pos - (query.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def tokenize(query: str) -> list[Token]:
    """Tokens without whitespace and comments. Unterminated quotes or comments, and
    invisible or control characters outside strings (zero-width spaces hide a keyword
    from a reader, not from every parser), are an InputError naming the position."""
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise InputError(
                    f"unterminated /* comment at {position(query, i)}; close it with */"
                )
            i = end + 2
        elif ch in "'\"`":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" and ch != "`" else 1
            if j >= n:
                what = "quoted name" if ch == "`" else "string"
                raise InputError(
                    f"unterminated {what} starting at {position(query, i)}; close it with {ch}"
                )
            tokens.append(Token("name" if ch == "`" else "string", query[i : j + 1], i, j + 1))
            i = j + 1
        elif ch == "$":
            j = i + 1
            while j < n and _word_char(query[j]):
                j += 1
            tokens.append(Token("param", query[i:j], i, j))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (_word_char(query[j]) or query[j] == "."):
                if query.startswith("..", j):  # a range [*1..3], not a decimal point
                    break
                j += 1
            tokens.append(Token("number", query[i:j], i, j))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and _word_char(query[j]):
                j += 1
            tokens.append(Token("word", query[i:j], i, j))
            i = j
        else:
            if unicodedata.category(ch)[0] == "C":  # Cf (zero-width), Cc, Co, Cn
                name = unicodedata.name(ch, "unnamed")
                raise InputError(
                    f"invisible or control character U+{ord(ch):04X} ({name}) at "
                    f"{position(query, i)}; remove it (it is allowed inside a 'string')"
                )
            tokens.append(Token("punct", ch, i, i + 1))
            i += 1
    return tokens


def strip_comments(query: str, tokens: list[Token]) -> str:
    """The query with comments (and other space between tokens) as single spaces: the text
    the engine would parse, safe to put inside braces (no `//` swallowing a `}`)."""
    parts: list[str] = []
    last = 0
    for tok in tokens:
        gap = query[last : tok.pos]
        parts.append("" if not gap else gap if gap.isspace() else " ")
        parts.append(tok.text)
        last = tok.end
    return "".join(parts).strip()


def _top_level(tokens: list[Token]) -> list[int]:
    """Bracket depth before each token."""
    depths, depth = [], 0
    for tok in tokens:
        if tok.kind == "punct" and tok.text in ")]}":
            depth -= 1
        depths.append(depth)
        if tok.kind == "punct" and tok.text in "([{":
            depth += 1
    return depths


def returns_rows(tokens: list[Token]) -> bool:
    """Whether the statement ends in a top-level RETURN (a subquery's RETURN does not count)."""
    depths = _top_level(tokens)
    return any(t.upper == "RETURN" and depths[k] == 0 for k, t in enumerate(tokens))


def _unquote(tok: Token) -> str:
    return tok.text[1:-1].replace("``", "`") if tok.kind == "name" else tok.text


def final_columns(query: str) -> list[str] | None:
    """Column names of the last top-level RETURN, as FalkorDB names them (the alias, or the
    expression's text as written); None when they cannot be told (RETURN *)."""
    tokens = tokenize(query)
    depths = _top_level(tokens)
    starts = [k for k, t in enumerate(tokens) if t.upper == "RETURN" and depths[k] == 0]
    if not starts:
        return None
    k = starts[-1] + 1
    if k < len(tokens) and tokens[k].upper == "DISTINCT":
        k += 1
    items: list[list[Token]] = [[]]
    while k < len(tokens):
        tok = tokens[k]
        if depths[k] == 0 and (tok.upper in ("ORDER", "SKIP", "LIMIT", "UNION") or tok.text == ";"):
            break
        if depths[k] == 0 and tok.kind == "punct" and tok.text == ",":
            items.append([])
        else:
            items[-1].append(tok)
        k += 1
    names = []
    for item in items:
        if not item or (len(item) == 1 and item[0].text == "*"):
            return None
        if len(item) >= 3 and item[-2].upper == "AS":
            names.append(_unquote(item[-1]))
        else:
            names.append(query[item[0].pos : item[-1].end])
    return names
