"""The extraction worker of a parallel ingest (policykg/ingestion.py): everything pure about
one file — read, normalize, describe, extract, the graph's rows and the checks on them —
so that the writing process only checks the store and writes.

Workers are forked from one forkserver process that imported and warmed the extractor
(policykg/_warm_ingest_worker.py): the imports, jieba's dictionary and part-of-speech model,
the gazetteer and the vocabularies are loaded once, not once per worker, and the writing
process (which holds the store's sockets and the drivers' threads) is never forked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policykg.graph.model import DocumentGraph, record_to_graph
from policykg.ingest.read import read_source

if TYPE_CHECKING:
    from policykg.ingest.record import ExtractionRecord
    from policykg.ingest.vocab import Province

# (id, content hash, extractor version) of the documents stored when the ingest began
# (graph/writer.py: stored_documents), set in each worker by `remember`
_stored: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True)
class IngestOptions:
    """What the caller knows: the province of documents that name none (`--province`), and
    the size above which a file is refused before it is read."""

    province: Province | None = None
    max_bytes: int | None = None


@dataclass(frozen=True)
class Prepared:
    """One file, ready for the writer. `graph` holds no rows when the document was stored
    already, same text and extractor, at the start of the ingest (`stored`): the writer
    checks the store again before it calls it unchanged. `not_policy` and `warning` are
    `not_a_policy` and `province_warning` of the record."""

    graph: DocumentGraph
    stored: bool = False
    not_policy: str | None = None
    warning: str | None = None


def remember(stored: frozenset[tuple[str, str, str]]) -> None:
    """The pool's initializer: the documents stored when the ingest began."""
    global _stored
    _stored = stored


def prepare(path: Path, options: IngestOptions) -> Prepared:
    """Read and describe the file; unless it was stored as it is, extract it and make its
    rows. Errors are raised as in a serial ingest (the writer records them)."""
    # imported here: the writing process imports this module to name `prepare` to the pool
    from policykg.ingest.normalize import normalize
    from policykg.ingest.pipeline import describe, extract_text

    normalized = normalize(read_source(path, max_bytes=options.max_bytes))
    described = describe(normalized, options.province)
    info = described[0]
    if (info.id, info.content_hash, info.extractor_version) in _stored:
        probe = DocumentGraph(
            info.id, info.content_hash, info.extractor_version, info.source, info.province_code
        )
        return Prepared(probe, stored=True)
    record = extract_text(normalized, options.province, described)
    return Prepared(
        record_to_graph(record, original=normalized.source.text),
        not_policy=not_a_policy(record, normalized.text),
        warning=province_warning(record),
    )


def not_a_policy(record: ExtractionRecord, text: str) -> str | None:
    """Why a text is not a policy document, or None. A README, a menu page or a news item
    about something else yields no measure, no target, none of the marks of a GB/T 9704
    document (a 关于…的通知 title, 发文字号, 发文机关, 成文日期) and no drug-regulation
    topic (data/taxonomy/topics.yaml); stored, it would be an empty document. Any one of
    them keeps it: a short notice with a single measure, a notice whose title was lost, or
    a news report on a provincial drug policy (real corpora hold them) is stored."""
    from policykg.ingest.matching import topic_hits

    d = record.document
    if record.measures or record.targets or d.title or d.doc_number or d.issuers:
        return None
    if d.issued_date or topic_hits(text[:_TOPIC_SCAN]):
        return None
    return (
        "not a policy document: no measure, target, title, document number, issuer, date "
        "or drug-regulation topic was found (nothing stored); if it is a policy, give the "
        "full text with its title"
    )


_TOPIC_SCAN = 20_000  # characters searched for a topic: a page's text, not a whole book


def province_warning(record: ExtractionRecord) -> str | None:
    d = record.document
    if d.province or d.level == "national":
        return None
    return (
        "stored without a province: the text names no issuing province; if it is a provincial "
        "document, ingest it again with --province NAME"
    )


# A short notice that takes the extractor through its lazy loads (jieba's dictionary and
# part-of-speech model, the gazetteer, the vocabularies, a province's pipeline).
_WARM_UP_TEXT = """广东省药品监督管理局关于印发广东省药品安全规划的通知
粤药监发〔2023〕1号

各地级以上市市场监督管理局，省局各处室：
一、加强药品监管。到2025年，药品抽检合格率达到98%以上，深圳市、广州市推进医疗器械唯一标识（UDI）实施。（省药监局、省卫生健康委按职责分工负责）
二、实施药品安全信用监管工程，落实药品上市许可持有人制度。

广东省药品监督管理局
2023年1月10日
"""


def warm() -> None:
    """Extract the notice above once: the loads it triggers stay in the process (and in
    processes forked from it). The result is thrown away; caches never change a record."""
    import jieba.posseg  # noqa: F401  (its word-tag table: ingest/body_forms.py, on some heads)

    warm_numerals()

    from policykg.ingest.normalize import normalize
    from policykg.ingest.pipeline import extract_text
    from policykg.ingest.read import SourceText

    text = _WARM_UP_TEXT
    extract_text(normalize(SourceText("warm-up.txt", text, "utf-8", "text")))


def warm_numerals() -> None:
    """cn2an imported and its parsers' patterns compiled, once for every worker: a numeral
    beyond the small table (ingest/cn_numerals.py: 两百, 百分之九十九点五) costs the first
    document of each worker that meets one ~0.2 s CPU otherwise (39 of the 1,302 held-out
    documents hold one).
    Its answers are its own whoever asks first."""
    import cn2an

    from policykg.ingest.cn_numerals import MODES

    for mode in sorted(MODES):
        cn2an.cn2an("一百二十三点五", mode)
