"""Exports on the real embedded store, read back with networkx's own readers.

Every format must give back the node and relationship counts of `policykg stats`
(graph_stats); slices are checked exactly on a small hand-made graph.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from policykg.graph.export import iter_export, to_networkx, write_export
from policykg.graph.summaries import summary_rows
from typer.testing import CliRunner

from policykg.cli import app
from policykg.errors import InputError
from policykg.ingestion import graph_stats
from policykg.settings import get_settings
from tests.conftest import store_env
from tests.graph.crafted import SH_HEALTH, SH_NMPA, load_crafted


@pytest.fixture(scope="module")
def crafted(dataset_store):
    yield from dataset_store("crafted", load_crafted)


@pytest.fixture(scope="module")
def seeds_graph(seeded_store) -> nx.MultiDiGraph:
    return to_networkx(seeded_store)


def _counts(g: nx.Graph) -> tuple[Counter, Counter]:
    labels = Counter(d.get("node_label") or d.get("label") for _, d in g.nodes(data=True))
    types = Counter(d.get("type") or d.get("label") for *_, d in g.edges(data=True))
    return labels, types


def _read(fmt: str, path: Path) -> nx.Graph:
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _check_neo4j_files(files: dict[str, str], stats: dict) -> None:
    nodes, rels = Counter(), Counter()
    for name, text in files.items():
        if not name.endswith(".csv"):
            continue
        header, *rows = _csv_rows(text)
        if name.startswith("nodes_"):
            label = name[len("nodes_") : -len(".csv")]
            assert header[0].endswith(f":ID({label})") and header[-1] == ":LABEL", header
            assert {r[-1] for r in rows} == {label}
            nodes[label] += len(rows)
        else:
            rtype, a, b = name[len("rels_") : -len(".csv")].rsplit("_", 2)
            assert header[:2] == [f":START_ID({a})", f":END_ID({b})"] and header[-1] == ":TYPE"
            assert {r[-1] for r in rows} == {rtype}
            rels[rtype] += len(rows)
    assert dict(nodes) == stats["nodes"]
    assert dict(rels) == stats["relationships"]
    assert all(f"nodes_{label}.csv" in files["import.sh"] for label in stats["nodes"])


# --------------------------------------------------------------------------- whole graph


def test_networkx_graph_has_the_store_counts(seeded_store, seeds_graph):
    stats = graph_stats(seeded_store)
    labels, types = _counts(seeds_graph)
    assert dict(labels) == stats["nodes"]
    assert dict(types) == stats["relationships"]
    shanghai = seeds_graph.nodes["Province:310000"]
    assert shanghai["label"] == "Province" and shanghai["name"] == "上海市"
    assert all(n.startswith(d["label"] + ":") for n, d in seeds_graph.nodes(data=True))
    indicator = next(d for _, d in seeds_graph.nodes(data=True) if d["label"] == "Indicator")
    assert isinstance(indicator["topics"], list) and indicator["topics"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_file_formats_read_back_with_the_store_counts(seeded_store, seeds_graph, tmp_path, fmt):
    stats = graph_stats(seeded_store)
    path = tmp_path / f"seeds.{fmt}"
    write_export(seeds_graph, fmt, path)
    back = _read(fmt, path)
    assert back.number_of_nodes() == sum(stats["nodes"].values())
    assert back.number_of_edges() == sum(stats["relationships"].values())
    labels, types = _counts(back)
    assert dict(labels) == stats["nodes"] and dict(types) == stats["relationships"]
    raw = path.read_bytes()
    assert "上海市药品安全".encode() in raw  # Chinese kept as UTF-8, not &#…; escapes
    assert set(back) == set(seeds_graph)  # stable ids survive


def test_graphml_and_gexf_say_which_attributes_are_json(seeds_graph, tmp_path):
    write_export(seeds_graph, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert "topics" in g.graph["json_encoded"].split(",")
    indicator = next(d for _, d in g.nodes(data=True) if d["label"] == "Indicator")
    assert isinstance(json.loads(indicator["topics"]), list)
    write_export(seeds_graph, "gexf", tmp_path / "g.gexf")
    x = nx.read_gexf(tmp_path / "g.gexf")
    assert "topics" in x.graph["description"] and "prop_start" in str(x.graph["description"])
    measure = next(d for _, d in x.nodes(data=True) if d["node_label"] == "Measure")
    assert isinstance(measure["prop_start"], int) and measure["prop_id"]
    assert x.graph["mode"] == "static"  # start/end offsets were not taken for time spells


def test_neo4j_csv_rows_match_the_store(seeded_store, seeds_graph, tmp_path):
    stats = graph_stats(seeded_store)
    written = write_export(seeds_graph, "neo4j-csv", tmp_path / "neo4j")
    files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "neo4j").iterdir()}
    assert {p.name for p in written} == set(files)
    _check_neo4j_files(files, stats)
    header = _csv_rows(files["nodes_Department.csv"])[0]
    assert header[0] == "id:ID(Department)"
    assert "topics:string[]" in _csv_rows(files["nodes_Indicator.csv"])[0]
    target = _csv_rows(files["nodes_Target.csv"])[0]
    assert {"year:long", "value:double", "cumulative:boolean"} <= set(target)
    assert "${NEO4J_ADMIN:-neo4j-admin} database import full" in files["import.sh"]
    assert "--array-delimiter=';'" in files["import.sh"]


def test_neo4j_csv_stream_is_a_zip_of_the_same_files(seeded_store, seeds_graph):
    data = b"".join(iter_export(seeds_graph, "neo4j-csv"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        files = {name: zf.read(name).decode("utf-8") for name in zf.namelist()}
    _check_neo4j_files(files, graph_stats(seeded_store))


def test_export_cypher_passes_neo4j_front_end():
    """The two reads of to_networkx are portable: Neo4j's own semantic analysis accepts them."""
    from policykg.graph.export import _NODES, _RELS

    from tools.cypher_lint import CypherLintUnavailable, LintQuery, lint

    try:
        results = lint([LintQuery("nodes", _NODES, ()), LintQuery("rels", _RELS, ())])
    except CypherLintUnavailable as e:
        pytest.skip(str(e))
    assert [(r.errors, r.warnings) for r in results] == [((), ()), ((), ())]


