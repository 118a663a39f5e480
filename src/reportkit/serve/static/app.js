// The reportkit workspace page: the form, the cards, the preview, downloads.  Every change
// goes to the server, which checks and saves it as the command line would and lays the
// document out again; this page only shows what the server says.
"use strict";

const TOKEN = document.querySelector('meta[name="reportkit-token"]').content;
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

const state = {
  workspace: null,
  doc: null, // the document's state as the server gave it
  labels: {},
  etags: {}, // file → the version the page last read or wrote
  messages: {}, // file → problems to show beside its fields
  saving: Promise.resolve(),
  preview: { busy: false, again: false, size: [595.28, 841.89] },
};

// the server ---------------------------------------------------------------------------

class Failed extends Error {
  constructor(status, data) {
    const problems = ((data && data.problems) || []).map((p) => p.text);
    super(problems.length ? problems.join("\n") : (data && data.error) || `请求没有完成（${status}）`);
    this.status = status;
    this.data = data || {};
  }
}

async function api(method, url, body, raw) {
  const headers = { "x-reportkit-token": TOKEN };
  let payload;
  if (raw !== undefined) {
    headers["content-type"] = "application/octet-stream";
    payload = raw;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  } catch (_) {
    // the browser's own words for this are English: the clerk is told what to do
    throw new Failed(0, { error: UNREACHABLE });
  }
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = null;
  }
  if (!response.ok) throw new Failed(response.status, data);
  return data;
}

const UNREACHABLE = "连不上 reportkit 工作台：请看运行 reportkit serve 的窗口是否还开着，再刷新这个页面";

const docUrl = (suffix = "") => `/api/docs/${encodeURIComponent(state.doc.name)}${suffix}`;

// small helpers --------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function dotted(path) {
  // a field's path as messages name it: ["sections", 0, "text"] → sections[0].text
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : String(part);
  }
  return out;
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function label(key, at) {
  // a report's or minutes' own paragraphs are its body, not an article's 导语 (``at``: the
  // path the key is found at)
  if (key === "lead" && at && at.length === 0 && state.doc && state.doc.kind !== "bulletin") return "正文段落";
  return state.labels[key] || key;
}

function status(text) {
  $("#status").textContent = text || "";
}

function banner(text) {
  $("#banner-text").textContent = text;
  $("#banner").hidden = !text;
}

function listMessages(list, items, cls) {
  list.replaceChildren(...items.map((text) => el("li", { class: cls || "error", text })));
}

// the workspace ------------------------------------------------------------------------------

