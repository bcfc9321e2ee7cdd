"""Dates read against another date than the article's, present references,
financial periods and the direction a clause gives: the forms news wire and
company results use. Every sentence here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.ingest.reference import References

ANCHOR = date(2026, 1, 10)  # a Saturday
RESULTS_DAY = date(2025, 10, 24)  # a Friday, three weeks after Q3 ended


def found(text: str, anchor: date = ANCHOR) -> list[FoundDate]:
    return find_dates(text, anchor)


def spans(text: str, anchor: date = ANCHOR) -> list[tuple[str, str, str, str]]:
    return [
        (
            f.text,
            f.when.start_day.isoformat(),
            f.when.end_day.isoformat(),
            f.when.precision,
        )
        for f in found(text, anchor)
    ]


# --- present references -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("The ferry now sails twice a week.", "now", "2026-01-10", "2026-01-10"),
        (
            "The mill currently employs 300 people.",
            "currently",
            "2026-01-10",
            "2026-01-10",
        ),
        ("Right now the roads are closed.", "Right now", "2026-01-10", "2026-01-10"),
        ("The current dispute began over pay.", "current", "2026-01-10", "2026-01-10"),
        (
            "The council recently bought the site.",
            "recently",
            "2025-10-11",
            "2026-01-10",
        ),
        (
            "In the past, the port handled coal.",
            "In the past",
            "2016-01-11",
            "2026-01-10",
        ),
        (
            "Prices may fall in the near future.",
            "in the near future",
            "2026-01-10",
            "2026-04-09",
        ),
        (
            "Funding is secure over the near term.",
            "the near term",
            "2026-01-10",
            "2027-01-09",
        ),
    ],
)
def test_present_references_read_against_the_article_date(
    sentence: str, text: str, start: str, end: str
) -> None:
    (item,) = found(sentence)
    assert (
        item.text,
        item.when.start_day.isoformat(),
        item.when.end_day.isoformat(),
    ) == (
        text,
        start,
        end,
    )
    assert item.vague  # a reading, never an event of its own


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The plan is on hold for now.", "now"),
        ("Now that the bridge is open, traffic has eased.", "Now"),
        ("Until now the mayor had kept quiet.", "now"),
        ("Rents are high these days.", "these days"),
    ],
)
def test_what_holds_at_the_article_date_is_a_present_reading(
    sentence: str, text: str
) -> None:
    """ "for now", "until now", "now that" say what holds when the article
    was written: a reading of that day, never an event."""
    (item,) = found(sentence)
    assert (item.text, item.when.start_day, item.when.end_day) == (
        text,
        ANCHOR,
        ANCHOR,
    )
    assert item.vague


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("Growth was slow for the past few years.", "the past few years", "2023-01-11"),
        ("Rates fell in the last few months.", "the last few months", "2025-10-11"),
        (
            "Sales grew over the past several quarters.",
            "the past several quarters",
            None,
        ),
    ],
)
def test_a_few_units_back_is_a_window_not_the_past(
    sentence: str, text: str, start: str | None
) -> None:
    """ "the past few years" is a stretch ending at the article's date, not
    "the past" followed by a count."""
    (item,) = found(sentence)
    assert (item.text, item.when.end_day, item.vague) == (text, ANCHOR, True)
    assert item.when.approximate
    if start is not None:
        assert item.when.start_day.isoformat() == start


@pytest.mark.parametrize(
    "sentence",
    [
        "Now is the time to act.",
        "From now on, visitors must book.",
        "By now the queue had gone.",
        "The future of the club is uncertain.",
        "The current account deficit widened.",
    ],
)
def test_connectives_and_nouns_are_not_present_references(sentence: str) -> None:
    assert [
        f.text for f in found(sentence) if f.vague and f.when.end_day == ANCHOR
    ] == []


# --- financial periods ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Harbor Foods posted a third-quarter loss of $2 million.",
            ("third-quarter", "2025-07-01", "2025-09-30", "quarter"),
        ),
        (
            "The brewer expects fiscal 2026 sales to grow.",
            ("fiscal 2026", "2026-01-01", "2026-12-31", "year"),
        ),
        (
            "In the 2024 third quarter, the mill lost money.",
            ("In the 2024 third quarter", "2024-07-01", "2024-09-30", "quarter"),
        ),
        (
            "Sales in this year's second quarter were flat.",
            ("in this year's second quarter", "2025-04-01", "2025-06-30", "quarter"),
        ),
        (
            "Margins narrowed in the last half of 2024.",
            ("in the last half of 2024", "2024-07-01", "2024-12-31", "quarter"),
        ),
        (
            "The bank expects to close the sale by year-end.",
            ("year-end", "2025-12-31", "2025-12-31", "day"),
        ),
        (
            "Traders said the bank will lift rates in coming quarters.",
            ("coming quarters", "2025-10-24", "2026-04-23", "quarter"),
        ),
    ],
)
def test_financial_periods(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert spans(sentence, RESULTS_DAY) == [expected]


def test_a_results_story_compares_with_the_same_quarter_a_year_back() -> None:
    text = (
        "Harbor Foods said third-quarter net income rose to $5 million from $4"
        " million a year earlier. In the year-ago quarter, sales were flat.\n"
        "Revenue in the latest quarter rose 8% from $90 million a year ago.\n"
        "For the quarter, costs fell, compared with the corresponding period last"
        " year. The 2024 period included a one-time gain."
    )
    readings = {
        f.text: (f.when.start_day.isoformat(), f.when.precision)
        for f in found(text, RESULTS_DAY)
    }
    assert readings == {
        "third-quarter": ("2025-07-01", "quarter"),
        "a year earlier": ("2024-07-01", "quarter"),
        "the year-ago quarter": ("2024-07-01", "quarter"),
        "the latest quarter": ("2025-07-01", "quarter"),
        "a year ago": ("2024-07-01", "quarter"),
        "the quarter": ("2025-07-01", "quarter"),
        "last year": ("2024-07-01", "quarter"),
        "The 2024 period": ("2024-07-01", "quarter"),
    }


def test_nine_months_compare_with_the_year_before() -> None:
    text = (
        "Harbor Foods reported third-quarter profit of $5 million. For the nine"
        " months, net was $14 million, up from $12 million a year earlier."
    )
    last = found(text, RESULTS_DAY)[-1]
    assert (last.text, last.when.start_day, last.when.precision) == (
        "a year earlier",
        date(2024, 1, 1),
        "year",
    )


def test_the_latest_quarter_alone_is_the_last_one_to_have_ended() -> None:
    assert spans("Orders in the latest quarter fell.", RESULTS_DAY) == [
        ("the latest quarter", "2025-07-01", "2025-09-30", "quarter")
    ]


def test_a_year_earlier_with_no_date_before_it_counts_from_the_article() -> None:
    assert spans("Exports were 4% higher than a year earlier.") == [
        ("a year earlier", "2025-01-01", "2025-12-31", "year")
    ]


def test_a_quarter_that_ended_is_past_and_one_ahead_is_the_next() -> None:
    text = "The fiscal first quarter ended Sept. 30 was weak."
    assert spans(text, RESULTS_DAY)[0][1:3] == ("2025-01-01", "2025-03-31")
    ahead = "The retailer expects the first quarter to be weak."
    assert spans(ahead, RESULTS_DAY) == [
        ("the first quarter", "2026-01-01", "2026-03-31", "quarter")
    ]


# --- the reference time -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The court sat on 12 March 2024. The verdict came the next day.",
            ("the next day", "2024-03-13", "2024-03-13", "day"),
        ),
        (
            "The strike began on 3 June 2024. The day before, talks had failed.",
            ("The day before", "2024-06-02", "2024-06-02", "day"),
        ),
        (
            "The plant opened in May 2019 and closed later that year.",
            ("later that year", "2019-01-01", "2019-12-31", "year"),
        ),
        (
            "Voters went to the polls on 4 July 2024. Two days later, the count ended.",
            ("Two days later", "2024-07-06", "2024-07-06", "day"),
        ),
        (
            "The ferry sank in August 2023. A year earlier, inspectors had warned.",
            ("A year earlier", "2022-08-01", "2022-08-31", "month"),
        ),
        (
            "The levy rose in the second quarter of 2024. That quarter, exports fell.",
            ("That quarter", "2024-04-01", "2024-06-30", "quarter"),
        ),
    ],
)
def test_dates_counted_from_the_last_date_given(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert spans(sentence)[-1] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The recount came two days after the vote.",  # the vote's date is unknown
        "The line will open in 2028, a year later than planned.",
        "The next day was quiet.",  # nothing to count from
    ],
)
def test_counts_from_an_unknown_event_are_not_guessed(sentence: str) -> None:
    texts = [f.text for f in found(sentence)]
    assert all(
        word not in text.lower()
        for text in texts
        for word in ("after", "later", "next")
    )


def test_the_next_year_is_not_counted_from_an_event() -> None:
    """Only "the next day" (morning, night) counts from the date before it."""
    assert spans("The mine will close over the next year or so.") == [
        ("next year", "2027-01-01", "2027-12-31", "year")
    ]


def test_of_that_year_stays_with_its_month() -> None:
    text = "The firm was founded in 2015 and listed in October of that year."
    assert [f.text for f in found(text)] == ["in 2015", "in October of that year"]


def test_references_carry_across_calls() -> None:
    """The pipeline reads an article paragraph by paragraph."""
    first = "Results for the third quarter of 2025 were weak."
    second = "Sales fell 3% from a year earlier."
    refs = References()
    find_dates(first, RESULTS_DAY, references=refs)
    (item,) = find_dates(second, RESULTS_DAY, references=refs)
    assert (item.when.start_day, item.when.precision) == (date(2024, 7, 1), "quarter")


def test_a_quotation_counts_from_the_day_it_was_said() -> None:
    text = '"We will vote tomorrow," the union leader said on Tuesday.'
    first, said = found(text)
    assert said.when.start_day == date(2026, 1, 6)
    assert (first.text, first.quoted, first.when.start_day) == (
        "tomorrow",
        True,
        date(2026, 1, 7),
    )


# --- direction read from the date's own clause ------------------------------


def test_a_past_verb_after_the_date_governs_it() -> None:
    (item,) = found("The former mayor on Thursday agreed to repay the funds.")
    assert (item.when.start_day, item.tense) == (date(2026, 1, 8), "past")


def test_a_condition_and_a_warning_point_ahead() -> None:
    text = (
        "If no deal is reached by the end of the month, the union warned of"
        " further action in December and a strike before Christmas."
    )
    readings = [
        (f.text, f.when.start_day, f.when.end_day, f.tense, f.bound)
        for f in find_dates(text, date(2025, 11, 3))
    ]
    assert readings == [
        (
            "the end of the month",
            date(2025, 11, 21),
            date(2025, 11, 30),
            "future",
            "by",
        ),
        ("in December", date(2025, 12, 1), date(2025, 12, 31), "future", None),
        ("Christmas", date(2025, 12, 25), date(2025, 12, 25), "future", "before"),
    ]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        # no tense cue: the nearer day, ahead only when much nearer
        ("The dividend is payable Jan. 2 to holders of record.", date(2026, 1, 2)),
        ("The appointment takes effect Feb. 1.", date(2026, 2, 1)),
        ("The reduced dividend is payable March 3.", date(2026, 3, 3)),
        ("Investigators have searched since the Oct. 23 raid.", date(2025, 10, 23)),
        # "due to" gives a cause, not a schedule
        ("The loss was due to the third-quarter strike.", date(2025, 7, 1)),
        # a deadline in a clause of its own lies ahead
        (
            "Talks broke down, and a deal is needed no later than June.",
            date(2026, 6, 1),
        ),
        # since: it began before
        ("Prices have risen since March.", date(2025, 3, 1)),
    ],
)
def test_direction_without_a_clear_verb(sentence: str, start: date) -> None:
    assert found(sentence)[0].when.start_day == start


# --- forms not found before -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Output rose in 2014-2016.",
            ("in 2014-2016", "2014-01-01", "2016-12-31", "year"),
        ),
        (
            "The boom of 1987-88 ended badly.",
            ("1987-88", "1987-01-01", "1988-12-31", "year"),
        ),
        (
            "The mill dates from the 19th century.",
            ("the 19th century", "1800-01-01", "1899-12-31", "century"),
        ),
        (
            "Nothing like it happened this century.",
            ("this century", "2000-01-01", "2099-12-31", "century"),
        ),
        (
            "Nov. 4: The council meets again.",
            ("Nov. 4", "2025-11-04", "2025-11-04", "day"),
        ),
        (
            "A 2019 survey found most readers skim.",
            ("2019", "2019-01-01", "2019-12-31", "year"),
        ),
        (
            "Over the weekend, protesters gathered.",
            ("the weekend", "2026-01-10", "2026-01-11", "week"),
        ),
        (
            "The boy was found on Thanksgiving Day.",
            ("on Thanksgiving Day", "2025-11-27", "2025-11-27", "day"),
        ),
        (
            "The group split in mid-2021.",
            ("in mid-2021", "2021-05-01", "2021-08-31", "year"),
        ),
        (
            "Polls close at eight on Election Day 2026.",
            ("on Election Day 2026", "2026-11-03", "2026-11-03", "day"),
        ),
        (
            "It was signed into the Ports Act of 1998.",
            ("1998", "1998-01-01", "1998-12-31", "year"),
        ),
        (
            "We last saw prices like this in nineteen ninety-six.",
            ("in nineteen ninety-six", "1996-01-01", "1996-12-31", "year"),
        ),
        (
            "Unemployment was to halve by the year two thousand.",
            ("the year two thousand", "2000-01-01", "2000-12-31", "year"),
        ),
        (
            "The talks resumed last April.",
            ("last April", "2025-04-01", "2025-04-30", "month"),
        ),
    ],
)
def test_new_forms(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert spans(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("The works must finish before March 2027.", "before"),
        ("Only flats built after 2020, the rules say, qualify.", "after"),
        ("Bids are due no later than June.", "by"),
        ("The board will decide by the end of the year.", "by"),
        ("The road stays shut until Friday.", "until"),
        ("Fares have doubled since 2019.", "since"),
    ],
)
def test_bounded_dates_keep_their_bound(sentence: str, bound: str) -> None:
    (item,) = found(sentence)
    assert item.bound == bound


def test_a_programme_title_is_not_a_week() -> None:
    assert (
        found('The minister said on ABC\'s "This Week" that talks would go on.') == []
    )
