"""Which language an article is written in, among the languages to try.

langdetect (the detector dateparser itself offers as its language hook)
scores character n-grams against per-language profiles; only the profiles of
the languages to try are loaded, which takes milliseconds where all 55 take
~0.4 s, and a closed set of candidates is more accurate than the open one.
Its seed is fixed: langdetect samples, and the same text must always get the
same language.

The first language to try is the default: a text too short to judge, or one
the detector is unsure of, keeps it. A page or feed that declares its
language (``<html lang="es">``) is believed when that language is tried.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import Any

__all__ = ["READ_LANGUAGES", "base_language", "detect_language"]

#: The languages whose dates ingestion reads (English by its own grammar,
#: the others by ``store.ingest.foreign_dates``), in the order tried.
READ_LANGUAGES = ("en", "es", "pt", "fr")

#: Below this many words the n-grams say too little; keep the default.
MIN_WORDS = 8
#: How sure the detector must be to move away from the default language.
CONFIDENCE = 0.9
#: Enough of a long text to judge it; the rest costs time and changes nothing.
SAMPLE = 5000


def base_language(code: str) -> str:
    """ "pt-BR" -> "pt", "EN_gb" -> "en"."""
    return code.replace("_", "-").split("-")[0].strip().lower()


def detect_language(
    text: str, languages: Sequence[str] = READ_LANGUAGES, declared: str = ""
) -> str:
    """The language of ``text`` (a base code), one of ``languages``."""
    tried = tuple(dict.fromkeys(base_language(c) for c in languages if c.strip()))
    if not tried:
        return "en"
    hint = base_language(declared)
    if hint in tried:
        return hint
    if len(tried) == 1 or len(text.split()) < MIN_WORDS:
        return tried[0]
    known = tuple(code for code in tried if code in _profiles())
    if len(known) < 2:
        return tried[0]
    best, probability = _guess(text[:SAMPLE], known)
    return best if best and probability >= CONFIDENCE else tried[0]


def _guess(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    # A detector is cheap and has its own seeded random source; the
    # factory's profiles are shared and only read.
    try:
        detector = _factory(languages).create()
        detector.append(text)
        ranked = detector.get_probabilities()
    except LangDetectException:
        return "", 0.0
    if not ranked:
        return "", 0.0
    return str(ranked[0].lang), float(ranked[0].prob)


@functools.cache
def _profiles() -> frozenset[str]:
    """The languages langdetect has a profile for."""
    folder = resources.files("langdetect") / "profiles"
    return frozenset(entry.name for entry in folder.iterdir())


@functools.cache
def _factory(languages: tuple[str, ...]) -> Any:
    from langdetect.detector_factory import DetectorFactory

    folder = resources.files("langdetect") / "profiles"
    factory = DetectorFactory()
    profiles = [(folder / code).read_text("utf-8") for code in languages]
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory
