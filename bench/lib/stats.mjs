// Statistics and timing helpers shared by the benchmark's parts.

export function median(values) {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p95 of 50 samples is the 48th smallest). */
export function percentile(values, p) {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** n, p50, p95, min, max of a list of milliseconds (undefined for an empty list). */
export function summary(values, digits = 2) {
  if (!values.length) return undefined;
  return {
    n: values.length,
    p50: round(median(values), digits),
    p95: round(percentile(values, 95), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
  };
}

export const round = (v, digits = 1) => (typeof v !== 'number' || !Number.isFinite(v) ? v : Number(v.toFixed(digits)));

/**
 * Times `fn(input)`: unmeasured warm-up calls (at least `warmup`, and until `warmupMs` have passed), then
 * `reps` samples. Each call gets its own input from
 * `prepare(i)`, made outside the timed region. A sample runs `fn` as many times as it takes to last at least
 * `minSampleMs` (calibrated on the median of the last five warm-up calls; once for anything slower) and records
 * the time per call, so that short work is not lost in timer and scheduling noise and its garbage collection is
 * amortised over the batch as it would be over a long run.
 * Returns { times: ms per call, one per sample; inner: calls per sample }.
 */
export function timeIt(fn, { reps, warmup = 1, warmupMs = 0, minSampleMs = 0, prepare = (i) => i }) {
  let inner = 1;
  let calls = 0;
  const warmStart = performance.now();
  const recent = [];
  for (let w = 0; w < warmup || performance.now() - warmStart < warmupMs; w++) {
    const input = prepare(calls++);
    const t = performance.now();
    fn(input);
    recent.push(performance.now() - t);
    if (recent.length > 5) recent.shift();
  }
  if (minSampleMs > 0) inner = Math.max(1, Math.ceil(minSampleMs / Math.max(median(recent), 1e-3)));
  const times = [];
  for (let r = 0; r < reps; r++) {
    const batch = Array.from({ length: inner }, () => prepare(calls++));
    const t = performance.now();
    for (let k = 0; k < inner; k++) fn(batch[k]);
    times.push((performance.now() - t) / inner);
  }
  return { times, inner };
}

/** 0.42 ms, 12.3 ms, 456 ms, 7.89 s */
export function fmtMs(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  if (v >= 10) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}
