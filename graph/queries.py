"""Named queries: one `queries/<name>.cypher` file each, with a comment header.

    // name: provinces_by_topic
    // description: Provinces that commit to a topic, with lead departments and evidence
    // params: topic (string, required, enum: topics), include_narrower (bool, default true)
    // example: {"topic": "udi"}

A parameter is `name (type[, required][, default X][, enum: vocabulary])`; the type is one
of `TYPES`; `X` is JSON (`true`, `null`, `3`, `"a b"`, `["上海市", "浙江省"]`) or a bare
word; the vocabulary is one of `ENUMS` (its values come from data/, see `enum_values`).
`params: none` declares no parameter.

Paging (issue 14): a query whose answer grows with the corpus declares `limit (int, default
null)` and `offset (int, default 0)` and returns, as its last column, `total`: the number of
rows of the whole answer (every row carries it; counted before the page is cut, from the
rows' keys, without building what only the page's rows show). `limit` null is the whole
answer, as before. `page_of` splits such an answer into rows and total; the API passes its
page into the query instead of cutting the whole answer in Python.

Per-row caps (issue 14): a query whose rows each carry a list that grows with the corpus
(a province's documents, a topic's evidence) declares `max_items (int, default null)`. Each
such list is cut to its first `max_items` items, in the list's own stable order, inside the
query (`list[..coalesce($max_items, size(list))]`: a null bound is the whole list on both
engines), and a `<list>_count` column (or an existing count) beside it gives the length of
the whole list. Null is the whole list, as before; 0 keeps the counts only. `bind` refuses a
negative value (the one rule; the API's own parameters say the same with `ge=0`).

This is the one parser of the header: the registry, the API, the CLI, the Browser guide
and the Neo4j lint (tools/cypher_lint.py, used by tests only) all read query files through `parse_query_file`.
Routes and the CLI look queries up by name and pass parameters; nothing builds Cypher
from user input. Parameter values are checked and coerced here.

A query may have an engine's own version, `queries/<backend>/<name>.cypher` (today
`queries/neo4j/api_search.cypher` and `queries/neo4j/search.cypher`, which ask Neo4j's
full-text index instead of scanning with CONTAINS, and `queries/falkordb/search.cypher`,
the same CONTAINS scan gathered in one aggregation, which FalkorDB runs much faster). It
keeps the portable query's name and parameters (checked when read), so
callers stay the same; `get_query(name, backend)` picks it, and the registry, the API's
listing and the Browser guide show the portable one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from policykg.errors import InputError, NotFoundError
from policykg.resources import queries_path

if TYPE_CHECKING:
    from policykg.graph.store import GraphStore

TYPES = ("string", "int", "float", "bool", "list")
ENUMS = ("topics", "provinces", "indicators", "regions", "statements", "roles", "bindings")
HEADER_KEYS = ("name", "description", "params", "example")
_HEADER = re.compile(r"^\s*//\s*(name|description|params|example)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<spec>.*)\))?$", re.S)
_OPTION = re.compile(r"^(?P<word>required|default|enum)\b\s*[:=]?\s*(?P<value>.*)$", re.S)
_NO_PARAMS = {"", "none", "-", "—"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: Any = None
    enum: str | None = None  # name of a vocabulary (topics, provinces, indicators, …)

    def coerce(self, raw: Any, query: str) -> Any:
        where = f"query '{query}', parameter '{self.name}'"
        if raw is None:
            return None
        try:
            if self.type == "int":
                if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                    raise ValueError(raw)
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if isinstance(raw, bool):
                    return raw
                if str(raw).lower() in ("1", "true", "yes", "on"):
                    return True
                if str(raw).lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(raw)
            if self.type == "list":
                if isinstance(raw, list | tuple):
                    return [str(v) for v in raw]
                return [v.strip() for v in str(raw).split(",") if v.strip()]
            return str(raw)
        except ValueError as e:
            raise InputError(f"{where}: '{raw}' is not a valid {self.type}") from e


PAGE_PARAMS = ("limit", "offset")
TOTAL_COLUMN = "total"
CAP_PARAM = "max_items"
CAP_MIN = 0  # the smallest cap: the counts only (the API's MaxItems takes it too)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    cypher: str  # the statement without its comment lines
    params: tuple[Param, ...] = ()
    example: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    def bind(
        self, given: dict[str, Any], allowed: Callable[[str], list[str]] | None = None
    ) -> dict[str, Any]:
        """Check and coerce parameters; fill defaults. Unknown or missing ones are errors."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise InputError(
                f"query '{self.name}' has no parameter {', '.join(unknown)}; "
                f"its parameters are: {', '.join(known) or 'none'}"
            )
        bound = {}
        for p in self.params:
            value = p.coerce(given.get(p.name), self.name) if p.name in given else p.default
            if value is None and p.required:
                raise InputError(f"query '{self.name}' needs parameter '{p.name}' ({p.type})")
            if value is not None and p.enum and allowed is not None:
                choices = allowed(p.enum)
                values = value if isinstance(value, list) else [value]
                bad = [v for v in values if v not in choices]
                if choices and bad:
                    raise InputError(
                        f"query '{self.name}', parameter '{p.name}': {', '.join(map(str, bad))} "
                        f"is not one of the {p.enum} ({', '.join(choices[:40])}{' …' if len(choices) > 40 else ''})"
                    )
            bound[p.name] = value
        if self.paged:
            if bound.get("limit") is not None and bound["limit"] < 1:
                raise InputError(f"query '{self.name}': limit must be 1 or more (or null: all)")
            if bound.get("offset") is None or bound["offset"] < 0:
                raise InputError(f"query '{self.name}': offset must be 0 or more")
        if self.capped and bound.get(CAP_PARAM) is not None and bound[CAP_PARAM] < CAP_MIN:
            raise InputError(
                f"query '{self.name}', parameter '{CAP_PARAM}': must be {CAP_MIN} or more (or null: all)"
            )
        return bound

    @property
    def capped(self) -> bool:
        """Takes `max_items`, a cut of each row's growing lists (see above)."""
        return any(p.name == CAP_PARAM for p in self.params)

    @property
    def paged(self) -> bool:
        """Takes `limit` and `offset` and returns the whole answer's `total` (see above)."""
        names = {p.name for p in self.params}
        return all(n in names for n in PAGE_PARAMS)

    def source_text(self) -> str:
        """The whole file, header included (what the lint reads, so positions are file lines)."""
        return Path(self.path).read_text(encoding="utf-8") if self.path else self.cypher