async function loadWorkspace(select) {
  const data = await api("GET", "/api/workspace");
  state.workspace = data;
  state.labels = data.labels;
  $("#loading").hidden = true;
  $("#new-doc").disabled = false;
  const suffixes = data.draft_suffixes.join(",");
  for (const input of [$("#draft-input")]) input.accept = suffixes;
  $("#drop-kinds").textContent = data.draft_suffixes.join("、");
  $("#folder").textContent = `工作台文件夹：${data.folder.split("/").pop()}`;
  $("#folder").title = data.folder;
  const picker = $("#doc-select");
  picker.replaceChildren(
    ...data.docs.map((d) => el("option", { value: d.name, text: `${d.name}（${d.kind_title}）` }))
  );
  $("#batch-docs").replaceChildren(
    ...data.docs.map((d) =>
      el("li", {}, el("label", {}, el("input", { type: "checkbox", value: d.name }), ` ${d.name}（${d.kind_title}）`))
    )
  );
  const templates = $("#new-template");
  templates.replaceChildren(
    ...data.templates
      .filter((t) => t.kind)
      .map((t) =>
        el("option", {
          value: t.ref,
          // a built-in template by what it is; a house one by its folder's name, the clerk's own
          text: `${t.kind_title}：${t.builtin ? t.description || t.ref : `本单位模板 ${t.ref}${t.description ? " — " + t.description : ""}`}`,
          title: t.ref,
        })
      )
  );
  const wanted = select || decodeURIComponent(location.hash.replace(/^#/, "")) || (data.docs[0] && data.docs[0].name);
  const known = data.docs.some((d) => d.name === wanted);
  $("#empty").hidden = data.docs.length > 0;
  if (known) {
    picker.value = wanted;
    await loadDoc(wanted);
  } else if (data.docs.length) {
    picker.value = data.docs[0].name;
    await loadDoc(data.docs[0].name);
  }
}

async function loadDoc(name) {
  const data = await api("GET", `/api/docs/${encodeURIComponent(name)}`);
  showDoc(data);
  history.replaceState(null, "", `#${encodeURIComponent(name)}`);
  banner("");
  await refreshPreview();
}

function showDoc(data) {
  if (!state.doc || state.doc.name !== data.name) {
    $("#pages").replaceChildren(); // another document: its pages are not this one's
    $("#problems").replaceChildren();
    $("#cards").replaceChildren();
  }
  state.doc = data;
  state.etags = {};
  state.messages = {};
  $("#doc").hidden = false;
  $("#doc-name").textContent = data.name;
  $("#doc-kind").textContent = data.kind_title;
  $("#doc-command").textContent = data.command;
  listMessages($("#broken"), (data.broken || []).map((p) => p.text));
  if (data.head.etag) state.etags[data.head.file] = data.head.etag;
  renderForm(data);
  renderCards(data);
  const bulletin = data.kind === "bulletin";
  $("#drop").hidden = !bulletin;
  $("#parts-title").textContent = bulletin ? "文章（拖动卡片或点“上移”“下移”调整顺序）" : "正文";
}

// the head form --------------------------------------------------------------------------------

function renderForm(data) {
  const form = $("#head-form");
  form.replaceChildren();
  if (!data.head.data) return;
  const file = data.head.file;
  const values = data.head.data;
  const build = (fields, parent) => {
    for (const field of fields) {
      const value = field.path.reduce((v, k) => (v && typeof v === "object" ? v[k] : undefined), values);
      if (field.type === "group") {
        const set = el("fieldset", { "data-file": file, "data-path": JSON.stringify(field.path) },
          el("legend", { text: field.label }), el("div", { class: "msg" }));
        build(field.fields, set);
        parent.append(set);
        continue;
      }
      parent.append(formField(field, value, file));
    }
  };
  build(data.form, form);
  fitTextareas(form);
}

function fitTextareas(root) {
  // each box as tall as its text once laid out (a long line wraps; rows count only lines)
  for (const area of $$("textarea", root)) if (area.offsetParent) autosize(area);
}

function formField(field, value, file) {
  const attrs = {
    "data-file": file,
    "data-path": JSON.stringify(field.path),
    "data-type": field.type,
    name: dotted(field.path),
  };
  let input;
  if (field.type === "lines" && Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
    // entries written with 单位, 职务 and 姓名: each edited in place, as in a card
    return el("div", { class: "field" },
      el("span", { class: "label", text: field.label + (field.required ? " *" : "") }),
      treeEditor(value, field.path, file));
  }
  if (field.type === "lines") {
    const lines = Array.isArray(value) ? value : value ? [value] : [];
    input = el("textarea", { ...attrs, rows: Math.max(1, lines.length), placeholder: "每行一项" });
    input.value = lines.join("\n");
  } else if (field.type === "bool") {
    input = el("input", { ...attrs, type: "checkbox" });
    input.checked = value === true || value === "true";
  } else if (field.type === "choice") {
    input = el("select", attrs, el("option", { value: "", text: "（不填）" }),
      field.choices.map((c) => el("option", { value: c, text: c })));
    input.value = value || "";
  } else {
    const hint = field.type === "date" ? "如 2024-05-06 或 2024年5月6日" : field.type === "int" ? "整数" : "";
    input = el("input", { ...attrs, type: "text", placeholder: hint });
    input.value = value === undefined || value === null ? "" : String(value);
  }
  wire(input);
  return el("label", { class: "field" },
    el("span", { class: "label", text: field.label + (field.required ? " *" : "") }),
    input,
    el("span", { class: "msg" }));
}

// the cards -------------------------------------------------------------------------------------

const SHORT = new Set(["title", "subtitle", "name", "unit", "position", "kind", "heading", "numbering",
  "heading_numbering", "credit", "caption", "width", "image", "mark", "issuer", "addressee"]);

function renderCards(data) {
  const list = $("#cards");
  // the cards open before stay open when they are drawn again
  const open = new Set($$("#cards > .card").filter((c) => $("details.card-body", c)?.open).map((c) => c.dataset.ref));
  list.replaceChildren();
  for (const card of data.cards || []) {
    const node = cardElement(card);
    list.append(node);
    const body = $("details.card-body", node);
    if (body && open.has(card.ref)) body.open = true;
  }
  const buttons = (cls) => $$(`#cards > .card > .card-head button.${cls}`);
  if (buttons("up").length) {
    buttons("up")[0].disabled = true;
    buttons("down").at(-1).disabled = true;
  }
}

function cardElement(card) {
  if (card.etag) state.etags[card.file] = card.etag;
  const node = el("li", { class: "card", "data-ref": card.ref, "data-file": card.file });
  const summary = card.summary || {};
  const counts = [];
  if (summary.sections) counts.push(`${summary.sections} 节`);
  if (summary.points) counts.push(`${summary.points} 个要点`);
  if (summary.photos) counts.push(`${summary.photos} 张照片`);
  if (summary.tables) counts.push(`${summary.tables} 个表格`);
  const bulletin = state.doc.kind === "bulletin";
  const head = el("div", { class: "card-head", draggable: bulletin ? "true" : null },
    bulletin ? el("span", { class: "grip", title: "拖动调整顺序", text: "⠿" }) : null,
    el("div", { class: "card-title" },
      el("strong", { text: card.title || "（没有标题）" }),
      (summary.bylines || []).length ? el("div", { class: "bylines", text: summary.bylines.join("；") }) : null,
      counts.length ? el("div", { class: "counts", text: counts.join(" · ") }) : null,
      card.draft ? el("div", { class: "from quiet", text: `由 ${card.draft} 导入` }) : null),
    bulletin ? el("div", { class: "card-actions" },
      el("button", { type: "button", class: "small up", title: "往前移一篇", onclick: () => moveCard(card.ref, -1) }, "上移"),
      el("button", { type: "button", class: "small down", title: "往后移一篇", onclick: () => moveCard(card.ref, 1) }, "下移"),
      el("label", { class: "button small" }, "替换…",
        el("input", { type: "file", hidden: true, accept: state.workspace.draft_suffixes.join(","),
          onchange: (e) => uploadDrafts(e.target.files, card.ref) })),
      el("button", { type: "button", class: "small remove", onclick: (e) => removeCard(e.target, card) }, "移除")) : null);
  node.append(head);
  if (card.notes && card.notes.length) {
    node.append(el("ul", { class: "notes" },
      card.notes.map((n) => el("li", { text: `请核对：${n.label ? n.label + "：" : ""}${n.message}` }))));
  }
  if (card.problems && card.problems.length) {
    node.append(el("ul", { class: "messages" }, card.problems.map((p) => el("li", { class: "error", text: p }))));
  }
  node.append(el("div", { class: "msg", "data-file": card.file, "data-path": JSON.stringify(card.base || []) }));
  if (card.editable) {
    const body = el("details", { class: "card-body", ontoggle: () => fitTextareas(body) },
      el("summary", { text: "逐项修改" }));
    body.append(treeEditor(card.data, card.base || [], card.file));
    node.append(body);
    for (const note of card.notes || []) {
      if (!note.path) continue;
      const target = findField(card.file, [...(card.base || []), ...note.path], true);
      if (target) {
        target.classList.add("unsure");
        target.title = note.message;
      }
    }
  }
  if (bulletin) wireDrag(node, head);
  return node;
}

function treeEditor(value, path, file) {
  // every value of an article editable in place; lists and mappings as nested blocks
  if (value === null || typeof value !== "object") return leaf(value, path, file);
  const attrs = { "data-file": file, "data-path": JSON.stringify(path) };
  if (Array.isArray(value)) {
    // a list of paragraphs: a new line in one of them starts the next, an emptied one goes
    const paragraphs = value.length > 0 && value.every((item) => typeof item === "string");
    return el("div", { class: "list", ...attrs, "data-paragraphs": paragraphs ? "1" : null },
      value.map((item, i) => el("div", { class: "item" },
        el("span", { class: "index", text: `${i + 1}` }), treeEditor(item, [...path, i], file))),
      paragraphs ? el("div", { class: "quiet hint", text: "在框里换行即另起一段；清空一框即删去这一段" }) : null,
      el("div", { class: "msg" }));
  }
  if ("image" in value) return photo(value, path, file);
  if ("table" in value && value.table && typeof value.table === "object") return table(value.table, [...path, "table"], file);
  return el("div", { class: "group", ...attrs },
    Object.entries(value).map(([key, item]) =>
      el("div", { class: "row" }, el("span", { class: "label", text: label(key, path) }), treeEditor(item, [...path, key], file))),
    el("div", { class: "msg" }));
}

function spoken(path) {
  // a field's path in the form's words, as its messages name it: 小节 1 › 要点 2 › 正文
  const out = [];
  for (const [index, part] of path.entries()) {
    if (typeof part === "number") {
      if (out.length) out[out.length - 1] += ` ${part + 1}`;
      else out.push(`第 ${part + 1} 项`);
    } else out.push(label(part, path.slice(0, index)));
  }
  return out.join(" › ");
}

function leaf(value, path, file) {
  const key = path[path.length - 1];
  const attrs = { "data-file": file, "data-path": JSON.stringify(path), name: dotted(path), "aria-label": spoken(path) };
  let input;
  if (typeof value === "boolean" || key === "run_on") {
    input = el("input", { ...attrs, type: "checkbox", "data-type": "bool" });
    input.checked = value === true || value === "true";
  } else {
    const text = value === null || value === undefined ? "" : String(value);
    const type = typeof value === "number" ? "number" : null;
    const short = (typeof key === "string" && SHORT.has(key)) || type;
    input = short
      ? el("input", { ...attrs, type: "text", "data-type": type })
      : el("textarea", { ...attrs, rows: Math.min(8, Math.max(2, Math.ceil(text.length / 34))) });
    input.value = text;
  }
  wire(input);
  return el("span", { class: "leaf" }, input, el("span", { class: "msg" }));
}

function photo(value, path, file) {
  // a photo's file is written relative to the file that names it
  const src = `${docUrl("/thumb")}?file=${encodeURIComponent(file)}&image=${encodeURIComponent(value.image)}`;
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== "image"));
  return el("figure", { class: "photo", "data-file": file, "data-path": JSON.stringify(path) },
    el("img", { src, alt: value.caption || value.image, loading: "lazy" }),
    el("figcaption", { class: "quiet", text: `照片：${value.image}` }),
    treeEditor(rest, path, file),
    el("div", { class: "msg" }));
}

