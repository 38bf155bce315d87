// The node panel: who this daemon is (peer id, addresses), its connected peers and the plugins it
// loaded with their versions; refreshed while shown.

import { call, Unauthorized } from "./api.js";
import { el } from "./dom.js";

const REFRESH_MS = 5000;

function table(id, columns, rows) {
  return el(
    "table",
    { id, class: "list" },
    el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", { scope: "col" }, c)))),
    el(
      "tbody",
      {},
      ...(rows.length
        ? rows.map((r) => el("tr", {}, ...r.map((v) => el("td", {}, v == null ? "–" : String(v)))))
        : [el("tr", {}, el("td", { colspan: String(columns.length), class: "empty" }, "none"))]),
    ),
  );
}

export class NodeView {
  constructor(root, { onUnauthorized, onUnreachable }) {
    this.root = root;
    this.onUnauthorized = onUnauthorized;
    this.onUnreachable = onUnreachable;
    this.timer = null;
  }

  show() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  hide() {
    clearInterval(this.timer);
  }

  async refresh() {
    try {
      const [id, version, peers, plugins] = await Promise.all([
        call("ID"),
        call("Version"),
        call("NetPeers"),
        call("Plugins"),
      ]);
      this.render(id, version, peers.peers, plugins);
    } catch (e) {
      if (e instanceof Unauthorized) this.onUnauthorized(e);
      else this.onUnreachable(e);
    }
  }

  render(id, version, peers, plugins) {
    const facts = el("dl", { class: "facts" });
    const fact = (name, value) => facts.append(el("dt", {}, name), el("dd", {}, value ?? "–"));
    fact("Peer id", id.peer_id);
    fact("Agent", id.agent_version);
    fact("Version", version.version + " (plugin API " + version.plugin_api_version + ", Java " + version.java_version + ")");
    fact("Transport", id.transport || "none: no plugin provides it");
    fact("Home", id.home);
    const addresses = el("ul", { class: "addresses", id: "node-addresses" }, ...id.addresses.map((a) => el("li", {}, a)));
    const errors = plugins.errors && plugins.errors.length
      ? el("section", { class: "panel" }, el("h3", {}, "Plugin errors"),
          table("plugin-errors", ["File", "Reason"], plugins.errors.map((e) => [e.file, e.reason])))
      : null;
    this.root.replaceChildren(
      el("h2", {}, "Node"),
      el("section", { class: "panel", id: "node-identity" }, facts, el("h3", {}, "Addresses"), addresses),
      el("section", { class: "panel" }, el("h3", {}, "Connected peers (" + peers.length + ")"),
        table("peers", ["Peer id", "Address", "Direction", "Muxer", "Agent"],
          peers.map((p) => [p.peer_id, p.address, p.direction, p.muxer, p.agent_version]))),
      el("section", { class: "panel" }, el("h3", {}, "Plugins"),
        el("p", { class: "hint" }, "from " + plugins.plugins_dir),
        table("plugins", ["Kind", "Id", "Plugin", "Version", "Source"],
          plugins.extensions.map((x) => [x.kind, x.id, x.plugin, x.version, x.source]))),
      errors,
    );
  }
}
