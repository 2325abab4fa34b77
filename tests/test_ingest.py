"""Uploads and pastes become articles; bad input gets a clear message."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.io.ingest import (
    Document,
    Metadata,
    build_article,
    date_from_url,
    load_article_file,
    markdown_to_text,
    read_pasted,
    read_upload,
)
from geo.io.textio import MAX_BYTES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HTML_PAGE = """<!doctype html><html><head>
<title>Page title | Wire</title>
<meta property="og:title" content="Clashes near the river">
<meta property="og:site_name" content="River Wire">
<meta property="article:published_time" content="2021-04-03T08:15:00+00:00">
<link rel="canonical" href="https://example.org/2021/04/03/clashes">
<script>alert("x")</script><style>body{}</style>
</head><body><h1>Clashes near the river</h1><p>Fighters <b>attacked</b> a checkpoint.</p>
<p>Two people were killed.</p></body></html>"""
MARKDOWN = """---
title: "Shelling reported"
outlet: Valley Post
url: https://example.org/valley/shelling
date: 2022-01-09
---
# Shelling reported

Artillery **shelled** the [old market](https://example.org/map) on Sunday.

- Three houses were damaged.
"""


def test_html_upload_is_reduced_to_text_and_gives_its_metadata():
    document = read_upload(HTML_PAGE.encode(), "story.HTML")
    assert "Fighters attacked a checkpoint." in document.text and "alert" not in document.text
    assert "<" not in document.text
    assert document.metadata == Metadata("Clashes near the river", "River Wire",
                                         "https://example.org/2021/04/03/clashes", date(2021, 4, 3))


def test_markdown_upload_loses_its_markup_and_gives_front_matter_metadata():
    document = read_upload(MARKDOWN.encode(), "story.md")
    assert document.text.splitlines()[0] == "Shelling reported"
    assert "Artillery shelled the old market on Sunday." in document.text
    assert "Three houses were damaged." in document.text and "---" not in document.text
    assert document.metadata == Metadata("Shelling reported", "Valley Post", "https://example.org/valley/shelling",
                                         date(2022, 1, 9))


@pytest.mark.parametrize("html, expected", [
    ('<html><head><meta name="date" content="2020-02-03"></head><body><p>x</p></body></html>', date(2020, 2, 3)),
    ('<html><body><time datetime="2019-12-31T23:00">New Year</time><p>x</p></body></html>', date(2019, 12, 31)),
    ('<html><head><script type="application/ld+json">{"datePublished": "2018-05-06T10:00"}</script></head>'
     "<body><p>x</p></body></html>", date(2018, 5, 6)),
    ('<html><head><link rel="canonical" href="https://e.org/news/2017/8/9/x"></head><body><p>x</p></body></html>',
     date(2017, 8, 9)),
    ('<html><head><meta name="date" content="yesterday"></head><body><p>x</p></body></html>', None),
])
def test_html_date_sources(html, expected):
    assert read_upload(html.encode(), "a.html").metadata.published == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/2020/07/05/story", date(2020, 7, 5)),
    ("https://example.org/news/2020-7-5/", date(2020, 7, 5)),
    ("https://example.org/050720201", None),  # day-month order cannot be told apart
    ("https://example.org/2020/13/45/x", None),
    ("", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("raw, name, message", [
    (b"%PDF-1.4 \x00\x01", "report.pdf", "only .txt"),
    (b"\x00\x01\x02binary", "data.txt", "binary"),
    (b"caf\xe9", "latin1.txt", "not valid UTF-8"),
    (b"a" * (MAX_BYTES + 1), "huge.txt", "limit is 5 MB"),
    (b"   \n\t  ", "blank.txt", "no article text"),
    (b"<html><body><script>only()</script></body></html>", "empty.html", "no article text"),
    (b"", "empty.md", "no article text"),
])
def test_bad_uploads_are_refused_clearly(raw, name, message):
    with pytest.raises(InputError, match=message):
        read_upload(raw, name)


@pytest.mark.parametrize("pasted, expected_text", [
    ("Troops attacked the town.\r\nTwo died.", "Troops attacked the town.\nTwo died."),
    ("<p>Troops <i>attacked</i> the town.</p>", "Troops attacked the town."),
    ("<script>alert(1)</script> is what the post said.", "<script>alert(1)</script> is what the post said."),
])
def test_pasted_text(pasted, expected_text):
    assert read_pasted(pasted).text == expected_text


def test_markdown_to_text_keeps_words_of_links_and_emphasis():
    assert markdown_to_text("## Head\n> *quoted* `code` and __strong__ [link](u) ![img](p)") == \
        "Head\nquoted code and strong link img"


@pytest.mark.parametrize("fields, message", [
    ({"title": "", "outlet": "O", "url": "https://x.org", "published": "2020-01-01"}, "title"),
    ({"title": "T", "outlet": "", "url": "", "published": "2020-01-01"}, "outlet, URL"),
    ({"title": "T", "outlet": "O", "url": "https://x.org", "published": None}, "publication date"),
    ({"title": "T", "outlet": "O", "url": "https://x.org", "published": "2020-02-30"}, "not a valid"),
    ({"title": "T", "outlet": "O", "url": "javascript:alert(1)", "published": "2020-01-01"}, "http"),
])
def test_required_metadata_is_asked_for(fields, message):
    with pytest.raises(InputError, match=message):
        build_article(Document("Troops attacked the town."), **fields)


def test_user_metadata_wins_over_the_document_and_the_document_fills_gaps():
    document = read_upload(HTML_PAGE.encode(), "story.html")
    article = build_article(document, title="My title", published="2021-04-04")
    assert (article.title, article.outlet, article.published) == ("My title", "River Wire", date(2021, 4, 4))
    assert article.url == "https://example.org/2021/04/03/clashes" and article.text == document.text


def test_seed_file_loads_with_its_sidecar():
    article = load_article_file(str(SEEDS / "rudaw-2020-07-05-task-force-iraq.txt"))
    meta = json.loads((SEEDS / "rudaw-2020-07-05-task-force-iraq.json").read_text())
    assert (article.title, article.outlet, article.url, article.published.isoformat()) == (
        meta["title"], meta["outlet"], meta["url"], meta["published"])


def test_file_options_override_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Troops attacked the town.")
    (tmp_path / "a.json").write_text(json.dumps({"title": "Side", "published": "2020-01-01", "language": "en"}))
    article = load_article_file(str(tmp_path / "a.txt"), "2020-02-02", title="Flag")
    assert (article.title, article.published) == ("Flag", date(2020, 2, 2))


@pytest.mark.parametrize("sidecar, message", [
    ("{not json", "not valid JSON"), ('{"published": "last week"}', "not a valid"), ("[1, 2]", "JSON object"),
])
def test_broken_sidecar_is_a_clear_error(tmp_path, sidecar, message):
    (tmp_path / "a.txt").write_text("Troops attacked the town.")
    (tmp_path / "a.json").write_text(sidecar)
    with pytest.raises(InputError, match=message):
        load_article_file(str(tmp_path / "a.txt"))


def test_missing_file_and_missing_date(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article_file(str(tmp_path / "absent.txt"))
    (tmp_path / "undated.txt").write_text("Troops attacked the town.")
    with pytest.raises(InputError, match="publication date"):
        load_article_file(str(tmp_path / "undated.txt"))
