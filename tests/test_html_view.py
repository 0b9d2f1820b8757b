"""The HTML view in a real browser: headless Chromium driven over the DevTools protocol.

The page is exported from the seed graph, opened from a file:// URL with the
network stack watched (nothing may be fetched but the file itself), and then
used as an analyst would: the nodes must be drawn, a real mouse click on an
edge must show that edge's evidence sentence and document, the family filter
and the search box (Latin and Arabic spelling variants) must work. A
screenshot is saved (to $ACTORGRAPH_SCREENSHOT_DIR when set, else the test's
tmp dir) for a person to look at.

`make test` installs Debian's `chromium` when it is missing.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from graph_loader.cli import cli

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1400,900",
]


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("chromium is not installed: run `make test` (it installs Debian's chromium) "
                         "or `apt-get install -y chromium`")


class Browser:
    """One headless Chromium with a fresh profile, and a CDP session on its first page."""

    def __init__(self, profile: Path):
        import websocket

        self.profile = profile
        self.proc = subprocess.Popen(
            [chromium_binary(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        page = None
        while page is None and time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                page = next((t for t in json.load(r) if t.get("type") == "page"), None)
            if page is None:
                time.sleep(0.05)
        assert page, "no page target in chromium"
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise AssertionError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def js(self, expression: str) -> Any:
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise AssertionError(f"page script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")

    def click(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# A point on an edge that hits that edge and no node, in page coordinates (or null).
FIND_EDGE_POINT = """
(() => {
  const v = window.actorgraphView, net = v.network;
  const box = document.getElementById('network').getBoundingClientRect();
  const edges = v.data.edges.filter(e => (e.evidence || []).length).sort((a, b) => b.count - a.count);
  for (const e of edges) {
    const inner = net.body.edges[e.id];
    if (!inner) continue;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const p = inner.edgeType.getPoint(t);
      const dom = net.canvasToDOM(p);
      if (dom.x < 5 || dom.y < 5 || dom.x > box.width - 5 || dom.y > box.height - 5) continue;
      if (net.getNodeAt(dom) !== undefined || net.getEdgeAt(dom) !== e.id) continue;
      return {id: e.id, x: box.left + dom.x, y: box.top + dom.y};
    }
  }
  return null;
})()
"""


@pytest.fixture(scope="module")
def page(seed_graph, data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "khaled.html"
    result = _export(data_dir, out)
    assert result.exit_code == 0, result.output
    browser = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        browser.call("Network.enable")
        browser.call("Page.enable")
        browser.call("Page.navigate", url=out.resolve().as_uri())
        browser.wait_for("window.actorgraphView !== undefined && window.actorgraphView.ready === true")
        yield browser, out
    finally:
        browser.close()


def _export(data_dir, out: Path):
    from click.testing import CliRunner

    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "--quiet", "export",
                                    "--actor", "خالد حفتر", "--depth", "2", "--format", "html", "-o", str(out)])


def _embedded_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="graph-data">') + len('<script type="application/json" id="graph-data">')
    return json.loads(text[start:text.index("</script>", start)])


def test_page_is_self_contained(page):
    browser, path = page
    html = path.read_text(encoding="utf-8")
    assert "<script src" not in html.lower() and "<link" not in html.lower()
    assert "sourceMappingURL" not in html
    requested = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
    assert requested, "the page load was not observed"
    assert all(u.startswith(("file://", "data:", "blob:")) for u in requested), requested


def test_nodes_render(page):
    browser, path = page
    data = _embedded_data(path)
    assert len(data["nodes"]) >= 10
    state = browser.js("""(() => {
      const v = window.actorgraphView, net = v.network;
      const box = document.getElementById('network').getBoundingClientRect();
      const pos = net.getPositions();
      const inside = Object.values(pos).map(p => net.canvasToDOM(p))
        .filter(d => d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height).length;
      const canvas = document.querySelector('#network canvas');
      const ctx = canvas.getContext('2d');
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 16) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) ink++;
      return {nodes: v.visibleNodeCount(), edges: v.visibleEdgeCount(), positioned: Object.keys(pos).length,
              inside, ink, w: canvas.width, h: canvas.height, direction: getComputedStyle(canvas).direction};
    })()""")
    assert state["nodes"] == len(data["nodes"]) == state["positioned"]
    assert state["edges"] == len(data["edges"])
    assert state["inside"] == state["nodes"], "every node is drawn inside the canvas after fit"
    assert state["ink"] > 2000, f"the canvas looks empty: {state}"
    assert state["direction"] == "rtl", "Arabic labels are drawn right-to-left"


def test_clicking_an_edge_shows_its_evidence(page):
    browser, path = page
    data = _embedded_data(path)
    target = browser.js(FIND_EDGE_POINT)
    assert target, "no edge could be hit without touching a node"
    browser.click(target["x"], target["y"])
    browser.wait_for("document.getElementById('panel').dataset.kind === 'edge'", timeout=10)
    panel = browser.js("({id: document.getElementById('panel').dataset.id, text: document.getElementById('panel').innerText})")
    assert panel["id"] == target["id"]
    edge = next(e for e in data["edges"] if e["id"] == target["id"])
    evidence = edge["evidence"][0]
    assert evidence["text"][:40] in panel["text"]
    assert evidence["doc_id"] in panel["text"]
    assert edge["type"] in panel["text"]
    shots = Path(os.environ.get("ACTORGRAPH_SCREENSHOT_DIR") or path.parent)
    shots.mkdir(parents=True, exist_ok=True)
    shot = browser.screenshot(shots / "html_view.png")
    assert shot.stat().st_size > 20_000


def test_family_filter_hides_and_restores_edges(page):
    browser, path = page
    data = _embedded_data(path)
    rivalries = sum(1 for e in data["edges"] if e["family"] == "rivalries")
    assert rivalries, "the seed ego network has rivalries"
    browser.js("document.querySelector('input[data-family=\"rivalries\"]').click()")
    assert browser.js("window.actorgraphView.visibleEdgeCount()") == len(data["edges"]) - rivalries
    browser.js("document.querySelector('input[data-family=\"rivalries\"]').click()")
    assert browser.js("window.actorgraphView.visibleEdgeCount()") == len(data["edges"])


@pytest.mark.parametrize("query, expected", [
    ("Khaled Haftar", "khaled-haftar"),
    ("خالد حفتر", "khaled-haftar"),
    ("خَالِد حفتر", "khaled-haftar"),  # diacritics
    ("خليفه حفتر", "khalifa-haftar"),  # ta marbuta written as ha
])
def test_search_accepts_arabic_and_latin(page, query, expected):
    browser, _ = page
    ids = browser.js(f"""(() => {{
      const box = document.getElementById('search');
      box.value = {json.dumps(query)};
      box.dispatchEvent(new Event('input'));
      return Array.from(document.querySelectorAll('#search-results li')).map(li => li.dataset.id);
    }})()""")
    assert expected in ids
