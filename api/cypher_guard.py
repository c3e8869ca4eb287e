"""Refuse ad-hoc Cypher that could change the graph or reach outside it, before it runs.

This is the first of three layers for POST /cypher: (1) this check, (2) the engine's
read-only mode (FalkorDB GRAPH.RO_QUERY, Neo4j read transactions) in `GraphStore.read`,
(3) a server-side timeout and a row cap. The check tokenises the query properly, so a
keyword inside a string literal, a backtick-quoted name or a comment is not a clause
(`RETURN 'CREATE'` runs) while a clause hidden behind a comment is (`/*x*/CREATE` is
refused). Property names (`n.set`), labels (`:Delete`), parameters (`$create`) and map
keys (`{merge: 1}`) are names, not clauses.

    check("MATCH (n) RETURN n")     # returns None
    check("MATCH (n) DETACH DELETE n")  # raises QueryRefused naming DETACH at 1:11
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.errors import InputError, QueryRefused

# Clauses that write, load, call procedures, switch databases or administer the server.
WRITE = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "INSERT"}
OUTSIDE = {"CALL": "calls a procedure or subquery", "LOAD": "loads data from outside (LOAD CSV)",
           "USE": "switches the database"}  # fmt: skip
ADMIN = {"ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP", "TERMINATE", "SHOW",
         "ENABLE", "COMMIT", "ROLLBACK", "BEGIN", "PERIODIC"}  # fmt: skip


@dataclass(frozen=True)
class Token:
    kind: str  # word | string | name | param | number | punct
    text: str
    pos: int


def _position(query: str, pos: int) -> str:
    line = query.count("\n", 0, pos) + 1
    col = pos - (query.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def tokenize(query: str) -> list[Token]:
    """Cypher tokens without whitespace and comments; unterminated quotes are an InputError."""
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
                    f"unterminated /* comment at {_position(query, i)}; close it with */"
                )
            i = end + 2
        elif ch in "'\"`":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" and ch != "`" else 1
            if j >= n:
                what = "quoted name" if ch == "`" else "string"
                raise InputError(
                    f"unterminated {what} starting at {_position(query, i)}; close it with {ch}"
                )
            kind = "name" if ch == "`" else "string"
            tokens.append(Token(kind, query[i : j + 1], i))
            i = j + 1
        elif ch == "$":
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] == "_"):
                j += 1
            tokens.append(Token("param", query[i:j], i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] == "_"):
                j += 1
            tokens.append(Token("word", query[i:j], i))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] in "._"):
                j += 1
            tokens.append(Token("number", query[i:j], i))
            i = j
        else:
            tokens.append(Token("punct", ch, i))
            i += 1
    return tokens


def _is_name(tokens: list[Token], k: int) -> bool:
    """A word used as a property name, label/type, or map key, not as a clause."""
    prev = tokens[k - 1].text if k > 0 else ""
    nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
    if prev in (".", ":"):
        return True
    return nxt == ":" and prev in ("{", ",")


def check(query: str) -> None:
    """Raise QueryRefused (403) for a clause that is not allowed, InputError (400) for text
    that is not one statement; return None for a query that may run read-only."""
    if "\x00" in query:
        raise InputError("the query contains a NUL character; remove it")
    try:
        query.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(f"the query is not valid Unicode text ({e.reason})") from e
    tokens = tokenize(query)
    if not tokens:
        raise InputError("the query is empty (only whitespace or comments); send one statement")
    for k, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text == ";" and k + 1 < len(tokens):
            raise InputError(
                f"more than one statement (';' at {_position(query, tok.pos)}); send one at a time"
            )
        if tok.kind != "word" or _is_name(tokens, k):
            continue
        word = tok.text.upper()
        where = _position(query, tok.pos)
        if word in WRITE:
            raise QueryRefused(
                f"{tok.text} at {where} writes to the graph; POST /cypher runs read-only "
                f"queries only (MATCH … RETURN). If {tok.text} is a variable, quote it: `{tok.text}`"
            )
        if word in OUTSIDE:
            raise QueryRefused(
                f"{tok.text} at {where} {OUTSIDE[word]}, which POST /cypher does not allow; "
                f"use MATCH … RETURN, or a named query (GET /queries)"
            )
        if word in ADMIN:
            raise QueryRefused(
                f"{tok.text} at {where} is an administration or transaction command, which "
                f"POST /cypher does not allow; use MATCH … RETURN"
            )
