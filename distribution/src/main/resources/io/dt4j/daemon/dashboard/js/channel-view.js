// One channel: its facts, the actions valid in its status (through the same admin API endpoints
// as `dt4j channel pause|resume|restart|cancel`), a throughput sparkline and the events this page
// has seen. A channel that disappears from the daemon while shown says so.

import { call, act, ApiError, Unauthorized } from "./api.js";
import { el, setText } from "./dom.js";
import * as format from "./format.js";
import { actionsFor, statusKind } from "./store.js";
import { createSparkline, rates } from "./sparkline.js";

const FACTS = [
  ["Status", (c) => c.status],
  ["Direction", (c) => (c.is_pull ? "pull, " : "push, ") + c.direction],
  ["Transferred", (c) => format.bytes(c.transferred) + (c.total_size > 0 ? " of " + format.bytes(c.total_size) + " (" + format.percent(c.progress) + ")" : "")],
  ["Rate", (c) => format.rate(c.rate_bps) + (c.stalled ? " (stalled)" : "")],
  ["ETA", (c) => format.duration(c.eta_s)],
  ["Other peer", (c) => c.other_peer],
  ["Initiator", (c) => c.initiator + (c.is_initiator ? " (this node)" : "")],
  ["Responder", (c) => c.responder + (c.is_initiator ? "" : " (this node)")],
  ["Root CID", (c) => c.base_cid],
  ["Voucher", (c) => (c.voucher_type ? c.voucher_type + " " + JSON.stringify(c.voucher) : "–")],
  ["Blocks received", (c) => String(c.received_cids)],
  ["Created", (c) => (c.created ? format.age(c.created) + " ago (" + c.created + ")" : "unknown")],
  ["Last event", (c) => (c.updated ? format.age(c.updated) + " ago (" + c.updated + ")" : "–")],
  ["Message", (c) => c.message || "–"],
];

export class ChannelView {
  constructor(store, root, { onUnauthorized }) {
    this.store = store;
    this.onUnauthorized = onUnauthorized;
    this.id = null;
    this.title = el("h2", { class: "channel-title" });
    this.chip = el("span", { class: "chip" });
    this.notice = el("p", { class: "notice", id: "channel-notice", role: "alert", hidden: "" });
    this.buttons = {};
    const bar = el("div", { class: "actions" });
    for (const action of ["pause", "resume", "restart", "cancel"]) {
      const button = el(
        "button",
        { type: "button", id: "action-" + action, class: action === "cancel" ? "danger" : "" },
        action[0].toUpperCase() + action.slice(1),
      );
      button.addEventListener("click", () => this.run(action, button));
      this.buttons[action] = button;
      bar.append(button);
    }
    this.factValues = FACTS.map(() => el("dd"));
    const facts = el("dl", { class: "facts" });
    FACTS.forEach(([name], i) => facts.append(el("dt", {}, name), this.factValues[i]));
    this.spark = createSparkline();
    this.sparkMax = el("span", { class: "spark-max" });
    this.timeline = el("ol", { class: "timeline", id: "timeline" });
    root.replaceChildren(
      el("a", { href: "#/channels", class: "back" }, "← All channels"),
      el("div", { class: "channel-head" }, this.title, this.chip),
      this.notice,
      bar,
      el("section", { class: "panel" }, facts),
      el("section", { class: "panel" }, el("h3", {}, "Throughput ", this.sparkMax), this.spark.svg),
      el(
        "section",
        { class: "panel" },
        el("h3", {}, "Events seen by this page"),
        el("p", { class: "hint" }, "The daemon keeps no event history; events since this page opened."),
        this.timeline,
      ),
    );
    store.subscribe((kind, id) => {
      if (this.id && (kind === "list" || id === this.id)) this.render();
    });
    setInterval(() => this.tick(), 1000);
  }

  async show(id) {
    this.id = id;
    this.gone = false;
    this.say("");
    this.title.textContent = id;
    this.render();
    try {
      const channel = await call("DataTransferChannel", { query: { channel: id } });
      if (this.id === id && !this.store.get(id)) {
        this.store.put(channel);
      }
    } catch (e) {
      this.handle(e);
    }
  }

  hide() {
    this.id = null;
  }

  render() {
    const c = this.store.get(this.id);
    if (!c) {
      if (this.store.listed) this.vanished();
      return;
    }
    if (this.gone) this.say("");
    this.gone = false;
    setText(this.chip, c.status);
    this.chip.className = "chip " + statusKind(c.status);
    FACTS.forEach(([, value], i) => setText(this.factValues[i], value(c)));
    const valid = actionsFor(c);
    for (const [action, button] of Object.entries(this.buttons)) button.hidden = !valid[action];
    this.renderTimeline();
    this.drawSpark();
  }

  renderTimeline() {
    const seen = this.store.events.get(this.id) || [];
    const key = this.id + "@" + this.store.version;
    if (this.timelineKey === key) return;
    this.timelineKey = key;
    this.timeline.replaceChildren(
      ...seen
        .slice()
        .reverse()
        .map((e) =>
          el(
            "li",
            {},
            el("time", { datetime: e.timestamp, title: e.timestamp }, e.timestamp.slice(11, 23)),
            el("span", { class: "event" }, e.count > 1 ? e.event + " ×" + e.count : e.event),
            el("span", { class: "chip " + statusKind(e.status) }, e.status),
            el("span", { class: "num" }, format.bytes(e.transferred)),
            e.message ? el("span", { class: "message" }, e.message) : null,
          ),
        ),
    );
  }

  tick() {
    const c = this.id && this.store.get(this.id);
    if (!c) return;
    this.store.sample(c);
    this.drawSpark();
  }

  drawSpark() {
    const max = this.spark.draw(rates(this.store.samples.get(this.id) || []));
    setText(this.sparkMax, max > 0 ? "(peak " + format.rate(max) + ")" : "(no data moved yet)");
  }

  async run(action, button) {
    const id = this.id;
    button.disabled = true;
    try {
      const reply = await act(action, id);
      this.say(reply.message ? action + ": " + reply.message : "");
    } catch (e) {
      this.handle(e);
    } finally {
      button.disabled = false;
    }
  }

  handle(e) {
    if (e instanceof Unauthorized) return this.onUnauthorized(e);
    if (e instanceof ApiError && e.code === "not_found") return this.vanished();
    this.say(e.message, "error");
  }

  vanished() {
    this.gone = true;
    Object.values(this.buttons).forEach((b) => (b.hidden = true));
    this.say(
      "This channel no longer exists on the daemon (" + this.id + "). It may have been removed, " +
        "or the daemon restarted with another store.",
      "error",
    );
  }

  say(text, kind = "info") {
    this.notice.hidden = !text;
    this.notice.className = "notice " + kind;
    setText(this.notice, text);
  }
}
