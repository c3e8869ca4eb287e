// The comparison page: vanilla JS over the policykg API (no build step).
// Everything from the API is inserted as text or escaped; only <mark> is added here.
"use strict";

const $ = (sel) => document.querySelector(sel);
const PALETTE = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const STATUS = { commits: "承诺", background: "仅背景提及", silent: "未提及", no_documents: "无文件" };
const ROLE = { lead: "牵头", support: "配合", responsible: "负责" };
const KIND = { measure: "措施", target: "目标", program: "项目" };
const BINDING = { binding: "约束性", expected: "预期性" };

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path) {
  const resp = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error(body.message || `${resp.status} ${resp.statusText}`);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "html") node.innerHTML = v; // callers pass escaped HTML only
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

// Escape `text` and wrap the given [start, end) ranges in <mark>.
function markRanges(text, ranges) {
  let out = "", last = 0;
  for (const [a, b] of ranges.slice().sort((x, y) => x[0] - y[0])) {
    if (a < last) continue;
    out += esc(text.slice(last, a)) + "<mark>" + esc(text.slice(a, b)) + "</mark>";
    last = b;
  }
  return out + esc(text.slice(last));
}

function markWords(text, words) {
  const ranges = [];
  for (const w of words || []) {
    if (!w) continue;
    let i = text.indexOf(w);
    while (i >= 0) { ranges.push([i, i + w.length]); i = text.indexOf(w, i + w.length); }
  }
  return markRanges(text, ranges);
}

