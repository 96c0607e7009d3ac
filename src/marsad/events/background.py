"""Primary or background by date (CODING.md §1): which dates may stand for the report's news.

Primary events are those the report announces as news, usually within seven days before
publication; an incident dated further back ("قبل شهرين", "في أكتوبر الماضي", "قبل نحو أسبوعين")
is recalled background. Event assembly gives undated clauses the report's date: that date must be
one of the news, never a recalled incident's.

Assembly calls `news_dates` where it chooses the report date (EventAssembler._report_date, in
events/assemble_casualties_date.py), on the DATE mentions it considers, before picking the one
nearest after a trigger.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.doc import Doc, Mention
from marsad.events.incidents import told_by_definite_nouns

PRIMARY_DAYS = 7  # CODING.md §1: "usually within 7 days before publication"


WEEK_HALF = 3  # days from the middle of a week-precision span (CODING.md §5) to its last day


def latest_day(day: Mention, triggers: list[Mention]) -> date | None:
    """The last day DATE mention `day` may stand for, for the recency test: its day, or for a week
    told without its day ("أوقفت مفارز للجيش خلال الأسبوع الماضي خمسة عناصر", dated at the week's
    middle) the week's end — an incident of last week told as it happened is news to a report of
    this week. Not when the act words of the date's sentence (all `triggers` when it has none) are
    definite nouns only ("الهجوم الكيميائي على دوما الأسبوع الماضي"): the known incident a
    statement refers to."""
    value = day.value
    if value.date is None or value.precision != 2:
        return value.date
    own = [t for t in triggers if t.sentence == day.sentence] or triggers
    return value.date if told_by_definite_nouns(own) else value.date + timedelta(days=WEEK_HALF)


def is_recent(published: date | None, day: date | None) -> bool:
    """Whether `day` may be a primary event's day: within PRIMARY_DAYS before publication (or
    unknown, when either date is)."""
    if published is None or day is None:
        return True
    return (published - day).days <= PRIMARY_DAYS


def news_dates(doc: Doc, dates: list[Mention]) -> list[Mention]:
    """The DATE mentions that may date the report's news: those of recalled incidents (more than
    seven days before publication) are left out."""
    return [d for d in dates if is_recent(doc.published, d.value.date)]
