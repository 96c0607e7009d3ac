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

from datetime import date

from marsad.doc import Doc, Mention

PRIMARY_DAYS = 7  # CODING.md §1: "usually within 7 days before publication"


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
