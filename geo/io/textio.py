"""Reading untrusted article input: files, stdin, sidecar metadata, HTML.

Everything here raises ``InputError`` with a message a user can act on.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.model import Article

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")


def decode_text(raw: bytes, source: str = "input") -> str:
    """Strict UTF-8 (BOM allowed); refuse binary data and oversize input."""
    if len(raw) > MAX_BYTES:
        raise InputError(f"{source} is {len(raw) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{source} looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source} is not valid UTF-8 text (byte {exc.start})") from None
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
              "footer", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "title")


def html_to_text(html: str) -> str:
    """Reduce HTML to readable text: scripts and styles dropped, one paragraph per block
    element, inline markup joined into its sentence."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    blocks = [" ".join(line.split()) for line in soup.get_text("").splitlines()]
    return "\n\n".join(block for block in blocks if block)


def normalise_article_text(text: str, name: str = "") -> str:
    """HTML files and HTML-looking text become plain text; line endings are unified."""
    if name.lower().endswith(HTML_SUFFIXES) or looks_like_html(text):
        text = html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str) -> bytes:
    """A file's bytes, or standard input's for ``-``: at most one byte over MAX_BYTES,
    enough for ``decode_text`` to tell that the input is too big."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    with file.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def read_input(path: str) -> tuple[str, str]:
    """Return (display name, text) for a path or ``-`` (stdin)."""
    raw = read_bytes(path)
    if path == "-":
        return "-", normalise_article_text(decode_text(raw, "standard input"))
    return path, normalise_article_text(decode_text(raw, path), Path(path).name)


def parse_date(value: str, what: str = "date") -> date:
    try:
        parsed = date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what} {value!r} is not a valid YYYY-MM-DD date") from None
    if not 1900 <= parsed.year <= 2100:
        raise InputError(f"{what} {value!r} is outside 1900-2100")
    return parsed


def read_sidecar(text_path: str) -> dict:
    """Metadata of ``X.txt`` from ``X.json`` beside it, or {}."""
    if text_path == "-":
        return {}
    sidecar = Path(text_path).with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{sidecar}: metadata is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{sidecar}: metadata must be a JSON object")
    return meta


def load_article(path: str, published: str | None = None, **overrides: str) -> Article:
    """Read an article file with its sidecar; ``published`` and ``overrides``
    (title, outlet, url) take precedence over the sidecar."""
    name, text = read_input(path)
    meta = read_sidecar(path)
    raw_date = published or meta.get("published")
    if not raw_date:
        raise InputError(f"{name}: no publication date; pass --published YYYY-MM-DD")
    fields = {k: str(meta.get(k) or "") for k in ("title", "outlet", "url")}
    fields.update({k: v for k, v in overrides.items() if v})
    return Article(
        text=text,
        published=parse_date(raw_date, "publication date"),
        language=str(meta.get("language") or "en"),
        **fields,
    )
