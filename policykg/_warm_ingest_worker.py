"""Imported by the forkserver of a parallel ingest (multiprocessing's preload; see
policykg/ingestion.py): importing it imports and warms the extractor once, and every worker
is forked from that process. Nothing else imports it."""

from __future__ import annotations

import logging

from policykg import ingest_worker

try:
    ingest_worker.warm()
except Exception:  # a failed warm-up only costs the workers the loads it would have shared
    logging.getLogger(__name__).debug("ingest worker warm-up failed", exc_info=True)
