"""Evaluation of the extractor: gold annotations (gold.py) and the scorer (score.py: a
document's scores and their averages; each entity type's rule: type_scores.py; the pairing
of gold and extracted items: matching.py; the report and its table: report.py).

Kept out of ingest/ so that the extractor's fingerprint (ingest/version.py) does not change
when the scorer does, and so that ingest/ holds only what turns text into records. Reads
ExtractionRecords; never imports the extractor's internals.
"""
