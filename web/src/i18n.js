// Arabic and English labels. The page direction follows the language; report text is always
// shown right-to-left and notes left-to-right, whatever the UI language. Coded values (types,
// sub-types, countries, admin1, actors) take their Arabic names from values.json and from
// generated/labels-ar.json, which scripts/labels_ar.py writes from the knowledge base.

import LABELS_AR from "./generated/labels-ar.json";
import VALUES from "./values.json";

const STRINGS = {
  en: {
    title: "Marsad — conflict events",
    subtitle: "Events coded from Arabic news reports",
    lang_toggle: "العربية",
    filters: "Filters",
    sub_event_type: "Sub-event type",
    inter1: "Inter 1",
    inter2: "Inter 2",
    interaction: "Interaction",
    interaction_ph: "e.g. 17, 27",
    fatalities: "Fatalities",
    fat_min: "min",
    fat_max: "max",
    undated: "Undated only",
    more_filters: "More filters",
    n_selected: "{n} selected",
    search_list: "Search…",
    clear: "Clear",
    columns: "Columns",
    tab_events: "Events",
    tab_actors: "Top actors",
    tab_places: "Top admin1",
    show_events: "Events",
    show_fatalities: "Fatalities",
    actors_col: "Actors",
    location_col: "Location",
    top_hint: "Click a name to filter by it.",
    reviewer_token: "Reviewer token",
    other: "Other",
    date_from: "From",
    date_to: "To",
    country: "Country",
    admin1: "Admin1",
    event_type: "Event type",
    any: "Any",
    actor: "Actor",
    q: "Search reports",
    status: "Review status",
    status_active: "Active",
    status_all: "All",
    st_unreviewed: "Unreviewed",
    st_confirmed: "Confirmed",
    st_edited: "Edited",
    st_rejected: "Rejected",
    st_merged: "Merged",
    apply: "Apply",
    reset: "Reset",
    export: "Export",
    token: "Reviewer token",
    sign_in: "Sign in",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    bad_token: "Token not accepted",
    events: "events",
    fatalities_total: "fatalities",
    timeline: "Timeline",
    timeline_hint: "Drag over the bars to filter by date; double-click to clear.",
    clear_dates: "Clear dates",
    map_limit: "Limit to map view",
    origin: "Origin",
    origin_any: "Any",
    origin_acled: "In ACLED's export",
    origin_marsad: "Coded by marsad",
    origin_both: "In both",
    origin_acled_only: "Only ACLED (marsad missed)",
    origin_marsad_only: "Only marsad (ACLED lacks)",
    auto_refresh: "Auto-refresh",
    auto_refresh_title: "Reload events, totals and timeline every {s} s",
    refreshed_at: "updated {time}",
    map_truncated: "Map shows the {n} deadliest of {total} events.",
    legend_size: "Circle size: fatalities",
    prev: "Previous",
    next: "Next",
    page: "Page {p} of {n}",
    no_events: "No events match these filters.",
    loading: "Loading…",
    close: "Close",
    fields: "Coded fields",
    evidence: "Evidence",
    notes: "Notes",
    sources: "Source reports",
    report: "Report",
    published: "Published",
    outlet: "Outlet",
    no_evidence: "no evidence span",
    review: "Review",
    confirm: "Confirm",
    reject: "Reject",
    restore: "Restore",
    edit_field: "Edit field",
    new_value: "New value",
    note: "Note (optional)",
    save: "Save",
    need_token: "Sign in with a reviewer token to review.",
    audit: "Audit trail",
    no_history: "No review actions yet.",
    members: "Merged from",
    saved: "Saved.",
    edit_sub_type: "Sub-event type",
    choose: "choose…",
    follows_from: "follows from {f}",
    and: "and",
    edited_fields: "the edited fields",
    filter_refused: "This filter was refused",
    error: "Error",
    open_report: "Open report",
    yes: "yes",
    no: "no",
  },
  ar: {
    title: "مرصد — أحداث النزاع",
    subtitle: "أحداث مرمّزة من تقارير إخبارية عربية",
    lang_toggle: "English",
    filters: "التصفية",
    sub_event_type: "النوع الفرعي",
    inter1: "فئة الفاعل الأول",
    inter2: "فئة الفاعل الثاني",
    interaction: "التفاعل",
    interaction_ph: "مثلاً 17، 27",
    fatalities: "القتلى",
    fat_min: "من",
    fat_max: "إلى",
    undated: "غير المؤرّخة فقط",
    more_filters: "تصفية إضافية",
    n_selected: "{n} مختارة",
    search_list: "بحث…",
    clear: "مسح",
    columns: "الأعمدة",
    tab_events: "الأحداث",
    tab_actors: "أبرز الفاعلين",
    tab_places: "أبرز المحافظات",
    show_events: "الأحداث",
    show_fatalities: "القتلى",
    actors_col: "الفاعلون",
    location_col: "الموقع",
    top_hint: "انقر اسماً للتصفية به.",
    reviewer_token: "رمز المراجِع",
    other: "أخرى",
    date_from: "من",
    date_to: "إلى",
    country: "البلد",
    admin1: "المحافظة",
    event_type: "نوع الحدث",
    any: "الكل",
    actor: "الفاعل",
    q: "بحث في التقارير",
    status: "حالة المراجعة",
    status_active: "النشطة",
    status_all: "الكل",
    st_unreviewed: "غير مراجَعة",
    st_confirmed: "مؤكَّدة",
    st_edited: "معدَّلة",
    st_rejected: "مرفوضة",
    st_merged: "مدمجة",
    apply: "تطبيق",
    reset: "إعادة الضبط",
    export: "تصدير",
    token: "رمز المراجِع",
    sign_in: "دخول",
    sign_out: "خروج",
    signed_in_as: "تم الدخول باسم",
    bad_token: "الرمز غير مقبول",
    events: "حدثاً",
    fatalities_total: "قتيلاً",
    timeline: "الخط الزمني",
    timeline_hint: "اسحب فوق الأعمدة للتصفية حسب التاريخ، وانقر مرتين للإلغاء.",
    clear_dates: "إلغاء التواريخ",
    map_limit: "حصر النتائج في حدود الخريطة",
    origin: "المصدر",
    origin_any: "الكل",
    origin_acled: "في ملف ACLED",
    origin_marsad: "رمّزها مرصد",
    origin_both: "في الاثنين",
    origin_acled_only: "في ACLED وحده (فاتت مرصد)",
    origin_marsad_only: "في مرصد وحده (ليست في ACLED)",
    auto_refresh: "تحديث تلقائي",
    auto_refresh_title: "إعادة تحميل الأحداث والمجاميع والخط الزمني كل {s} ثانية",
    refreshed_at: "حُدّث {time}",
    map_truncated: "تعرض الخريطة أكثر {n} حدثاً دموية من أصل {total}.",
    legend_size: "حجم الدائرة: عدد القتلى",
    prev: "السابق",
    next: "التالي",
    page: "الصفحة {p} من {n}",
    no_events: "لا توجد أحداث تطابق هذه المعايير.",
    loading: "جارٍ التحميل…",
    close: "إغلاق",
    fields: "الحقول المرمّزة",
    evidence: "الدليل",
    notes: "ملاحظات",
    sources: "التقارير المصدر",
    report: "التقرير",
    published: "تاريخ النشر",
    outlet: "الوسيلة",
    no_evidence: "لا دليل نصي",
    review: "المراجعة",
    confirm: "تأكيد",
    reject: "رفض",
    restore: "استعادة",
    edit_field: "تعديل حقل",
    new_value: "القيمة الجديدة",
    note: "ملاحظة (اختيارية)",
    save: "حفظ",
    need_token: "أدخل رمز المراجِع لتتمكن من المراجعة.",
    audit: "سجل التعديلات",
    no_history: "لا توجد إجراءات مراجعة بعد.",
    members: "مدمج من",
    saved: "تم الحفظ.",
    edit_sub_type: "النوع الفرعي",
    choose: "اختر…",
    follows_from: "مشتق من {f}",
    and: "و",
    edited_fields: "الحقول المعدَّلة",
    filter_refused: "رُفض هذا المرشّح",
    error: "خطأ",
    open_report: "فتح التقرير",
    yes: "نعم",
    no: "لا",
  },
};