function table(value, path, file) {
  const grid = el("table", { class: "grid" });
  const header = value.header || [];
  grid.append(el("tr", {}, header.map((cell, i) => el("th", {}, leaf(cell, [...path, "header", i], file)))));
  (value.rows || []).forEach((row, r) =>
    grid.append(el("tr", {}, (row || []).map((cell, c) => el("td", {}, leaf(cell, [...path, "rows", r, c], file))))));
  return el("div", { class: "table", "data-file": file, "data-path": JSON.stringify(path) },
    "caption" in value ? el("div", { class: "row" }, el("span", { class: "label", text: label("caption") }),
      leaf(value.caption, [...path, "caption"], file)) : null,
    grid, el("div", { class: "msg" }));
}

// editing a field ----------------------------------------------------------------------------------

function valueOf(input) {
  const type = input.dataset.type;
  if (input.type === "checkbox") return input.checked;
  if (type === "lines") return input.value.split("\n").map((l) => l.trim()).filter(Boolean);
  return input.value;
}

function wire(input) {
  const check = debounce(() => send(input, false), 300);
  input.addEventListener("input", () => {
    if (input.tagName === "TEXTAREA") autosize(input);
    check();
  });
  input.addEventListener("change", () => queued(() => send(input, true)));
}

function queued(work) {
  // every write one after another, each with the version the one before left: a save and a
  // reorder or an upload sent together would otherwise refuse each other as stale
  const run = state.saving.then(work);
  state.saving = run.catch(() => {});
  return run;
}