# --------------------------------------------------------------------------- slices


def test_province_slice_of_the_seeds(seeds_graph, seeded_store):
    g = to_networkx(seeded_store, provinces=["上海市"])
    labels, _ = _counts(g)
    assert labels["Document"] == 3 and labels["Province"] == 1
    assert {d["province"] for _, d in g.nodes(data=True) if d["label"] == "Document"} == {"上海市"}
    assert {
        d.get("province_code") for _, d in g.nodes(data=True) if d["label"] == "Department"
    } <= {
        "310000",
        None,
    }
    docs = {n for n, d in g.nodes(data=True) if d["label"] == "Document"}
    for _, d in g.nodes(data=True):
        if d["label"] in ("Measure", "Target"):
            assert f"Document:{d['document_id']}" in docs
    shanghai_measures = sum(
        1
        for n, d in seeds_graph.nodes(data=True)
        if d["label"] == "Measure" and f"Document:{d['document_id']}" in docs
    )
    assert labels["Measure"] == shanghai_measures > 0


def test_topic_slice_includes_narrower_topics(crafted):
    g = to_networkx(crafted, topics=["traceability"])
    assert sorted(g) == sorted(
        [
            "Topic:traceability", "Topic:udi", "Topic:drug_traceability",
            "Measure:310000:测试文件1:1", "Measure:310000:测试文件1:3", "Measure:330000:测试文件2:1",
            "Document:310000:测试文件1", "Document:330000:测试文件2",
            f"Department:310000:{SH_NMPA}", f"Department:310000:{SH_HEALTH}",
            "Department:330000:浙江省药品监督管理局", "Department:330000:浙江省市场监督管理局",
            "Province:310000", "Province:330000",
        ]
    )  # fmt: skip
    # measure 3 names 药监局 twice (lead and support): parallel relationships are kept
    roles = sorted(
        d["role"]
        for _, v, d in g.out_edges("Measure:310000:测试文件1:3", data=True)
        if v == f"Department:310000:{SH_NMPA}"
    )
    assert roles == ["lead", "support"]


