"""`marsad watch` against a real local HTTP server: new items once, 304s, corrections, summary-only
items, charsets, failing sources, backoff, politeness, --once/--status and /api/sources."""

from __future__ import annotations

import itertools
import time
from http.server import BaseHTTPRequestHandler

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.polite import PoliteClient, decode
from marsad.ingest.watch import Watcher, arabic_share
from marsad.ingest.watch_config import ConfigError, WatchConfig, load_config
from marsad.ingest.watch_db import status_rows
from marsad.models import Article, Event
from marsad.store import EventFilter, Store
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from watch_fixtures import Item, Site, item_text, rss
from watch_fixtures import site as site


def one_event(article: Article) -> list[Event]:
    """Stands in for the extractor: one event per report, dated by the report."""
    return [Event(event_type="Battles", event_date=str(article.published or ""), country="Syria", iso=760)]


def cfg(site: Site, *sources: dict, **kw: object) -> WatchConfig:
    return WatchConfig.model_validate(
        {
            "min_host_gap": 0.0,
            "sources": [{"interval": 60, "fetch_articles": False, **s} for s in sources],
            **kw,
        }
    )


def watcher(store: Store, config: WatchConfig, **kw: float) -> Watcher:
    client = PoliteClient(
        min_gap=config.min_host_gap,
        read_timeout=kw.get("read_timeout", 5.0),
        deadline=kw.get("deadline", 10.0),
    )
    return Watcher(store, config, extractor=one_event, client=client)


def items(n: int, start: int = 0, base: str = "http://example.invalid") -> list[Item]:
    return [
        Item(f"g{i}", f"قصف على المدينة {i}", item_text(i), f"{base}/n/{i}") for i in range(start, start + n)
    ]


def state(store: Store, name: str) -> dict:
    with store.session() as s:
        return next(r for r in status_rows(s) if r["name"] == name)


def test_new_items_once_then_304_then_only_the_new_one(store: Store, site: Site) -> None:
    site.feed("/rss", items(3))
    w = watcher(store, cfg(site, {"name": "الرصد", "url": f"{site.base}/rss", "source_scale": "National"}))
    (r,) = w.run_once()
    assert (r.status, r.new, r.events, r.error) == (200, 3, 3, None)
    arts = store.list_articles().items
    assert sorted(a.url for a in arts) == [f"http://example.invalid/n/{i}" for i in range(3)]
    ev = store.list_events(EventFilter()).items
    assert len(ev) == 3 and {e.source_scale for e in ev} == {"National"}
    assert {e.source for e in ev} == {"شبكة الرصد الإخبارية"}  # the feed's title is the outlet

    (r,) = w.run_once()
    assert (r.status, r.new) == (304, 0)
    assert site.hits[-1][1].get("If-None-Match")  # the validator was sent back

    site.feed("/rss", items(4))  # one more item on top
    (r,) = w.run_once()
    assert (r.status, r.new, r.unchanged) == (200, 1, 3)
    st = state(store, "الرصد")
    assert st["items_total"] == 4 and st["events_total"] == 4 and st["error_count"] == 0
    # (summed over the days: a run that crosses midnight UTC splits its polls over two)
    assert sum(d["items"] for d in st["days"]) == 4 and sum(d["polls"] for d in st["days"]) == 3
    assert st["last_new_at"] is not None and st["last_status"] == 200
    assert store.count_events(EventFilter()) == 4


def test_duplicate_guids_and_the_same_text_twice_store_one_article(store: Store, site: Site) -> None:
    body = item_text(7)
    feed = [
        Item("dup", "خبر أول", body, "http://example.invalid/a"),
        Item("dup", "خبر أول", body, "http://example.invalid/a"),
        Item("other", "الخبر نفسه برابط آخر", body, "http://example.invalid/b"),
    ]
    site.feed("/rss", feed)
    (r,) = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss"})).run_once()
    assert r.new == 1 and r.duplicates == 1 and r.unchanged == 1
    assert store.list_articles().total == 1 and store.count_events(EventFilter()) == 1


