// Auto-refresh: while `marsad watch` stores new events, the page can reload events, totals and the
// timeline for the current filter every few seconds. Off by default (a reviewer reading a long
// table should not see it move unasked); the choice is remembered in this browser. The interval is
// 30 s, or `?refresh=N` seconds in the page address (how the browser test runs fast).

const KEY = "marsad.autoRefresh";
const DEFAULT_SECONDS = 30;

export function refreshSeconds() {
  const n = Number.parseFloat(new URLSearchParams(location.search).get("refresh") || "");
  return Number.isFinite(n) && n >= 1 ? n : DEFAULT_SECONDS;
}

/** Wire the checkbox to a timer calling `tick` (an async function); returns the interval in s. */
export function initAutoRefresh(checkbox, tick) {
  const seconds = refreshSeconds();
  let timer = null;
  let running = false;
  let pointerDown = false;
  // A tick waits while the analyst drags (a timeline brush, the map) or the tab is hidden.
  window.addEventListener("pointerdown", () => (pointerDown = true), true);
  window.addEventListener("pointerup", () => (pointerDown = false), true);
  window.addEventListener("pointercancel", () => (pointerDown = false), true);

  async function run() {
    if (running || pointerDown || document.hidden) return;
    running = true;
    try {
      await tick();
    } finally {
      running = false;
    }
  }

  function set(on) {
    clearInterval(timer);
    timer = on ? setInterval(run, seconds * 1000) : null;
    localStorage.setItem(KEY, on ? "1" : "0");
  }

  checkbox.checked = localStorage.getItem(KEY) === "1";
  checkbox.addEventListener("change", () => set(checkbox.checked));
  set(checkbox.checked);
  return seconds;
}