def test_province_and_topic_filters_intersect(crafted):
    g = to_networkx(crafted, provinces=["上海市"], topics=["udi"])
    assert sorted(g) == sorted(
        [
            "Topic:udi", "Measure:310000:测试文件1:1", "Measure:310000:测试文件1:3",
            "Document:310000:测试文件1", f"Department:310000:{SH_NMPA}",
            f"Department:310000:{SH_HEALTH}", "Province:310000",
        ]
    )  # fmt: skip
    assert json.loads(g.graph["filters"]) == {"provinces": ["上海市"], "topics": ["udi"]}
    single = to_networkx(crafted, provinces="上海市", topics="udi")  # a bare name, not a list
    assert sorted(single) == sorted(g)


def test_province_slice_keeps_what_the_documents_reach(crafted):
    g = to_networkx(crafted, provinces=["浙江省"])
    labels, types = _counts(g)
    assert labels == Counter(Province=1, Document=1, Measure=1, Target=1, Department=2,
                             Topic=3, Region=1)  # fmt: skip
    assert "Region:yangtze_river_delta" in g and "Topic:pharmacovigilance" in g


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_parallel_relationships_survive_every_format(crafted, tmp_path, fmt):
    g = to_networkx(crafted)
    write_export(g, fmt, tmp_path / f"c.{fmt}")
    back = _read(fmt, tmp_path / f"c.{fmt}")
    assert back.is_multigraph()
    assert (
        back.number_of_edges()
        == g.number_of_edges()
        == sum(graph_stats(crafted)["relationships"].values())
    )


def test_bad_filters_and_paths_are_input_errors(crafted, tmp_path):
    with pytest.raises(InputError, match="上海市"):
        to_networkx(crafted, provinces=["上海"])
    with pytest.raises(InputError, match="udi"):
        to_networkx(crafted, topics=["no_such_topic"])
    g = to_networkx(crafted)
    with pytest.raises(InputError, match="graphml, gexf, json, neo4j-csv"):
        write_export(g, "xml", tmp_path / "x.xml")
    with pytest.raises(InputError, match="does not exist"):
        write_export(g, "graphml", tmp_path / "missing" / "x.graphml")
    with pytest.raises(InputError, match="is a folder"):
        write_export(g, "json", tmp_path)


# --------------------------------------------------------------------------- command line


@pytest.fixture
def cli(seeded_store, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for key, value in store_env(seeded_store).items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "neo4j-csv"])
def test_cli_export_reads_back_with_the_store_counts(cli, seeded_store, tmp_path, fmt):
    stats = graph_stats(seeded_store)
    out = tmp_path / ("neo4j" if fmt == "neo4j-csv" else f"seeds.{fmt}")
    result = cli.invoke(app, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {sum(stats['nodes'].values())} nodes" in result.stdout
    if fmt == "neo4j-csv":
        files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
        # the whole graph's export carries its write-time summaries (graph/summaries.py)
        header, *rows = _csv_rows(files.pop("nodes_Summary.csv"))
        assert header[0] == "key:ID(Summary)"
        assert sorted(r[0] for r in rows) == [s["key"] for s in summary_rows(seeded_store)]
        assert f"and {len(rows)} summaries" in result.stdout
        _check_neo4j_files(files, stats)
    else:
        back = _read(fmt, out)
        assert back.number_of_nodes() == sum(stats["nodes"].values())
        assert back.number_of_edges() == sum(stats["relationships"].values())


def test_cli_export_filters(cli, tmp_path):
    out = tmp_path / "sh.json"
    args = ["export", "-f", "json", "-o", str(out), "--province", "上海市", "--province", "浙江省"]
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    g = _read("json", out)
    assert {d["name"] for _, d in g.nodes(data=True) if d["label"] == "Province"} == {
        "上海市",
        "浙江省",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "xml", "-o", "{tmp}/x.xml"], "unknown export format 'xml'"),
        (["-f", "graphml", "-o", "{tmp}/no/such/x.graphml"], "does not exist; create it first"),
        (["-f", "json", "-o", "{tmp}/x.json", "--province", "火星"], "unknown province '火星'"),
        (["-f", "json", "-o", "{tmp}/x.json", "--topic", "nope"], "unknown topic 'nope'"),
    ],
)
def test_cli_export_errors_are_clear(cli, tmp_path, args, message):
    result = cli.invoke(app, ["export", *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