def test_correction_updates_the_article_and_replaces_its_events(store: Store, site: Site) -> None:
    link = "http://example.invalid/n/1"
    site.feed("/rss", [Item("g1", "قصف على درعا", item_text(1), link)])
    w = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss"}))
    w.run_once()
    (old,) = store.list_events(EventFilter()).items
    corrected = item_text(1).replace("مدنيان", "ثلاثة مدنيين")
    site.feed("/rss", [Item("g1", "قصف على درعا (محدث)", corrected, link)])
    (r,) = w.run_once()
    assert (r.new, r.updated, r.events) == (0, 1, 1)
    (art,) = store.list_articles().items
    detail = store.get_article(art.article_id)
    assert detail is not None and "ثلاثة مدنيين" in detail.text and detail.title.endswith("(محدث)")
    assert [a.article_id for a in store.list_articles(q="ثلاثة مدنيين").items] == [art.article_id]
    (new,) = store.list_events(EventFilter()).items
    assert new.event_id_cnty != old.event_id_cnty and store.get_event(old.event_id_cnty) is None

    # Once a person has confirmed the event, a further correction is held, not applied.
    store.confirm(new.event_id_cnty, user="analyst")
    site.feed("/rss", [Item("g1", "قصف على درعا", corrected + " وتابع المصدر أن القصف توقف.", link)])
    (r,) = w.run_once()
    assert r.updated == 0 and r.skipped == 1
    detail = store.get_article(art.article_id)
    assert detail is not None and "توقف" not in detail.text
    assert store.get_event(new.event_id_cnty) is not None
    with store.session() as s:
        assert s.execute(text("SELECT status FROM watch_items")).scalar() == "held"


SUMMARY_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{title}</title></head><body><nav>الرئيسية | أخبار | اتصل بنا</nav><article><h1>{title}</h1>
<p>{p1}</p><p>وأوضح المصدر أن فرق الإسعاف واجهت صعوبة في الوصول إلى موقع القصف بسبب استمرار الاستهداف،
وأن حصيلة الضحايا مرشحة للارتفاع نظراً لخطورة حالة عدد من المصابين الذين نقلوا إلى مشافٍ ميدانية.</p>
<p>ويأتي القصف في سياق تصعيد تشهده المنطقة منذ مطلع الشهر، رغم اتفاق وقف إطلاق النار المعلن.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_summary_only_items_fetch_the_page_in_cp1256(store: Store, site: Site) -> None:
    page = SUMMARY_PAGE.format(title="قصف على حماة", p1=item_text(2)).encode("cp1256")
    site.routes["/n/2"] = (200, "text/html", page)  # charset only in the page's <meta>
    bare = SUMMARY_PAGE.replace(' charset=windows-1256"', '"').format(title="قصف على حمص", p1=item_text(6))
    site.routes["/n/6"] = (200, "text/html", bare.encode("cp1256"))  # no declaration at all
    site.feed(
        "/rss",
        [
            Item("g2", "قصف على حماة", "قصف مدفعي على أطراف حماة.", f"{site.base}/n/2"),
            Item("g6", "قصف على حمص", "قصف مدفعي على أطراف حمص.", f"{site.base}/n/6"),
            Item("g9", "رابط مفقود", "قصف مدفعي على أطراف منبج.", f"{site.base}/n/9"),  # 404
            Item("g4", "قصف على الرقة", "قصف مدفعي على أطراف الرقة.", f"{site.base}/n/4"),  # 500 first
        ],
    )
    site.routes["/n/4"] = (500, "text/plain", b"busy")
    w = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss", "fetch_articles": True}))
    (r,) = w.run_once()
    assert (r.new, r.skipped, r.deferred, r.error) == (2, 1, 1, None)
    texts = {a.url: store.get_article(a.article_id).text for a in store.list_articles().items}  # type: ignore[union-attr]
    assert "حصيلة الضحايا مرشحة للارتفاع" in texts[f"{site.base}/n/2"]
    assert "الرئيسية" not in texts[f"{site.base}/n/2"]
    assert "أطراف مدينة حمص" in texts[f"{site.base}/n/6"]
    # The 404 is remembered with its entry (not fetched again until it changes); the 500 is retried.
    site.routes["/n/4"] = (
        200,
        "text/html",
        SUMMARY_PAGE.format(title="قصف", p1=item_text(4)).encode("cp1256"),
    )
    (r,) = w.run_once()
    assert (r.new, r.unchanged) == (1, 3)
    assert site.paths().count("/n/9") == 1 and site.paths().count("/n/4") == 2
    with store.session() as s:
        statuses = dict(s.execute(text("SELECT key, status FROM watch_items")).all())
    assert statuses == {"g2": "stored", "g6": "stored", "g9": "rejected", "g4": "stored"}


