"""The geoparsing benchmark's readers and metric arithmetic on hand-made corpora."""
from __future__ import annotations

import math
from datetime import date

import pytest

from benchmarks.geoparsing import CorpusResult, SpeedResult, main
from benchmarks.geoparsing_report import merge_section, render_markdown
from benchmarks.geoparsing_scoring import (
    MAX_ERROR_KM, GoldToponym, RecognitionCounts, align, best_overlap, distance_km, error_km,
    matched, parse_corpus, prf, recognition_counts, summarize_errors,
)

GWN_TEXT = "Troops left Mosul for Erbil. Iraqi officials and the Pentagon said so."
GWN_XML = f"""<?xml version="1.0" ?>
<articles>
  <article file="0"><title>t</title><link>l</link>
    <text>{GWN_TEXT}</text>
    <toponyms>
      <toponym><extractedName>Mosul</extractedName><type>Literal</type><start>12</start><end>17</end>
        <latitude>36.335</latitude><longitude>43.119</longitude></toponym>
      <toponym><extractedName>Erbil</extractedName><type>Literal</type><start>22</start><end>27</end>
        <latitude>36.191</latitude><longitude>44.009</longitude></toponym>
      <toponym><extractedName>Iraqi</extractedName><type>Non_Literal_Modifier</type><start>29</start><end>34</end></toponym>
      <toponym><extractedName>officials</extractedName><type>Non_Lit_Expression</type><start>35</start><end>44</end></toponym>
      <toponym><extractedName>Pentagon</extractedName><type>Non_Toponym</type><start>53</start><end>61</end></toponym>
    </toponyms>
  </article>
</articles>
"""
LGL_TEXT = "A fire in Alexandria, Rapides Parish, on Dublin Road."
LGL_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7"><title>t</title><text><![CDATA[{LGL_TEXT}]]></text>
    <toponyms count="3">
      <toponym><start>10</start><end>20</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>24</start><end>38</end><phrase>Rapides Parish</phrase>
        <gaztag geonameid="4338356"><name>Rapides Parish</name><fclass>A</fclass><fcode>ADM2</fcode>
          <lat>31.1669</lat><lon>-92.4835</lon></gaztag></toponym>
      <toponym><start>41</start><end>52</end><phrase>Dublin Road</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def corpora(tmp_path):
    (tmp_path / "GWN.xml").write_text(GWN_XML, encoding="utf-8")
    (tmp_path / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    (tmp_path / "TR-News.xml").write_text(LGL_XML.replace('docid="7"', 'docid="8"'), encoding="utf-8")
    return tmp_path


def test_gwn_keeps_place_types_only(corpora):
    (article,) = parse_corpus(corpora / "GWN.xml", "GWN")
    assert [(g.text, g.has_coordinates) for g in article.toponyms] == [
        ("Mosul", True), ("Erbil", True), ("Iraqi", False)]
    assert all(article.text[g.start:g.end] == g.text for g in article.toponyms)


@pytest.mark.parametrize("file_name, ident", [("lgl.xml", "7"), ("TR-News.xml", "8")])
def test_lgl_format_reads_gaztags_and_realigns_drifted_offsets(corpora, file_name, ident):
    (article,) = parse_corpus(corpora / file_name, "x")
    assert article.ident == ident
    assert [(g.text, g.latitude) for g in article.toponyms] == [
        ("Alexandria", 31.3113), ("Rapides Parish", 31.1669), ("Dublin Road", None)]
    assert [(g.start, g.end) for g in article.toponyms] == [(10, 20), (22, 36), (41, 52)]
    assert article.realigned == 1


@pytest.mark.parametrize("start, end, phrase, expected", [
    (10, 20, "Alexandria", (10, 20)),
    (12, 22, "Alexandria", (10, 20)),
    (5, 15, "Alexandria", (10, 20)),
    (10, 20, "Nowhere", (10, 20)),
])
def test_align(start, end, phrase, expected):
    assert align(LGL_TEXT, start, end, phrase) == expected


@pytest.mark.parametrize("spans, references, exact, expected", [
    ([(0, 5), (10, 15)], [(0, 5), (11, 15)], True, 1),
    ([(0, 5), (10, 15)], [(0, 5), (11, 15)], False, 2),
    ([(0, 5)], [(5, 9)], False, 0),  # touching is not overlapping
    ([], [(0, 5)], False, 0),
])
def test_matched(spans, references, exact, expected):
    assert matched(spans, references, exact) == expected


def test_recognition_counts_and_prf():
    gold = [GoldToponym(0, 5, "Mosul", 36.3, 43.1), GoldToponym(10, 15, "Erbil", 36.2, 44.0),
            GoldToponym(20, 25, "Iraqi")]
    predicted = [(0, 5), (9, 15), (20, 25), (30, 34)]
    counts = recognition_counts(predicted, gold)
    assert counts == RecognitionCounts(predicted=4, predicted_correct_exact=2, predicted_correct_overlap=3,
                                       gold=2, gold_found_exact=1, gold_found_overlap=2)
    assert (counts + counts).gold == 4
    assert prf(3, 4, 2, 2) == pytest.approx((0.75, 1.0, 2 * 0.75 / 1.75))
    assert prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("gold, spans, expected", [
    ((10, 20), [(0, 12), (12, 30)], 1),
    ((10, 20), [(0, 9), (21, 30)], None),
    ((10, 20), [(10, 15), (15, 20)], 0),
])
def test_best_overlap(gold, spans, expected):
    assert best_overlap(gold, spans) == expected


@pytest.mark.parametrize("point_a, point_b, km", [
    ((0.0, 0.0), (1.0, 0.0), 111.195),
    ((0.0, 0.0), (0.0, 180.0), 20015.1),
    ((36.335, 43.119), (36.335, 43.119), 0.0),
])
def test_distance_km(point_a, point_b, km):
    assert distance_km(*point_a, *point_b) == pytest.approx(km, abs=0.1)


def test_unresolved_costs_the_maximum_error():
    gold = GoldToponym(0, 5, "Mosul", 36.3, 43.1)
    assert error_km(gold, None, None) == MAX_ERROR_KM
    assert error_km(gold, 36.3, 43.1) == 0.0


def test_summarize_errors():
    summary = summarize_errors([0.0, 100.0, 161.0, 500.0])
    assert summary.count == 4
    assert summary.accuracy == 0.75
    assert summary.mean_km == pytest.approx(190.25)
    assert summary.median_km == pytest.approx(130.5)
    logs = [math.log(1 + e) for e in (0.0, 100.0, 161.0, 500.0)]
    area = (logs[0] + logs[1]) / 2 + (logs[1] + logs[2]) / 2 + (logs[2] + logs[3]) / 2
    assert summary.auc == pytest.approx(area / (3 * math.log(MAX_ERROR_KM)))
    assert summarize_errors([MAX_ERROR_KM]).auc == pytest.approx(math.log(1 + MAX_ERROR_KM) / math.log(MAX_ERROR_KM))
    assert summarize_errors([]).count == 0


def test_report_shows_figures_targets_and_published_numbers():
    summary = summarize_errors([10.0, 20.0, 1000.0, 50.0])
    result = CorpusResult("GWN", 1, 0, RecognitionCounts(10, 8, 9, 12, 6, 8), summary, summary, 0.5, 5000)
    speed = SpeedResult(2.5, 350.0, 60.0, 1000, 25000.0, 90000.0, 380.0, None, None)
    report = render_markdown([result], speed, date(2026, 1, 2), "python -m benchmarks.geoparsing --write")
    assert "Measured on 2026-01-02" in report
    assert "| GWN | 1 | 12 | 10 | 0.800 | 0.500 | 0.615 | 0.900 | 0.667 | 0.766 | ≥ 0.60 (overlap) ✅ |" in report
    assert "| 75.0% |" in report and "≥ 85% ❌" in report
    assert "94.1%" in report and "82.7%" in report
    assert "| 2.50 s | ≤ 3 s ✅ |" in report
    assert "| 25,000 | ≥ 20,000 ✅ |" in report and "| 380 MB | ≤ 400 MB ✅ |" in report
    assert "not measured" in report


def test_missing_corpus_folder_is_skipped_with_a_message(tmp_path, capsys):
    assert main([str(tmp_path / "absent")]) == 0
    assert "benchmark skipped" in capsys.readouterr().out


def test_benchmark_runs_end_to_end_on_tiny_corpora(corpora, tmp_path, capsys):
    output = tmp_path / "out" / "benchmarks.md"
    assert main([str(corpora), "--no-cold", "--write", str(output), "--date", "2026-01-02"]) == 0
    report = output.read_text(encoding="utf-8")
    assert report.split("## Geoparsing")[1].split("<!--")[0].strip() in capsys.readouterr().out
    assert "Measured on 2026-01-02" in report
    assert "| GWN | 1 | 2 |" in report and "| TR-News | 1 | 2 |" in report and "| LGL | 1 | 2 |" in report


@pytest.mark.parametrize("existing, expected", [
    (None, "# Benchmarks\n\n<!-- geoparsing benchmark: start -->\nNEW\n<!-- geoparsing benchmark: end -->\n"),
    ("# Benchmarks\n\n## Store\nS\n",
     "# Benchmarks\n\n## Store\nS\n\n<!-- geoparsing benchmark: start -->\nNEW\n<!-- geoparsing benchmark: end -->\n"),
    ("# B\n\n<!-- geoparsing benchmark: start -->\nOLD\n<!-- geoparsing benchmark: end -->\n\n## Store\nS\n",
     "# B\n\n<!-- geoparsing benchmark: start -->\nNEW\n<!-- geoparsing benchmark: end -->\n\n## Store\nS\n"),
])
def test_writing_the_report_keeps_other_sections(existing, expected):
    assert merge_section(existing, "NEW\n") == expected
