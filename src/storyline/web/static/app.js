// storyline story desk: the timeline page over the JSON API.
// All text from articles goes into the page through textContent, never as HTML.
"use strict";

const PRECISION_NOTE = {
  year: "known to the year", half: "known to the half-year", quarter: "known to the quarter",
  season: "known to the season", month: "known to the month", week: "known to the week",
  day: "known to the day", time: "known to the minute", decade: "known to the decade",
  century: "known to the century",
};

const state = {
  filters: { background: "false" }, participant: null, selected: new Set(), participants: [], shown: 0, section: null,
};

function $(id) { return document.getElementById(id); }

// Only web addresses become links: an article's url field could hold anything.
function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// -- API ----------------------------------------------------------------------------------
function writeHeaders(extra = {}) {
  const token = $("token");
  return token && token.value ? { ...extra, "X-Storyline-Token": token.value } : extra;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : body;
    const error = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

function postJSON(path, data) {
  return api(path, {
    method: "POST",
    headers: writeHeaders({ "Content-Type": "application/json" }),
    body: JSON.stringify(data),
  });
}

function say(text, isError = false) {
  const message = $("message");
  message.textContent = text;
  message.className = isError ? "error" : "";
}

// -- the timeline -------------------------------------------------------------------------
function query() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  if (state.participant) params.set("participant", state.participant);
  return params.toString();
}

const PAGE = 200;

async function loadEvents(more = false) {
  const offset = more ? state.shown : 0;
  try {
    const data = await api(`/api/events?${query()}&limit=${PAGE}&offset=${offset}`);
    renderEvents(data.events, more);
    state.shown = offset + data.events.length;
    $("more").hidden = data.events.length < PAGE;
    const { background, hidden, ...narrowing } = state.filters;
    const filtered = state.participant || Object.values(narrowing).some(Boolean) ? " (filtered)" : "";
    const complete = data.events.length < PAGE ? "" : "+";
    $("summary").textContent = `${state.shown}${complete} events${filtered}`;
  } catch (error) {
    say(`Could not load events: ${error.message}`, true);
  }
}

async function loadChips() {
  try {
    state.participants = await api("/api/participants");
  } catch (error) {
    state.participants = [];
  }
  renderChips();
}

function renderChips() {
  const chips = $("chips");
  chips.replaceChildren();
  for (const p of state.participants.slice(0, 40)) {
    const active = state.participant === p.key;
    chips.append(el("button", {
      type: "button", class: "chip" + (active ? " active" : ""), "aria-pressed": active ? "true" : "false",
      "data-key": p.key, "data-name": p.name, title: `${p.events} events`,
      onclick: () => { state.participant = active ? null : p.key; renderChips(); loadEvents(); },
    }, p.name, el("span", { class: "count" }, p.events)));
  }
}

function renderEvents(events, append) {
  const list = $("timeline");
  if (!append) {
    list.replaceChildren();
    state.section = null;
    if (!events.length) list.append(el("li", { class: "empty" }, "No events match."));
  }
  for (const event of events) {
    // the API names the heading: the month, or a coarse date itself ("2025", "first half of 2025")
    if (event.section !== state.section) {
      state.section = event.section;
      list.append(el("li", { class: "month", "aria-hidden": "true" }, event.section));
    }
    list.append(renderEvent(event));
  }
}

function renderEvent(event) {
  const item = el("li", {
    class: `event precision-${event.precision} status-${event.status}` + (event.hidden ? " hidden-event" : "")
      + (event.background ? " background" : ""),
    "data-id": event.id,
  });
  const marker = el("span", { class: `marker ${event.precision === "day" || event.precision === "time" ? "point" : "span"}`,
    title: PRECISION_NOTE[event.precision] || event.precision });
  const date = el("time", { class: "date", datetime: event.date, title: PRECISION_NOTE[event.precision] || "" },
    event.date_label);
  const precision = event.precision === "day" || event.precision === "time" ? null
    : el("span", { class: "precision" }, PRECISION_NOTE[event.precision] || event.precision);
  const badge = el("span", { class: `badge status-${event.status}` }, event.status);
  const select = el("input", {
    type: "checkbox", class: "select", title: "select to merge", "aria-label": "select to merge",
    checked: state.selected.has(event.id),
    onchange: (e) => { if (e.target.checked) state.selected.add(event.id); else state.selected.delete(event.id); mergeBar(); },
  });
  const expand = el("button", { type: "button", class: "expand", "aria-expanded": "false" }, "sources");
  const title = el("h3", { class: "title" }, event.title);
  const people = el("p", { class: "participants" },
    ...event.participants.map((p) => el("span", { class: "participant", "data-key": p.key }, p.name)));
  const copies = event.n_independent < event.n_docs ? ` (${event.n_independent} independent)` : "";
  const meta = el("p", { class: "meta" }, `${event.n_docs} source${event.n_docs === 1 ? "" : "s"}${copies}`,
    event.background ? " · background" : null, event.hidden ? " · hidden" : null);
  const conflicts = event.conflicts.length
    ? el("p", { class: "conflict" }, "Sources disagree on the date: ",
      event.conflicts.map((c) => `${c.date} (${c.docs.join(", ")})`).join("; "))
    : null;
  const details = el("div", { class: "details", hidden: true });
  expand.addEventListener("click", () => toggle(event, item, expand, details));
  item.append(marker, el("div", { class: "body" },
    el("div", { class: "head" }, date, precision, badge, select), title, people, meta, conflicts, expand, details));
  return item;
}

