"""`marsad ingest`: saved HTML, RSS/Atom, http(s) URLs, rejects and exit codes, idempotence, and
crash safety (kill -9 in the middle of a run)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.feeds import looks_like_feed
from marsad.ingest.html import page_to_article
from marsad.io.readers import Reject
from marsad.models import Article
from marsad.store import EventFilter, Store
from marsad.store.scratch import schema_url
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from store_fixtures import report, result_line, write_reports

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مقتل مدنيين بقصف على ريف إدلب | شبكة المراقبة</title>
<meta property="og:site_name" content="شبكة المراقبة">
<meta property="article:published_time" content="2021-03-02T09:30:00+02:00">
</head><body><header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
<article><h1>مقتل مدنيين بقصف على ريف إدلب</h1>
<p>قُتل ثلاثة مدنيين وأصيب خمسة آخرون، صباح اليوم الثلاثاء، جراء قصف مدفعي لقوات النظام السوري
استهدف الأحياء السكنية في بلدة {place} بريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.</p>
<p>وأضاف المصدر أن فرقه عملت على انتشال الضحايا ونقل المصابين إلى المشافي القريبة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الرصد</title><link>{base}/</link><description>أخبار</description>
<item><title>هجوم على حاجز في درعا</title><link>{base}/news/1</link><guid>{base}/news/1</guid>
<pubDate>Mon, 01 Mar 2021 10:00:00 +0000</pubDate>
<description>هاجم مسلحون مجهولون حاجزاً لقوات النظام في درعا.</description></item>
<item><title>انفجار عبوة ناسفة في الميادين</title><link>{base}/news/2</link><guid>{base}/news/2</guid>
<pubDate>Tue, 02 Mar 2021 08:00:00 +0000</pubDate>
<description><![CDATA[<p>انفجرت عبوة ناسفة، صباح اليوم، بسيارة عسكرية تابعة لقوات النظام السوري على طريق
الميادين - دير الزور، ما أدى إلى مقتل عنصرين وإصابة ثالث، وفق مصادر محلية. ولم تتبنَّ أي جهة
التفجير حتى الآن، فيما تنتشر خلايا تابعة لتنظيم الدولة الإسلامية في البادية القريبة وتتبنى عادة
هجمات مماثلة على الطرق الواصلة بين مدن المحافظة. وتشهد المنطقة منذ أشهر تصاعداً في الهجمات
التي تستهدف الأرتال العسكرية والحواجز الأمنية، في حين ترد القوات الحكومية بحملات تمشيط
متكررة في عمق البادية دون نتائج تذكر بحسب المصادر ذاتها.</p>]]></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة الأحداث</title><id>urn:x</id><updated>2021-03-03T00:00:00Z</updated>
<entry><title>احتجاجات في السويداء</title><id>urn:x:1</id><link href="https://example.net/sweida"/>
<updated>2021-03-03T12:00:00Z</updated>
<content type="html">&lt;p&gt;خرج عشرات المحتجين، اليوم الأربعاء، في مدينة السويداء احتجاجاً على تردي الأوضاع المعيشية
وارتفاع الأسعار، ورفعوا لافتات تطالب بالإفراج عن المعتقلين.&lt;/p&gt;</content></entry>
</feed>"""


def fake_extractor(article: Article):
    """Stands in for the extractor where a test is about storage, not coding: one event per report."""
    from marsad.models import Event

    return [Event(event_type="Battles", event_date=str(article.published or ""), country="Syria", iso=760)]


# --- readers ---------------------------------------------------------------------------------------


def test_html_page_gives_text_title_date_outlet() -> None:
    art = page_to_article(PAGE.replace("{place}", "كفرنبل"), source="page.html", article_id="page")
    assert isinstance(art, Article)
    assert "قصف مدفعي لقوات النظام السوري" in art.text and "الرئيسية" not in art.text
    assert "جميع الحقوق" not in art.text
    assert art.title and "إدلب" in art.title
    assert art.published == date(2021, 3, 2) and art.outlet == "شبكة المراقبة" and art.id == "page"
    bad = page_to_article("<html><body><nav>x</nav></body></html>", source="empty.html")
    assert isinstance(bad, Reject) and "no article text" in bad.reason


def test_feed_detection() -> None:
    assert looks_like_feed(RSS.encode(), "")
    assert looks_like_feed(ATOM.encode(), "application/atom+xml")
    assert not looks_like_feed(PAGE.encode(), "text/html")


