/** Checks that every path of a benchmark returns the same answer before any of them is timed. */

// JSON with object keys sorted, so two answers compare by content, not by key order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Asks every path once and throws, naming the paths and showing both answers, unless all agree. */
export async function checkAnswers(c: { name: string }, ask: Record<string, () => Promise<unknown>>): Promise<void> {
  const answers: Record<string, string> = {};
  for (const [name, get] of Object.entries(ask)) answers[name] = canonical(await get());
  const [first, ...rest] = Object.entries(answers);
  for (const [name, answer] of rest) {
    if (answer !== first![1]) {
      let at = 0;
      while (at < answer.length && answer[at] === first![1][at]) at++;
      const from = Math.max(0, at - 200);
      throw new Error(
        `${c.name}: ${name} answers differently from ${first![0]}, so timing them would compare unlike work ` +
          `(${first![1].length} and ${answer.length} characters; they part at character ${at})\n` +
          `  ${first![0]}: …${first![1].slice(from, at + 300)}\n  ${name}: …${answer.slice(from, at + 300)}`,
      );
    }
  }
}
