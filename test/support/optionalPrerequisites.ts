/**
 * What some tests need beyond the clone, and which tests go without it. On a machine that lacks one, those
 * tests are reported as skipped with the reason; `.ci/run` sets the variables, so there they must run.
 */
import { findChromium } from './chromium';
import { findSourceReport } from './sourceDocument';

/** One thing some tests need that a fresh clone may not have. */
export interface OptionalPrerequisite {
  available: boolean;
  /** The tests that are skipped without it. */
  skips: string;
  reason: string;
}

/** Every optional prerequisite, looked up now. */
export function optionalPrerequisites(): OptionalPrerequisite[] {
  const source = findSourceReport();
  const chromium = findChromium();
  return [
    {
      available: source.found,
      skips: 'the citation checks of the Plan graph (test/integration/planGraph.int.test.ts)',
      reason: source.found ? '' : source.reason,
    },
    {
      available: chromium.found,
      skips: 'the browser tests (test/integration/explorer.browser.test.ts)',
      reason: chromium.found ? '' : chromium.reason,
    },
  ];
}
