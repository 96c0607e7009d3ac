"""The extraction pipeline: small components run in order over one `Doc` (spaCy-style).

A `Pipeline` holds only settings, so it pickles cheaply into worker processes and Spark executors;
each process loads the knowledge it needs once, on first use (marsad.knowledge.resources).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from marsad.doc import Doc
from marsad.models import Article, Event

log = logging.getLogger(__name__)

# Reports longer than this are cut before extraction: news reports are far shorter, and a
# pathological input (a whole dump in one record) must not stall a run. The cut is reported:
# `Outcome.warnings` says so, and the commands write it to the rejects file and the run summary.
MAX_CHARS = 200_000
# A report that takes longer than this to extract is reported (not stopped): a slow record is a
# bug to look at, not a reason to lose it.
SLOW_SECONDS = 2.0


@dataclass(slots=True)
class Outcome:
    """What became of one article: its events, or the error that set it aside; never both.

    `index` is the article's position in the input stream, so a caller can find its provenance.
    """

    index: int
    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None  # "ExceptionType: message" when extraction failed
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def truncation_warning(article: Article) -> str | None:
    n = len(article.text)
    return f"text cut to its first {MAX_CHARS} of {n} characters" if n > MAX_CHARS else None


class Component(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...


def warm_component(comp: Component) -> None:
    """Build now what a component would otherwise build on its first report: its cached
    properties (cue indexes, regexes and tries of cue words, the capitals; ~90 M instructions
    that fell on the first report, issue 11), then whatever its own `warm()` builds.

    Components keep their one-time structures of the knowledge in cached properties, never
    anything of a report, so building them early changes no answer, only when the time is spent."""
    names = {n for cls in type(comp).__mro__ for n, v in vars(cls).items() if isinstance(v, cached_property)}
    for name in sorted(names):  # (sorted: the same order in every process)
        getattr(comp, name)
    warm = getattr(comp, "warm", None)
    if callable(warm):
        warm()


class Pipeline:
    def __init__(self, knowledge_dir: str | None = None, cache_dir: str | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.cache_dir = cache_dir
        self._components: list[Component] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"knowledge_dir": self.knowledge_dir, "cache_dir": self.cache_dir, "_components": None}

    @property
    def components(self) -> list[Component]:
        if self._components is None:
            from marsad.knowledge.resources import get_knowledge

            # Loading creates those objects by the hundred thousand, each batch of which would
            # start a collection that finds nothing to free (a third of the cache loads' time).
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                get_knowledge(self.knowledge_dir, self.cache_dir).warm()
                components = build_components(self.knowledge_dir, self.cache_dir)
                for comp in components:
                    warm_component(comp)
                self._components = components
            finally:
                if was_enabled:
                    gc.enable()
            # The knowledge (lexicons, gazetteer, automata: ~94,000 container objects) lives as
            # long as the process and never changes. Frozen out of the collector's generations,
            # it is no longer traversed by every full collection, which a long report's
            # allocations trigger (at 200,000 characters one per report, 70-85 ms each;
            # bench/bench_cpu.py), and forked workers keep sharing its memory pages.
            gc.freeze()
        return self._components

    def warm(self) -> None:
        """Load the knowledge and build the components now (before forking workers or timing)."""
        _ = self.components

    def make_doc(self, article: Article) -> Doc:
        text = article.text[:MAX_CHARS]
        return Doc(
            text,
            published=article.published,
            title=article.title,
            source=article.outlet,
            article_id=article.id,
        )

    def __call__(self, doc: Doc) -> Doc:
        for comp in self.components:
            doc = comp(doc)
        return doc

    def extract_article(self, article: Article) -> list[Event]:
        article.ensure_id()
        if not article.text.strip():
            return []
        return self(self.make_doc(article)).events

    def extract_outcome(self, article: Article, index: int = 0) -> Outcome:
        """Extract one article; an exception becomes the outcome's `error`, never escapes."""
        t0 = time.perf_counter()
        out = Outcome(index, article)
        try:
            out.events = self.extract_article(article)
        except Exception as exc:  # one bad report must cost only itself
            out.error = f"{type(exc).__name__}: {exc}"[:1000]
        out.seconds = time.perf_counter() - t0
        cut = truncation_warning(article)
        if cut:
            out.warnings.append(cut)
        if out.seconds > SLOW_SECONDS:
            out.warnings.append(f"extraction took {out.seconds:.1f} s (budget {SLOW_SECONDS:g} s)")
        return out

    def extract_outcomes(
        self, articles: Iterable[Article], *, workers: int = 1, chunksize: int = 16
    ) -> Iterator[Outcome]:
        """One `Outcome` per article, in input order; `workers > 1` uses a process pool.

        Every article comes out exactly once, failed or not: the error is caught inside the
        worker, so neither the stream nor a pool chunk ends early."""
        numbered = enumerate(articles)
        if workers <= 1:
            for i, a in numbered:
                if i == 0:
                    self.warm()  # loading the knowledge is not the first report's time
                yield self.extract_outcome(a, i)
            return
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self.warm()  # forked workers inherit the loaded knowledge instead of loading it again
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self,)) as pool:
            yield from pool.imap(_work, numbered, chunksize=chunksize)

    def extract_many(
        self, articles: Iterable[Article], *, workers: int = 1, chunksize: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in input order; `workers > 1` uses a process pool.

        An article whose extraction failed is logged (id and reason) and comes out with no events,
        so one bad report never ends the stream; `extract_outcomes` tells failures apart."""
        for o in self.extract_outcomes(articles, workers=workers, chunksize=chunksize):
            if o.error is not None:
                log.warning("extraction failed on report %s: %s", o.article.id, o.error)
            yield o.article, o.events


def build_components(knowledge_dir: str | None = None, cache_dir: str | None = None) -> list[Component]:
    from marsad.events.assemble import EventAssembler
    from marsad.events.coding import EventCoder
    from marsad.events.consolidate import EventConsolidator
    from marsad.knowledge.resources import get_knowledge
    from marsad.recognize.actors import ActorRecognizer
    from marsad.recognize.lexical import BackgroundCueRecognizer, TriggerRecognizer, WeaponRecognizer
    from marsad.recognize.places import PlaceRecognizer
    from marsad.recognize.quantities import CasualtyRecognizer, DateRecognizer

    k = get_knowledge(knowledge_dir, cache_dir)
    return [
        ActorRecognizer(k),
        PlaceRecognizer(k),  # after actors: their countries help choose among same-named places
        DateRecognizer(k),
        CasualtyRecognizer(),
        WeaponRecognizer(k),
        TriggerRecognizer(k),
        BackgroundCueRecognizer(k),
        EventAssembler(k),
        EventCoder(k),
        EventConsolidator(k),
    ]


_worker_pipeline: Pipeline | None = None


def _init_worker(p: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = p


def _work(item: tuple[int, Article]) -> Outcome:
    assert _worker_pipeline is not None
    return _worker_pipeline.extract_outcome(item[1], item[0])


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(
    text: str, *, published: date | str | None = None, title: str | None = None, source: str | None = None
) -> list[Event]:
    """Events in one Arabic report. `published` resolves relative dates (CODING.md §5)."""
    art = Article(text=text, published=published, title=title, outlet=source)  # type: ignore[arg-type]
    return default_pipeline().extract_article(art)


def extract_article(article: Article) -> list[Event]:
    return default_pipeline().extract_article(article)


def extract_many(articles: Iterable[Article], *, workers: int = 1) -> Iterator[tuple[Article, list[Event]]]:
    return default_pipeline().extract_many(articles, workers=workers)
