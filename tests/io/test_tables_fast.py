"""The whole-column CSV reader gives exactly the table of the record-by-record reader."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from wijknet.core.errors import DataError
from wijknet.io import tables


def _read(content: str, fast: bool) -> pd.DataFrame | str:
    """The table ``_read_csv`` reads, or its problems; ``fast=False`` switches the fast reader off."""
    reader = tables._read_csv_fast
    if not fast:
        tables._read_csv_fast = lambda *args: None
    try:
        df, clean = tables._read_csv(content.encode("utf-8"), "t.csv", ())
        if clean:  # the fast reader vouches that no cell holds an invisible character
            assert not any(tables._INVISIBLE.search(v) for v in df.to_numpy().ravel())
        return df
    except DataError as err:
        return str(err)
    finally:
        tables._read_csv_fast = reader


@settings(max_examples=200, deadline=None)
@given(
    content=st.text(
        alphabet=st.sampled_from(list('ab ,;"\n\r\tç\x0b\u202e')), min_size=1, max_size=40
    ),
)
def test_fast_reader_matches_record_reader(content):
    fast, slow = _read(content, True), _read(content, False)
    if isinstance(slow, str) or isinstance(fast, str):
        assert fast == slow
    else:
        pd.testing.assert_frame_equal(fast, slow, check_index_type=False, check_column_type=False)


def test_fast_reader_hands_ragged_rows_and_open_quotes_back():
    assert tables._read_csv_fast("a,b\nx,y,z\n", ",") is None
    assert tables._read_csv_fast('a,b\nx,"y\n', ",") is None
    df, invisible = tables._read_csv_fast("a; b \n\n x ;\n", ";")
    assert df.index.tolist() == [3] and df.loc[3].tolist() == ["x", ""] and not invisible
    assert tables._read_csv_fast("a,b\nx,y\u202e\n", ",")[1]