def split_top_level(text: str) -> list[str]:
    """Split at commas outside (), [], {} and quotes; blank parts dropped."""
    parts: list[str] = []
    depth, quote = 0, ""
    current: list[str] = []
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0 and not quote:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p for p in (s.strip() for s in parts) if p]


def _default(param: Param, text: str, where: str) -> Any:
    """`default X`: X as JSON, a bracketed list of bare words, or a bare word."""
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError:
        if text.startswith("[") and text.endswith("]"):
            value = [v.strip(" \"'") for v in split_top_level(text[1:-1])]
        else:
            value = text
    try:
        return param.coerce(value, param.name)
    except InputError as e:
        raise InputError(f"{where}: default {text!r} is not a valid {param.type}") from e


def parse_params(spec: str, source: str = "params") -> tuple[Param, ...]:
    """`topic (string, required, enum: topics), include_narrower (bool, default true)`."""
    if spec.strip().lower() in _NO_PARAMS:
        return ()
    out: dict[str, Param] = {}
    for item in split_top_level(spec):
        m = _PARAM.match(item)
        if m is None or not m["spec"]:
            raise InputError(
                f"{source}: cannot read parameter {item!r}; write `name (type, …)` with a type "
                f"of {', '.join(TYPES)}"
            )
        name = m["name"]
        if name in out:
            raise InputError(f"{source}: parameter '{name}' is declared twice")
        parts = split_top_level(m["spec"])
        if not parts or parts[0] not in TYPES:
            raise InputError(
                f"{source}: parameter '{name}' needs a type first, one of {', '.join(TYPES)}"
            )
        param = Param(name, parts[0])
        required, default, enum = False, None, None
        for part in parts[1:]:
            m = _OPTION.match(part)
            if m is None:
                raise InputError(
                    f"{source}: parameter '{name}': cannot read {part!r}; use `required`, "
                    f"`default <value>` or `enum: <vocabulary>`"
                )
            if m["word"] == "required" and not m["value"]:
                required = True
            elif m["word"] == "default" and m["value"]:
                default = _default(param, m["value"], f"{source}, parameter '{name}'")
            elif m["word"] == "enum" and m["value"] in ENUMS:
                enum = m["value"]
            else:
                raise InputError(
                    f"{source}: parameter '{name}': {part!r} — a default needs a value, an "
                    f"enum one of {', '.join(ENUMS)}"
                )
        if required and default is not None:
            raise InputError(f"{source}: parameter '{name}' is required and has a default")
        out[name] = Param(name, param.type, required, default, enum)
    return tuple(out.values())


