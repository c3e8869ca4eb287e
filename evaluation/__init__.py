"""Evaluation of the extractor: gold annotations (gold.py) and the scorer (score.py).

Kept out of ingest/ so that the extractor's fingerprint (ingest/version.py) does not change
when the scorer does, and so that ingest/ holds only what turns text into records. Reads
ExtractionRecords; never imports the extractor's internals.
"""
