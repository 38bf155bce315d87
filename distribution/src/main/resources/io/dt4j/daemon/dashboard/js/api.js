// The admin API as the dashboard uses it: the token (kept in sessionStorage, sent only as an
// Authorization header, never in a URL) and typed errors for what the page must react to.

const TOKEN_KEY = "dt4j.token";
const API = "/api/v0/";

/** The daemon refused the token (401): the page goes back to the login. */
export class Unauthorized extends Error {}

/** The daemon could not be reached (stopped, restarting, network gone). */
export class Unreachable extends Error {}

/** The daemon answered with an error; `code` is the API's code, e.g. not_found or refused. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

function headers(extra) {
  return { Authorization: "Bearer " + (token.get() || ""), ...extra };
}

/** Sends one request; resolves to the fetch Response, or throws one of the errors above. */
export async function send(name, { method = "GET", body, query, signal } = {}) {
  const url = API + name + (query ? "?" + new URLSearchParams(query) : "");
  let response;
  try {
    response = await fetch(url, {
      method,
      signal,
      cache: "no-store",
      headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new Unreachable("cannot reach the daemon: " + e.message);
  }
  if (response.ok) return response;
  let error = { code: "http_" + response.status, message: response.statusText };
  try {
    error = (await response.json()).error || error;
  } catch (e) {
    // not JSON: a proxy's page or a daemon stopping half-way; keep the status
  }
  if (response.status === 401) throw new Unauthorized(error.message);
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    if (error.code === "http_" + response.status) throw new Unreachable(error.message);
  }
  throw new ApiError(response.status, error.code, error.message);
}

/** GET or POST, JSON reply. */
export async function call(name, options) {
  return (await send(name, options)).json();
}

/** Pause, resume, restart or cancel a channel, through the same endpoints as `dt4j channel`. */
export function act(action, channelId) {
  const name = {
    pause: "PauseDataTransfer",
    resume: "ResumeDataTransfer",
    restart: "RestartDataTransfer",
    cancel: "CancelDataTransfer",
  }[action];
  return call(name, { method: "POST", body: { channel: channelId } });
}