async function toggle(event, item, button, details) {
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", open ? "false" : "true");
  details.hidden = open;
  item.classList.toggle("open", !open);
  if (!open) {
    details.replaceChildren(el("p", {}, "loading …"));
    try {
      renderDetails(await api(`/api/events/${encodeURIComponent(event.id)}`), details);
    } catch (error) {
      details.replaceChildren(el("p", { class: "error" }, error.message));
    }
  }
}

function highlighted(source) {
  const quote = el("blockquote", { class: "sentence", lang: "" });
  const text = source.text;
  if (source.time_span) {
    const [start, end] = source.time_span;
    quote.append(text.slice(0, start), el("mark", { class: "timex", title: source.time_value || "" },
      text.slice(start, end)), text.slice(end));
  } else {
    quote.append(text);
  }
  return quote;
}

function renderDetails(detail, details) {
  const sources = el("ol", { class: "sources" });
  for (const source of detail.sources) {
    const article = safeUrl(source.url)
      ? el("a", { href: safeUrl(source.url), target: "_blank", rel: "noopener noreferrer", class: "article" },
        source.title || source.doc)
      : el("a", { href: `#doc=${encodeURIComponent(source.doc)}`, class: "article" }, source.title || source.doc);
    const stored = el("a", { href: `#doc=${encodeURIComponent(source.doc)}`, class: "stored" }, "stored text");
    sources.append(el("li", { class: "source", "data-mention": source.mention },
      el("input", { type: "checkbox", class: "split-pick", "aria-label": "pick for split", value: source.mention }),
      highlighted(source),
      el("p", { class: "cite" },
        source.outlet ? `${source.outlet} · ` : "", article, source.published ? ` · ${source.published}` : "",
        " · ", el("span", { class: `badge status-${source.status}` }, source.status),
        el("span", { class: "source-date", title: "the date this source gives" }, ` ${source.date}`),
        source.attributed_to ? ` (according to ${source.attributed_to})` : "", " · ", stored)));
  }
  details.replaceChildren(sources, editControls(detail, details));
}

function editControls(detail, details) {
  const id = detail.id;
  const after = async (action, note) => {
    try {
      await action();
      say(note);
      await Promise.all([loadEvents(), loadChips()]);
    } catch (error) {
      say(`${note.split(" ")[0]} failed: ${error.message}`, true);
    }
  };
  const title = el("input", { class: "rename-input", value: detail.title, "aria-label": "new title" });
  const date = el("input", { class: "redate-input", value: detail.date, size: 12, "aria-label": "new date" });
  const mod = el("select", { class: "redate-mod", "aria-label": "date modifier" },
    ...["", "start", "mid", "end", "approx"].map((m) => el("option", { value: m, selected: m === (detail.mod || "") }, m || "exact")));
  return el("div", { class: "edits" },
    el("span", {}, el("label", {}, "Title ", title),
      el("button", { type: "button", class: "rename", onclick: () => after(
        () => postJSON(`/api/events/${encodeURIComponent(id)}/rename`, { title: title.value }), "Renamed.") }, "Rename")),
    el("span", {}, el("label", {}, "Date ", date), mod,
      el("button", { type: "button", class: "redate", onclick: () => after(
        () => postJSON(`/api/events/${encodeURIComponent(id)}/redate`, { date: date.value, mod: mod.value || null }),
        "Re-dated.") }, "Re-date")),
    el("button", { type: "button", class: "hide", onclick: () => after(
      () => postJSON(`/api/events/${encodeURIComponent(id)}/hide`, { hidden: !detail.hidden }),
      detail.hidden ? "Shown again." : "Hidden.") }, detail.hidden ? "Show" : "Hide"),
    el("button", { type: "button", class: "split", onclick: () => {
      const picked = [...details.querySelectorAll(".split-pick:checked")].map((box) => box.value);
      after(() => postJSON(`/api/events/${encodeURIComponent(id)}/split`, { mentions: picked }), "Split.");
    } }, "Split off picked sources"));
}

// -- merging two events -------------------------------------------------------------------
function mergeBar() {
  const bar = $("merge-bar");
  const count = state.selected.size;
  bar.hidden = count === 0;
  $("merge-note").textContent = count === 2 ? "Merge these two events (the earlier-listed keeps its id)?"
    : `${count} selected; select two events to merge.`;
  $("merge-button").disabled = count !== 2;
}

