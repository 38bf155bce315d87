// How numbers and times read on the page: binary units like `dt4j channels` (3.3 GiB).

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

export function bytes(n) {
  if (n == null) return "–";
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return (unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1)) + " " + UNITS[unit];
}

export function rate(bps) {
  return bps > 0 ? bytes(Math.round(bps)) + "/s" : "–";
}

export function duration(seconds) {
  if (seconds == null || !isFinite(seconds)) return "–";
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return s + "s";
  if (s < 3600) return Math.floor(s / 60) + "m " + (s % 60) + "s";
  if (s < 86400) return Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m";
  return Math.floor(s / 86400) + "d " + Math.floor((s % 86400) / 3600) + "h";
}

/** Time since an RFC 3339 stamp, e.g. "12s". */
export function age(stamp, now = Date.now()) {
  if (!stamp) return "–";
  return duration((now - Date.parse(stamp)) / 1000);
}

/** A peer id or CID cut to its last 8 characters, like lotus without -v. */
export function short(id) {
  return id && id.length > 16 ? "…" + id.slice(-8) : id || "";
}

/** The channel's transfer id and the other peer, shorter than the full id. */
export function shortChannel(channel) {
  return channel.transfer_id + " · " + short(channel.other_peer);
}

export function percent(progress) {
  return progress == null ? "" : Math.floor(progress * 100) + "%";
}