def test_non_arabic_items_are_skipped_and_counted(store: Store, site: Site) -> None:
    english = (
        "Shelling hit the outskirts of the city this morning, killing two civilians and wounding "
        "three others, local correspondents said."
    )
    site.feed("/rss", [*items(1), Item("en", "Shelling", english, "http://example.invalid/en")])
    (r,) = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss"})).run_once()
    assert (r.new, r.skipped) == (1, 1)
    st = state(store, "s")
    assert st["skipped_total"] == 1 and st["days"][0]["skipped"] == 1
    assert arabic_share(english) == 0.0 and arabic_share(item_text(0)) > 0.9


def _slow(delay: float, chunks: int = 1) -> object:
    def handler(h: BaseHTTPRequestHandler) -> None:
        body = rss(items(1))
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        step = max(1, len(body) // chunks)
        try:
            for i in range(0, len(body), step):
                time.sleep(delay)
                h.wfile.write(body[i : i + step])
                h.wfile.flush()
        except OSError:
            pass  # the client gave up, as it should

    return handler


def _redirect(to: str) -> object:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handler


def test_failing_sources_never_stop_the_others_and_back_off(store: Store, site: Site) -> None:
    site.feed("/ok", items(2))
    site.routes["/500"] = (500, "text/plain", b"oops")
    site.routes["/broken"] = (200, "application/rss+xml", b"<rss><channel><item><title>")
    site.routes["/html"] = (200, "text/html", b"<html><body>not a feed</body></html>")
    site.routes["/huge"] = (200, "application/rss+xml", b"<rss>" + b" " * (6 * 1024 * 1024))
    site.routes["/timeout"] = _slow(2.0)  # nothing within the read timeout
    site.routes["/trickle"] = _slow(0.25, chunks=12)  # each chunk in time, the whole too slow
    site.routes["/loop"] = _redirect("/loop2")
    site.routes["/loop2"] = _redirect("/loop")
    bad = ["/404", "/500", "/broken", "/html", "/huge", "/timeout", "/trickle", "/loop"]
    sources = [{"name": p.strip("/"), "url": f"{site.base}{p}"} for p in ["/ok", *bad]]
    config = cfg(site, *sources, workers=4)
    w = watcher(store, config, read_timeout=1.0, deadline=1.5)
    results = {r.source: r for r in w.run_once()}
    assert results["ok"].error is None and results["ok"].new == 2
    errors = {name: r.error for name, r in results.items() if name != "ok"}
    assert all(errors.values()), errors
    assert "404" in errors["404"] and "500" in errors["500"]
    assert "not a readable feed" in errors["broken"] and "not a readable feed" in errors["html"]
    assert "larger than" in errors["huge"] and "timeout" in errors["timeout"]
    assert "slower than" in errors["trickle"] and "redirects" in errors["loop"]
    st = state(store, "500")
    assert st["consecutive_errors"] == 1 and st["last_error"] == "HTTP 500"
    first_wait = (st["next_poll_at"] - st["last_poll_at"]).total_seconds()
    assert 59 <= first_wait <= 61

    # --once skips sources backing off; --force polls them, and the wait doubles.
    site.hits.clear()
    polled = {r.source for r in w.run_once()}
    assert polled == {"ok"}
    w.run_once(force=True)
    st = state(store, "500")
    assert st["consecutive_errors"] == 2 and st["error_count"] == 2
    assert 119 <= (st["next_poll_at"] - st["last_poll_at"]).total_seconds() <= 121

    site.routes["/500"] = (200, "application/rss+xml", rss(items(1, start=5)))  # recovered
    w.run_once(force=True)
    st = state(store, "500")
    assert st["consecutive_errors"] == 0 and st["error_count"] == 2 and st["items_total"] == 1


def test_polite_user_agent_and_per_host_gap(store: Store, site: Site) -> None:
    for n in range(3):
        site.feed(f"/f{n}", items(1, start=n))
    config = cfg(site, *({"name": f"f{n}", "url": f"{site.base}/f{n}"} for n in range(3)), workers=3)
    config.min_host_gap = 0.5
    w = watcher(store, config)
    w.run_once()
    times = sorted(h[2] for h in site.hits)
    assert len(times) == 3 and all(b - a >= 0.3 for a, b in itertools.pairwise(times))
    assert all(h[1]["User-Agent"].startswith("marsad/") for h in site.hits)


def test_charsets() -> None:
    s = "قصف مدفعي على ريف حماة"
    assert decode(s.encode("cp1256"), "windows-1256") == s
    assert decode(s.encode("cp1256")) == s  # undeclared, not UTF-8: cp1256
    assert decode(b'<meta charset="windows-1256">' + s.encode("cp1256")).endswith(s)
    assert decode(s.encode("utf-8"), "iso-8859-1") != s  # a wrong header that still decodes...
    assert decode(b"\xef\xbb\xbf" + s.encode("utf-8"), "windows-1256") == s  # ...but a BOM wins
    assert decode(s.encode("utf-8")) == s


def test_cp1256_feed(store: Store, site: Site) -> None:
    site.routes["/rss"] = (200, "application/rss+xml", rss(items(2), encoding="windows-1256"))
    (r,) = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss"})).run_once()
    assert r.new == 2
    assert store.list_articles(q="أطراف مدينة درعا").total == 1


def test_config_errors(tmp_path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text("sources:\n  - name: a\n    url: ftp://x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources\.0\.url"):
        load_config(p)
    p.write_text("sources:\n  - {name: a, url: 'http://x/1'}\n  - {name: a, url: 'http://x/2'}\n")
    with pytest.raises(ConfigError, match="appears twice"):
        load_config(p)
    assert len(load_config("data/sources.sample.yaml").sources) >= 5


def test_cli_once_and_status(db_url: str, site: Site, tmp_path) -> None:
    site.feed("/rss", items(2))
    p = tmp_path / "sources.yaml"
    p.write_text(
        "min_host_gap: 0\nsources:\n"
        f"  - {{name: الرصد, url: '{site.base}/rss', interval: 60, fetch_articles: false}}\n"
        f"  - {{name: gone, url: '{site.base}/gone', interval: 60}}\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["watch", str(p), "--once", "--db", db_url])
    assert res.exit_code == 1, res.output  # one source of two failed
    res = CliRunner().invoke(app, ["watch", "--status", "--json", "--db", db_url])
    assert res.exit_code == 0, res.output
    import json

    rows = {r["name"]: r for r in json.loads(res.stdout)}
    assert rows["الرصد"]["items_total"] == 2 and rows["gone"]["last_error"] == "HTTP 404"
    res = CliRunner().invoke(app, ["watch", "--status", "--db", db_url])
    assert "الرصد" in res.stdout and "HTTP 404" in res.stdout


def test_run_forever_polls_on_each_interval(store: Store, site: Site) -> None:
    site.feed("/rss", items(1))
    config = cfg(site, {"name": "s", "url": f"{site.base}/rss", "interval": 1})
    w = watcher(store, config)
    import threading

    th = threading.Thread(target=w.run_forever, kwargs={"tick": 0.05})
    th.start()
    try:
        time.sleep(0.6)
        site.feed("/rss", items(2))
        deadline = time.monotonic() + 5
        while store.list_articles().total < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        w.stop.set()
        th.join(10)
    assert store.list_articles().total == 2
    assert 2 <= site.paths().count("/rss") <= 4


def test_api_sources(store: Store, site: Site) -> None:
    from api_fixtures import make_client

    site.feed("/rss", items(2))
    watcher(
        store, cfg(site, {"name": "الرصد", "url": f"{site.base}/rss"}, {"name": "x", "url": f"{site.base}/x"})
    ).run_once()
    with make_client(store, public_read=True) as c:
        got = c.get("/api/sources")
        assert got.status_code == 200, got.text
        rows = {r["name"]: r for r in got.json()["items"]}
        ok, bad = rows["الرصد"], rows["x"]
        assert ok["items_total"] == 2 and ok["events_total"] == 2 and ok["last_new_at"]
        assert ok["days"][0]["items"] == 2 and ok["days"][0]["events"] == 2
        assert bad["error_count"] == 1 and bad["last_error"] == "HTTP 404" and bad["last_new_at"] is None
        assert c.get("/api/sources?days=0").status_code == 422
    with make_client(store, public_read=False) as c:
        assert c.get("/api/sources").status_code == 401


def test_an_extractor_failure_rejects_one_item_only(store: Store, site: Site) -> None:
    site.feed("/rss", items(3))

    def fragile(article: Article) -> list[Event]:
        if "رقم 1)" in article.text:
            raise RuntimeError("cannot read this one")
        return one_event(article)

    w = watcher(store, cfg(site, {"name": "s", "url": f"{site.base}/rss"}))
    w.extractor = fragile
    (r,) = w.run_once()
    assert (r.new, r.skipped, r.error) == (2, 1, None)
    assert state(store, "s")["skipped_total"] == 1


def test_two_outlets_reporting_one_event_are_merged(store: Store, site: Site) -> None:
    from store_fixtures import report

    arts = {v: report(3, variant=v) for v in (0, 1)}
    by_text = {a.text: evs for a, evs in arts.values()}
    for v, (a, _) in arts.items():
        site.feed(f"/f{v}", [Item(f"g{v}", a.title or "", a.text, a.url)])
    config = cfg(site, *({"name": f"o{v}", "url": f"{site.base}/f{v}"} for v in (0, 1)))
    w = watcher(store, config)
    w.extractor = lambda article: by_text[article.text]
    results = w.run_once()
    assert sum(r.new for r in results) == 2
    assert store.count_events(EventFilter()) == 1  # the active events: one, reported by both
    (ev,) = store.list_events(EventFilter()).items
    d = store.get_event(ev.event_id_cnty)
    assert d is not None and len(d.sources) == 2


def test_two_watchers_on_one_store_store_each_item_once(db_url: str, site: Site) -> None:
    import threading

    site.feed("/rss", items(12))
    stores = [Store(db_url), Store(db_url)]
    config = cfg(site, {"name": "s", "url": f"{site.base}/rss"})
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda st=st: results.extend(watcher(st, config).run_once())) for st in stores
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [r.error for r in results] == [None, None]  # type: ignore[attr-defined]
    assert sum(r.new for r in results) == 12  # type: ignore[attr-defined]
    assert stores[0].list_articles().total == 12 and stores[0].count_events(EventFilter()) == 12
    for st in stores:
        st.close()
