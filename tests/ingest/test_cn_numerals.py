"""ingest/cn_numerals.py answers what cn2an answers: its table of small numerals is cn2an's
own values (asked once, kept in the cache folder), and any other text goes to cn2an."""

import cn2an
import pytest
from policykg.ingest import cn_numerals
from policykg.ingest.cn_numerals import MODES, cn2an_value, small, small_forms


@pytest.mark.parametrize("mode", sorted(MODES))
def test_every_small_numeral_is_cn2an_s_own_value(mode):
    table = small()
    assert set(table) == set(small_forms())  # every form of 0–99 is one cn2an reads as an int
    for text, value in table.items():
        found = cn2an.cn2an(text, mode)
        assert found == value and type(found) is int, (text, mode, found)


def test_the_table_kept_between_runs_is_the_one_cn2an_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    small.cache_clear()
    try:
        first = small()
        assert list(tmp_path.glob("cn2an_small-*.marshal"))  # written on the first run
        small.cache_clear()
        assert small() == first == cn_numerals._ask_cn2an()  # read back, equal to cn2an's
    finally:
        small.cache_clear()


@pytest.mark.parametrize(
    "text,mode",
    [("两百", "normal"), ("一零", "smart"), ("九十九点五", "normal"), ("一十二", "smart")],
)
def test_other_numerals_go_to_cn2an(text, mode):
    assert text not in small() or mode not in MODES
    assert cn2an_value(text, mode) == cn2an.cn2an(text, mode)


@pytest.mark.parametrize("text", ["百", "十百"])
def test_cn2an_s_errors_stay_its_own(text):
    with pytest.raises(ValueError):
        cn2an.cn2an(text, "normal")
    with pytest.raises(ValueError):
        cn2an_value(text, "normal")