function autosize(area) {
  area.style.height = "auto";
  area.style.height = `${area.scrollHeight + 2}px`;
}

function paragraphList(input) {
  // the paragraphs of the list ``input`` is one of, its text split at its new lines (null:
  // not a paragraph, or still one paragraph)
  const list = input.closest(".list");
  if (!list || list.dataset.paragraphs !== "1" || input.tagName !== "TEXTAREA") return null;
  const lines = input.value.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 1) return null;
  const items = $$(":scope > .item > .leaf > textarea", list);
  return items.flatMap((item) => (item === input ? lines : [item.value]));
}

async function send(input, save) {
  const file = input.dataset.file;
  const split = paragraphList(input);
  const body = {
    file,
    path: JSON.parse(split ? input.closest(".list").dataset.path : input.dataset.path),
    value: split || valueOf(input),
    type: split ? "lines" : input.dataset.type || null,
    etag: state.etags[file],
    save,
  };
  try {
    const result = await api("POST", docUrl("/edit"), body);
    state.messages[file] = result.problems;
    renderMessages();
    if (result.saved) {
      state.etags[file] = result.etag;
      input.classList.remove("unsaved");
      retitle(input, body.path);
      if (split) showDoc(await api("GET", docUrl())); // paragraphs added or taken out
      schedulePreview();
    }
  } catch (error) {
    if (error.status === 409) {
      input.classList.add("unsaved");
      banner(error.message);
    } else {
      banner(error.message);
    }
  }
}

