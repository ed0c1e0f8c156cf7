// Interaction times, measured with the browser's performance marks and kept on the page so that a
// script or a test can read them: each measure is named after what the user did.

/** Starts timing `name`; the returned function ends it and records the measure. */
export function time(name) {
  const start = `${name}:start:${performance.now()}`;
  performance.mark(start);
  return () => {
    const measure = performance.measure(name, start);
    performance.clearMarks(start);
    return measure.duration;
  };
}

/** Every measure taken so far, as `{ name, duration }` in milliseconds. */
export function timings() {
  return performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration }));
}
