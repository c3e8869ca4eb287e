"""ingest/cn_numerals.py answers what cn2an answers: every entry of its table, in both modes
the extractor asks, is cn2an's own value (an int), and any other text goes to cn2an."""

import cn2an
import pytest
from policykg.ingest.cn_numerals import MODES, SMALL, cn2an_value


@pytest.mark.parametrize("mode", sorted(MODES))
def test_every_small_numeral_is_cn2an_s_own_value(mode):
    for text, value in SMALL.items():
        found = cn2an.cn2an(text, mode)
        assert found == value and type(found) is int, (text, mode, found)


@pytest.mark.parametrize(
    "text,mode",
    [("两百", "normal"), ("一零", "smart"), ("九十九点五", "normal"), ("一十二", "smart")],
)
def test_other_numerals_go_to_cn2an(text, mode):
    assert text not in SMALL or mode not in MODES
    assert cn2an_value(text, mode) == cn2an.cn2an(text, mode)


@pytest.mark.parametrize("text", ["百", "十百"])
def test_cn2an_s_errors_stay_its_own(text):
    with pytest.raises(ValueError):
        cn2an.cn2an(text, "normal")
    with pytest.raises(ValueError):
        cn2an_value(text, "normal")