function shorten(text, n) {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

function level(v, max) {
  if (!v || !max) return -1;
  return Math.min(PALETTE.length - 1, Math.floor(Math.sqrt(v / max) * PALETTE.length));
}

// ------------------------------------------------------------------ header figures

let provinceInfo = {};

async function loadStats() {
  const { rows } = await api("/provinces");
  provinceInfo = Object.fromEntries(rows.map((r) => [r.name, r]));
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  const covered = rows.filter((r) => r.documents > 0).length;
  const box = $("#stats");
  box.replaceChildren();
  for (const [n, label] of [[sum("documents"), "文件"], [covered, "省份"],
                            [sum("commitments"), "承诺条款"], [sum("targets"), "量化目标"]]) {
    box.append(el("div", { class: "stat" }, el("b", { text: n }), el("span", { text: label })));
  }
}

// ------------------------------------------------------------------ matrix

let matrixData = null;

async function loadMatrix() {
  matrixData = await api("/matrix");
  renderMatrix();
  const legend = $("#legend");
  legend.replaceChildren(el("span", { class: "lbl", text: "少" }),
    ...PALETTE.map((c) => el("i", { style: `background:${c}` })),
    el("span", { class: "lbl", text: "多" }),
    el("i", { style: "background:#fff;border:1px solid #cbd2d9;text-align:center;line-height:8px", text: "·" }),
    el("span", { class: "lbl", text: "仅背景" }));
}

function renderMatrix() {
  const wrap = $("#matrix-wrap");
  const { topics, cells } = matrixData;
  if (!topics.length) {
    wrap.replaceChildren(el("p", { class: "placeholder",
      text: "图中还没有主题承诺：导入文件后（policykg ingest）这里会出现矩阵。" }));
    return;
  }
  const all = $("#all-provinces").checked;
  const provinces = matrixData.provinces.filter((p) => all || (provinceInfo[p]?.documents ?? 0) > 0);
  const byKey = new Map(cells.map((c) => [`${c.province}|${c.topic}`, c]));
  const max = Math.max(1, ...cells.map((c) => c.commitments + c.targets));

  // topics grouped under their broadest topic: one header cell per group, then the topics
  const groupRow = el("tr", { class: "groups" }, el("th", { class: "prov corner", rowspan: "2", text: "省份 \\ 主题" }));
  for (const g of matrixData.groups || []) {
    groupRow.append(el("th", { class: "group", colspan: String(g.topics.length), "data-group": g.key,
      title: `${g.name_zh || g.key} · ${g.name_en || ""}` }, shorten(g.name_zh || g.key, 2 + 4 * g.topics.length)));
  }
  const head = el("tr", {});
  for (const t of topics) {
    head.append(el("th", { class: "topic", "data-topic": t.key, title: `${t.name_zh} · ${t.name_en} (${t.key})` },
      el("span", { text: shorten(t.name_zh || t.key, 11) })));
  }
  const body = el("tbody");
  for (const p of provinces) {
    const docs = provinceInfo[p]?.documents ?? 0;
    const tr = el("tr", { class: docs ? "" : "nodocs" },
      el("th", { class: "prov", title: `${docs} 份文件`, text: p }));
    for (const t of topics) {
      const c = byKey.get(`${p}|${t.key}`);
      const v = c ? c.commitments + c.targets : 0;
      const lv = level(v, max);
      const td = el("td", { class: "cell", "data-province": p, "data-topic": t.key });
      if (c && c.status === "commits") {
        td.style.background = PALETTE[lv];
        td.style.color = lv >= 3 ? "#fff" : "#1f2933";
        td.textContent = v;
        td.title = `${p} · ${t.name_zh}：${c.commitments} 条承诺，${c.targets} 个目标，${c.mentions} 处其他提及`;
      } else if (c && c.status === "background") {
        td.classList.add("bg");
        td.title = `${p} · ${t.name_zh}：仅在背景/愿景中提及 ${c.mentions} 处`;
      } else if (!docs) {
        td.classList.add("nodocs");
        td.title = `${p}：图中没有该省的文件，无法判断`;
      } else {
        td.classList.add("silent");
        td.title = `${p} · ${t.name_zh}：已导入的 ${docs} 份文件均未提及`;
      }
      if (c) td.addEventListener("click", () => showEvidence(p, t, td));
      tr.append(td);
    }
    body.append(tr);
  }
  wrap.replaceChildren(el("table", { class: "matrix" }, el("thead", {}, groupRow, head), body));
  renderCards(topics, cells);
}

// One card per province with documents: its figures and the topics it commits to most.
function renderCards(topics, cells) {
  const names = Object.fromEntries(topics.map((t) => [t.key, t.name_zh || t.key]));
  const broad = new Set(topics.filter((t) => t.narrower.length).map((t) => t.key));
  const cards = Object.values(provinceInfo).filter((p) => p.documents > 0).map((p) => {
    const top = cells.filter((c) => c.province === p.name && c.status === "commits" && !broad.has(c.topic))
      .sort((a, b) => (b.commitments + b.targets) - (a.commitments + a.targets)).slice(0, 6);
    return el("div", { class: "pcard" },
      el("h4", {}, el("a", { href: `/provinces/${encodeURIComponent(p.name)}`, text: p.name })),
      el("div", { class: "nums", html: `<b>${esc(p.documents)}</b> 份文件 · <b>${esc(p.commitments)}</b> 条承诺 · ` +
        `<b>${esc(p.targets)}</b> 个目标 · <b>${esc(p.departments)}</b> 个部门` }),
      el("div", { class: "ptop" }, ...top.map((c) => el("span", { text: names[c.topic], title: `${c.commitments} 条承诺，${c.targets} 个目标` }))));
  });
  $("#province-cards").replaceChildren(...cards);
}

async function showEvidence(province, topic, td) {
  document.querySelectorAll("td.cell.sel").forEach((n) => n.classList.remove("sel"));
  td.classList.add("sel");
  const panel = $("#evidence");
  panel.replaceChildren(el("p", { class: "loading", text: "加载中…" }));
  try {
    const url = `/topics/${encodeURIComponent(topic.key)}/provinces?province=${encodeURIComponent(province)}`;
    const data = await api(url);
    const row = data.rows[0];
    panel.replaceChildren(...evidenceView(row, data.topic, url));
  } catch (err) {
    panel.replaceChildren(el("p", { class: "error", text: `出错了：${err.message}` }));
  }
}

// The original file with the span highlighted (GET /source), in a new tab.
function sourceLink(e) {
  if (!e.source_url) return null;
  return el("a", { class: "srclink", href: e.source_url, target: "_blank", rel: "noopener",
    title: `原文件字符 ${e.source_start}–${e.source_end}`, text: "查看原文" });
}

function evidenceView(row, topic, url) {
  const out = [
    el("h3", { text: `${row.province} · ${topic.name_zh || topic.key}` }),
    el("div", {}, el("span", { class: `badge ${row.status}`, text: STATUS[row.status] }),
      el("small", { text: `${row.commitments} 条承诺 · ${row.targets.length} 个目标 · ${row.mentions} 处其他提及` })),
  ];
  if (row.documents.length) {
    out.push(el("div", { class: "docs" }, el("b", { text: "依据文件：" }),
      row.documents.map((d) => `${d.title || d.document_id}（${d.kind || "?"}，${d.issued_date || d.period || "日期不详"}）`).join("；")));
  } else {
    out.push(el("p", { class: "hint", text: "图中没有该省的文件：无法判断是否提及。" }));
  }
  const deps = [["牵头", row.lead_departments], ["配合", row.support_departments],
                ["责任单位", row.other_departments]].filter(([, v]) => v.length);
  for (const [label, names] of deps) {
    out.push(el("div", { class: "deps" }, el("b", { text: `${label}：` }), names.join("、")));
  }
  for (const t of row.targets) {
    const val = [t.value_text, t.unit && !String(t.value_text).includes(t.unit) ? t.unit : ""].join("");
    out.push(el("div", { class: "tg" },
      t.binding ? el("span", { class: `badge ${t.binding}`, text: BINDING[t.binding] || t.binding }) : null,
      el("b", { text: t.indicator }), `：${val}${t.year ? `（${t.year}年）` : ""}`,
      el("div", { class: "src" }, `${t.document || ""}${t.section ? " › " + t.section : ""} `, sourceLink(t))));
  }
  for (const e of row.evidence) {
    const where = [e.document, e.doc_number, e.section].filter(Boolean).join(" › ");
    out.push(el("div", { class: `ev ${e.statement === "commitment" ? "" : "other"}` },
      el("div", { class: "text", html: markWords(e.text, e.matched) }),
      e.departments.length ? el("div", { class: "deps written", text: "部门（按原文顺序）：" +
        e.departments.map((d) => `${d.mention || d.name}（${ROLE[d.role] || d.role}）`).join("、") }) : null,
      el("div", { class: "src" }, `${where} · 字符 ${e.start}–${e.end}${e.statement === "commitment" ? "" : " · " + e.statement} `,
        sourceLink(e))));
  }
  out.push(el("p", { class: "hint" }, "数据：", el("a", { href: url, text: "JSON" }), " · ",
    el("a", { href: url.replace("/provinces?", "/provinces.csv?"), text: "CSV" })));
  return out;
}

// ------------------------------------------------------------------ timeline

function fillTimelineTopics() {
  const select = $("#timeline-topic");
  const topics = matrixData?.topics || [];
  select.replaceChildren(...topics.map((t) => el("option", { value: t.key, text: `${t.name_zh || t.key}（${t.key}）` })));
  if (topics.some((t) => t.key === "udi")) select.value = "udi";
  select.addEventListener("change", () => loadTimeline(select.value));
  if (select.value) loadTimeline(select.value);
  else $("#timeline").replaceChildren(el("p", { class: "placeholder", text: "还没有主题承诺。" }));
}

async function loadTimeline(key) {
  const box = $("#timeline");
  box.replaceChildren(el("p", { class: "loading", text: "加载中…" }));
  try {
    const data = await api(`/topics/${encodeURIComponent(key)}/timeline`);
    box.replaceChildren(...timelineView(data));
  } catch (err) {
    box.replaceChildren(el("p", { class: "error", text: `出错了：${err.message}` }));
  }
}

function timelineView(data) {
  const rows = data.rows;
  if (!rows.length) return [el("p", { class: "placeholder", text: "没有省份承诺这一主题。" })];
  const years = rows.flatMap((r) => r.documents.map((d) => d.issued_date).filter(Boolean))
    .map((d) => Number(d.slice(0, 4)));
  const lo = Math.min(...years, new Date().getFullYear()) , hi = Math.max(...years, lo) + 1;
  const pos = (date) => `${(100 * (Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12 - lo) / (hi - lo)).toFixed(1)}%`;
  const axis = el("div", { class: "tl-axis" });
  for (let y = lo; y <= hi; y++) axis.append(el("span", { style: `left:${(100 * (y - lo) / (hi - lo)).toFixed(1)}%`, text: y }));
  const list = el("ol", { class: "timeline" });
  for (const r of rows) {
    const track = el("div", { class: "tl-track" });
    for (const d of r.documents) {
      if (!d.issued_date) continue;
      track.append(el("i", { class: d.document_id === r.document_id ? "first" : "later", style: `left:${pos(d.issued_date)}`,
        title: `${d.issued_date} ${d.title || ""}（${d.kind || "?"}）` }));
    }
    const follows = r.follows.map((f) => f.doc_number || f.title).join("、");
    list.append(el("li", { "data-province": r.province },
      el("b", { class: "tl-prov", text: r.province }),
      el("span", { class: "tl-date", text: r.first_committed || "日期不详" }),
      track,
      el("div", { class: "tl-doc", text: `${r.document_kind || "文件"}：${r.document || r.document_id}` +
        (follows ? ` ← 依据 ${follows}` : "") + (r.documents_committing > 1 ? `（此后 ${r.documents_committing - 1} 份）` : "") })));
  }
  const out = [axis, list];
  if (data.not_committed.length) out.push(el("p", { class: "hint", text: `有文件但未承诺：${data.not_committed.join("、")}` }));
  out.push(el("p", { class: "hint" }, `无文件的省份 ${data.without_documents.length} 个不计入。数据：`,
    el("a", { href: `/topics/${encodeURIComponent(data.topic.key)}/timeline`, text: "JSON" }), " · ",
    el("a", { href: `/topics/${encodeURIComponent(data.topic.key)}/timeline.csv`, text: "CSV" })));
  return out;
}

// ------------------------------------------------------------------ indicators

async function loadIndicators() {
  const [targets, indicators] = await Promise.all([api("/targets?limit=5000"), api("/indicators?used=true")]);
  const names = Object.fromEntries(indicators.rows.map((i) => [i.key, i]));
  const rows = targets.rows.filter((t) => t.indicator_key);
  const provinces = [...new Set(rows.map((t) => t.province))]
    .sort((a, b) => (provinceInfo[a]?.code || "").localeCompare(provinceInfo[b]?.code || ""));
  const byInd = new Map();
  for (const t of rows) {
    if (!byInd.has(t.indicator_key)) byInd.set(t.indicator_key, new Map());
    const m = byInd.get(t.indicator_key);
    if (!m.has(t.province)) m.set(t.province, []);
    m.get(t.province).push(t);
  }
  const order = [...byInd.keys()].sort((a, b) => byInd.get(b).size - byInd.get(a).size || a.localeCompare(b));
  const wrap = $("#indicator-table");
  if (!order.length) {
    wrap.replaceChildren(el("p", { class: "placeholder", text: "还没有与标准指标匹配的目标。" }));
  } else {
    const head = el("tr", {}, el("th", { text: "指标" }), ...provinces.map((p) => el("th", { text: p })));
    const body = el("tbody");
    for (const key of order) {
      const info = names[key] || {};
      const tr = el("tr", {}, el("td", { class: "indname", title: info.definition || "" }, info.name || key,
        el("small", { text: `${info.name_en || ""}${info.unit ? " · " + info.unit : ""}` })));
      for (const p of provinces) {
        const ts = (byInd.get(key).get(p) || []).sort((a, b) => (b.year || 0) - (a.year || 0));
        if (!ts.length) { tr.append(el("td", { class: "val none", text: "—" })); continue; }
        const td = el("td", { class: "val", title: ts.map((t) => `${t.text || t.indicator}\n— ${t.document || ""}`).join("\n\n") });
        ts.slice(0, 3).forEach((t, i) => {
          if (i) td.append(el("br"));
          const unit = t.unit && !String(t.value_text).includes(t.unit) ? t.unit : "";
          // a target that measures something else (another kind of unit, some cities' figure)
          // is shown apart, with the reason, never as if it were comparable (issue 13.6)
          const shown = el("span", t.comparable === false
            ? { class: "incomparable", title: `不可直接比较：${t.not_comparable_because}` } : {},
            `${t.comparable === false ? "≠ " : ""}${t.value_text}${unit}`); // as written: 1000以上, 〔70〕
          td.append(shown);
          if (t.year) td.append(el("span", { class: "yr", text: t.year }));
        });
        tr.append(td);
      }
      body.append(tr);
    }
    wrap.replaceChildren(el("table", { class: "ind" }, el("thead", {}, head), body));
  }
  const unmatched = targets.rows.length - rows.length;
  $("#indicator-note").textContent = `${rows.length} 个目标与 ${order.length} 个标准指标匹配` +
    (unmatched ? `；另有 ${unmatched} 个目标的指标尚未归入标准指标（见 /targets?unmatched=true）。` : "。");
}

// ------------------------------------------------------------------ search

function snippet(hit, width = 160) {
  const text = hit.text || "";
  const first = hit.highlights.length ? hit.highlights[0].start : 0;
  const from = Math.max(0, first - 40);
  const to = Math.min(text.length, from + width);
  const ranges = hit.highlights.filter((h) => h.start >= from && h.end <= to)
    .map((h) => [h.start - from, h.end - from]);
  return (from > 0 ? "…" : "") + markRanges(text.slice(from, to), ranges) + (to < text.length ? "…" : "");
}

async function runSearch(ev) {
  if (ev) ev.preventDefault();
  const q = $("#q").value.trim();
  const list = $("#search-results");
  if (!q) { list.replaceChildren(); $("#search-summary").textContent = ""; return; }
  const kind = $("#search-kind").value;
  $("#search-summary").textContent = "检索中…";
  try {
    const data = await api(`/search?q=${encodeURIComponent(q)}&limit=50${kind ? "&kind=" + kind : ""}`);
    const conv = data.converted !== data.q ? `（已转为简体：${data.converted}）` : "";
    $("#search-summary").textContent = `“${data.q}”${conv}：${data.count} 条结果，检索词 ${data.terms.join(" / ")}`;
    list.replaceChildren(...data.rows.map((h) => el("li", {},
      el("div", { class: "meta" }, el("span", { class: "badge kind", text: KIND[h.kind] || h.kind }),
        [h.province, h.document, h.section].filter(Boolean).join(" › "), " ", sourceLink(h)),
      el("div", { class: "snippet", html: snippet(h) }))));
  } catch (err) {
    $("#search-summary").textContent = `出错了：${err.message}`;
    list.replaceChildren();
  }
}

// ------------------------------------------------------------------ start

async function main() {
  $("#search-form").addEventListener("submit", runSearch);
  $("#all-provinces").addEventListener("change", () => matrixData && renderMatrix());
  try {
    await loadStats();
    await Promise.all([loadMatrix(), loadIndicators()]);
    fillTimelineTopics();
  } catch (err) {
    $("#matrix-wrap").replaceChildren(el("p", { class: "error", text: `无法加载数据：${err.message}` }));
  }
  document.body.dataset.ready = "true";
}

main();
