"""The extraction pipeline: small components run in order over one `Doc` (spaCy-style).

A `Pipeline` holds only settings, so it pickles cheaply into worker processes and Spark executors;
each process loads the knowledge it needs once, on first use (marsad.knowledge.resources).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Protocol

from marsad.doc import Doc
from marsad.models import Article, Event

# Reports longer than this are cut before extraction: news reports are far shorter, and a
# pathological input (a whole dump in one record) must not stall a run. The cut is reported.
MAX_CHARS = 200_000


class Component(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...


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
            self._components = build_components(self.knowledge_dir, self.cache_dir)
        return self._components

    def warm(self) -> None:
        from marsad.knowledge.resources import get_knowledge

        get_knowledge(self.knowledge_dir, self.cache_dir).warm()
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

    def extract_many(
        self, articles: Iterable[Article], *, workers: int = 1, chunksize: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Extract each article, in input order; `workers > 1` uses a process pool."""
        if workers <= 1:
            for a in articles:
                yield a, self.extract_article(a)
            return
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self.warm()  # forked workers inherit the loaded knowledge instead of loading it again
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self,)) as pool:
            yield from pool.imap(_work, articles, chunksize=chunksize)


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


def _work(article: Article) -> tuple[Article, list[Event]]:
    assert _worker_pipeline is not None
    return article, _worker_pipeline.extract_article(article)


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
