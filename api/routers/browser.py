"""Neo4j Browser support: a guide of the named queries and a graph style.

    :play http://localhost:8000/browser/guide      (docker-compose runs it on connect)
    :style http://localhost:8000/browser/style.grass

The guide is the HTML Neo4j Browser's `:play <url>` reads: `<slide>` elements, each with
`<pre class="code runnable">` snippets that a click copies into the editor. Every named
query gets a slide: what it answers, its parameters (type, default, allowed values) and
a runnable snippet — `:param` lines from the query's example (defaults for the rest,
since Neo4j refuses a query whose parameter is unset), then the query itself.

Neo4j Browser fetches both from its own origin (http://localhost:7474), so the app
allows that origin for GET requests (CORS, see `BROWSER_ORIGINS`).
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from policykg.graph.queries import NamedQuery, enum_values, registry

router = APIRouter(prefix="/browser", tags=["neo4j browser"])

# Where Neo4j Browser runs (docker-compose.yml publishes it on 7474).
BROWSER_ORIGINS = ("http://localhost:7474", "http://127.0.0.1:7474")

# The researcher's questions first, in the order a session usually takes; any other
# named query follows in name order.
GUIDE_ORDER = (
    "provinces_by_topic",
    "topic_network",
    "compare_provinces",
    "topic_matrix",
    "lead_departments_by_topic",
    "targets_by_indicator",
    "province_profile",
    "department_measures",
    "programs_by_province",
    "regional_cooperation",
    "search",
    "topics",
    "indicators",
    "documents",
    "document_outline",
    "document_measures",
    "health_counts",
    "relationship_counts",
)

# label -> (fill colour, border colour, caption); relationship type -> caption.
NODE_STYLES: dict[str, tuple[str, str, str]] = {
    "Province": ("#4C8EDA", "#2870C2", "{name}"),
    "Region": ("#8DCC93", "#5DB665", "{name}"),
    "Document": ("#F79767", "#F36924", "{title}"),
    "Measure": ("#D9C8AE", "#C0A378", "{text}"),
    "Department": ("#C990C0", "#B261A5", "{name}"),
    "Target": ("#F16667", "#EB2728", "{indicator} {value_text}"),
    "Indicator": ("#FFC454", "#D7A013", "{name}"),
    "Program": ("#57C7E3", "#23B3D7", "{name}"),
    "Topic": ("#DA7194", "#CC3C6C", "{name_zh}"),
    "Reference": ("#A5ABB6", "#9AA1AC", "{title}"),
    "Summary": ("#FFE081", "#D4B02F", "{key}"),  # write-time counts (graph/summaries.py)
}
REL_CAPTIONS = {"RESPONSIBLE": "{role}", "ADDRESSES": "{matched}"}
_DARK_TEXT = {"Measure", "Indicator", "Region", "Summary"}


def cypher_literal(value: Any) -> str:
    """A parameter value as a Cypher literal, for `:param name => <literal>`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def snippet(query: NamedQuery) -> str:
    """The runnable text: one `:param` line per parameter, then the query."""
    bound = query.bind(dict(query.example))
    lines = [f":param {name} => {cypher_literal(value)};" for name, value in bound.items()]
    return "\n".join([*lines, query.cypher])


def ordered_queries() -> list[NamedQuery]:
    queries = registry()
    first = [queries[n] for n in GUIDE_ORDER if n in queries]
    rest = [queries[n] for n in sorted(queries) if n not in GUIDE_ORDER]
    return first + rest


def _params_table(query: NamedQuery) -> str:
    if not query.params:
        return "<p>No parameters.</p>"
    rows = []
    for p in query.params:
        allowed = enum_values(p.enum) if p.enum else []
        shown = ", ".join(allowed[:12]) + (
            f" … ({len(allowed)} in all)" if len(allowed) > 12 else ""
        )
        default = "required" if p.required else json.dumps(p.default, ensure_ascii=False)
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (p.name, p.type, default, f"{p.enum}: {shown}" if p.enum else "")
            )
            + "</tr>"
        )
    head = "<tr><th>parameter</th><th>type</th><th>default</th><th>allowed values</th></tr>"
    return f'<table class="table table-condensed">{head}{"".join(rows)}</table>'


