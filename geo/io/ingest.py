"""Turning an uploaded, pasted or on-disk article into an ``Article``.

Accepts plain text, HTML (reduced to text) and Markdown (reduced to text);
refuses anything over 5 MB, binary data and invalid UTF-8 with a clear
``InputError``. Metadata found in the document itself (HTML meta tags,
Markdown front matter, a dated URL) only supplies defaults: values the user
gives, then a sidecar ``X.json``, take precedence.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.io.textio import decode_text, html_to_text, looks_like_html, parse_date, read_bytes, read_sidecar
from geo.model import Article

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES
DATE_META_NAMES = ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
                   "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
                   "og:published_time", "parsely-pub-date", "sailthru.date", "article.published")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None

    def merged_over(self, fallback: Metadata) -> Metadata:
        """These values where set, the fallback's elsewhere."""
        return Metadata(self.title or fallback.title, self.outlet or fallback.outlet,
                        self.url or fallback.url, self.published or fallback.published)


@dataclass(frozen=True)
class Document:
    text: str
    metadata: Metadata = Metadata()


def _first_day(value: str) -> date | None:
    match = _ISO_DAY.search(value or "")
    if not match:
        return None
    try:
        return parse_date(match.group(0))
    except InputError:
        return None


def date_from_url(url: str) -> date | None:
    """``.../2020/07/05/...`` style addresses; ambiguous day-month forms are left alone."""
    match = _URL_DAY.search(url or "")
    if not match:
        return None
    try:
        return parse_date(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
    except InputError:
        return None


def html_metadata(html: str) -> Metadata:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key and tag.get("content") and key not in meta:
            meta[key] = " ".join(str(tag["content"]).split())
    canonical = soup.find("link", rel="canonical")
    heading = soup.find("h1")
    title_tag = soup.find("title")
    title = meta.get("og:title") or (title_tag.get_text(" ", strip=True) if title_tag else "") or (
        heading.get_text(" ", strip=True) if heading else "")
    url = (canonical.get("href") if canonical else "") or meta.get("og:url", "")
    published = next((d for d in (_first_day(meta.get(n, "")) for n in DATE_META_NAMES) if d), None)
    if published is None:
        time_tag = soup.find("time", datetime=True)
        published = _first_day(time_tag["datetime"]) if time_tag else None
    if published is None:
        published = _json_ld_date(soup)
    return Metadata(title=title, outlet=meta.get("og:site_name", ""), url=str(url or "").strip(),
                    published=published or date_from_url(str(url or "")))


def _json_ld_date(soup) -> date | None:
    for script in soup.find_all("script", type="application/ld+json"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.string or "")
        if match and _first_day(match.group(1)):
            return _first_day(match.group(1))
    return None


def split_front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter (no YAML parser: only flat strings are read)."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields, markdown[match.end():]


def markdown_to_text(markdown: str) -> str:
    """Markdown markup removed, words and paragraphs kept."""
    text = re.sub(r"^(```|~~~).*$", "", markdown, flags=re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>+)\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"^\s*([-*_]\s*){3,}$", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def _markdown_document(markdown: str) -> Document:
    fields, body = split_front_matter(markdown)
    url = fields.get("url") or fields.get("link") or fields.get("canonical") or ""
    published = _first_day(fields.get("published") or fields.get("date") or "") or date_from_url(url)
    metadata = Metadata(title=fields.get("title", ""), outlet=fields.get("outlet") or fields.get("source") or "",
                        url=url, published=published)
    return Document(markdown_to_text(body), metadata)


def _finish(document: Document, source: str) -> Document:
    text = document.text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(f"{source} contains no article text")
    return replace(document, text=text)


def parse_document(text: str, name: str = "") -> Document:
    """Text of a file or a paste, by its name's suffix (or its look, when pasted)."""
    suffix = Path(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        document = _markdown_document(text)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        document = Document(html_to_text(text), html_metadata(text))
    else:
        document = Document(text)
    return _finish(document, name or "the text")


def read_upload(raw: bytes, filename: str) -> Document:
    """An uploaded file: .txt, .html or .md, at most 5 MB, UTF-8 text."""
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise InputError(f"{filename}: only {', '.join(ACCEPTED_SUFFIXES)} files are accepted")
    return parse_document(decode_text(raw, filename), filename)


def read_pasted(text: str) -> Document:
    return read_upload(text.encode("utf-8", errors="surrogatepass"), "pasted.html" if looks_like_html(text)
                       else "pasted.txt")


def build_article(document: Document, title: str = "", outlet: str = "", url: str = "",
                  published: date | str | None = None, require_all: bool = True) -> Article:
    """An Article from a document and the user's metadata (which wins over the
    document's). ``require_all`` asks for title, outlet and URL as well as the date."""
    given = Metadata(title.strip(), outlet.strip(), url.strip(),
                     published if isinstance(published, date) or not published
                     else parse_date(published, "publication date"))
    meta = given.merged_over(document.metadata)
    missing = [name for name, value in (("title", meta.title), ("outlet", meta.outlet), ("URL", meta.url))
               if require_all and not value]
    if meta.published is None:
        missing.append("publication date")
    if missing:
        raise InputError(f"please give the article's {', '.join(missing)}")
    if meta.url and not re.match(r"^https?://\S+$", meta.url):
        raise InputError(f"the URL {meta.url!r} must start with http:// or https:// and contain no spaces")
    return Article(text=document.text, published=meta.published, title=meta.title,
                   outlet=meta.outlet, url=meta.url)


def load_article_file(path: str, published: str | None = None, title: str = "", outlet: str = "",
                      url: str = "") -> Article:
    """A file on disk (or ``-`` for standard input) with its sidecar metadata:
    options first, then ``X.json``, then what the document itself says."""
    name = "standard input.txt" if path == "-" else Path(path).name
    document = read_upload(read_bytes(path), name)
    sidecar = read_sidecar(path)
    try:
        side = Metadata(str(sidecar.get("title") or ""), str(sidecar.get("outlet") or ""),
                        str(sidecar.get("url") or ""),
                        parse_date(sidecar["published"], "publication date") if sidecar.get("published") else None)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{path}: metadata {json.dumps(sidecar)[:200]} is unusable ({exc})") from None
    document = replace(document, metadata=side.merged_over(document.metadata))
    article = build_article(document, title, outlet, url, published, require_all=False)
    language = str(sidecar.get("language") or "en")
    return replace(article, language=language) if language != article.language else article
