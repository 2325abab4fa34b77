"""Input and output: untrusted files and uploads in, ``Article`` values out;
``Event`` lists in, JSON, ACLED-style CSV and GeoJSON out.

    textio.py         bounded, validated reading of files, stdin, sidecars, HTML
    ingest.py         uploads, pasted text, HTML and Markdown -> ``Article``
    export.py         events -> JSON / CSV / GeoJSON

Every failure is an ``InputError`` with a message a user can act on. May import
``geo.gazetteer`` (country names for event ids), ``geo.model`` and ``geo.errors``;
never ``geo.store`` or ``geo.cli``.
"""
from geo.io.export import (
                           ACLED_COLUMNS,
                           event_dict,
                           events_to_csv,
                           events_to_geojson,
                           events_to_json,
                           feature_collection,
)
from geo.io.ingest import (
                           ACCEPTED_SUFFIXES,
                           Document,
                           Metadata,
                           build_article,
                           load_article_file,
                           read_pasted,
                           read_upload,
)
from geo.io.textio import load_article, parse_date, read_input

__all__ = [
    "ACLED_COLUMNS", "event_dict", "events_to_csv", "events_to_geojson", "events_to_json", "feature_collection",
    "ACCEPTED_SUFFIXES", "Document", "Metadata", "build_article", "load_article_file", "read_pasted", "read_upload",
    "load_article", "parse_date", "read_input",
]
