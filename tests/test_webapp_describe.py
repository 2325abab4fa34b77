"""What popups and the details panel say, and that article text stays text."""
import re

import pytest

from tests.dashboard_rows import event_row
from webapp.describe import (actors_label, describe, details_html, fatalities_label, place_span, safe_url,
                             sentence_html, when_label, where_label)

HOSTILE = 'Rebels hit Springfield <script>alert("x")</script> <img src=x onerror="alert(1)"> & fled.'


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/a?b=1", "https://news.example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("  https://example.org/x  ", "https://example.org/x"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//evil.example.org/x", None),
    ("/relative/path", None),
    ('https://example.org/"onmouseover="x', None),
    ("https://[bad", None),
    ("", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize("row, expected", [
    (event_row(1, start="2020-06-10"), "2020-06-10 · exact day"),
    (event_row(1, start="2020-03-01", end="2020-05-31", time_precision=3),
     "2020-03-01 to 2020-05-31 · precise to a month or more"),
    (event_row(1, start=None), "date unknown"),
])
def test_when_label(row, expected):
    assert when_label(row) == expected


@pytest.mark.parametrize("row, expected", [
    (event_row(1), "Springfield, North, Testland · exact place"),
    (event_row(1, precision=2), "Springfield, North, Testland · approximate: near this place"),
    (event_row(1, precision=3, location="Testland", admin1=None), "Testland · approximate: somewhere in this region"),
    (event_row(1, latitude=None, longitude=None), "no location"),
])
def test_where_label(row, expected):
    assert where_label(row) == expected


def test_actor_and_fatality_labels():
    assert actors_label(event_row(1)) == "Gunmen vs Military forces"
    assert actors_label(event_row(1, actor1=None, actor2=None)) == "not named"
    assert fatalities_label(event_row(1, fatalities=0)) == "0"
    assert fatalities_label(event_row(1, fatalities=None)) == "not reported"
    assert fatalities_label({"fatalities": float("nan")}) == "not reported"


@pytest.mark.parametrize("row, expected", [
    (event_row(1), "Springfield"),
    (event_row(1, place_start=None), "Springfield"),  # offsets missing: found by its text
    (event_row(1, place_start=5000, place_end=5011), "Springfield"),  # offsets off the sentence
    (event_row(1, place=None), None),
])
def test_place_span(row, expected):
    span = place_span(row)
    assert (row["sentence"][span[0]:span[1]] if span else None) == expected


def test_sentence_html_escapes_then_marks_the_place():
    html = sentence_html(HOSTILE, (11, 22))
    assert html.startswith("Rebels hit <mark>Springfield</mark> &lt;script&gt;")
    assert "<script" not in html and "<img" not in html
    assert "&amp; fled." in html


def test_details_html_has_no_markup_from_the_article():
    row = event_row(1, sentence=HOSTILE, actor1="<b>Rebels</b>", article_title="<img src=x onerror=alert(2)>",
                    outlet="<i>O</i>", url="javascript:alert(3)")
    html = details_html(describe(row))
    tags = set(re.findall(r"</?([a-zA-Z]+)", html))
    assert tags <= {"div", "span", "dl", "dt", "dd", "blockquote", "mark"}, tags
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "javascript:" not in html
    assert "<mark>Springfield</mark>" in html


def test_details_html_links_the_article():
    html = details_html(describe(event_row(1, corrected=True)))
    assert '<a href="https://news.example.org/a/1" target="_blank" rel="noopener noreferrer">' in html
    assert "corrected by hand" in html


def test_describe_tolerates_a_sparse_row():
    described = describe({"id": 3, "category": "riot"})
    assert (described.category_label, described.where, described.when, described.url) == (
        "Other", "no location", "date unknown", None)