const FIELD_LABELS = {
  en: {
    event_id_cnty: "Event ID", event_date: "Date", year: "Year", time_precision: "Time precision",
    disorder_type: "Disorder type", event_type: "Event type", sub_event_type: "Sub-event type",
    actor1: "Actor 1", assoc_actor_1: "Associated actor 1", inter1: "Inter 1", actor2: "Actor 2",
    assoc_actor_2: "Associated actor 2", inter2: "Inter 2", interaction: "Interaction",
    civilian_targeting: "Civilian targeting", iso: "ISO", region: "Region", country: "Country",
    admin1: "Admin1", admin2: "Admin2", admin3: "Admin3", location: "Location", latitude: "Latitude",
    longitude: "Longitude", geo_precision: "Geo precision", source: "Source", source_scale: "Source scale",
    notes: "Notes", fatalities: "Fatalities", tags: "Tags", primary: "Primary", injuries: "Injuries",
    weapons: "Weapons", confidence: "Confidence", status: "Status", n_sources: "Sources",
  },
  ar: {
    event_id_cnty: "معرّف الحدث", event_date: "التاريخ", year: "السنة", time_precision: "دقة التاريخ",
    disorder_type: "نوع الاضطراب", event_type: "نوع الحدث", sub_event_type: "النوع الفرعي",
    actor1: "الفاعل الأول", assoc_actor_1: "الفاعل المرافق الأول", inter1: "رمز الفاعل الأول",
    actor2: "الفاعل الثاني", assoc_actor_2: "الفاعل المرافق الثاني", inter2: "رمز الفاعل الثاني",
    interaction: "التفاعل", civilian_targeting: "استهداف المدنيين", iso: "رمز البلد", region: "الإقليم",
    country: "البلد", admin1: "المحافظة", admin2: "المنطقة", admin3: "الناحية", location: "الموقع",
    latitude: "خط العرض", longitude: "خط الطول", geo_precision: "دقة الموقع", source: "المصدر",
    source_scale: "نطاق المصدر", notes: "ملاحظات", fatalities: "القتلى", tags: "وسوم", primary: "حدث رئيسي",
    injuries: "الجرحى", weapons: "الأسلحة", confidence: "الثقة", status: "الحالة", n_sources: "المصادر",
  },
}; // prettier-ignore

