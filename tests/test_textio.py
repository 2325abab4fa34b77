"""Reading untrusted input: files, encodings, HTML, sidecars and dates."""
import json
from datetime import date

import pytest

from geo.errors import InputError
from geo.io.textio import MAX_BYTES, decode_text, html_to_text, load_article, parse_date, read_input


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"plain text", "plain text"),
        ("Abū Ghurayb".encode("utf-8"), "Abū Ghurayb"),
        (b"\xef\xbb\xbfwith BOM", "with BOM"),
        (b"", ""),
    ],
)
def test_decode_text_accepts_utf8(raw, expected):
    assert decode_text(raw) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\xff\xfe\x00bad", "binary"),
        (b"caf\xe9 latin-1", "not valid UTF-8"),
        (b"x" * (MAX_BYTES + 1), "limit is 5 MB"),
    ],
)
def test_decode_text_refuses_bad_input_clearly(raw, message):
    with pytest.raises(InputError, match=message):
        decode_text(raw, "upload")


def test_html_is_reduced_to_text_without_scripts():
    html = "<html><head><script>alert(1)</script><style>p{}</style></head><body><p>Rockets hit <b>Erbil</b>.</p></body></html>"
    text = html_to_text(html)
    assert text == "Rockets hit Erbil."


@pytest.mark.parametrize("value", ["2020-02-30", "05/07/2020", "", "yesterday", "0001-01-01"])
def test_parse_date_refuses_impossible_dates(value):
    with pytest.raises(InputError):
        parse_date(value)


def test_load_article_reads_sidecar_and_cli_overrides(tmp_path):
    text_file = tmp_path / "report.txt"
    text_file.write_text("Clashes were reported on Monday.", encoding="utf-8")
    (tmp_path / "report.json").write_text(json.dumps({"title": "T", "outlet": "O", "published": "2021-03-04"}))
    article = load_article(str(text_file))
    assert (article.title, article.outlet, article.published) == ("T", "O", date(2021, 3, 4))
    overridden = load_article(str(text_file), published="2021-03-05", title="New")
    assert (overridden.title, overridden.published) == ("New", date(2021, 3, 5))


def test_load_article_without_date_says_what_to_do(tmp_path):
    text_file = tmp_path / "nodate.txt"
    text_file.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="--published"):
        load_article(str(text_file))


def test_read_input_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "absent.txt"))


def test_html_file_is_reduced_by_suffix(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<div>Drone strike near <i>Aden</i></div><script>x()</script>", encoding="utf-8")
    _, text = read_input(str(page))
    assert text == "Drone strike near Aden"
