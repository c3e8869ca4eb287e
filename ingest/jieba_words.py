"""jieba's words and spaces for a text, as spaCy's Chinese tokenizer gives them, found faster.

The tokenizer of the parsed Doc (ingest/nlp.py BoundaryTokenizer) starts from these words and
cuts them at every match edge. Apart from the pipeline because this is the segmentation alone:
spaCy's alignment of jieba's words with the text redone in linear time, and jieba's own
segmentation memoized block by block — the hot loop of every parse, with its own invariants.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jieba
from spacy.errors import Errors
from spacy.lang.zh import Segmenter


def jieba_words(base: Any, text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces of spaCy's jieba tokenizer (`base`), without its Doc.

    Same segmentation and alignment as spacy.lang.zh.ChineseTokenizer with
    spacy.util.get_words_and_spaces, whose `text[pos:].index(word)` copies the rest of the
    text for every word (quadratic in a long document); `text.index(word, pos)` finds the
    same offset. Another segmenter goes through spaCy's own tokenizer."""
    if base.segmenter != Segmenter.jieba:
        doc = base(text)
        return [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    seg = base.jieba_seg
    if seg is jieba:
        return _aligned_blocks(text)
    words = [x for x in seg.cut(text, cut_all=False) if x]
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        try:
            start = text.index(word, pos)
        except ValueError:
            raise ValueError(Errors.E194.format(text=text, words=words)) from None
        if start > pos:
            text_words.append(text[pos:start])
            text_spaces.append(False)
            pos = start
        text_words.append(word)
        pos += len(word)
        space = pos < len(text) and text[pos] == " "
        text_spaces.append(space)
        pos += space
    if pos < len(text):
        text_words.append(text[pos:])
        text_spaces.append(False)
    return text_words, text_spaces


# jieba.dt.cut(text, cut_all=False, HMM=True) splits the text into blocks of hanzi, letters
# and digits (re_han) and segments each block alone (its DAG, route and HMM, pure Python
# and most of a document's parse); the rest it yields as whitespace runs and characters.
# A block's words depend on the block only (the dictionary is never changed here), and
# documents repeat their blocks (各有关单位, 现将有关事项通知如下): each block is segmented once.
@lru_cache(maxsize=1 << 16)
def _block_words(block: str) -> tuple[str, ...]:
    return tuple(jieba.dt._Tokenizer__cut_DAG(block))


def _aligned_blocks(text: str) -> tuple[list[str], list[bool]]:
    """`jieba_words` for jieba itself (jieba 0.42's Tokenizer.cut, accurate mode, HMM on),
    aligned block by block instead of word by word (the alignment loop cost more than the
    cached segmentation). The same words and spaces: jieba's items tile the text, a word
    never holds whitespace and never starts where a skipped whitespace item lies, so the
    alignment puts each word where jieba cut it; a han block's words are contiguous (no
    gap, no space between them); a whitespace item is skipped and lands in the gap before
    the next word, except one " " right after a word, which becomes that word's space."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0  # the text up to here is in `words`
    at = 0  # where the current block starts
    n = len(text)
    # re.split with one capturing group: the blocks of the han pattern are the odd parts
    for i, block in enumerate(jieba.re_han_default.split(text)):
        if i % 2:
            if at > pos:
                words.append(text[pos:at])
                spaces.append(False)
            cut = _block_words(block)
            words += cut
            spaces += [False] * len(cut)
            pos = at + len(block)
            if pos < n and text[pos] == " ":
                spaces[-1] = True
                pos += 1
        else:  # whitespace items (skipped) and one-character words
            for j, c in enumerate(block, at):
                if j < pos or c.isspace():  # j < pos: the " " taken as the last word's space
                    continue
                if j > pos:
                    words.append(text[pos:j])
                    spaces.append(False)
                words.append(c)
                pos = j + 1
                if pos < n and text[pos] == " ":
                    spaces.append(True)
                    pos += 1
                else:
                    spaces.append(False)
        at += len(block)
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces
