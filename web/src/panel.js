// The event panel: coded fields, the source reports right-to-left with each field's evidence
// highlighted, the English notes, the review actions and the audit trail.

import { ApiError, get, patch, post, token } from "./api.js";
import { fieldColor, typeColor } from "./colors.js";
import { $, $$, clear, h } from "./dom.js";
import { actionLabel, fieldLabel, getLang, interLabel, statusLabel, t, typeLabel, valueLabel } from "./i18n.js";
import { segment } from "./evidence.js";

const SHOWN = [
  "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
  "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country", "admin1",
  "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "injuries", "weapons",
  "primary", "source", "confidence", "n_sources",
]; // prettier-ignore
const INT_FIELDS = new Set([
  "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "injuries",
]); // prettier-ignore
const FLOAT_FIELDS = new Set(["latitude", "longitude", "confidence"]);
const MAX_SOURCES = 5;

let root;
let meta = { editable_fields: [] };
let current = null; // EventDetail
let onChanged = () => {};
let onClose = () => {};

export function initPanel(el, opts) {
  root = el;
  meta = opts.meta;
  onChanged = opts.changed;
  onClose = opts.close;
}

export function closePanel() {
  root.hidden = true;
  current = null;
  clear(root);
}

export async function openPanel(id) {
  root.hidden = false;
  clear(root).append(h("p", { class: "loading" }, t("loading")));
  try {
    current = await get(`api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(root).append(header(id), h("p", { class: "error" }, err.message));
    return;
  }
  render();
}

export function rerender() {
  if (current && !root.hidden) render();
}

function display(field, v) {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.join("; ") || "—";
  if (typeof v === "boolean") return v ? t("yes") : t("no");
  if (field === "event_type") return typeLabel(v);
  return valueLabel(field, v) || String(v);
}

function header(id, ev) {
  return h(
    "header",
    { class: "panel-head" },
    h("h2", {}, ev ? h("span", { class: "dot", style: { background: typeColor(ev.event_type) } }) : null, id),
    ev ? h("span", { class: `status status-${ev.status}`, id: "panel-status" }, statusLabel(ev.status)) : null,
    h("button", { type: "button", class: "close", onclick: () => onClose(), "aria-label": t("close") }, "×"),
  );
}

function focusField(field) {
  for (const el of $$(".report mark", root)) {
    el.classList.toggle("focus", el.dataset.fields.split(" ").includes(field));
  }
  for (const el of $$(".fields .field", root)) el.classList.toggle("focus", el.dataset.field === field);
  const first = $(".report mark.focus", root);
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function fieldsSection(ev, evidenceFields) {
  const rows = SHOWN.map((f) => {
    const has = evidenceFields.has(f);
    const value = display(f, ev[f]);
    // The value is isolated (bdi) but the cell keeps the page's direction, so every value lines
    // up on the same side whatever its script.
    return h(
      "div",
      { class: has ? "field has-evidence" : "field", "data-field": f, onclick: has ? () => focusField(f) : null },
      h("dt", {}, has ? h("span", { class: "swatch", style: { background: fieldColor(f) } }) : null, fieldLabel(f)),
      h("dd", {}, h("bdi", { title: String(ev[f] ?? "") }, value), h("span", { class: "field-error", "data-error-for": f })),
    );
  });
  return h("section", { class: "fields" }, h("h3", {}, t("fields")), h("dl", {}, rows));
}

function reportView(article, spans) {
  const body = h("div", { class: "report", dir: "rtl", lang: "ar" });
  for (const seg of segment(article.text, spans)) {
    if (!seg.fields.length) {
      body.append(document.createTextNode(seg.text));
      continue;
    }
    const mark = h(
      "mark",
      { "data-fields": seg.fields.join(" "), title: seg.fields.map(fieldLabel).join(", ") },
      seg.text,
    );
    mark.style.background = fieldColor(seg.fields[0]);
    if (seg.fields.length > 1) mark.style.boxShadow = `inset 0 -3px 0 ${fieldColor(seg.fields[1])}`;
    body.append(mark);
  }
  return body;
}

async function sourcesSection(detail) {
  const box = h("section", { class: "sources" }, h("h3", {}, t("sources")));
  for (const src of detail.sources.slice(0, MAX_SOURCES)) {
    const card = h(
      "article",
      { class: "source", "data-article": src.article_id },
      h(
        "div",
        { class: "source-meta" },
        h("strong", { dir: "auto" }, src.title || src.article_id),
        h("span", {}, ` · ${t("outlet")}: `, src.outlet || "—", ` · ${t("published")}: `, src.published || "—"),
        src.url && /^https?:\/\//i.test(src.url)
          ? h("a", { href: src.url, rel: "noopener noreferrer nofollow", target: "_blank" }, t("open_report"))
          : null,
      ),
    );
    box.append(card);
    try {
      const article = await get(`api/articles/${encodeURIComponent(src.article_id)}`);
      const spans = detail.evidence.filter((s) => s.article_id === src.article_id);
      card.append(reportView(article, spans));
    } catch (err) {
      card.append(h("p", { class: "error" }, err.message));
    }
  }
  return box;
}

function coerce(field, raw) {
  const v = raw.trim();
  if (INT_FIELDS.has(field)) return v === "" ? null : Number.parseInt(v, 10);
  if (FLOAT_FIELDS.has(field)) return v === "" ? null : Number.parseFloat(v);
  if (field === "primary") return ["true", "1", "yes", "نعم"].includes(v.toLowerCase());
  if (field === "weapons") return v ? v.split(";").map((s) => s.trim()).filter(Boolean) : [];
  return v;
}

function inputValue(v) {
  if (v === null || v === undefined) return "";
  return Array.isArray(v) ? v.join("; ") : String(v);
}

function options(values, label, current) {
  return values.map((v) => h("option", { value: String(v), selected: String(v) === String(current ?? "") }, label(v)));
}

/** The edit box for one field, and the changes it sends. Coded fields are picked from the lists
 * of /api/meta, so an edit cannot name a type or code CODING.md does not have. The event type is
 * sent with its sub-event type: the API refuses a type whose sub-type does not belong to it
 * (a sub-event type alone moves the event type and disorder type with it). */
function valueEditor(field, ev) {
  const types = meta.event_types || {};
  if (field === "event_type" || field === "sub_event_type") {
    const typeBox = h("select", { id: "edit-value" }, options(Object.keys(types), typeLabel, ev.event_type));
    const subBox = h("select", { id: "edit-sub", "aria-label": t("edit_sub_type") });
    const fillSubs = () => {
      const subs = types[typeBox.value] || [];
      const keep = subs.includes(ev.sub_event_type) ? ev.sub_event_type : "";
      clear(subBox).append(
        ...(keep ? [] : [h("option", { value: "", disabled: true, selected: true }, t("choose"))]),
        ...options(subs, (v) => valueLabel("sub_event_type", v), keep),
      );
    };
    typeBox.addEventListener("change", fillSubs);
    fillSubs();
    if (field === "sub_event_type") {
      // Every sub-type, grouped under its event type.
      const all = h(
        "select",
        { id: "edit-value" },
        Object.entries(types).map(([ty, subs]) =>
          h("optgroup", { label: typeLabel(ty) }, options(subs, (v) => valueLabel("sub_event_type", v), ev.sub_event_type)),
        ),
      );
      return { els: [all], changes: () => ({ sub_event_type: all.value }) };
    }
    return {
      els: [typeBox, subBox],
      changes: () => ({ event_type: typeBox.value, sub_event_type: subBox.value || null }),
    };
  }
  const lists = {
    disorder_type: [meta.disorder_types || [], (v) => valueLabel("disorder_type", v)],
    inter1: [Object.keys(meta.inter_codes || {}), interLabel],
    inter2: [Object.keys(meta.inter_codes || {}), interLabel],
    interaction: [meta.interactions || [], String],
  };
  if (lists[field]) {
    const [values, label] = lists[field];
    const empty = field === "inter2" ? [h("option", { value: "" }, "—")] : [];
    const box = h("select", { id: "edit-value" }, empty, options(values, label, ev[field]));
    return { els: [box], changes: () => ({ [field]: coerce(field, box.value) }) };
  }
  const input = h("input", { type: "text", id: "edit-value", dir: "auto", placeholder: t("new_value") });
  input.value = inputValue(ev[field]);
  if (field === "country") {
    // The knowledge base's countries, by English or Arabic name (the API takes both).
    input.setAttribute("list", "edit-countries");
    const dl = h(
      "datalist",
      { id: "edit-countries" },
      (meta.countries || []).flatMap((c) => [h("option", { value: c.name }, c.arabic), h("option", { value: c.arabic }, c.name)]),
    );
    return { els: [input, dl], changes: () => ({ country: coerce(field, input.value) }) };
  }
  return { els: [input], changes: () => ({ [field]: coerce(field, input.value) }) };
}

function reviewSection(ev) {
  const msg = h("p", { class: "review-msg", role: "status", id: "review-msg" });
  const box = h("section", { class: "review" }, h("h3", {}, t("review")));
  if (!token.get()) {
    box.append(h("p", { class: "hint" }, t("need_token")));
    return box;
  }
  const act = async (fn) => {
    msg.textContent = "";
    msg.classList.remove("error");
    showFieldErrors([]);
    try {
      current = await fn();
      render();
      onChanged(current);
      const again = $("#review-msg", root);
      if (again) again.textContent = t("saved");
    } catch (err) {
      const errors = err instanceof ApiError && Array.isArray(err.body?.errors) ? err.body.errors : [];
      msg.textContent = `${t("error")}: ${err instanceof ApiError ? err.message : String(err)}`;
      msg.classList.add("error");
      showFieldErrors(errors);
    }
  };
  const id = encodeURIComponent(ev.event_id_cnty);
  const note = h("input", { type: "text", id: "review-note", maxlength: "2000", placeholder: t("note") });
  const noteBody = () => ({ note: note.value.trim() || null });
  const buttons = h(
    "div",
    { class: "review-buttons" },
    h("button", { type: "button", id: "btn-confirm", onclick: () => act(() => post(`api/events/${id}/confirm`, noteBody())) }, t("confirm")),
    ev.status === "rejected"
      ? h("button", { type: "button", id: "btn-restore", onclick: () => act(() => post(`api/events/${id}/restore`, noteBody())) }, t("restore"))
      : h("button", { type: "button", id: "btn-reject", class: "danger", onclick: () => act(() => post(`api/events/${id}/reject`, noteBody())) }, t("reject")),
  );
  const select = h(
    "select",
    { id: "edit-field" },
    meta.editable_fields.map((f) => h("option", { value: f }, fieldLabel(f))),
  );
  const slot = h("span", { class: "edit-slot" });
  let editor = valueEditor("fatalities", ev);
  slot.append(...editor.els);
  select.addEventListener("change", () => {
    editor = valueEditor(select.value, ev);
    clear(slot).append(...editor.els);
  });
  select.value = "fatalities";
  const form = h(
    "form",
    {
      class: "edit-form",
      onsubmit: (e) => {
        e.preventDefault();
        act(() => patch(`api/events/${id}`, { changes: editor.changes(), ...noteBody() }));
      },
    },
    h("label", {}, t("edit_field"), " ", select),
    slot,
    h("button", { type: "submit", id: "btn-save" }, t("save")),
    h("p", { class: "field-error edit-error", id: "edit-error", role: "alert" }),
  );
  box.append(buttons, form, note, msg);
  return box;
}

/** A refused edit (422): each field's reason next to the edit box and beside the field's row. */
function showFieldErrors(errors) {
  for (const el of $$("[data-error-for]", root)) el.textContent = "";
  for (const el of $$(".fields .field.invalid", root)) el.classList.remove("invalid");
  const box = $("#edit-error", root);
  if (box) box.textContent = "";
  const lines = [];
  for (const e of errors) {
    const field = e.field || e.loc?.[e.loc.length - 1] || "";
    const reason = e.reason || e.msg || "";
    lines.push(field ? `${fieldLabel(field)}: ${reason}` : reason);
    const slot = $(`[data-error-for="${CSS.escape(field)}"]`, root);
    if (slot) {
      slot.textContent = reason;
      slot.closest(".field")?.classList.add("invalid");
    }
  }
  if (box) box.textContent = lines.join(" · ");
}

/** An audit value in the current language. The store keeps each value as JSON text
 * ('"Battles"', '2', 'null'), so it is decoded before its label is looked up. */
function shown(field, v) {
  let value = v;
  if (typeof v === "string") {
    try {
      value = JSON.parse(v);
    } catch {
      value = v; // older rows hold plain text
    }
  }
  return display(field, value);
}

/** The store's "follows from sub_event_type" / "follows from inter1 and inter2" note with the
 * field names in the reader's language (the explanation in brackets is English only). */
function followsFrom(note) {
  const m = /^follows from (.+)$/.exec(note || "");
  if (!m) return note;
  let what = m[1];
  if (what === "the edited fields") return t("follows_from", { f: t("edited_fields") });
  if (getLang() === "ar") what = what.replace(/\s*\(.*\)$/, "");
  what = what
    .split(" and ")
    .map((w) => w.replace(/^[a-z_0-9]+/, (f) => (fieldLabel(f) !== f ? fieldLabel(f) : f)))
    .join(` ${t("and")} `);
  return t("follows_from", { f: what });
}

function auditSection(history) {
  const box = h("section", { class: "audit", id: "audit" }, h("h3", {}, t("audit")));
  if (!history.length) {
    box.append(h("p", { class: "hint" }, t("no_history")));
    return box;
  }
  const list = h("ol", { class: "audit-list" });
  for (const a of [...history].reverse()) {
    const when = a.at ? a.at.replace("T", " ").slice(0, 19) : "";
    // Edits and the fields recomputed with them show what changed; a recompute says from what.
    const change =
      (a.action === "edit" || a.action === "recompute") && a.field
        ? h("span", { class: "change", dir: "auto" }, ` ${fieldLabel(a.field)}: `, h("del", {}, shown(a.field, a.old_value)), " → ", h("ins", {}, shown(a.field, a.new_value)))
        : null;
    const note = a.action === "recompute" ? followsFrom(a.note) : a.note;
    list.append(
      h(
        "li",
        { "data-action": a.action },
        h("time", {}, when),
        " ",
        h("strong", {}, a.user),
        " ",
        actionLabel(a.action),
        change,
        note ? h("q", { dir: "auto" }, note) : null,
      ),
    );
  }
  box.append(list);
  return box;
}

async function render() {
  const detail = current;
  const ev = detail.event;
  const evidenceFields = new Set(detail.evidence.map((s) => s.field));
  const side = h("div", { class: "panel-reports" }, h("p", { class: "loading" }, t("loading")));
  clear(root);
  root.append(
    header(ev.event_id_cnty, ev),
    h(
      "div",
      { class: "panel-body" },
      h(
        "div",
        { class: "panel-main" },
        h("section", { class: "notes" }, h("h3", {}, t("notes")), h("p", { dir: "ltr", lang: "en" }, ev.notes || "—")),
        detail.members.length ? h("p", { class: "members" }, `${t("members")}: `, detail.members.join(", ")) : null,
        fieldsSection(ev, evidenceFields),
        reviewSection(ev),
        auditSection(detail.history),
      ),
      side,
    ),
  );
  const sources = await sourcesSection(detail);
  if (current === detail) clear(side).append(sources);
}