async function mergeSelected() {
  const ids = [...document.querySelectorAll("#timeline .event")].map((node) => node.dataset.id)
    .filter((id) => state.selected.has(id));
  if (ids.length !== 2) return;
  try {
    await postJSON(`/api/events/${encodeURIComponent(ids[0])}/merge`, { other: ids[1] });
    say("Merged.");
  } catch (error) {
    say(`Merge failed: ${error.message}`, true);
  }
  state.selected.clear();
  mergeBar();
  await Promise.all([loadEvents(), loadChips()]);
}

// -- a stored article with its time expressions marked ------------------------------------
async function showDocument(docId) {
  const panel = $("document");
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
    $("document-title").textContent = doc.title || doc.id;
    $("document-meta").replaceChildren([doc.outlet, doc.published, doc.lang].filter(Boolean).join(" · "),
      safeUrl(doc.url) ? " · " : "",
      safeUrl(doc.url) ? el("a", { href: safeUrl(doc.url), target: "_blank", rel: "noopener noreferrer" }, "original") : "");
    const text = $("document-text");
    text.replaceChildren(...doc.segments.map((s) => s.timex
      ? el("mark", { class: "timex", title: `${s.type} ${s.timex}` }, s.text) : document.createTextNode(s.text)));
    panel.dataset.doc = doc.id;
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  } catch (error) {
    say(`Could not open the article: ${error.message}`, true);
  }
}

async function retractDocument() {
  const panel = $("document");
  const docId = panel.dataset.doc;
  if (!docId || !window.confirm(`Retract the article ${docId}? Its evidence leaves the events.`)) return;
  try {
    await api(`/api/documents/${encodeURIComponent(docId)}`, { method: "DELETE", headers: writeHeaders() });
    panel.hidden = true;
    history.replaceState(null, "", "#");
    say(`Retracted ${docId}.`);
    await Promise.all([loadEvents(), loadChips()]);
  } catch (error) {
    say(`Retracting failed: ${error.message}`, true);
  }
}

function route() {
  const match = location.hash.match(/^#doc=(.+)$/);
  if (match) showDocument(decodeURIComponent(match[1]));
}

// -- adding articles ----------------------------------------------------------------------
async function addArticles(event) {
  event.preventDefault();
  const result = $("add-result");
  const files = $("add-files").files;
  let request;
  if (files.length) {
    const form = new FormData();
    for (const file of files) form.append("files", file, file.name);
    request = api("/api/documents", { method: "POST", headers: writeHeaders(), body: form });
  } else {
    const text = $("add-text").value;
    if (!text.trim()) { result.textContent = "Paste an article's text or choose files."; return; }
    const record = { text, title: $("add-title").value || undefined, published: $("add-date").value || undefined,
      url: $("add-url").value || undefined, lang: $("add-lang").value || undefined };
    request = postJSON("/api/documents", record);
  }
  $("add-submit").disabled = true;
  result.textContent = "Reading …";
  try {
    const report = await request;
    result.textContent = reportText(report);
    $("add-form").reset();
    await Promise.all([loadEvents(), loadChips()]);
  } catch (error) {
    result.textContent = error.body && error.body.errors ? reportText(error.body) : `Not added: ${error.message}`;
  } finally {
    $("add-submit").disabled = false;
  }
}

function reportText(report) {
  const parts = [`${report.added.length} added`, `${report.replaced.length} replaced`,
    `${report.unchanged.length} unchanged`];
  const errors = report.errors.map((e) => `${e.source}: ${e.error}`);
  return parts.join(", ") + (errors.length ? `. Problems: ${errors.join("; ")}` : ".");
}

// -- start --------------------------------------------------------------------------------
function readFilters(event) {
  if (event) event.preventDefault();
  state.filters = {
    q: $("q").value.trim(), from: $("date-from").value.trim(), to: $("date-to").value.trim(),
    status: $("status").value, lang: $("lang").value, hidden: $("show-hidden").checked ? "true" : "",
    background: $("show-background").checked ? "" : "false",
  };
  loadEvents();
}

document.addEventListener("DOMContentLoaded", () => {
  $("filters").addEventListener("submit", readFilters);
  $("clear-filters").addEventListener("click", () => {
    $("filters").reset();
    state.participant = null;
    renderChips();
    readFilters();
  });
  $("more").addEventListener("click", () => loadEvents(true));
  $("merge-button").addEventListener("click", mergeSelected);
  $("merge-cancel").addEventListener("click", () => { state.selected.clear(); mergeBar(); loadEvents(); });
  $("add-form").addEventListener("submit", addArticles);
  $("document-close").addEventListener("click", () => { $("document").hidden = true; history.replaceState(null, "", "#"); });
  $("document-retract").addEventListener("click", retractDocument);
  window.addEventListener("hashchange", route);
  loadEvents();
  loadChips();
  route();
});
