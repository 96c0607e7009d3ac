// A compact multi-value picker: a <details> drop-down holding one checkbox per value, with a
// search box for long lists (countries, admin1). Native elements only, so the keyboard, the
// screen reader and RTL layout behave as for any form control.

import { clear, h } from "./dom.js";
import { t } from "./i18n.js";

export class MultiSelect {
  /**
   * @param {HTMLElement} host  an empty element; it gets the <details>
   * @param {{id: string, search?: boolean, label?: (v: string) => string, onchange?: () => void}} opts
   */
  constructor(host, { id, search = false, label = (v) => v, onchange = () => {} }) {
    this.label = label;
    this.onchange = onchange;
    this.values = [];
    this.selected = new Set();
    this.summary = h("summary", { class: "ms-summary" });
    this.list = h("div", { class: "ms-list", role: "group" });
    this.filter = search
      ? h("input", { type: "search", class: "ms-search", placeholder: t("search_list"), oninput: () => this.draw() })
      : null;
    const clearBtn = h("button", { type: "button", class: "ms-clear", onclick: () => this.set([], true) }, t("clear"));
    this.clearBtn = clearBtn;
    this.root = h("details", { class: "ms", id, "data-ms": id }, this.summary, h("div", { class: "ms-pop" }, this.filter, this.list, clearBtn));
    // One drop-down open at a time; a click elsewhere closes it.
    this.root.addEventListener("toggle", () => {
      if (!this.root.open) return;
      for (const d of document.querySelectorAll("details.ms[open]")) if (d !== this.root) d.open = false;
      if (this.filter) this.filter.focus();
    });
    document.addEventListener("click", (e) => {
      if (this.root.open && !this.root.contains(e.target)) this.root.open = false;
    });
    host.append(this.root);
    this.draw();
  }

  /** The values offered (the selected ones are always kept, so a shared link shows them). */
  setOptions(values) {
    this.values = [...new Set(values.filter(Boolean))];
    this.draw();
  }

  get() {
    return [...this.selected];
  }

  set(values, notify = false) {
    this.selected = new Set(values || []);
    this.draw();
    if (notify) this.onchange();
  }

  relabel() {
    if (this.filter) this.filter.placeholder = t("search_list");
    this.clearBtn.textContent = t("clear");
    this.draw();
  }

  draw() {
    const sel = this.get();
    this.summary.textContent =
      sel.length === 0 ? t("any") : sel.length <= 2 ? sel.map(this.label).join(", ") : t("n_selected", { n: sel.length });
    this.summary.title = sel.map(this.label).join(", ");
    this.root.classList.toggle("active", sel.length > 0);
    const needle = this.filter ? this.filter.value.trim().toLowerCase() : "";
    const all = [...sel.filter((v) => !this.values.includes(v)), ...this.values];
    clear(this.list);
    for (const v of all) {
      const text = this.label(v);
      if (needle && !text.toLowerCase().includes(needle) && !v.toLowerCase().includes(needle)) continue;
      const box = h("input", {
        type: "checkbox",
        value: v,
        checked: this.selected.has(v),
        onchange: (e) => {
          if (e.target.checked) this.selected.add(v);
          else this.selected.delete(v);
          this.draw();
          this.onchange();
        },
      });
      this.list.append(h("label", { class: "ms-item", dir: "auto" }, box, h("span", {}, text)));
    }
  }
}
