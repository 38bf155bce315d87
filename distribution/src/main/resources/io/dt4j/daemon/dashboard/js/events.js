// The daemon's channel events (GET /api/v0/events, Server-Sent Events) read with fetch() and a
// ReadableStream, because EventSource cannot send the Authorization header and the token must
// never go into a URL. Each connection lists the channels first (the stream has no replay), then
// applies events; a lost connection is retried with a growing delay.

import { send, call, Unauthorized } from "./api.js";

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10000;

/** Splits an SSE byte stream into events; calls onData with each `data:` payload. */
export function sseParser(onData) {
  let buffer = "";
  let data = [];
  return (text) => {
    buffer += text;
    let newline;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      if (line === "") {
        if (data.length) onData(data.join("\n"));
        data = [];
      } else if (line.startsWith("data:")) {
        data.push(line.slice(5).replace(/^ /, ""));
      }
      // `id:`, `event:` and `:` comment lines (keepalives) carry nothing the page needs
    }
  };
}

/**
 * Keeps the page in step with the daemon until stop() is called.
 * handlers: onList(channels), onEvent(update), onConnected(), onLost(error, attempt, delayMs),
 * onUnauthorized(error).
 */
export function follow(handlers) {
  let stopped = false;
  let controller = null;
  let attempt = 0;

  async function connectOnce() {
    controller = new AbortController();
    const response = await send("events", { signal: controller.signal });
    // events that arrive while the list is read are applied after it
    const early = [];
    let listed = false;
    const parse = sseParser((payload) => {
      const update = JSON.parse(payload);
      if (listed) handlers.onEvent(update);
      else early.push(update);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the daemon closed the event stream");
        parse(value);
      }
    })();
    pump.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    const list = await call("ListDataTransfers", { signal: controller.signal });
    handlers.onList(list.channels);
    listed = true;
    early.splice(0).forEach(handlers.onEvent);
    attempt = 0;
    handlers.onConnected();
    await pump;
  }

  (async () => {
    while (!stopped) {
      try {
        await connectOnce();
      } catch (e) {
        if (stopped) return;
        if (e instanceof Unauthorized) {
          handlers.onUnauthorized(e);
          return;
        }
        const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
        attempt += 1;
        handlers.onLost(e, attempt, delay);
        if (controller) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  })();

  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
  };
}
