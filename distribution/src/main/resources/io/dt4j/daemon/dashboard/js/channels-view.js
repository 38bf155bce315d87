// The channels table: one row per channel, built once; later updates change the cells in place,
// batched to one pass per animation frame, so that a thousand channels stay fast. Rows are CSS grid
// rows rather than <tr>s so that the browser can skip laying out and painting the ones off screen
// (content-visibility, which table rows do not support).

import { el, setText, frameBatcher } from "./dom.js";
import * as format from "./format.js";
import { statusKind } from "./store.js";

const COLUMNS = ["Channel", "Peer", "Direction", "Status", "Transferred", "Rate", "Age", "Last event"];

// every row is a copy of this one (a constant, never built from the daemon's data)
const ROW = document.createElement("template");
ROW.innerHTML =
  '<div class="row" role="row" tabindex="0">' +
  '<div role="cell" class="id"></div><div role="cell" class="peer"></div>' +
  '<div role="cell" class="direction"></div>' +
  '<div role="cell" class="status"><span class="chip"></span></div>' +
  '<div role="cell" class="num bytes"><span class="bar"><span class="bar-fill"></span></span>' +
  '<span></span></div><div role="cell" class="num rate"></div>' +
  '<div role="cell" class="num age"></div><div role="cell" class="last"></div></div>';
const NUMERIC = ["Transferred", "Rate", "Age"];
const ORDER = new Intl.Collator("en", { numeric: true }).compare;

export class ChannelsView {
  constructor(store, root, onOpen) {
    this.store = store;
    this.onOpen = onOpen;
    this.rows = new Map();
    this.order = [];
    this.dirty = new Set();
    this.filter = "";
    this.body = el("div", { class: "rows", role: "rowgroup" });
    this.count = el("span", { class: "count", id: "channel-count" });
    this.empty = el("p", { class: "empty", hidden: "" }, "No channels yet.");
    const search = el("input", {
      type: "search",
      id: "channel-filter",
      placeholder: "Filter by id, peer, CID or status",
      "aria-label": "Filter channels",
    });
    search.addEventListener("input", () => {
      this.filter = search.value.trim().toLowerCase();
      this.rows.forEach((row, id) => this.applyFilter(row, this.store.get(id)));
    });
    const head = el(
      "div",
      { class: "row head", role: "row" },
      ...COLUMNS.map((name) =>
        el("div", { role: "columnheader", class: NUMERIC.includes(name) ? "num" : "" }, name),
      ),
    );
    this.table = el("div", { id: "channels", class: "channels", role: "table" }, head, this.body);
    // one listener for all rows
    const open = (event) => {
      const target = event.target.closest(".row[data-id]");
      if (target && (event.type === "click" || event.key === "Enter")) this.onOpen(target.dataset.id);
    };
    this.body.addEventListener("click", open);
    this.body.addEventListener("keydown", open);
    root.replaceChildren(
      el("div", { class: "toolbar" }, el("h2", {}, "Channels ", this.count), search),
      this.table,
      this.empty,
    );
    this.schedule = frameBatcher(() => this.flush());
    store.subscribe((kind, id) => (kind === "list" ? this.rebuild() : this.changed(id)));
    setInterval(() => this.refreshAges(), 1000);
  }

  changed(id) {
    this.dirty.add(id);
    this.schedule();
  }

  /** After a (re)connect: rows for new channels, none for vanished ones, every cell refreshed. */
  rebuild() {
    const started = performance.now();
    const ids = [...this.store.channels.keys()].sort(ORDER);
    for (const [id, row] of this.rows) {
      if (!this.store.channels.has(id)) {
        row.element.remove();
        this.rows.delete(id);
      }
    }
    const fragment = document.createDocumentFragment();
    const fresh = this.rows.size === 0;
    for (const id of ids) {
      const row = this.rows.get(id) || this.createRow(id);
      this.update(row, this.store.get(id));
      if (fresh) fragment.append(row.element);
    }
    if (fresh) this.body.append(fragment);
    else ids.forEach((id) => this.body.append(this.rows.get(id).element));
    this.order = ids;
    this.dirty.clear();
    this.updateCount();
    // the time to build the rows (script) and to get them on screen (style, layout, paint), for
    // the 1000-channel check
    const built = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        const timing = document.documentElement.dataset;
        timing.tableBuildMs = String(Math.round(built - started));
        timing.tableRenderMs = String(Math.round(performance.now() - started));
      }),
    );
  }

  flush() {
    for (const id of this.dirty) {
      const channel = this.store.get(id);
      if (!channel) continue;
      let row = this.rows.get(id);
      if (!row) {
        row = this.createRow(id);
        this.insertSorted(id, row);
      }
      this.update(row, channel);
    }
    this.dirty.clear();
    this.updateCount();
  }

  insertSorted(id, row) {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ORDER(this.order[mid], id) < 0) low = mid + 1;
      else high = mid;
    }
    const before = this.order[low];
    this.order.splice(low, 0, id);
    this.body.insertBefore(row.element, before ? this.rows.get(before).element : null);
  }

  createRow(id) {
    const tr = ROW.content.firstElementChild.cloneNode(true);
    tr.dataset.id = id;
    const [idCell, peer, direction, status, bytes, rate, age, last] = tr.children;
    const cells = {
      id: idCell,
      peer,
      direction,
      status: status.firstChild,
      bar: bytes.firstChild.firstChild,
      bytes: bytes.lastChild,
      rate,
      age,
      last,
    };
    const row = { element: tr, cells, status: null, peer: null, width: null, created: undefined };
    this.rows.set(id, row);
    return row;
  }

  update(row, c) {
    const { cells } = row;
    if (row.peer !== c.other_peer) {
      row.peer = c.other_peer;
      cells.id.textContent = format.shortChannel(c);
      cells.id.title = c.id;
      cells.peer.textContent = format.short(c.other_peer);
      cells.peer.title = c.other_peer;
      cells.direction.textContent = c.direction === "sending" ? "↑ sending" : "↓ receiving";
    }
    if (row.status !== c.status) {
      row.status = c.status;
      cells.status.textContent = c.status;
      cells.status.className = "chip " + statusKind(c.status);
    }
    const total = c.total_size > 0 ? " / " + format.bytes(c.total_size) : "";
    setText(cells.bytes, format.bytes(c.transferred) + total);
    const width = c.progress == null ? "0" : Math.round(c.progress * 100) + "%";
    if (row.width !== width) cells.bar.style.width = row.width = width;
    setText(cells.rate, format.rate(c.rate_bps));
    // age = time since the channel was created (issue 12); "–" for channels stored before dt4j
    // kept creation times
    setText(cells.age, format.age(c.created));
    if (row.created !== c.created) {
      row.created = c.created;
      cells.age.title = c.created ? "created " + c.created : "creation time unknown";
    }
    const last = this.store.lastEvent(c.id);
    setText(cells.last, last ? last.event : c.message || "–");
    this.applyFilter(row, c);
  }

  applyFilter(row, c) {
    const text = this.filter;
    const match =
      !text ||
      [c.id, c.other_peer, c.base_cid, c.status].some((v) => v && v.toLowerCase().includes(text));
    if (row.element.hidden === match) row.element.hidden = !match;
  }

  refreshAges() {
    const now = Date.now();
    for (const [id, row] of this.rows) {
      const c = this.store.get(id);
      if (c) setText(row.cells.age, format.age(c.created, now));
    }
  }

  updateCount() {
    setText(this.count, String(this.rows.size));
    this.empty.hidden = this.rows.size > 0;
  }
}