def _query_slide(query: NamedQuery, base: str) -> str:
    example = {
        k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in query.example.items()
    }
    api = f"{base}/queries/{query.name}" + (f"?{urlencode(example)}" if example else "")
    return f"""
  <slide class="row-fluid">
    <div class="col-sm-3">
      <h3>{html.escape(query.name)}</h3>
      <p class="lead">{html.escape(query.description)}</p>
    </div>
    <div class="col-sm-9">
      {_params_table(query)}
      <figure>
        <pre class="pre-scrollable code runnable">{html.escape(snippet(query))}</pre>
        <figcaption>Click to copy into the editor; change the <code>:param</code> values and run.
        The same answer as JSON: <a href="{html.escape(api)}" target="_blank">{html.escape(api)}</a></figcaption>
      </figure>
    </div>
  </slide>"""


def guide_html(base: str) -> str:
    """The whole guide; `base` is the API's URL as the user's browser reaches it."""
    queries = ordered_queries()
    items = "".join(
        f"<li><b>{html.escape(q.name)}</b> — {html.escape(q.description)}</li>" for q in queries
    )
    style = f":style {base}/browser/style.grass"
    intro = f"""
  <slide class="row-fluid">
    <div class="col-sm-3">
      <h3>policykg</h3>
      <p class="lead">Chinese provincial drug-regulation policy as a graph: who must do what,
      by when and how much — with the sentence that says so.</p>
    </div>
    <div class="col-sm-9">
      <p>First load the graph style (colours and captions per label):</p>
      <pre class="code runnable">{html.escape(style)}</pre>
      <p>Each following slide is one named query — the same Cypher the HTTP API runs at
      <code>{html.escape(base)}/queries/&lt;name&gt;</code>, portable between Neo4j and FalkorDB.
      A snippet sets its parameters with <code>:param</code> and then runs the query.</p>
      <ul>{items}</ul>
    </div>
  </slide>"""
    slides = intro + "".join(_query_slide(q, base) for q in queries)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8" />
<title>policykg — named queries</title>
</head>
<body>
<article class="guide">
<carousel class="deck container-fluid">{slides}
</carousel>
</article>
</body>
</html>
"""


def grass() -> str:
    """The graph style sheet (GraSS): a colour and a caption per label."""
    parts = [
        "node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n"
        "  border-width: 2px;\n  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}\n",
        "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n"
        "  padding: 3px;\n  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n"
        "  caption: '<type>';\n}\n",
    ]
    for label, (fill, border, caption) in NODE_STYLES.items():
        text = "#2A2C34" if label in _DARK_TEXT else "#FFFFFF"
        size = "65px" if label in ("Province", "Topic") else "50px"
        parts.append(
            f"node.{label} {{\n  color: {fill};\n  border-color: {border};\n"
            f"  text-color-internal: {text};\n  diameter: {size};\n  caption: '{caption}';\n}}\n"
        )
    for rel, caption in REL_CAPTIONS.items():
        parts.append(f"relationship.{rel} {{\n  caption: '{caption}';\n}}\n")
    return "\n".join(parts)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/guide", response_class=HTMLResponse)
def guide(request: Request) -> HTMLResponse:
    """The Neo4j Browser guide of every named query (`:play <this URL>`)."""
    return HTMLResponse(guide_html(_base(request)))


@router.get("/style.grass", response_class=PlainTextResponse)
def style() -> PlainTextResponse:
    """The graph style for Neo4j Browser (`:style <this URL>`)."""
    return PlainTextResponse(grass(), media_type="text/plain; charset=utf-8")
