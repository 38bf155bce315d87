// Throughput as an inline SVG line: rates from the growth of the transferred counter between
// samples (counters, not per-event bytes, so the line does not drop to zero between events).

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 600;
const HEIGHT = 80;

/** Bytes per second between consecutive samples [{t, bytes}]. */
export function rates(samples) {
  const out = [];
  for (let i = 1; i < samples.length; i++) {
    const dt = (samples[i].t - samples[i - 1].t) / 1000;
    if (dt > 0) out.push({ t: samples[i].t, bps: Math.max(0, samples[i].bytes - samples[i - 1].bytes) / dt });
  }
  return out;
}

export function createSparkline() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("role", "img");
  const area = document.createElementNS(SVG, "path");
  area.setAttribute("class", "area");
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("class", "line");
  svg.append(area, line);
  return {
    svg,
    /** Redraws from rate points; returns the highest rate (0 when nothing moved). */
    draw(points) {
      const peak = Math.max(0, ...points.map((p) => p.bps));
      const max = Math.max(1, peak);
      if (points.length < 2) {
        line.setAttribute("points", "");
        area.setAttribute("d", "");
        svg.setAttribute("aria-label", "throughput: not enough samples yet");
        return 0;
      }
      const t0 = points[0].t;
      const span = Math.max(1, points[points.length - 1].t - t0);
      const xy = points.map((p) => [
        ((p.t - t0) / span) * WIDTH,
        HEIGHT - 2 - (p.bps / max) * (HEIGHT - 6),
      ]);
      const text = xy.map(([x, y]) => x.toFixed(1) + "," + y.toFixed(1)).join(" ");
      line.setAttribute("points", text);
      area.setAttribute("d", `M0,${HEIGHT} L${text.replaceAll(" ", " L")} L${WIDTH},${HEIGHT} Z`);
      svg.setAttribute("aria-label", "throughput over the last " + Math.round(span / 1000) + " s");
      return peak;
    },
  };
}
