"""Refuse ad-hoc Cypher that could change the graph, reach outside it, or cost the engine
more than a read should, before any engine sees it.

This is the first of three layers for POST /cypher: (1) this check, (2) the engine's
read-only mode (FalkorDB GRAPH.RO_QUERY, Neo4j read transactions) in `GraphStore.read`,
(3) the engine's timeout, memory limit and a row cap applied while reading.

Clauses are told from names by position, not by spelling: a word is a clause only where a
clause can start (after a complete expression or pattern, or at the start), never where an
operand is expected (after `AS`, `BY`, `RETURN`, `WHERE`, an operator, `.`, `:`, `|`, `(`,
`[`, `,`). So `RETURN 1 AS start`, `ORDER BY use`, `[:ADDRESSES|SET]`, `n.set`, `{merge: 1}`
and `'CREATE'` run, while `/*x*/CREATE`, `WITH 1 AS limit WITH limit CREATE (n)` and a
FOREACH are refused. Keywords are compared after Unicode NFKC folding (fullwidth ＣＲＥＡＴＥ
is CREATE), and a word mixing Latin with Cyrillic or Greek look-alikes is refused.

Bounds, because FalkorDB's parser takes exponential time in the nesting of brackets and
prefix operators (16 levels ≈ 0.2 s, 24 levels > 20 s, before its timeout applies):
query bytes and tokens (413), nesting depth (400), integer literals beyond 64 bits (400).

    check("MATCH (n) RETURN n")          # returns None
    check("MATCH (n) DETACH DELETE n")   # raises QueryRefused naming DETACH at line 1, column 11
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from policykg.graph.cypher_text import Token, position, tokenize

from policykg.errors import InputError, QueryRefused, TooLarge

# Clauses that write, load, call procedures, switch databases or administer the server.
WRITE = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "INSERT"}
OUTSIDE = {"CALL": "calls a procedure or subquery", "LOAD": "loads data from outside (LOAD CSV)",
           "USE": "switches the database"}  # fmt: skip
ADMIN = {"ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP", "TERMINATE", "SHOW",
         "ENABLE", "COMMIT", "ROLLBACK", "BEGIN", "PERIODIC"}  # fmt: skip
FORBIDDEN = WRITE | set(OUTSIDE) | ADMIN

# Keywords after which an operand (expression, name, pattern) comes, never a clause.
OPERAND_AFTER = {"AS", "BY", "RETURN", "WITH", "WHERE", "AND", "OR", "XOR", "NOT", "IN", "IS",
                 "UNWIND", "SKIP", "LIMIT", "CASE", "WHEN", "THEN", "ELSE", "CONTAINS",
                 "DISTINCT", "YIELD", "MATCH"}  # fmt: skip
# Keywords that may stand where an operand is expected and still expect one after them.
PREFIX = {"NOT", "CASE", "WHEN", "THEN", "ELSE", "DISTINCT"}
# Punctuation after which an operand comes. `{` and `*` are decided in context.
OPERAND_PUNCT = set("([,.:|&=<>+-/%^!~")
UNARY = {"-", "+"}
INT64_MAX = 2**63 - 1


@dataclass(frozen=True)
class Limits:
    """What one ad-hoc query may cost before it runs (settings.cypher_max_*)."""

    max_bytes: int = 20_000
    max_tokens: int = 4_000
    max_depth: int = 12


def check(query: str, limits: Limits | None = None) -> None:
    """Raise QueryRefused (403) for a clause that is not allowed, TooLarge (413) for a query
    over the size limits, InputError (400) for text that is not one bounded statement;
    return None for a query that may run read-only."""
    limits = limits or Limits()
    if "\x00" in query:
        raise InputError("the query contains a NUL character; remove it")
    try:
        size = len(query.encode("utf-8"))
    except UnicodeEncodeError as e:
        raise InputError(f"the query is not valid Unicode text ({e.reason})") from e
    if size > limits.max_bytes:
        raise TooLarge(
            f"the query is {size} bytes; the limit is {limits.max_bytes} bytes "
            "(POLICYKG_CYPHER_MAX_BYTES); use a named query (GET /queries) or a shorter one"
        )
    tokens = tokenize(query)
    if not tokens:
        raise InputError("the query is empty (only whitespace or comments); send one statement")
    if len(tokens) > limits.max_tokens:
        raise TooLarge(
            f"the query has {len(tokens)} tokens; the limit is {limits.max_tokens} "
            "(POLICYKG_CYPHER_MAX_TOKENS)"
        )
    _walk(query, tokens, limits.max_depth)


def _walk(query: str, tokens: list[Token], max_depth: int) -> None:
    """One pass: statement count, bracket balance and depth, integer range, and each word's
    role (clause or name) from whether an operand is expected where it stands."""
    operand = False  # is an operand expected at this point (so a word here is a name)?
    stack: list[tuple[str, int, int]] = []  # open bracket, its weight, its position
    unary = 0  # prefix operators (-, +, NOT) since the last operand: each nests like a bracket
    depth = 0
    pairs = {")": "(", "]": "[", "}": "{"}
    for k, tok in enumerate(tokens):
        where = position(query, tok.pos)
        if tok.kind == "punct" and tok.text == ";":
            if k + 1 < len(tokens):
                raise InputError(f"more than one statement (';' at {where}); send one at a time")
            continue
        if tok.kind == "punct" and tok.text in "([{":
            stack.append((tok.text, 1 + unary, tok.pos))
            depth += 1 + unary
            unary = 0
            if depth > max_depth:
                raise InputError(
                    f"the query nests {depth} levels deep at {where}; the limit is {max_depth} "
                    "(POLICYKG_CYPHER_MAX_DEPTH), counting brackets, map braces and prefix "
                    "operators (NOT, -); flatten the expression"
                )
            is_map_key = (
                tok.text == "{"
                and k + 2 < len(tokens)
                and tokens[k + 2].text == ":"
                and tokens[k + 1].kind in ("word", "name")
            )
            operand = tok.text != "{" or is_map_key
            continue
        if tok.kind == "punct" and tok.text in pairs:
            if not stack or stack[-1][0] != pairs[tok.text]:
                raise InputError(f"unbalanced '{tok.text}' at {where}; check the brackets")
            depth -= stack.pop()[1]
            unary = 0
            operand = False
            continue
        if operand and ((tok.kind == "punct" and tok.text in UNARY) or tok.upper == "NOT"):
            unary += 1
            if depth + unary > max_depth:
                raise InputError(
                    f"the query nests {depth + unary} levels deep at {where} (prefix operators "
                    f"count as levels); the limit is {max_depth} (POLICYKG_CYPHER_MAX_DEPTH)"
                )
            continue
        unary = 0
        if tok.kind == "number":
            _check_integer(query, tokens, k)
            operand = False
        elif tok.kind == "punct" and tok.text == "*":
            operand = not operand  # RETURN *, count(*), [*..3] where an operand was expected
        elif tok.kind == "punct":
            operand = tok.text in OPERAND_PUNCT
        elif tok.kind != "word":
            operand = False  # string, `name`, $param: an operand ended
        elif operand or _is_map_key(tokens, k):
            operand = tok.upper in PREFIX
        else:
            _check_clause(tok, where)
            operand = _folded(tok) in OPERAND_AFTER
    if stack:
        opened, _, pos = stack[-1]
        raise InputError(f"'{opened}' at {position(query, pos)} is never closed")


def _is_map_key(tokens: list[Token], k: int) -> bool:
    prev = tokens[k - 1].text if k > 0 else ""
    nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return nxt == ":" and prev in ("{", ",")


def _folded(tok: Token) -> str:
    return unicodedata.normalize("NFKC", tok.text).upper()


def _check_clause(tok: Token, where: str) -> None:
    word = _folded(tok)
    shown = tok.text if word == tok.text.upper() else f"{tok.text} (read as {word})"
    if not tok.text.isascii():
        scripts = {_script(c) for c in tok.text if c.isalpha()}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            raise InputError(
                f"{tok.text!r} at {where} mixes Latin letters with Cyrillic or Greek look-alikes; "
                "type the keyword or name in one script"
            )
    if word in WRITE:
        raise QueryRefused(
            f"{shown} at {where} writes to the graph; POST /cypher runs read-only "
            f"queries only (MATCH … RETURN). If {tok.text} is a variable, quote it: `{tok.text}`"
        )
    if word in OUTSIDE:
        raise QueryRefused(
            f"{shown} at {where} {OUTSIDE[word]}, which POST /cypher does not allow; "
            f"use MATCH … RETURN, or a named query (GET /queries)"
        )
    if word in ADMIN:
        raise QueryRefused(
            f"{shown} at {where} is an administration or transaction command, which "
            f"POST /cypher does not allow; use MATCH … RETURN"
        )


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def _check_integer(query: str, tokens: list[Token], k: int) -> None:
    """An integer literal beyond 64 bits is refused here, with its position, rather than
    left to an engine (FalkorDB reports an overflow, others may clamp)."""
    text = tokens[k].text.lower().replace("_", "")
    base = 16 if text.startswith("0x") else 8 if text.startswith("0o") else 10
    digits = text[2:] if base != 10 else text
    try:
        value = int(digits, base)
    except ValueError:
        return  # a decimal, 1e5, 1..3: not an integer literal
    negative = k > 0 and tokens[k - 1].text == "-"
    if value > INT64_MAX + (1 if negative else 0):
        raise InputError(
            f"the integer {tokens[k].text} at {position(query, tokens[k].pos)} is beyond the "
            f"64-bit range (-{INT64_MAX + 1} … {INT64_MAX}); use a smaller number or a string"
        )


def check_params(value: object, where: str = "params") -> None:
    """Parameters the engines would clamp or cannot take: integers beyond 64 bits and
    non-finite floats are a 400 naming the parameter."""
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not -INT64_MAX - 1 <= value <= INT64_MAX:
        raise InputError(
            f"{where}: {value} is beyond the 64-bit integer range (-{INT64_MAX + 1} … "
            f"{INT64_MAX}); send a smaller number or a string"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{where}: {value} is not a finite number; send a finite number")
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            check_params(v, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, v in value.items():
            if not key or "`" in key:  # a Cypher map key cannot be empty nor quote itself
                raise InputError(
                    f"{where}: map key {key!r} is empty or holds a backtick; "
                    "name every key of a map parameter with at least one character and no `"
                )
            check_params(v, f"{where}.{key}")
