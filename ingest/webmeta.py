"""The labelled metadata block that government web pages put around a document.

政务公开 pages (gov.cn and the provincial portals, most built on TRS/Hanweb CMSs) show a
table or a line of labels above the text: 索引号, 主题分类, 发文机关 / 发布机构, 成文日期,
标题, 发文字号, 发布日期 … A label is followed by its value on the same line
("发文字号：鄂政办发〔2023〕19号") or, in a table flattened to cell lines, by the next cell.
Several labels may share one line ("索引号：… 分类：…"): a value ends where the next
label starts. Letter-spaced labels (索 引 号, 分　　类) are matched with optional spaces; a table run
together without colons is read where a line opens with two or more labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# label → field; the first label of a field found wins, later ones are kept as alternatives.
LABELS: dict[str, str] = {
    "索引号": "index_number",
    "主题分类": "subject",
    "主题词": "subject",
    "主题信息": "subject",
    "分类": "subject",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "发文单位": "issuer",
    "发布单位": "issuer",
    "责任部门": "issuer",  # 政府信息公开 pages: the body whose information it is
    "制发机关": "issuer",
    "成文日期": "issued",
    "成文时间": "issued",
    "印发日期": "issued",
    "签发日期": "issued",
    "发文日期": "issued",
    "生成日期": "issued",  # 信息公开 pages of the ministries: the document's date of making  # the date of issue on gov.cn-style pages; 发布日期 is the web date
    "标题": "title",
    "名称": "title",
    "文件名称": "title",
    "点击查看文件": "title",  # a 政策解读 page links the notice it explains
    "查看文件": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发文编号": "doc_number",
    "政策文号": "doc_number",  # policy-database pages (政策 / 发布部门 / 政策文号 / 有效性)
    "文件编号": "doc_number",
    "文件字号": "doc_number",
    "发布文号": "doc_number",  # law databases' 【发布部门】【发布文号】【发布日期】 front matter
    "发布部门": "issuer",
    "发布日期": "published",
    "发布时间": "published",
    "公开日期": "published",
    "生效日期": "effective",
    "有效性": "validity",
    "有效期": "validity",
    "废改立情况": "validity",
}
_SPACED = {label: r"\s*".join(map(re.escape, label)) for label in LABELS}
_ANY_LABEL = "|".join(_SPACED[k] for k in sorted(LABELS, key=len, reverse=True))  # longest first
_LABEL_RX = re.compile(
    "(?<![\u4e00-\u9fff])(?:【|[\\[［]\\s*)?(?P<label>" + _ANY_LABEL + r")(?:\s*[:：]|】|\s*[\]］])"
)  # (【发文字号】, [ 发文字号 ]: a label in brackets, a portal's metadata table)
# A label block laid out as a table whose cells a scrape ran together without colons
# ("索 引 号 640105-214/2021-00030 文号 某发〔2021〕8号"): labels then values, read only on a
# line that opens with a label and holds two or more of them (prose never does).
_BARE_RX = re.compile(r"(?:^|(?<=\s))(?P<label>" + _ANY_LABEL + r")\s+(?=\S)")
_ALONE_RX = re.compile("(?P<label>" + _ANY_LABEL + ")")
MAX_VALUE = 120  # a longer "value" is running text after a colon, not a label's value


@dataclass
class PageLabels:
    values: dict[str, str] = field(default_factory=dict)  # field → first value
    line_of: dict[str, int] = field(default_factory=dict)  # field → line index of the label

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def _field(raw_label: str) -> str:
    return LABELS[re.sub(r"\s+", "", raw_label)]


def page_labels(lines: list[str]) -> PageLabels:
    """Labels and values in `lines` (stripped lines of the head of a document)."""
    out = PageLabels()
    task_bodies = False
    # (a label block flattened one cell a line, 索引号 / 0MB… / 发文日期 / 2021年…: a label alone
    # on its line, its value on the next, read where two or more such lines stand in the head)
    # (a page may list the cells as bullets: • 索引号 / • 0MB…)
    alone = {i for i, line in enumerate(lines) if _ALONE_RX.fullmatch(_cell(line))}
    for i, line in enumerate(lines):
        found = list(_LABEL_RX.finditer(line))
        if not found and len(bare := list(_BARE_RX.finditer(line))) >= 2 and bare[0].start() == 0:
            found = bare
        if not found and len(alone) >= 2 and i in alone:
            found = [m for m in [_ALONE_RX.fullmatch(_cell(line))] if m]
            line = _cell(line)
        for k, m in enumerate(found):
            end = found[k + 1].start() if k + 1 < len(found) else len(line)
            value = line[m.end() : end].strip(" \t　")
            if not value and k + 1 == len(found) and i + 1 < len(lines):
                nxt = _cell(lines[i + 1]) if i in alone else lines[i + 1].strip()
                if not _LABEL_RX.match(nxt) and not _ALONE_RX.fullmatch(nxt):
                    value = nxt  # the value sits in the next table cell
            if not value or len(value) > MAX_VALUE or "。" in value or value in _PLACEHOLDERS:
                continue  # (文号：未知 — a page's empty field; a later block may fill it)
            name = _field(m["label"])
            if name not in out.values:
                out.values[name] = value
                out.line_of[name] = i
                task_bodies = task_bodies or (
                    name == "issuer" and bool(_TASK_LABEL.match(m["label"]))
                )
    if task_bodies and len(out.values) == 1:
        # 责任部门：A、B、C alone, with no other label of a page's block around it: a task's
        # bodies (an excerpt opening on a plan's item), not the page's publisher
        return PageLabels()
    return out


def _cell(line: str) -> str:
    return line.strip().lstrip("•·●▪◦ ").strip()


_PLACEHOLDERS = frozenset({"未知", "无", "暂无", "空", "-", "—", "/", "／", "null", "None"})
_TASK_LABEL = re.compile(r"责\s*任\s*部\s*门")


def is_label_line(line: str) -> bool:
    """A line of a page's label block (责任部门：X / 索引号：…): page furniture, not text."""
    m = _LABEL_RX.match(line.strip())
    return m is not None and len(line) - m.end() <= MAX_VALUE and "。" not in line


def unlabelled_title(line: str) -> str:
    """A line that is a page's title label and its value (标题：X关于…的通知): the value;
    any other line as it is."""
    m = _LABEL_RX.match(line.strip())
    if m is None or _field(m["label"]) != "title":
        return line
    return line.strip()[m.end() :].strip(" \t　") or line