def test_records_carrying_events_are_extracted_unless_coded(store: Store, tmp_path: Path) -> None:
    """Gold files carry hand-coded events: by default ingest extracts anyway (the demo must show
    the extractor's work); `coded=True` keeps the events given."""
    from marsad.ingest.pipeline import run_ingest

    art, evs = report(4)
    path = tmp_path / "gold.jsonl"
    path.write_text(result_line(art, evs) + "\n", encoding="utf-8")
    rep = run_ingest(store, [str(path)], extractor=fake_extractor, follow_links=False)
    assert (rep.added, rep.events_added) == (1, 1)
    stored = store.list_events(EventFilter()).items
    assert [e.location for e in stored] == [""]  # the fake extractor's event, not the given one
    assert evs[0].location != ""


def test_ingest_files_of_every_kind_and_rerun_adds_nothing(store: Store, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "kafranbel.html").write_text(PAGE.replace("{place}", "كفرنبل"), encoding="utf-8")
    (d / "feed.rss").write_text(RSS.replace("{base}", "https://example.org"), encoding="utf-8")
    (d / "events.atom").write_text(ATOM, encoding="utf-8")
    (d / "note.txt").write_text("أفادت مصادر بمقتل عنصر من الشرطة العسكرية في مدينة الباب.", encoding="utf-8")
    art, evs = report(3)
    (d / "coded.jsonl").write_text(result_line(art, evs) + "\n", encoding="utf-8")
    (d / "ignored.png").write_bytes(b"\x89PNG")
    rep = store.ingest_articles([], extractor=fake_extractor)  # opens nothing: empty input
    assert rep.exit_code == 2
    from marsad.ingest.pipeline import run_ingest

    rep = run_ingest(store, [str(d)], extractor=fake_extractor, follow_links=False, coded=True)
    # RSS: the entry with a one-line summary is still a report; html, atom, txt, jsonl (coded as given).
    assert (rep.added, rep.rejects, rep.exit_code) == (6, [], 0), rep
    coded = store.get_event("SYR1")
    assert coded is not None and coded.event.location == "Abu Kamal"  # from the JSONL, not re-extracted
    a = store.list_articles(q="الميادين").items
    assert len(a) == 1 and a[0].outlet == "وكالة الرصد" and a[0].url == "https://example.org/news/2"
    assert a[0].published == date(2021, 3, 2)
    atom = store.list_articles(q="السويداء").items[0]
    assert atom.title == "احتجاجات في السويداء" and atom.url == "https://example.net/sweida"
    rep2 = run_ingest(store, [str(d)], extractor=fake_extractor, follow_links=False, coded=True)
    assert (rep2.added, rep2.skipped_duplicates, rep2.events_added) == (0, 6, 0)
    assert store.list_articles().total == 6


def test_rejects_and_exit_codes(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    good = tmp_path / "good.jsonl"
    art, evs = report(0)
    bad_line = json.dumps({"id": "broken", "title": "بلا نص"}, ensure_ascii=False)
    good.write_text(result_line(art, evs) + "\n" + bad_line + "\n{not json\n", encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(good), "--db", db_url])
    assert res.exit_code == 1, res.output
    assert "good.jsonl:2" in res.output and "broken" in res.output and "good.jsonl:3" in res.output
    res = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db_url])
    assert res.exit_code == 2 and "no such file" in res.output
    res = runner.invoke(app, ["ingest", str(good), "--db", db_url, "-q"])
    assert res.exit_code == 1  # the good record is already there: processed, not added
    st = Store(db_url)
    assert st.list_articles().total == 1
    with st.session() as s:
        runs = s.execute(text("SELECT status, added, rejects FROM ingest_runs ORDER BY id")).all()
    assert [tuple(r) for r in runs] == [("partial", 1, 2), ("partial", 0, 1), ("partial", 0, 2)]
    st.close()


# --- http(s) -----------------------------------------------------------------------------------------


class _Site:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits.append(self.path)
                if self.path not in site.pages:
                    self.send_error(404)
                    return
                body, ctype = site.pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def site() -> Iterator[_Site]:
    s = _Site()
    yield s
    s.server.shutdown()
    s.server.server_close()


def test_ingest_feed_url_follows_links_once(store: Store, site: _Site) -> None:
    from marsad.ingest.pipeline import run_ingest

    site.pages["/rss"] = (RSS.replace("{base}", site.base).encode(), "application/rss+xml; charset=utf-8")
    site.pages["/news/1"] = (PAGE.replace("{place}", "نوى").encode(), "text/html; charset=utf-8")
    # /news/2 carries its full text in the feed, so it is not fetched.
    rep = run_ingest(store, [f"{site.base}/rss"], extractor=fake_extractor)
    assert rep.added == 2 and not rep.rejects, rep
    assert site.hits == ["/rss", "/news/1"]
    a1 = store.list_articles(q="نوى").items
    assert len(a1) == 1 and a1[0].url == f"{site.base}/news/1" and a1[0].title == "هجوم على حاجز في درعا"
    site.hits.clear()
    rep = run_ingest(store, [f"{site.base}/rss"], extractor=fake_extractor)
    assert rep.added == 0 and site.hits == ["/rss"]  # known entries are not fetched again


