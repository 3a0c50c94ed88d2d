// Small statistics for the benchmark: medians and percentiles of repeated timings.
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** Runs `fn` `warmup` times unmeasured, then `reps` times, and returns the timings in ms. */
export function time(fn, reps, warmup = 1) {
  for (let i = 0; i < warmup; i++) fn(i);
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export const round = (v, digits = 1) => (v === undefined || v === null || Number.isNaN(v) ? v : Number(v.toFixed(digits)));