function retitle(input, path) {
  // a card's heading follows its article's title as saved
  const card = input.closest(".card");
  const base = card && $(":scope > .msg", card);
  if (!base || path[path.length - 1] !== "title" || JSON.stringify(path.slice(0, -1)) !== base.dataset.path) return;
  $(".card-title strong", card).textContent = input.value.trim() || "（没有标题）";
}

// a refused save: what was typed is kept through 重新载入 ------------------------------------------

function typed() {
  // the fields whose text the server refused to save, as typed
  return $$(".unsaved[data-path]").map((input) => ({
    file: input.dataset.file,
    path: input.dataset.path,
    value: input.type === "checkbox" ? input.checked : input.value,
  }));
}

async function reload() {
  const kept = typed();
  await loadDoc(state.doc.name);
  let left = 0;
  for (const item of kept) {
    const input = $$("input[data-path], textarea[data-path], select[data-path]").find(
      (n) => n.dataset.file === item.file && n.dataset.path === item.path);
    if (!input) continue;
    const saved = input.type === "checkbox" ? input.checked : input.value;
    if (saved === item.value) continue;
    keep(input, item.value, saved);
    left += 1;
  }
  if (left) banner(`已重新载入。你刚才输入但没有保存的 ${left} 项还在框里（虚线框），请核对后点“保存我的输入”，或点“用已保存的”`);
}

function keep(input, value, saved) {
  // the clerk's text back in its field, beside what the other window saved, to choose from
  if (input.type === "checkbox") input.checked = value;
  else input.value = value;
  if (input.tagName === "TEXTAREA") autosize(input);
  input.classList.add("unsaved");
  const details = input.closest("details");
  if (details) details.open = true;
  const shown = typeof saved === "boolean" ? (saved ? "是" : "否") : saved || "（空）";
  const note = el("span", { class: "kept" }, `没有保存。另一个窗口保存的是“${shown}”。`);
  const done = () => {
    note.remove();
    input.classList.remove("unsaved");
    if (!$(".kept")) banner("");
  };
  note.append(
    el("button", { type: "button", class: "small", onclick: async () => {
      await queued(() => send(input, true));
      if (!input.classList.contains("unsaved")) done();
    } }, "保存我的输入"),
    " ",
    el("button", { type: "button", class: "small", onclick: () => {
      if (input.type === "checkbox") input.checked = saved;
      else input.value = saved;
      done();
    } }, "用已保存的"));
  input.after(note);
}

// messages beside fields -------------------------------------------------------------------------

function findField(file, path, any) {
  // the element of ``path`` in ``file``, or of the nearest part that holds it
  const nodes = $$("[data-path]").filter((n) => n.dataset.file === file);
  for (let cut = path.length; cut >= 0; cut--) {
    const wanted = JSON.stringify(path.slice(0, cut));
    const found = nodes.find((n) => n.dataset.path === wanted && (any || !n.classList.contains("msg")));
    if (found) return found;
  }
  return null;
}

