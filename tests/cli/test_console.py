"""The one way a command fails, and the one slugifier."""

import pytest
import typer

from wijknet.cli.console import fail
from wijknet.core.errors import DataError, Problem
from wijknet.core.order import slug, unique_slugs


def test_fail_prints_the_report_and_one_closing_line(capsys):
    with pytest.raises(typer.Exit) as exc:
        fail(DataError([Problem("ties.csv", "kapot")]))
    assert exc.value.exit_code == 2
    err = capsys.readouterr().err
    assert "kapot" in err and "Er is niets geschreven of veranderd." in err


def test_fail_after_writing_leaves_the_closing_line_out(capsys):
    with pytest.raises(typer.Exit):
        fail("half klaar", wrote=True)
    err = capsys.readouterr().err
    assert "half klaar" in err and "niets" not in err


@pytest.mark.parametrize(
    ("value", "expected"), [("P-AB12", "p-ab12"), ("../x", "x"), ("", "actor")]
)
def test_slug(value, expected):
    assert slug(value, fallback="actor") == expected


def test_unique_slugs_never_collide():
    assert len(set(unique_slugs(["A b", "a-b", "A/B"]).values())) == 3
