/** The ad-hoc Cypher concurrency caps: per key and in all, refused at once, each slot given back once. */
import { AdhocSlots } from '../../src/adhoc/AdhocSlots';
import { TooManyRequestsError } from '../../src/errors/errors';

function refusal(take: () => unknown): string | undefined {
  try {
    take();
    return undefined;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return String(error.extensions['rule']);
    throw error;
  }
}

describe('Ad-hoc Cypher slots', () => {
  it('refuses a key its next query beyond the per-key cap while other keys still run', () => {
    const slots = new AdhocSlots({ maxConcurrent: 10, maxConcurrentPerKey: 2 });
    slots.take('a');
    slots.take('a');
    expect(refusal(() => slots.take('a'))).toBe('per-key');
    expect(refusal(() => slots.take('b'))).toBeUndefined();
  });

  it('refuses any key beyond the server cap', () => {
    const slots = new AdhocSlots({ maxConcurrent: 2, maxConcurrentPerKey: 5 });
    slots.take('a');
    slots.take('b');
    expect(refusal(() => slots.take('c'))).toBe('server');
  });

  it('gives a slot back once, however often its release is called', () => {
    const slots = new AdhocSlots({ maxConcurrent: 2, maxConcurrentPerKey: 2 });
    const release = slots.take('a');
    slots.take('a');
    release();
    release();
    expect(refusal(() => slots.take('a'))).toBeUndefined();
    expect(refusal(() => slots.take('a'))).toBe('per-key');
  });

  it('answers 429 with a message naming the variable that sets the cap', () => {
    const slots = new AdhocSlots({ maxConcurrent: 1, maxConcurrentPerKey: 1 });
    slots.take('a');
    expect(() => slots.take('a')).toThrow(/at most 1 queries at once per API key \(CYPHER_MAX_CONCURRENT_PER_KEY\)/);
    expect(() => slots.take('b')).toThrow(/CYPHER_MAX_CONCURRENT\)/);
  });
});
