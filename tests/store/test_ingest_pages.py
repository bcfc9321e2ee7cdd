"""Saved web pages, feeds and es/pt/fr articles through the ingest pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.errors import DatelineError
from dateline.store.ingest import (
    Document,
    documents_from_bytes,
    extract,
    read_documents,
)
from dateline.store.ingest.document import IngestError
from dateline.store.ingest.html import MAX_ELEMENTS
from dateline.store.ingest.language import detect_language
from dateline.store.ingest.reading import sniff
from dateline.store.ingest.text import parse_article
from dateline.store.model import Source
from hypothesis import given, settings
from hypothesis import strategies as st

PAGES = Path(__file__).parent / "pages"
#: Words of the page's furniture: navigation, ads, cookie banner, sidebar, footer.
FURNITURE = (
    "Subscribe",
    "cookies",
    "Spring sale",
    "cruise",
    "Hartwell",
    "Storm Idris",
    "Council tax",
    "Quiz",
    "Newsletter",
    "Related",
    "Advertisement",
    "Sponsored",
    "All rights reserved",
)


def _texts(extraction: object) -> str:
    events = getattr(extraction, "events", [])
    return "\n".join(f"{e.title}\n{e.summary}" for e in events)


def test_saved_page_gives_clean_events_and_the_pages_metadata() -> None:
    (page,) = read_documents(PAGES / "harbour_strike.html")
    assert page.kind == "page"
    extraction = extract(page)
    source = extraction.source
    # JSON-LD datePublished, not the modified date or a date in the sidebar.
    assert source.published == date(2026, 3, 12)
    assert source.title == "Dock workers in Valmont vote to strike from next month"
    assert source.outlet == "The Coastal Ledger"
    assert source.byline == "Marta Oyelaran"
    assert source.url.endswith("/2026/03/12/valmont-dock-strike")
    assert source.dateline == "VALMONT"
    assert source.language == "en"
    assert source.body.startswith("VALMONT — Dock workers")
    events = _texts(extraction)
    for word in FURNITURE:
        assert word not in events and word not in source.body, word
    assert "<" not in events and "{" not in events
    days = {e.when.start for e in extraction.events if e.when.precision == "day"}
    # "on 6 April", "on Tuesday" (10 Mar), "on Wednesday" (11 Mar).
    assert {date(2026, 4, 6), date(2026, 3, 10), date(2026, 3, 11)} <= days


def test_flags_win_over_the_page() -> None:
    (page,) = read_documents(PAGES / "harbour_strike.html")
    source = extract(page, published=date(2026, 3, 13), title="Mine", outlet="X").source
    assert (source.published, source.title, source.outlet) == (
        date(2026, 3, 13),
        "Mine",
        "X",
    )


@pytest.mark.parametrize(
    ("name", "titles", "days", "urls"),
    [
        (
            "desk.rss",
            [
                "Northfield bridge to close for repairs in March",
                "Library opening hours extended",
            ],
            # The second item's own day as written (-0500), not UTC's 4 Feb.
            [date(2026, 2, 6), date(2026, 2, 3)],
            [
                "https://gazette.example/local/2026/02/06/bridge-repairs",
                "https://gazette.example/local/2026/02/03/library-hours",
            ],
        ),
        (
            "desk.atom",
            [
                "Ferry operator announces new route to the islands",
                "Port fees unchanged",
            ],
            [date(2026, 4, 9), date(2026, 4, 2)],
            [
                "https://wire.example/2026/04/09/ferry-route",
                "https://wire.example/2026/04/02/port-fees",
            ],
        ),
    ],
)
def test_feed_items_each_carry_their_date_and_link(
    name: str, titles: list[str], days: list[date], urls: list[str]
) -> None:
    items = read_documents(PAGES / name)
    assert [i.kind for i in items] == ["feed", "feed"]
    assert [i.title for i in items] == titles
    assert [i.published for i in items] == days
    assert [i.url for i in items] == urls
    first = extract(items[0])
    assert first.source.published == days[0] and first.source.url == urls[0]
    assert "Advertisement" not in items[0].text


def test_rss_item_dates_are_read_against_the_items_own_day() -> None:
    items = read_documents(PAGES / "desk.rss")
    library = extract(items[1])
    # "on Monday" in an item of Tue 3 Feb is Mon 2 Feb.
    assert date(2026, 2, 2) in {e.when.start for e in library.events}
    bridge = extract(items[0])
    by_day = {e.when.start: e for e in bridge.events}
    assert by_day[date(2026, 3, 2)].status == "expected"
    assert date(2026, 2, 5) in by_day  # "on Thursday"


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        (
            "es_article.txt",
            "es",
            {
                "el viernes pasado": (date(2026, 1, 30), date(2026, 1, 30), "day"),
                "la semana próxima": (date(2026, 2, 9), date(2026, 2, 15), "week"),
                "el 19 de febrero de 2026": (
                    date(2026, 2, 19),
                    date(2026, 2, 19),
                    "day",
                ),
                "en octubre de 2025": (date(2025, 10, 1), date(2025, 10, 31), "month"),
                "ayer": (date(2026, 2, 5), date(2026, 2, 5), "day"),
            },
        ),
        (
            "pt_article.txt",
            "pt",
            {
                "ontem": (date(2026, 2, 5), date(2026, 2, 5), "day"),
                "na próxima semana": (date(2026, 2, 9), date(2026, 2, 15), "week"),
                "em março de 2025": (date(2025, 3, 1), date(2025, 3, 31), "month"),
                "em 14 de janeiro de 2026": (
                    date(2026, 1, 14),
                    date(2026, 1, 14),
                    "day",
                ),
                "no próximo mês": (date(2026, 3, 1), date(2026, 3, 31), "month"),
            },
        ),
        (
            "fr_article.txt",
            "fr",
            {
                "hier": (date(2026, 2, 5), date(2026, 2, 5), "day"),
                "la semaine prochaine": (date(2026, 2, 9), date(2026, 2, 15), "week"),
                "le 9 janvier 2026": (date(2026, 1, 9), date(2026, 1, 9), "day"),
                "en octobre 2025": (date(2025, 10, 1), date(2025, 10, 31), "month"),
                "en mars": (date(2026, 3, 1), date(2026, 3, 31), "month"),
            },
        ),
    ],
)
def test_foreign_articles_get_their_language_and_dates(
    name: str, language: str, expected: dict[str, tuple[date, date, str]]
) -> None:
    (doc,) = read_documents(PAGES / name)
    extraction = extract(doc, published=date(2026, 2, 6))
    assert extraction.source.language == language
    read = {
        f.text.lower(): (f.when.start, f.when.end, f.when.precision)
        for f in extraction.dates
    }
    for phrase, reading in expected.items():
        assert read.get(phrase) == reading, (phrase, read)
    statuses = {e.when.start: e.status for e in extraction.events}
    assert statuses[date(2026, 2, 9)] == "expected"
    assert statuses[date(2026, 2, 5)] == "occurred"


def test_languages_not_tried_are_not_detected() -> None:
    text = (PAGES / "es_article.txt").read_text("utf-8")
    assert detect_language(text, ("en", "es")) == "es"
    assert detect_language(text, ("en",)) == "en"
    assert detect_language("Ayer llovió.", ("en", "es")) == "en"  # too short
    assert detect_language("short", ("en", "fr"), declared="fr-CA") == "fr"


def test_old_sources_without_a_language_still_load() -> None:
    doc = Source("T").to_doc()
    del doc["language"]  # as files written before it existed
    assert Source.from_doc(doc).language == ""
    assert Source.from_doc({**doc, "language": "es"}).language == "es"


def test_headline_line_before_the_dateline_no_longer_hides_it() -> None:
    for header in (
        "Trump invites Petro to the White House.\n\n",
        "Trump invites Petro to the White House\n",
        "Trump invites Petro\n\nUS president says talks will be held in February\n\n",
    ):
        article = parse_article(
            header
            + "ERBIL (Kurdistan24) - President Donald Trump announced on Friday.\n"
        )
        assert article.dateline == "ERBIL" and article.outlet == "Kurdistan24"
        assert article.title.startswith("Trump invites Petro")
        assert article.body.startswith("ERBIL (Kurdistan24) -")
    # A story paragraph of several sentences is never taken for a headline.
    story = parse_article(
        "The army left on Friday. Officials said so.\n\nKYIV - More.\n"
    )
    assert story.body.startswith("The army left on Friday.")


@pytest.mark.parametrize(
    ("raw", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "page"),
        (b"\xef\xbb\xbf  <html lang=en><p>x", "paste", "page"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "f", "feed"),
        (
            b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
            "f",
            "feed",
        ),
        (b"An article about <b> tags and <i> tags.", "a.txt", "text"),
        (b"date 2026-01-10\n\nKYIV - Text.", "a.html", "text"),
        (b"Some <b>bold</b> and <i>it</i> and <br> breaks", "page.html", "page"),
    ],
)
def test_sniff_by_content_then_name(raw: bytes, name: str, kind: str) -> None:
    assert sniff(raw, name) == kind


def _page_error(raw: bytes, name: str = "page.html") -> str:
    with pytest.raises(IngestError) as caught:
        extract(documents_from_bytes(raw, name)[0])
    return str(caught.value)


def test_script_only_page_is_a_clear_error() -> None:
    raw = (
        b"<html><head><script>"
        + b"var a = 'Friday 9 January';" * 2000
        + b"</script></head><body><div id=app></div><script src=app.js></script>"
        b"</body></html>"
    )
    message = _page_error(raw)
    assert "page.html holds no article text" in message and ".txt" in message


def test_page_with_too_many_elements_is_refused_before_extraction() -> None:
    raw = b"<html><body>" + b"<p>x</p>" * (MAX_ELEMENTS + 10) + b"</body></html>"
    message = _page_error(raw)
    assert "HTML elements" in message and "25,000" in message


def test_deeply_nested_page_is_a_clear_error_not_a_traceback() -> None:
    depth = 50_000
    raw = b"<html><body>" + b"<div>" * depth + b"<p>On Friday it rained.</p>"
    raw += b"</div>" * depth + b"</body></html>"
    with pytest.raises(IngestError):
        extract(documents_from_bytes(raw, "deep.html")[0])


def test_page_in_a_wrong_encoding_is_named() -> None:
    body = "<p>Le président est arrivé à Paris vendredi.</p>".encode("latin-1")
    raw = b'<html><head><meta charset="utf-8"></head><body>' + body + b"</body></html>"
    message = _page_error(raw)
    assert "not valid utf-8" in message and "byte" in message
    unknown = (
        b'<html><head><meta charset="klingon-8"></head><body><p>x</p></body></html>'
    )
    assert '"klingon-8"' in _page_error(unknown)


def test_page_in_its_declared_legacy_encoding_is_read() -> None:
    text = "Le président est arrivé à Paris le 9 janvier 2026, a annoncé le ministère."
    raw = (
        b'<html lang="fr"><head><meta http-equiv="Content-Type" '
        b'content="text/html; charset=iso-8859-1"><title>Visite</title></head><body>'
        b"<article><p>"
        + text.encode("latin-1")
        + b"</p><p>"
        + (
            "Il repartira la semaine prochaine vers Madrid, selon ses proches. " * 3
        ).encode("latin-1")
        + b"</p></article></body></html>"
    )
    (page,) = documents_from_bytes(raw, "visite.html")
    assert "président" in page.text and page.language == "fr"
    extraction = extract(page, published=date(2026, 1, 12))
    assert extraction.source.language == "fr"
    assert date(2026, 1, 9) in {f.when.start for f in extraction.dates}


def test_huge_input_is_refused_with_the_limit() -> None:
    from dateline.store.ingest import ARTICLE_LIMIT

    with pytest.raises(IngestError, match="longer than 10 MB"):
        documents_from_bytes(b"<html>" + b" " * ARTICLE_LIMIT, "big.html")


def test_feed_without_items_and_broken_feed_are_clear_errors() -> None:
    empty = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"</channel></rss>"
    )
    with pytest.raises(IngestError, match="no feed items"):
        documents_from_bytes(empty, "empty.rss")
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x'
    docs = documents_from_bytes(broken, "broken.rss")
    assert all(isinstance(d, Document) for d in docs)


def test_billion_laughs_feed_does_not_expand() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha">'
    prev = "a"
    for n in range(1, 12):
        name = f"e{n}"
        laughs += f'<!ENTITY {name} "{("&" + prev + ";") * 10}">'.encode()
        prev = name
    laughs += f']><rss version="2.0"><channel><item><title>&{prev};</title>'.encode()
    laughs += b"<description>On Friday.</description></item></channel></rss>"
    try:
        docs = documents_from_bytes(laughs, "laughs.rss")
    except IngestError:
        return
    assert all(len(d.title) < 100_000 for d in docs)


@pytest.mark.parametrize(
    ("language", "text", "phrase", "start", "end", "precision"),
    [
        (
            "es",
            "La cumbre será del 3 al 5 de marzo de 2026.",
            "del 3 al 5 de marzo de 2026",
            date(2026, 3, 3),
            date(2026, 3, 5),
            "day",
        ),
        (
            "es",
            "Llegará a finales de febrero.",
            "a finales de febrero",
            date(2026, 2, 21),
            date(2026, 2, 28),
            "month",
        ),
        (
            "es",
            "Se firmó el 09/01/2026 en Lima.",
            "09/01/2026",
            date(2026, 1, 9),
            date(2026, 1, 9),
            "day",
        ),
        (
            "es",
            "El acuerdo expiró hace dos semanas.",
            "hace dos semanas",
            date(2025, 12, 22),
            date(2025, 12, 28),
            "week",
        ),
        ("es", "Esta mañana llovió en Quito.", None, None, None, None),
        (
            "pt",
            "No fim de 2025 a seca piorou.",
            "No fim de 2025",
            date(2025, 9, 1),
            date(2025, 12, 31),
            "year",
        ),
        (
            "pt",
            "Ele viaja na próxima sexta-feira.",
            "na próxima sexta-feira",
            date(2026, 1, 16),
            date(2026, 1, 16),
            "day",
        ),
        (
            "pt",
            "Ele falou há duas semanas.",
            "há duas semanas",
            date(2025, 12, 22),
            date(2025, 12, 28),
            "week",
        ),
        (
            "fr",
            "Le sommet aura lieu du 3 au 5 mars.",
            "du 3 au 5 mars",
            date(2026, 3, 3),
            date(2026, 3, 5),
            "day",
        ),
        (
            "fr",
            "Mi-février, il a plu.",
            "Mi-février",
            date(2025, 2, 11),
            date(2025, 2, 20),
            "month",
        ),
        (
            "fr",
            "Il est parti il y a deux mois.",
            "il y a deux mois",
            date(2025, 11, 1),
            date(2025, 11, 30),
            "month",
        ),
        ("fr", "Les Mars et les Vénus.", None, None, None, None),
    ],
)
def test_foreign_forms(
    language: str,
    text: str,
    phrase: str | None,
    start: date | None,
    end: date | None,
    precision: str | None,
) -> None:
    from dateline.store.ingest.foreign_dates import find_foreign_dates

    found = find_foreign_dates(text, date(2026, 1, 10), language)
    if phrase is None:
        assert found == []
        return
    (only,) = found
    assert (only.text, only.when.start, only.when.end, only.when.precision) == (
        phrase,
        start,
        end,
        precision,
    )


def test_json_ld_alone_gives_headline_author_and_date() -> None:
    raw = b"""<!DOCTYPE html><html><head><title>Site</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Riverside Post"},
 {"@type": "NewsArticle", "headline": "Flood barrier finished ahead of winter",
  "datePublished": "2025-11-03", "author": {"@type": "Person", "name": "Ada Kumar"},
  "publisher": {"@type": "Organization", "name": "Riverside Post"}}]}</script>