const STATUS_LABELS = {
  en: { unreviewed: "unreviewed", confirmed: "confirmed", edited: "edited", rejected: "rejected", merged: "merged" },
  ar: { unreviewed: "غير مراجَع", confirmed: "مؤكَّد", edited: "معدَّل", rejected: "مرفوض", merged: "مدمج" },
};

const ACTION_LABELS = {
  en: {
    confirm: "confirmed", edit: "edited", reject: "rejected", merge: "merged", split: "split",
    undo_merge: "undid a merge", dedup_merge: "merged automatically", restore: "restored",
    recompute: "recomputed",
  },
  ar: {
    confirm: "أكّد", edit: "عدّل", reject: "رفض", merge: "دمج", split: "فصل", undo_merge: "ألغى دمجاً",
    dedup_merge: "دمج آلي", restore: "استعاد", recompute: "أعاد احتساب",
  },
}; // prettier-ignore

let lang = "en";

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === "ar" ? "ar" : "en";
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
  }
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.setAttribute("title", t(el.dataset.i18nTitle));
  document.title = t("title");
}

export function t(key, vars) {
  let s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, String(v));
  return s;
}

export const fieldLabel = (f) => FIELD_LABELS[lang][f] ?? FIELD_LABELS.en[f] ?? f;
export const typeLabel = (ty) => (ty === "Other" ? t("other") : lang === "ar" ? VALUES.event_types[ty] ?? ty : ty);

const AR_TABLES = {
  event_type: VALUES.event_types,
  sub_event_type: VALUES.sub_event_types,
  disorder_type: VALUES.disorder_types,
  region: VALUES.regions,
  country: LABELS_AR.countries,
  admin1: LABELS_AR.admin1,
  actor1: LABELS_AR.actors,
  actor2: LABELS_AR.actors,
  actor: LABELS_AR.actors,
  assoc_actor_1: LABELS_AR.actors,
  assoc_actor_2: LABELS_AR.actors,
};

/** A coded value as the current language writes it (the English value when Arabic has none).
 * Associated actors are "; "-separated lists; inter codes take their category name. */
export function valueLabel(field, v) {
  if (v === null || v === undefined || v === "") return "";
  if (field === "inter1" || field === "inter2" || field === "inter") return interLabel(v);
  if (lang !== "ar") return String(v);
  const table = AR_TABLES[field];
  if (!table) return String(v);
  if (field.startsWith("assoc_actor")) {
    return String(v)
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => lookup(table, s))
      .join("؛ ");
  }
  return lookup(table, String(v));
}

// ACLED dates some state forces by period: "Military Forces of Syria (2000-2024)".
const ERA = /^(.*) \((\d{4}-(?:\d{4})?)\)$/;

function lookup(table, v) {
  if (table[v]) return table[v];
  const m = ERA.exec(v);
  return m && table[m[1]] ? `${table[m[1]]} (${m[2]})` : v;
}

/** The separator of a list of names ("Idleb, Syria" / "إدلب، سوريا"). */
export const listSep = () => (lang === "ar" ? "، " : ", ");

export const interLabel = (code) => {
  const name = VALUES.inter[lang][String(code)];
  return name ? `${code} · ${name}` : String(code);
};

/** Every Arabic name of a coded value, for type-ahead lists (actors, countries). */
export const arabicNames = (kind) => LABELS_AR[kind] || {};
export const statusLabel = (s) => STATUS_LABELS[lang][s] ?? s;
export const actionLabel = (a) => ACTION_LABELS[lang][a] ?? a;
