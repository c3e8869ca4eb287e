"""Named queries: one `queries/<name>.cypher` file each, with a comment header.

    // name: provinces_by_topic
    // description: Provinces that commit to a topic, with lead departments and evidence
    // params: topic (string, required, enum: topics), include_narrower (bool, default true)
    // example: {"topic": "udi"}

Routes and the CLI look queries up by name and pass parameters; nothing builds
Cypher from user input. Parameter values are checked and coerced here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from policykg.errors import InputError, NotFoundError
from policykg.resources import queries_path

TYPES = ("string", "int", "float", "bool", "list")
PARAM = re.compile(r"(?P<name>\w+)\s*\((?P<spec>[^)]*)\)")


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
                if isinstance(raw, list):
                    return [str(v) for v in raw]
                return [v.strip() for v in str(raw).split(",") if v.strip()]
            return str(raw)
        except ValueError as e:
            raise InputError(f"{where}: '{raw}' is not a valid {self.type}") from e


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
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
        return bound


def parse_params(spec: str, source: str) -> tuple[Param, ...]:
    out = []
    for m in PARAM.finditer(spec):
        parts = [s.strip() for s in m["spec"].split(",") if s.strip()]
        if not parts or parts[0] not in TYPES:
            raise InputError(
                f"{source}: parameter '{m['name']}' needs a type first, one of {TYPES}"
            )
        kind, required, default, enum = parts[0], False, None, None
        for part in parts[1:]:
            if part == "required":
                required = True
            elif part.startswith("default"):
                text = part[len("default") :].strip(" :=")
                default = Param(m["name"], kind).coerce(None if text == "null" else text, source)
            elif part.startswith("enum"):
                enum = part[len("enum") :].strip(" :=")
        out.append(Param(m["name"], kind, required, default, enum))
    return tuple(out)


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    body = []
    for line in text.splitlines():
        m = re.match(r"\s*//\s*(name|description|params|example)\s*:\s*(.*)$", line)
        if m:
            header[m[1]] = m[2].strip()
        elif not line.strip().startswith("//"):
            body.append(line)
    if "name" not in header or "description" not in header:
        raise InputError(f"{path}: the header needs '// name:' and '// description:' lines")
    if header["name"] != path.stem:
        raise InputError(f"{path}: header name '{header['name']}' differs from the file name")
    try:
        example = json.loads(header.get("example") or "{}")
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: '// example:' is not JSON ({e})") from e
    return NamedQuery(
        name=header["name"],
        description=header["description"],
        cypher="\n".join(body).strip().rstrip(";"),
        params=parse_params(header.get("params", ""), str(path)),
        example=example,
        path=str(path),
    )


@cache
def registry(folder: str | None = None) -> dict[str, NamedQuery]:
    base = Path(folder) if folder else queries_path()
    return {q.name: q for q in (parse_query_file(p) for p in sorted(base.glob("*.cypher")))}


def get_query(name: str) -> NamedQuery:
    queries = registry()
    if name not in queries:
        raise NotFoundError(f"no named query '{name}'; available: {', '.join(sorted(queries))}")
    return queries[name]


def enum_values(name: str) -> list[str]:
    """The allowed values of an enumerated parameter, from the vocabularies."""
    from ingest import vocab

    fixed = {
        "statements": ["commitment", "background", "vision", "safeguard"],
        "roles": ["lead", "support", "responsible"],
        "bindings": ["binding", "expected"],
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
