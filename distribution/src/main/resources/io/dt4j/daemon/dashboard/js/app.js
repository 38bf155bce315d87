// The dashboard's entry point: login, the hash routes (#/channels, #/channel/<id>, #/node), the
// live connection to the daemon and its "reconnecting" banner.

import { call, token, Unauthorized, Unreachable } from "./api.js";
import { follow } from "./events.js";
import { ChannelStore } from "./store.js";
import { ChannelsView } from "./channels-view.js";
import { ChannelView } from "./channel-view.js";
import { NodeView } from "./node-view.js";

const $ = (id) => document.getElementById(id);
const VIEWS = ["login-view", "channels-view", "channel-view", "node-view"];

const store = new ChannelStore();
let live = null;
let channelsView = null;
let channelView = null;
let nodeView = null;

function showOnly(view) {
  VIEWS.forEach((v) => ($(v).hidden = v !== view));
  $("nav").hidden = view === "login-view";
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("current", link.id === "nav-" + view.replace("-view", ""));
  }
}

function banner(text) {
  $("banner").hidden = !text;
  $("banner").textContent = text || "";
}

/** Back to the login form with a message (wrong or replaced token). */
function toLogin(message) {
  if (live) live.stop();
  live = null;
  token.clear();
  banner("");
  if (nodeView) nodeView.hide();
  showOnly("login-view");
  $("login-error").hidden = !message;
  $("login-error").textContent = message || "";
  $("token").focus();
}

function refused() {
  toLogin(
    "The daemon refused the token (401). It may be mistyped, or the daemon has a new token: " +
      "copy it again from <home>/token.",
  );
}

function unreachable(e) {
  banner("Reconnecting to the daemon… (" + e.message + ")");
}

function route() {
  if (!live) return;
  const hash = location.hash || "#/channels";
  if (nodeView) nodeView.hide();
  channelView.hide();
  if (hash.startsWith("#/channel/")) {
    showOnly("channel-view");
    channelView.show(decodeURIComponent(hash.slice("#/channel/".length)));
  } else if (hash === "#/node") {
    showOnly("node-view");
    nodeView.show();
  } else {
    showOnly("channels-view");
  }
}

function start(identity) {
  $("self-peer").textContent = identity.peer_id;
  $("self-peer").title = "this node: " + identity.peer_id;
  channelsView ||= new ChannelsView(store, $("channels-view"), (id) => {
    location.hash = "#/channel/" + encodeURIComponent(id);
  });
  channelView ||= new ChannelView(store, $("channel-view"), { onUnauthorized: refused });
  nodeView ||= new NodeView($("node-view"), { onUnauthorized: refused, onUnreachable: unreachable });
  live = follow({
    onList: (channels) => store.replaceAll(channels),
    onEvent: (update) => store.apply(update),
    onConnected: () => banner(""),
    onLost: (e, attempt, delay) =>
      banner(
        "Reconnecting to the daemon… attempt " + attempt + ", next in " + (delay / 1000).toFixed(1) + " s" +
          " (" + e.message + ")",
      ),
    onUnauthorized: refused,
  });
  route();
}

/** Checks the token with GET /api/v0/ID; retries while the daemon cannot be reached. */
async function login(attempt = 0) {
  try {
    const identity = await call("ID");
    $("login-error").hidden = true;
    start(identity);
  } catch (e) {
    if (e instanceof Unauthorized) return refused();
    if (e instanceof Unreachable) {
      showOnly("login-view");
      banner("Reconnecting to the daemon… (" + e.message + ")");
      setTimeout(() => login(attempt + 1), Math.min(10000, 500 * 2 ** attempt));
      return;
    }
    toLogin("The daemon answered with an error: " + e.message);
  }
}

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = $("token").value.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    toLogin("That is not a dt4j token: expected 64 hex digits, as in <home>/token.");
    return;
  }
  token.set(value);
  $("token").value = "";
  login();
});

$("logout").addEventListener("click", () => toLogin("Logged out."));
window.addEventListener("hashchange", route);

if (token.get()) login();
else toLogin("");