def parse_query_file(path: Path) -> NamedQuery:
    """Read a query file; a bad header is an InputError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, tuple[int, str]] = {}
    body: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = _HEADER.match(line)
        if m and m[1] not in header and not body:
            header[m[1]] = (lineno, m[2])
        elif not line.lstrip().startswith("//"):
            body.append(line)
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing:
        raise InputError(
            f"{path}: the header needs {', '.join(f'`// {k}: …`' for k in missing)} "
            f"before the query"
        )
    name = header["name"][1]
    if name != path.stem:
        raise InputError(f"{path}:{header['name'][0]}: name '{name}' differs from the file name")
    if not header["description"][1]:
        raise InputError(f"{path}:{header['description'][0]}: the description is empty")
    params_line, spec = header["params"]
    params = parse_params(spec, f"{path}:{params_line}")
    example_line, raw = header["example"]
    try:
        example = json.loads(raw or "{}")
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{example_line}: `// example:` is not JSON ({e})") from e
    if not isinstance(example, dict):
        raise InputError(f"{path}:{example_line}: `// example:` must be a JSON object")
    declared = {p.name for p in params}
    if set(example) - declared:
        raise InputError(
            f"{path}:{example_line}: the example uses undeclared parameters "
            f"{', '.join(sorted(set(example) - declared))}"
        )
    lacking = [p.name for p in params if p.required and p.name not in example]
    if lacking:
        raise InputError(f"{path}:{example_line}: the example lacks required {', '.join(lacking)}")
    cypher = "\n".join(body).strip()
    if not cypher:
        raise InputError(f"{path}: no query after the header")
    return NamedQuery(
        name=name,
        description=header["description"][1],
        cypher=cypher.rstrip(";").rstrip(),
        params=params,
        example=example,
        path=str(path),
    )


@cache
def registry(folder: str | None = None) -> dict[str, NamedQuery]:
    base = Path(folder) if folder else queries_path()
    return {q.name: q for q in (parse_query_file(p) for p in sorted(base.glob("*.cypher")))}


def get_query(name: str, backend: str | None = None) -> NamedQuery:
    """The named query; with `backend`, that engine's own version where one exists."""
    queries = registry()
    if name not in queries:
        raise NotFoundError(f"no named query '{name}'; available: {', '.join(sorted(queries))}")
    if backend:
        return engine_variants(backend).get(name, queries[name])
    return queries[name]


@cache
def engine_variants(backend: str, folder: str | None = None) -> dict[str, NamedQuery]:
    """`queries/<backend>/*.cypher`: an engine's own versions of portable queries, each
    with the same name and parameters as the query it stands in for."""
    base = (Path(folder) if folder else queries_path()) / backend
    portable = registry(folder)
    out: dict[str, NamedQuery] = {}
    for path in sorted(base.glob("*.cypher")):
        variant = parse_query_file(path)
        twin = portable.get(variant.name)
        if twin is None or variant.params != twin.params:
            raise InputError(
                f"{path}: an engine's version must have the name and the params of a query "
                f"in {base.parent} (same order, types and defaults)"
            )
        out[variant.name] = variant
    return out


def run_named(
    store: GraphStore, name: str, timeout_ms: int | None = None, **params: Any
) -> list[dict[str, Any]]:
    """Run a named query with checked parameters (defaults filled); rows as dicts."""
    query = get_query(name)
    bound = query.bind(params, enum_values)
    return store.read(query.cypher, bound, timeout_ms=timeout_ms).records()


def page_of(columns: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]], int]:
    """A paged query's answer → (columns, rows without the `total` column, total). An empty
    page says nothing of the total: the caller asks again at offset 0 if it needs one."""
    if not columns or columns[-1] != TOTAL_COLUMN:
        return columns, rows, len(rows)
    total = rows[0][-1] if rows else 0
    return columns[:-1], [row[:-1] for row in rows], int(total)


def enum_values(name: str) -> list[str]:
    """The allowed values of an enumerated parameter: the record's Literals (one
    definition, ingest/record.py) and the vocabularies."""
    from policykg.ingest import record, vocab

    fixed = {
        "statements": list(get_args(record.Statement)),
        "roles": list(get_args(record.Role)),
        "bindings": list(get_args(record.Binding)),
    }
    if name in fixed:
        return fixed[name]
    if name == "topics":
        return [t.key for t in vocab.topics()]
    if name == "provinces":
        return [p.name for p in vocab.provinces()]
    if name == "indicators":
        return [i.key for i in vocab.indicators()]
    if name == "regions":
        return [r.key for r in vocab.regions()]
    return []
