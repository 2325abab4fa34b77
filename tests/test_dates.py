"""Temporal expressions resolved against the publication date (geo.events.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import find_dates, middle_day, precision_of

SUNDAY = date(2020, 7, 5)  # the seed article's publication date
MONDAY = date(2020, 7, 6)

CASES = [
    # text, published, expression text, first day, last day, time_precision
    ("released Sunday", SUNDAY, "Sunday", "2020-07-05", "2020-07-05", 1),
    ("on Sunday", MONDAY, "on Sunday", "2020-07-05", "2020-07-05", 1),
    ("took place on Thursday", SUNDAY, "on Thursday", "2020-07-02", "2020-07-02", 1),
    ("late on Saturday", date(2024, 4, 14), "on Saturday", "2024-04-13", "2024-04-13", 1),
    ("on Monday night", date(2021, 2, 16), "on Monday night", "2021-02-15", "2021-02-15", 1),
    ("last Sunday", SUNDAY, "last Sunday", "2020-06-28", "2020-06-28", 1),
    ("next Monday", SUNDAY, "next Monday", "2020-07-06", "2020-07-06", 1),
    ("yesterday", SUNDAY, "yesterday", "2020-07-04", "2020-07-04", 1),
    ("in a weekend raid", date(2022, 6, 14), "a weekend", "2022-06-11", "2022-06-12", 2),
    ("last night", SUNDAY, "last night", "2020-07-04", "2020-07-04", 1),
    ("two days ago", SUNDAY, "two days ago", "2020-07-03", "2020-07-03", 1),
    ("on 8 January 2020", SUNDAY, "8 January 2020", "2020-01-08", "2020-01-08", 1),
    ("on January 8, 2020", SUNDAY, "January 8, 2020", "2020-01-08", "2020-01-08", 1),
    ("on Jan. 3", SUNDAY, "Jan. 3", "2020-01-03", "2020-01-03", 1),
    ("on 20 December", SUNDAY, "20 December", "2019-12-20", "2019-12-20", 1),
    ("2020-01-08", SUNDAY, "2020-01-08", "2020-01-08", "2020-01-08", 1),
    ("between 1 and 3 March", SUNDAY, "between 1 and 3 March", "2020-03-01", "2020-03-03", 2),
    ("March 3-5, 2021", SUNDAY, "March 3-5, 2021", "2021-03-03", "2021-03-05", 2),
    ("earlier this week", SUNDAY, "earlier this week", "2020-06-29", "2020-07-04", 2),
    ("last week", SUNDAY, "last week", "2020-06-22", "2020-06-28", 2),
    ("over the weekend", MONDAY, "over the weekend", "2020-07-04", "2020-07-05", 2),
    ("in late May", SUNDAY, "late May", "2020-05-21", "2020-05-31", 2),
    ("by mid-March", SUNDAY, "mid-March", "2020-03-11", "2020-03-20", 2),
    ("in early June 2019", SUNDAY, "early June 2019", "2019-06-01", "2019-06-10", 2),
    ("last month", SUNDAY, "last month", "2020-06-01", "2020-06-30", 3),
    ("last month", date(2021, 1, 10), "last month", "2020-12-01", "2020-12-31", 3),
    ("earlier this month", date(2020, 7, 20), "earlier this month", "2020-07-01", "2020-07-19", 3),
    ("this year", SUNDAY, "this year", "2020-01-01", "2020-07-05", 3),
    ("last year", SUNDAY, "last year", "2019-01-01", "2019-12-31", 3),
    ("in December 2017", SUNDAY, "December 2017", "2017-12-01", "2017-12-31", 3),
    ("in March", SUNDAY, "March", "2020-03-01", "2020-03-31", 3),
    ("in November", SUNDAY, "November", "2019-11-01", "2019-11-30", 3),
    ("in 2015", SUNDAY, "2015", "2015-01-01", "2015-12-31", 3),
    ("since September 2014", SUNDAY, "since September 2014", "2014-09-01", "2020-07-05", 3),
    ("between March and May of this year", SUNDAY, "between March and May of this year", "2020-03-01", "2020-05-31", 3),
    ("between October and November", date(2021, 12, 15), "between October and November", "2021-10-01", "2021-11-30", 3),
    ("from November to February", SUNDAY, "from November to February", "2019-11-01", "2020-02-29", 3),
    ("over the past seven months of 2020", SUNDAY, "over the past seven months of 2020", "2020-01-01", "2020-07-05", 3),
    ("in the past three days", SUNDAY, "in the past three days", "2020-07-02", "2020-07-05", 2),
    ("three months ago", SUNDAY, "three months ago", "2020-04-01", "2020-04-30", 3),
    ("On Christmas Day, a drone struck", date(2024, 1, 21), "Christmas Day", "2023-12-25", "2023-12-25", 1),
    ("On Christmas Day 2021, a suicide bomber struck", date(2023, 1, 16), "Christmas Day 2021", "2021-12-25", "2021-12-25", 1),
    ("rockets on New Year's Eve", date(2024, 12, 31), "New Year's Eve", "2024-12-31", "2024-12-31", 1),
]


@pytest.mark.parametrize("text, published, expression, first, last, precision", CASES)
def test_expression_resolves_against_publication_date(text, published, expression, first, last, precision):
    found = find_dates(text, published)
    assert len(found) == 1, [d.text for d in found]
    (only,) = found
    assert only.text == expression
    assert text[only.start:only.end] == expression
    assert (only.date_start.isoformat(), only.date_end.isoformat()) == (first, last)
    assert only.time_precision == precision


@pytest.mark.parametrize("text", [
    "May said the talks would resume.",  # a person, not the month
    "Christmas shopping was slow.",  # a holiday named without "on": no date
    "Protesters march on the capital.",
    "30 February 2020",  # impossible date: no date at all, not "February 2020"
    "2020-02-30",
    "The 2019 agreement",  # a bare year used as an adjective
    "",
])
def test_no_date_where_there_is_none(text):
    assert find_dates(text, SUNDAY) == []


@pytest.mark.parametrize("first, last, middle, precision", [
    ("2020-03-01", "2020-05-31", "2020-04-15", 3),  # ACLED-style event_date: the middle day
    ("2020-06-01", "2020-06-30", "2020-06-15", 3),
    ("2020-05-21", "2020-05-31", "2020-05-26", 2),
    ("2020-07-02", "2020-07-02", "2020-07-02", 1),
    ("2020-06-22", "2020-07-05", "2020-06-28", 2),  # 14 days is still "a week or a few days"
    ("2020-06-21", "2020-07-05", "2020-06-28", 3),  # 15 days is not
])
def test_event_date_is_the_middle_and_precision_follows_length(first, last, middle, precision):
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    assert middle_day(start, end).isoformat() == middle
    assert precision_of(start, end) == precision


def test_several_expressions_keep_their_offsets_in_text_order():
    text = "Declared defeated in Iraq in December 2017 and in Syria in March 2019, it struck last month."
    found = find_dates(text, SUNDAY)
    assert [d.text for d in found] == ["December 2017", "March 2019", "last month"]
    assert all(text[d.start:d.end] == d.text for d in found)
    assert found[2].to_dict()["event_date"] == "2020-06-15"


@pytest.mark.parametrize("text, expected", [
    ("liberated in July 2017, and Raqqa fell in October of the same year.",
     [("July 2017", "2017-07-01"), ("October of the same year", "2017-10-01")]),
    ("in May 2014, and in June that year", [("May 2014", "2014-05-01"), ("June that year", "2014-06-01")]),
    # no year written out before: the month keeps its own reading
    ("in June of the same year", [("June", "2020-06-01")]),
])
def test_a_month_of_the_same_year_takes_the_year_last_written_out(text, expected):
    assert [(d.text, str(d.date_start)) for d in find_dates(text, SUNDAY)] == expected


@pytest.mark.parametrize("text, expected", [
    ("left Tessalit on October 21 and Aguelhok two days later",
     [("October 21", "2019-10-21"), ("two days later", "2019-10-23")]),
    ("It fell on 3 May. The next day they left.", [("3 May.", "2020-05-03"), ("The next day", "2020-05-04")]),
    # counted only from a day: "In December ... about a week later" is no date
    ("In December 300 boys were abducted and released about a week later.", [("December", "2019-12-01")]),
    # a day after publication is no date
    ("on Saturday, and two days later", [("on Saturday", "2020-07-04")]),
])
def test_days_later_count_from_the_day_just_written_out(text, expected):
    assert [(d.text, str(d.date_start)) for d in find_dates(text, SUNDAY)] == expected


@pytest.mark.parametrize("text, days", [
    # the sentence opens with the year: its days are of that year, not of the last twelve months
    ("In 2017, gunmen laid siege to the city of Marawi from May 23 to October 23.", ["2017-05-23", "2017-10-23"]),
    ("In 2016, a bomb exploded at a market on September 2.", ["2016-09-02"]),
    # a range whose end gives the year
    ("Fighting raged from May 23 to October 23, 2017.", ["2017-05-23", "2017-10-23"]),
    # a year in an earlier sentence says nothing about this one
    ("In 2016 it was calm. On September 2 a bomb went off.", ["2018-09-02"]),
])
def test_days_take_the_year_their_sentence_gives(text, days):
    found = [d for d in find_dates(text, date(2019, 1, 28)) if d.days == 1]
    assert [d.date_start.isoformat() for d in found] == days


@pytest.mark.parametrize("text, deadline", [
    ("By Wednesday the Giants Brigades had seized the main camp.", False),  # what had happened by then
    ("Troops must leave by Wednesday.", True),
    ("By Wednesday, officials had to decide.", True),
])
def test_by_a_day_in_a_narrative_of_what_had_happened(text, deadline):
    from geo.events.dates import find_dates

    assert [d.deadline for d in find_dates(text, date(2022, 8, 11))] == [deadline]


@pytest.mark.parametrize("text, published, first, last", [
    ("Armed groups took Gao last spring.", date(2013, 1, 12), "2012-03-01", "2012-05-31"),
    ("They left in the autumn of 2014.", date(2016, 1, 1), "2014-09-01", "2014-11-30"),
    ("Fighting flared again this summer.", date(2024, 7, 1), "2024-06-01", "2024-08-31"),
    ("The army withdrew last winter.", date(2013, 1, 12), "2011-12-01", "2012-02-29"),
])
def test_seasons(text, published, first, last):
    found = find_dates(text, published)
    assert [(str(d.date_start), str(d.date_end)) for d in found] == [(first, last)]


def test_the_fall_of_a_city_is_no_season():
    assert find_dates("The fall of Kabul shocked the world.", date(2021, 9, 1)) == []
