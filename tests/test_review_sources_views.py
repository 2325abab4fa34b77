"""The logic behind the Sources and Review pages, without a browser."""
from __future__ import annotations

from datetime import date

import pytest

from geo.errors import InputError
from geo.store import open_store
from tests.store_helpers import TEXT, make_article, sentence_events
from webapp import review_view as review
from webapp import sources_view as sources


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "geo.db") as opened:
        yield opened


@pytest.mark.parametrize("pasted, name, raw, expected", [
    ("Troops attacked the town.", None, None, "Troops attacked the town."),
    ("ignored paste", "a.md", b"# Head\nTroops *attacked* it.", "Head\nTroops attacked it."),
])
def test_read_source_prefers_the_upload(pasted, name, raw, expected):
    assert sources.read_source(pasted, name, raw).text == expected


@pytest.mark.parametrize("pasted, name, raw, message", [
    ("", None, None, "paste an article"),
    ("   ", None, None, "paste an article"),
    ("", "x.exe", b"MZ\x00\x00", "only .txt"),
])
def test_read_source_refusals(pasted, name, raw, message):
    with pytest.raises(InputError, match=message):
        sources.read_source(pasted, name, raw)


def test_preview_extracts_without_saving(store):
    document = sources.read_source(TEXT)
    preview = sources.make_preview(store, document, sentence_events, "T", "O", "https://e.org/x", date(2020, 7, 5))
    assert preview.can_save and len(preview.events) == 3 and preview.located == 2
    assert store.counts()["articles"] == 0
    frame = sources.events_frame(list(preview.events))
    assert list(frame["Location"].fillna("-")) == ["Northtown", "Southport", "-"] and "Sentence" in frame.columns


def test_preview_of_a_stored_article_names_it_and_does_not_extract(store):
    store.add_article(make_article(TEXT, title="Stored first"), sentence_events)

    def must_not_run(article):
        raise AssertionError("extracted a duplicate")

    preview = sources.make_preview(store, sources.read_source(TEXT), must_not_run, "T2", "O", "https://e.org/y",
                                   "2020-07-05")
    assert not preview.can_save and "Stored first" in preview.duplicate["message"]


def test_preview_needs_every_metadata_field(store):
    with pytest.raises(InputError, match="outlet"):
        sources.make_preview(store, sources.read_source(TEXT), sentence_events, "T", "", "https://e.org", "2020-01-01")


def test_tables_and_labels(store):
    store.add_article(make_article(TEXT), sentence_events)
    (article,) = store.list_articles()
    assert list(sources.articles_frame([article])["Events"]) == [3]
    assert sources.article_label(article) == "2020-07-05 · Test Wire · A test article"
    event = store.list_events()[0]
    assert review.event_label(event).startswith(f"#{event['id']} · 2020-07-01 · attack · Northtown · ")


@pytest.mark.parametrize("value, expected", [("12", 12), (["7"], 7), ("", None), ("abc", None), (None, None),
                                             ("-3", None), ([], None)])
def test_event_id_from_query(value, expected):
    assert review.event_id_from_query(value) == expected


def _form(event, **changes):
    values = dict(category=event["category"], date_start=date.fromisoformat(event["date_start"]),
                  date_end=date.fromisoformat(event["date_end"]), fatalities=event["fatalities"],
                  rejected=event["rejected"])
    values.update(changes)
    return review.ReviewForm(**values)


@pytest.mark.parametrize("changes, expected", [
    ({}, {}),
    ({"site_mode": review.SITE_CANDIDATE, "candidate_id": "test:2"}, {"candidate_id": "test:2"}),
    ({"site_mode": review.SITE_POINT, "latitude": 36.1, "longitude": 43.2}, {}),
    ({"site_mode": review.SITE_POINT, "latitude": 35.0, "longitude": 44.0, "location": "Hill"},
     {"latitude": 35.0, "longitude": 44.0, "location": "Hill"}),
    ({"site_mode": review.SITE_POINT, "latitude": 35.0, "longitude": None}, {"latitude": 35.0, "longitude": None}),
    ({"site_mode": review.SITE_KEEP, "latitude": 1.0, "longitude": 1.0}, {}),
    ({"category": "other", "fatalities": 3}, {"category": "other", "fatalities": 3}),
    ({"date_end": None}, {"date_end": None}),
    ({"date_start": date(2020, 6, 30)}, {"date_start": "2020-06-30"}),
    ({"rejected": True}, {"rejected": True}),
])
def test_changes_from_form_are_only_real_changes(store, changes, expected):
    store.add_article(make_article(TEXT), sentence_events)
    event = store.list_events()[0]
    assert review.changes_from_form(event, _form(event, **changes)) == expected


def test_form_changes_are_accepted_by_the_store_and_shown_in_the_history(store):
    store.add_article(make_article(TEXT), sentence_events)
    event = store.list_events()[0]
    changes = review.changes_from_form(event, _form(event, site_mode=review.SITE_POINT, latitude=35.5,
                                                    longitude=44.25, fatalities=2))
    store.correct_event(event["id"], changes, "checked the map")
    history = review.history_frame(store.corrections(event["id"]))
    assert list(history["Reason"]) == ["checked the map"]
    assert "latitude: 36.1 → 35.5" in history["What changed"][0] and "fatalities: None → 2" in history["What changed"][0]


@pytest.mark.parametrize("state, expected", [
    ({"last_clicked": {"lat": 33.123456, "lng": 44.987654}}, (33.1235, 44.9877)),
    ({"last_clicked": {"lat": 10.0, "lng": 370.0}}, (10.0, 10.0)),
    ({"last_clicked": None}, None), ({}, None), (None, None),
])
def test_clicked_point(state, expected):
    assert review.clicked_point(state) == expected


def test_review_link():
    assert review.review_link(42) == "review?event=42"


@pytest.mark.parametrize("raw, expected", [
    ("Plain words", "Plain words"),
    ("![x](https://evil.example/p.png)", "\\!\\[x\\]\\(https\\://evil\\.example/p\\.png\\)"),
    (":red[alarm] $x$", "\\:red\\[alarm\\] \\$x\\$"),
    ("line\nbreak", "line break"),
])
def test_escape_markdown(raw, expected):
    assert sources.escape_markdown(raw) == expected
