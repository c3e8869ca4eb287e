"""The step contract of the extractor: what every step sees (`Context`) and what a step is.

A leaf of ingest/: it imports the skeleton's data types only, never a step, so the steps
(departments, text_targets, topics, regions, programs, references) and the pipeline that
orders them all import it without a cycle. ingest/pipeline.py builds a Context from the
document's skeleton (text, blocks, metadata, measures, table targets) and runs STEPS in
their declared order; each step reads the context and adds to `ctx.record`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from policykg.ingest.metadata import Metadata
from policykg.ingest.normalize import NormalizedText
from policykg.ingest.places import is_place_name
from policykg.ingest.record import Department, ExtractionRecord
from policykg.ingest.structure import Block
from policykg.ingest.vocab import Province

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The place that opens an issuer's name (营口市人民政府办公室, 中共湘阴县委)
_LOCALITY = re.compile(
    r"^(?:中共)?(?P<place>[\u4e00-\u9fff]{2,10}?(?:自治州|自治县|自治旗|市|县|区|州|盟|旗))"
)


@dataclass
class Context:
    """What every extraction step sees: the text, its blocks, and the record so far."""

    normalized: NormalizedText
    blocks: list[Block]
    meta: Metadata
    record: ExtractionRecord
    # text, province code → spaCy Doc: ingest/nlp.parse, given by the pipeline (so that this
    # module does not import the spaCy components, which use the steps' finders)
    parser: Callable[[str, str | None], Doc]
    # canonical name → Department: the document's registry (ingest/department_registry.register)
    departments: dict[str, Department] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.normalized.text

    @property
    def province(self) -> Province | None:
        return self.meta.province

    @cached_property
    def locality(self) -> str | None:
        """The city or county that issued a local document (营口市人民政府办公室 → 营口市, or
        the title's 营口市2031年…分工): its own bodies are named by their level alone in its
        text (市卫生健康委)."""
        issuer = self.meta.issuers[0] if self.meta.issuers else self.meta.issuer
        if self.meta.level != "local":
            return None
        for named in (issuer, self.meta.title):  # the issuer, else the title's place
            m = _LOCALITY.match(named or "")
            if m and is_place_name(m["place"]):
                return m["place"]
        return None

    @cached_property
    def doc(self) -> Doc:
        """The spaCy Doc of the text (ingest/nlp.py), parsed on first use."""
        return self.parser(self.text, self.province.code if self.province else None)


@dataclass(frozen=True)
class Step:
    """One extraction step: a name, its single entry point, and the steps whose results it
    reads (checked against the declared order by `check_order`)."""

    name: str
    run: Callable[[Context], None]
    needs: tuple[str, ...] = ()
    why: str = ""  # what it reads of the earlier steps' work


def check_order(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps as given, after checking names are unique and every step comes after the
    steps it needs (a reordering that breaks a dependency fails at import)."""
    seen: set[str] = set()
    for step in steps:
        if step.name in seen:
            raise ValueError(f"extraction step {step.name!r} is declared twice")
        missing = [n for n in step.needs if n not in seen]
        if missing:
            raise ValueError(
                f"extraction step {step.name!r} needs {', '.join(missing)} to run before it"
            )
        seen.add(step.name)
    return steps