function fieldPath(field) {
  // "sections[0].points[1].text" → ["sections", 0, "points", 1, "text"]
  const out = [];
  for (const part of field.split(".")) {
    const found = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!found) return out;
    if (found[1]) out.push(found[1]);
    for (const index of found[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

function renderMessages() {
  for (const slot of $$(".msg")) {
    slot.replaceChildren();
  }
  for (const node of $$(".has-error, .has-warning")) node.classList.remove("has-error", "has-warning");
  for (const [file, problems] of Object.entries(state.messages)) {
    for (const problem of problems || []) {
      const target = findField(problem.file || file, problem.field ? fieldPath(problem.field) : [], false);
      const text = problem.message;
      const cls = problem.warning ? "warning" : "error";
      let slot = null;
      if (target) {
        slot = target.classList.contains("msg") ? target : target.querySelector(":scope > .msg") ||
          (target.parentElement && target.parentElement.querySelector(":scope > .msg"));
        target.classList.add(problem.warning ? "has-warning" : "has-error");
      }
      if (!slot) slot = $("#problems");
      if (slot.id === "problems") continue; // listed with the preview's own
      slot.append(el("span", { class: cls, text: (problem.warning ? "警告：" : "错误：") + text }));
    }
  }
}

// drafts and cards ---------------------------------------------------------------------------------

function leaveField() {
  // a field still being typed in is left (and so saved, first in the queue) before a change
  // that redraws the form: a draft dropped while typing must not take the typed text away
  const active = document.activeElement;
  if (active && active.matches("input, textarea") && active.closest("#head-form, .card")) active.blur();
}

async function uploadDrafts(files, replace) {
  leaveField();
  const messages = $("#upload-messages");
  messages.replaceChildren();
  for (const file of Array.from(files)) {
    status(`正在读取 ${file.name}…`);
    let url = `${docUrl("/drafts")}?name=${encodeURIComponent(file.name)}`;
    if (replace) url += `&replace=${encodeURIComponent(replace)}`;
    try {
      await queued(async () => added(file, replace, await api("POST", url, undefined, file)));
    } catch (error) {
      messages.append(el("li", { class: "error", text: `“${file.name}”没有加入：${error.message}` }));
    }
  }
  status("");
  await refreshPreview();
}

function added(file, replace, result) {
  // what became of one draft, then the document as it is now (its files' new versions too)
  const messages = $("#upload-messages");
  for (const problem of result.problems) {
    messages.append(el("li", { class: "error", text: `“${file.name}”没有加入：${problem.text}` }));
  }
  for (const note of result.notes) {
    if (note.field === "punctuation") continue;
    messages.append(el("li", { class: "warning", text: note.text }));
  }
  if (result.added.length) {
    const replaced = replace && $$("#cards > .card").find((c) => c.dataset.ref === replace);
    const was = replaced ? $(".card-title strong", replaced).textContent : "";
    const text = replaced
      ? `已用“${file.name}”替换“${was}”：${result.added.length} 篇文章`
      : `已加入“${file.name}”：${result.added.length} 篇文章`;
    messages.append(el("li", { class: "done", text }));
  }
  showDoc(result.state);
}

async function removeCard(button, card) {
  if (!button.classList.contains("confirm")) {
    button.classList.add("confirm");
    button.textContent = "确定移除？";
    setTimeout(() => {
      button.classList.remove("confirm");
      button.textContent = "移除";
    }, 4000);
    return;
  }
  await changeList("/remove", { ref: card.ref, etag: state.etags[state.doc.head.file] });
}

async function changeList(suffix, body) {
  try {
    await queued(async () => showDoc(await api("POST", docUrl(suffix), { ...body, etag: state.etags[state.doc.head.file] })));
    await refreshPreview();
  } catch (error) {
    banner(error.message);
  }
}

async function moveCard(ref, step) {
  // the same as a drag, for a card far from where it goes or a clerk without a mouse
  const order = $$("#cards > .card").map((c) => c.dataset.ref);
  const at = order.indexOf(ref);
  const to = at + step;
  if (at < 0 || to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to], order[at]];
  await changeList("/order", { order, etag: state.etags[state.doc.head.file] });
  const moved = $$("#cards > .card").find((c) => c.dataset.ref === ref);
  // the focus stays on the card moved: on its button that moves it on, or back at an end
  const buttons = moved ? [$(step < 0 ? "button.up" : "button.down", moved), $(step < 0 ? "button.down" : "button.up", moved)] : [];
  const button = buttons.find((b) => b && !b.disabled);
  if (button) button.focus();
}

let dragged = null;

function wireDrag(card, handle) {
  handle.addEventListener("dragstart", (e) => {
    dragged = card;
    card.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.dataset.ref);
  });
  handle.addEventListener("dragend", () => {
    card.classList.remove("dragging");
    dragged = null;
  });
  card.addEventListener("dragover", (e) => {
    if (!dragged || dragged === card) return;
    e.preventDefault();
    const box = card.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    card.classList.toggle("drop-before", !after);
    card.classList.toggle("drop-after", after);
  });
  card.addEventListener("dragleave", () => card.classList.remove("drop-before", "drop-after"));
  card.addEventListener("drop", async (e) => {
    if (!dragged || dragged === card) return;
    e.preventDefault();
    const after = card.classList.contains("drop-after");
    card.classList.remove("drop-before", "drop-after");
    card.parentElement.insertBefore(dragged, after ? card.nextSibling : card);
    const order = $$("#cards > .card").map((c) => c.dataset.ref);
    await changeList("/order", { order, etag: state.etags[state.doc.head.file] });
  });
}

// the preview ----------------------------------------------------------------------------------------

const schedulePreview = debounce(() => refreshPreview(), 50);

async function refreshPreview() {
  if (!state.doc) return;
  if (state.preview.busy) {
    state.preview.again = true;
    return;
  }
  state.preview.busy = true;
  $("#laying-out").hidden = false;
  try {
    const data = await api("GET", docUrl("/preview"));
    showPreview(data);
  } catch (error) {
    listMessages($("#problems"), [error.message]);
  } finally {
    state.preview.busy = false;
    $("#laying-out").hidden = true;
    if (state.preview.again) {
      state.preview.again = false;
      schedulePreview();
    }
  }
}

function showPreview(data) {
  const pages = $("#pages");
  const problems = $("#problems");
  const fileMessages = {};
  for (const problem of [...(data.problems || []), ...(data.warnings || [])]) {
    (fileMessages[problem.file || ""] ||= []).push(problem);
  }
  state.messages = fileMessages;
  renderMessages();
  if (!data.ok) {
    listMessages(problems, data.problems.map((p) => p.text));
    pages.classList.add("stale");
    $("#page-count").textContent = pages.children.length ? "内容有误，下面是上次能排版时的样子" : "内容有误，还不能排版";
    $("#end-block").textContent = "";
    return;
  }
  listMessages(problems, (data.warnings || []).map((p) => p.text), "warning");
  pages.classList.remove("stale");
  ensureFonts(data.fonts);
  $("#page-count").textContent = `共 ${data.count} 页`;
  $("#end-block").textContent = data.end_block;
  pages.replaceChildren(
    ...data.pages.map((page) => {
      const sheet = el("div", { class: `page ${page.kind}`, "data-index": page.index });
      sheet.innerHTML = page.svg;
      const box = sheet.querySelector("svg").viewBox.baseVal;
      state.preview.size = [box.width, box.height];
      sheet.addEventListener("click", (e) => jump(sheet, page.regions, e));
      const caption = page.number ? `第 ${page.index} 页` : `第 ${page.index} 页（${page.kind === "blank" ? "空白页" : "版记页"}，不编页码）`;
      const endHere = data.end_page === page.index ? " · 版记在这一页" : "";
      return el("figure", { class: "sheet-frame" }, el("figcaption", { text: caption + endHere }), sheet);
    })
  );
}

function ensureFonts(names) {
  const style = $("#fonts");
  for (const name of names || []) {
    if (style.textContent.includes(`"${name}"`)) continue;
    style.append(`@font-face{font-family:"${name}";src:url("/fonts/${encodeURIComponent(name)}") format("truetype");font-display:block}\n`);
  }
}

function jump(sheet, regions, event) {
  // the part of the source the clicked stretch of the page shows, in the form or its card
  const box = sheet.getBoundingClientRect();
  const y = ((event.clientY - box.top) / box.height) * state.preview.size[1];
  let best = null;
  let distance = Infinity;
  for (const region of regions) {
    const d = y < region.top ? region.top - y : y > region.bottom ? y - region.bottom : 0;
    if (d < distance) {
      best = region;
      distance = d;
    }
  }
  if (!best) return;
  const target = findField(best.file, best.path, false);
  if (!target) return;
  const card = target.closest(".card");
  if (card) {
    const details = target.closest("details");
    if (details) details.open = true;
  }
  const focus = target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select");
  (card || target).scrollIntoView({ block: "start", behavior: "instant" });
  if (focus) {
    focus.scrollIntoView({ block: "center", behavior: "instant" });
    focus.focus({ preventScroll: true });
  }
  const flash = focus || target;
  flash.classList.add("flash");
  setTimeout(() => flash.classList.remove("flash"), 1500);
}

// downloads ---------------------------------------------------------------------------------------------

function fetchFile(url) {
  const link = el("a", { href: url, download: "" });
  document.body.append(link);
  link.click();
  link.remove();
}

async function download(event) {
  event.preventDefault();
  const formats = event.currentTarget.dataset.formats;
  status("正在生成…");
  try {
    await state.saving; // a field left for this click is saved first: the file has it
    const result = await api("POST", docUrl("/download"), { formats });
    if (!result.ok) {
      listMessages($("#problems"), ["没有生成：", ...result.errors]);
      status("");
      return;
    }
    fetchFile(result.url);
    status("已生成，文件也写在工作台的 dist/ 文件夹里");
  } catch (error) {
    status("");
    listMessages($("#problems"), [error.message]);
  }
}

async function downloadBatch(event) {
  event.preventDefault();
  const docs = $$("#batch-docs input:checked").map((i) => i.value);
  const results = $("#batch-results");
  results.replaceChildren(el("li", { class: "quiet", text: "正在生成…" }));
  try {
    await state.saving;
    const data = await api("POST", "/api/batch", { docs, formats: $("#batch-formats").value });
    results.replaceChildren(
      ...data.results.map((r) =>
        r.status === "built"
          ? el("li", { class: "done", text: `${r.doc}：已生成，${r.pages} 页` })
          : el("li", { class: "error" }, `${r.doc}：没有生成。`,
            el("ul", { class: "reasons" }, r.errors.map((text) => el("li", { text }))))
      )
    );
    if (data.ok) fetchFile(data.url);
  } catch (error) {
    results.replaceChildren(el("li", { class: "error", text: error.message }));
  }
}

async function checkWord(files) {
  const results = $("#check-results");
  const file = files[0];
  if (!file) return;
  results.replaceChildren(el("li", { class: "quiet", text: `正在检查 ${file.name}…` }));
  try {
    const data = await api("POST", `/api/check?name=${encodeURIComponent(file.name)}`, undefined, file);
    if (!data.ok) {
      results.replaceChildren(el("li", { class: "error", text: data.message }));
    } else if (!data.findings.length) {
      results.replaceChildren(el("li", { class: "done", text: data.heading })); // it says 没有发现问题
    } else {
      const items = data.findings.map((f) => el("li", { class: f.severity === "error" ? "error" : "warning", text: f.text }));
      results.replaceChildren(el("li", { class: "quiet", text: data.heading }), ...items);
    }
  } catch (error) {
    results.replaceChildren(el("li", { class: "error", text: error.message }));
  }
}

// new documents ------------------------------------------------------------------------------------------

async function createDoc(event) {
  event.preventDefault();
  const error = $("#new-error");
  try {
    const data = await api("POST", "/api/docs", { name: $("#new-name").value, template: $("#new-template").value });
    $("#new-dialog").close();
    await loadWorkspace(data.name);
  } catch (failed) {
    error.textContent = failed.message;
    error.hidden = false;
  }
}

// start ------------------------------------------------------------------------------------------------------

function start() {
  $("#doc-select").addEventListener("change", (e) => loadDoc(e.target.value));
  // an address with another document's name (a bookmark, the back button) opens it
  window.addEventListener("hashchange", () => {
    const name = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (!state.doc || name === state.doc.name || !state.workspace.docs.some((d) => d.name === name)) return;
    $("#doc-select").value = name;
    loadDoc(name);
  });
  $("#reload").addEventListener("click", reload);
  $("#new-doc").addEventListener("click", () => {
    $("#new-error").hidden = true;
    $("#new-name").value = "";
    $("#new-dialog").showModal();
  });
  $("#new-cancel").addEventListener("click", () => $("#new-dialog").close());
  $("#new-form").addEventListener("submit", createDoc);
  $("#draft-input").addEventListener("change", (e) => {
    uploadDrafts(e.target.files, null);
    e.target.value = "";
  });
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => {
    if (!e.dataTransfer.types.includes("Files")) return;
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    drop.classList.remove("over");
    uploadDrafts(e.dataTransfer.files, null);
  });
  // a file dropped beside the box is not opened by the browser in place of the workspace
  document.addEventListener("dragover", (e) => {
    if (e.dataTransfer.types.includes("Files")) e.preventDefault();
  });
  document.addEventListener("drop", (e) => {
    if (!e.dataTransfer.files.length || e.target.closest("#drop")) return;
    e.preventDefault();
    if (state.doc && state.doc.kind === "bulletin") {
      uploadDrafts(e.dataTransfer.files, null);
      $("#drop").scrollIntoView({ block: "nearest" });
    } else {
      banner(state.doc ? "报告和纪要的正文请在“正文”中直接编辑；稿件可以加入简报" : "请先新建或选择一份简报，再加入稿件");
    }
  });
  for (const link of $$("#preview .download")) link.addEventListener("click", download);
  $("#batch-download").addEventListener("click", downloadBatch);
  $("#check-input").addEventListener("change", (e) => {
    checkWord(e.target.files);
    e.target.value = "";
  });
  loadWorkspace().catch((error) => {
    $("#loading").hidden = true;
    banner(error.message);
  });
}

start();
