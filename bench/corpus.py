"""Synthetic corpus for benchmarks: N documents recombined from the seed documents.

Document i takes seed i mod 5 as its template, moves it to another mainland province
(full name, short name, doc-number prefix such as 沪府办发 → 冀府办发), and swaps about a
quarter of its long paragraphs for paragraphs of the other seeds (also moved). Each
document keeps its template's format (table, HTML page, Traditional script, run-on page),
so extraction does the same kinds of work as on real input.

Identities are distinct: (template, province) pairs are used up before any repeats, and
a repeat gets a variant mark in its document number or title (…（之2）). Deterministic
for a given N and seed.

    python -m bench.corpus 50 /tmp/corpus50
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC
from policykg.ingest import vocab
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.normalize import normalize
from policykg.ingest.read import read_source

from policykg.resources import data_path

_NUMBERED = re.compile(
    r"^\s*(\d+[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第.+?[章节条])"
)
_DOC_NUMBER = re.compile(r"(.+)〔(\d{4})〕(\d+)号")
_T2S = OpenCC("t2s")


@dataclass
class Template:
    path: Path
    text: str
    province: vocab.Province
    title: str | None  # the title as written in the text (None if not found verbatim)
    number: str | None  # its document number, if it has one


def _short_name(p: vocab.Province) -> str:
    return min(p.aliases, key=len) if p.aliases else p.name


def load_templates(corpus: Path | None = None) -> list[Template]:
    out = []
    for path in sorted((corpus or data_path("corpus")).glob("*.txt")):
        normalized = normalize(read_source(path))  # metadata only: no extraction needed
        meta = extract_metadata(normalized.text, normalized.front_matter, str(path))
        if meta.province is None:
            continue
        text = path.read_text(encoding="utf-8")
        out.append(Template(path, text, meta.province, _raw_title(text, meta.title),
                            meta.doc_number if (meta.doc_number or "\0") in text else None))  # fmt: skip
    return out


def _raw_title(text: str, title: str | None) -> str | None:
    """The title as written: also found in Traditional text (t2s keeps the length)."""
    if not title:
        return None
    if title in text:
        return title
    simplified = _T2S.convert(text)
    i = simplified.find(title)
    return text[i : i + len(title)] if i >= 0 and len(simplified) == len(text) else None


def move(text: str, src: vocab.Province, dst: vocab.Province) -> str:
    """The text as if the other province had issued it."""
    text = text.replace(src.name, dst.name)
    text = text.replace(_short_name(src), _short_name(dst))
    return re.sub(rf"{src.short}(府办?发)", rf"{dst.short}\1", text)


def _swappable(line: str, title: str | None) -> bool:
    """An unnumbered prose paragraph (not a heading, table cell, title or document number):
    swapping these keeps the document's outline and format intact."""
    return (
        40 < len(line) <= 400
        and "。" in line
        and "\t" not in line
        and "〔" not in line
        and not _NUMBERED.match(line)
        and not (title and title in line)
    )


def _traditional(text: str) -> bool:
    return _T2S.convert(text) != text


def generate(n: int, out: Path, *, seed: int = 7, corpus: Path | None = None) -> list[Path]:
    """Write n documents into `out` (created); returns their paths."""
    templates = load_templates(corpus)
    targets = [p for p in vocab.provinces() if p.mainland_system]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        t = templates[i % len(templates)]
        dst = targets[(i // len(templates) + templates.index(t)) % len(targets)]
        text = move(t.text, t.province, dst)
        donors = [
            move(p, o.province, dst)
            for o in templates
            if o is not t and o.path.suffix == t.path.suffix
            and _traditional(o.text) == _traditional(t.text)
            for p in o.text.split("\n") if _swappable(p, o.title)
        ]  # fmt: skip
        lines = text.split("\n")
        head = max(8, len(lines) // 10)  # the front of a document carries its metadata
        for j in range(head, len(lines)):
            if donors and _swappable(lines[j], t.title) and rng.random() < 0.25:
                lines[j] = rng.choice(donors)
        text = "\n".join(lines)
        repeat = i // (len(templates) * len(targets))
        if repeat:
            text = _variant(text, t, dst, repeat + 1)
        path = out / f"{i:05d}_{dst.code}_{t.path.stem[:3]}{t.path.suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def province_of(path: Path) -> str:
    """The province a corpus file was moved to (its code is in the file name)."""
    code = path.name.split("_")[1]
    return next(p.name for p in vocab.provinces() if p.code == code)


def _variant(text: str, t: Template, dst: vocab.Province, k: int) -> str:
    """Give a repeated (template, province) pair its own identity."""
    if t.number:
        number = move(t.number, t.province, dst)
        m = _DOC_NUMBER.fullmatch(number)
        if m:
            return text.replace(number, f"{m[1]}〔{m[2]}〕{int(m[3]) + 100 * k}号")
    if t.title:
        title = move(t.title, t.province, dst)
        return text.replace(title, f"{title}（之{k}）")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.n, args.out, seed=args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
