"""ingest/disk_cache.py: a table is built once per content of its sources, read back equal,
never read stale, rebuilt when its file is damaged, and built anyway where nothing can be
written; the gazetteer tree read back is jionlp's own."""

from policykg.ingest import disk_cache, places


def _counting(table):
    calls = []

    def build():
        calls.append(1)
        return table

    return build, calls


def test_built_once_then_read_back_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    table = {"b": {"_alias": ["x", "y"], "_code": "1"}, "a": [1, 2.5, None, ("t",)]}
    build, calls = _counting(table)
    first = disk_cache.load_or_build("t", [b"src"], build)
    second = disk_cache.load_or_build("t", [b"src"], build)
    assert first == second == table and list(second) == ["b", "a"] and len(calls) == 1


def test_changed_source_is_a_new_key_and_the_old_file_goes(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    disk_cache.load_or_build("t", [b"one"], lambda: {"v": 1})
    assert disk_cache.load_or_build("t", [b"two"], lambda: {"v": 2}) == {"v": 2}
    assert disk_cache.load_or_build("t", [b"two"], lambda: {"v": 3}) == {"v": 2}
    assert len(list(tmp_path.glob("t-*.marshal"))) == 1
    # the sources are told apart by their lengths too: ("ab", "c") is not ("a", "bc")
    assert disk_cache.key_of("t", [b"ab", b"c"]) != disk_cache.key_of("t", [b"a", b"bc"])


def test_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    disk_cache.load_or_build("t", [b"s"], lambda: {"v": 1})
    (path,) = tmp_path.glob("t-*.marshal")
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert disk_cache.load_or_build("t", [b"s"], lambda: {"v": 2}) == {"v": 2}
    path.write_bytes(b"short")
    assert disk_cache.load_or_build("t", [b"s"], lambda: {"v": 3}) == {"v": 3}


def test_an_unwritable_folder_or_off_builds_every_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(blocker / "cache"))
    build, calls = _counting({"v": 1})
    assert disk_cache.load_or_build("t", [b"s"], build) == {"v": 1}
    assert disk_cache.load_or_build("t", [b"s"], build) == {"v": 1}
    monkeypatch.setenv("POLICYKG_CACHE_DIR", "off")
    assert disk_cache.cache_dir() is None
    assert disk_cache.load_or_build("t", [b"s"], build) == {"v": 1}
    assert len(calls) == 3


def test_the_gazetteer_tree_read_back_is_jionlp_s_own(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    own = places._read_location_tree()
    assert places._jionlp_sources() is not None
    places._location_tree.cache_clear()
    try:
        built = places._location_tree()  # built and written
        places._location_tree.cache_clear()
        read = places._location_tree()  # read back
    finally:
        places._location_tree.cache_clear()
    assert list(tmp_path.glob("china_location-*.marshal"))
    assert built == read == own
    assert list(read) == list(own)