def test_ingest_page_url_and_fetch_errors(store: Store, site: _Site) -> None:
    from marsad.ingest.pipeline import run_ingest

    site.pages["/a"] = (PAGE.replace("{place}", "حزانو").encode(), "text/html")
    rep = run_ingest(store, [f"{site.base}/a", f"{site.base}/gone"], extractor=fake_extractor)
    assert rep.added == 1 and rep.exit_code == 1
    assert rep.rejects[0].source.endswith("/gone") and "404" in rep.rejects[0].reason
    art = store.list_articles().items[0]
    assert art.url == f"{site.base}/a" and art.published == date(2021, 3, 2)
    rep = run_ingest(store, [f"{site.base}/a"], extractor=fake_extractor)
    assert (rep.seen, rep.skipped_duplicates, rep.exit_code) == (1, 1, 0)
    assert site.hits.count("/a") == 1  # a known URL is not fetched again


# --- crash safety ------------------------------------------------------------------------------------


def _counts(url: str) -> dict[str, object]:
    eng = create_engine(url)
    with eng.connect() as c:
        out = {
            "articles": c.execute(text("SELECT count(*) FROM articles")).scalar(),
            "hashes": c.execute(text("SELECT count(DISTINCT content_hash) FROM articles")).scalar(),
            "events": sorted(
                tuple(r)
                for r in c.execute(
                    text("SELECT e.event_id_cnty, e.status, e.article_id FROM events e ORDER BY e.id")
                )
            ),
            "links": c.execute(text("SELECT count(*) FROM event_articles")).scalar(),
            "spans": c.execute(text("SELECT count(*) FROM evidence_spans")).scalar(),
        }
    eng.dispose()
    return out


def _articles_now(url: str) -> int:
    eng = create_engine(url)
    try:
        with eng.connect() as c:
            return c.execute(text("SELECT count(*) FROM articles")).scalar() or 0
    except Exception:
        return 0  # tables not created yet
    finally:
        eng.dispose()


def test_kill_9_mid_run_loses_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_reports(folder, 200)
    write_reports(folder, 20, variant=1)  # other outlets' versions: dedup has work to do
    Store(db_url).close()  # schema first, so the poll below can count
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", db_url, "-q"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _articles_now(db_url) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    partial = _articles_now(db_url)
    assert 30 <= partial < 220
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    got = _counts(db_url)

    # The same inputs in one clean run, into a fresh database.
    if db_url.startswith("sqlite"):
        clean = f"sqlite:///{tmp_path / 'clean.sqlite'}"
        subprocess.run([*cmd[:-3], "--db", clean, "-q"], env=env, check=True, timeout=120)
        want = _counts(clean)
    else:
        import uuid

        from store_fixtures import PG_BASE

        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(PG_BASE)
        with admin.begin() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            clean = schema_url(PG_BASE, schema)
            subprocess.run([*cmd[:-3], "--db", clean, "-q"], env=env, check=True, timeout=120)
            want = _counts(clean)
        finally:
            with admin.begin() as c:
                c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    assert got["articles"] == got["hashes"] == 220
    assert got == want
    merged = [e for e in got["events"] if e[1] == "merged"]  # type: ignore[union-attr]
    assert len(merged) == 20
    st = Store(db_url)
    with st.session() as s:
        statuses = [r[0] for r in s.execute(text("SELECT status FROM ingest_runs ORDER BY id"))]
    assert statuses == ["interrupted", "done"]
    assert st.count_events(EventFilter()) == 200
    st.close()


# --- the real extractor, end to end --------------------------------------------------------------------


def _extractor_problem(seed: str) -> str | None:
    try:
        import marsad

        marsad.extract_article(Article(id="probe", text=seed, published=date(2020, 8, 19)))
        return None
    except Exception as exc:  # the extractor is developed in parallel; say why it is skipped
        return f"extractor not usable yet: {type(exc).__name__}: {exc}"


def test_ingest_seed_report_through_the_extractor(db_url: str, tmp_path: Path, seed_text: str) -> None:
    problem = _extractor_problem(seed_text)
    if problem:
        pytest.skip(problem)
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    res = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "seed.txt"), "--db", db_url, "--published", "2020-08-19"]
    )
    assert res.exit_code == 0, res.output
    st = Store(db_url)
    events = st.list_events(EventFilter(sort="event_id_cnty")).items
    assert events and all(e.article_id == "seed" for e in events)
    assert any(e.event_type == "Battles" for e in events)
    d = st.get_event(events[0].event_id_cnty)
    assert d is not None and d.evidence
    for sp in d.evidence:
        assert seed_text[sp.start : sp.end] == sp.text
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "seed.txt"), "--db", db_url])
    assert res.exit_code == 0 and st.count_events(EventFilter()) == len(events)
    st.close()
