"""marsad (مرصد): Arabic news reports to ACLED-style, geolocated, dated conflict events.

    >>> import marsad
    >>> events = marsad.extract(text, published="2020-08-19")

See README.md and docs/ for the pipeline, the CLI and the coding rules it follows.
"""

from marsad import _compiled

_compiled.install()  # before any compiled module is imported: never a stale one (see _compiled)

from marsad.models import Article, ArticleResult, Event, Span  # noqa: E402
from marsad.pipeline import Pipeline, extract, extract_article, extract_many  # noqa: E402

__all__ = [
    "Article",
    "ArticleResult",
    "Event",
    "Pipeline",
    "Span",
    "extract",
    "extract_article",
    "extract_many",
]
__version__ = "0.1.0"
