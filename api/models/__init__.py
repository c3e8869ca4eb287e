"""Typed response models of the researcher API: /docs and /openapi.json describe every field.

Every tabular answer has `rows`, `count` (rows before paging), `limit` and `offset`; the
same rows are available as CSV (`.csv` suffix or `?format=csv`).

One module per route family, as api/routers/ has them, so a route's answer is one hop from
its router: `common` (the error body, the page every table extends, a province's status on a
topic), `evidence` (the evidence every answer carries: the statement, its departments, a
target), then `provinces`, `documents`, `departments`, `programs`, `topics` and `indicators`.
Routers import each model from the module that defines it.
"""