</head><body><div class="content"><p>Engineers finished the flood barrier on
Friday, a month ahead of schedule, the city said on Sunday.</p>
<p>The barrier was first proposed in 2019 and will be tested in December.</p>
</div></body></html>"""
    (page,) = documents_from_bytes(raw, "post.html")
    assert page.published == date(2025, 11, 3)
    assert page.title == "Flood barrier finished ahead of winter"
    assert page.byline == "Ada Kumar"
    extraction = extract(page)
    assert date(2025, 10, 31) in {e.when.start for e in extraction.events}


_MARKUP = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<body>",
        "<p>",
        "</p>",
        "<div class='ad'>",
        "</div>",
        "<script>",
        "</script>",
        "<meta charset='utf-8'>",
        "<?xml version='1.0'?>",
        "<rss>",
        "<item>",
        "<title>",
        "</title>",
        "<pubDate>",
        "Fri, 09 Jan 2026",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#0;",
        "&bogus;",
        "9 de enero",
        "hier",
        "<!DOCTYPE html>",
        "<feed>",
        "<entry>",
        "\x00",
        "\ufeff",
        "é",
        " on Friday. ",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    pieces=st.lists(_MARKUP | st.text(max_size=20), max_size=40),
    name=st.sampled_from(["x.html", "x.rss", "x.txt", "x.xml", "paste"]),
)
def test_any_markup_soup_is_read_or_refused_in_words(
    pieces: list[str], name: str
) -> None:
    raw = "".join(pieces).encode("utf-8", "surrogatepass")
    try:
        documents = documents_from_bytes(raw, name)
        for document in documents[:3]:
            extract(document, published=date(2026, 1, 10))
    except DatelineError as exc:
        assert str(exc) and "Traceback" not in str(exc)


def test_tense_cue_is_read_once_per_sentence_however_many_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What keeps 100 KB of dates linear: the sentence's future-verb search
    runs once per sentence, not once per date in it."""
    from dataclasses import replace as swapped

    from dateline.store.ingest import foreign_dates

    words = foreign_dates._words("es")
    calls = []

    class Counting:
        def search(self, *args: object) -> object:
            calls.append(args)
            return words.future.search(*args)  # type: ignore[arg-type]

    counting = swapped(words, future=Counting())
    monkeypatch.setattr(foreign_dates, "_words", lambda _language: counting)
    text = "Dijo que " + "ayer, " * 2000 + "llovió. Mañana viajará."
    found = foreign_dates.find_foreign_dates(text, date(2026, 1, 10), "es")
    sentences = {f.sentence for f in found}  # long ones are cut at 2000 chars
    assert len(found) == 2001 and len(calls) == len(sentences) < 10
