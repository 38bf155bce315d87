// What the page knows about the daemon's channels: the latest view of each (from the list and the
// event stream), the events this page has seen per channel, and samples of the transferred counter
// for the throughput sparkline. Views subscribe to changes; nothing here touches the DOM.

const MAX_EVENTS = 200;
// A real transfer sends a pair of these per block: consecutive ones in the same status are kept as
// one timeline entry with a count, so that a pause or a resume is not pushed out by the progress.
const PROGRESS = new Set([
  "DataReceived",
  "DataReceivedProgress",
  "DataSent",
  "DataSentProgress",
  "DataQueued",
  "DataQueuedProgress",
]);
const MAX_SAMPLES = 240;
const SAMPLE_MS = 500;

export class ChannelStore {
  constructor() {
    this.channels = new Map();
    this.events = new Map();
    this.samples = new Map();
    this.listeners = new Set();
    this.listed = false;
    this.version = 0; // counts applied events: a view redraws its timeline when it moves
  }

  /** listener(kind, id): kind is "list" (everything changed) or "channel". */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(kind, id) {
    this.listeners.forEach((listener) => listener(kind, id));
  }

  /** Replaces everything with a fresh list (after a (re)connect). */
  replaceAll(channels, now = Date.now()) {
    this.channels = new Map(channels.map((c) => [c.id, c]));
    this.listed = true;
    for (const id of [...this.samples.keys()]) {
      if (!this.channels.has(id)) this.samples.delete(id);
    }
    channels.forEach((c) => this.sample(c, now));
    this.emit("list");
  }

  /** Adds or replaces one channel fetched on its own. */
  put(channel, now = Date.now()) {
    this.channels.set(channel.id, channel);
    this.sample(channel, now);
    this.emit("channel", channel.id);
  }

  /** Applies one event of the stream. */
  apply(update, now = Date.now()) {
    const channel = update.channel;
    this.channels.set(channel.id, channel);
    const seen = this.events.get(channel.id) || [];
    record(seen, update, channel);
    this.version += 1;
    if (seen.length > MAX_EVENTS) seen.splice(0, seen.length - MAX_EVENTS);
    this.events.set(channel.id, seen);
    this.sample(channel, now);
    this.emit("channel", channel.id);
  }

  /** Records the transferred counter, at most one sample per SAMPLE_MS. */
  sample(channel, now = Date.now()) {
    const samples = this.samples.get(channel.id) || [];
    const last = samples[samples.length - 1];
    const previous = samples[samples.length - 2];
    if (previous && now - previous.t < SAMPLE_MS) {
      // the newest sample stays open until it is SAMPLE_MS after the one before it
      last.t = now;
      last.bytes = channel.transferred;
    } else {
      samples.push({ t: now, bytes: channel.transferred });
    }
    if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES);
    this.samples.set(channel.id, samples);
  }

  get(id) {
    return this.channels.get(id);
  }

  lastEvent(id) {
    const seen = this.events.get(id);
    return seen && seen.length ? seen[seen.length - 1] : null;
  }
}

/** Adds an event to a channel's timeline, folding a run of progress events into one entry. */
function record(seen, update, channel) {
  const last = seen[seen.length - 1];
  if (last && PROGRESS.has(update.event) && PROGRESS.has(last.event) && last.status === channel.status) {
    last.count += 1;
    last.timestamp = update.timestamp;
    last.transferred = channel.transferred;
    return;
  }
  seen.push({
    event: update.event,
    message: update.message,
    timestamp: update.timestamp,
    status: channel.status,
    transferred: channel.transferred,
    count: 1,
  });
}

/** Which actions make sense for a channel in its status (buttons shown only when valid). */
export function actionsFor(channel) {
  const status = channel.status;
  const over = ["Completed", "Cancelled", "Failed", "ChannelNotFoundError"].includes(status);
  const ending = ["Cancelling", "Failing", "Completing", "Finalizing"].includes(status);
  const mine = channel.is_initiator ? "InitiatorPaused" : "ResponderPaused";
  const pausedHere = status === mine || status === "BothPaused";
  return {
    pause: !over && !ending && !pausedHere,
    resume: pausedHere,
    restart: status === "Failed" || (!over && !ending),
    cancel: !over && status !== "Cancelling",
  };
}

/** The status chip's colour group. */
export function statusKind(status) {
  if (status === "Completed") return "ok";
  if (["Failed", "Cancelled", "ChannelNotFoundError", "Failing", "Cancelling"].includes(status)) {
    return "bad";
  }
  if (status.includes("Paused")) return "paused";
  if (status === "Ongoing") return "active";
  return "other";
}
