/**
 * The explorer's Nodes CSV on every bundled dataset, driven in headless Chromium: beside the fields it
 * always had, each row carries its node's date (evidence, assessment as-of, source, plan issue), an
 * assessment's verdict and a column per language of other names, each as the GraphQL API gives them.
 */
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { downloaded, drawn, launchBrowser, newPage, openExplorer } from '../support/explorerBrowser';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const browserFound = findChromium();
const describeInBrowser = browserFound.found ? describe : describe.skip;

// A plan with names in two scripts and dated sources, beside a goal with its evidence and assessment.
const VIEW = 'focus=bjicst14:plan,zgc14:goal-2025-international&depth=1';
// The columns the download always had, in their places.
const FIRST_FIELDS = ['id', 'kind', 'name', 'namespace', 'tier', 'summary', 'sources'];

interface ApiNode {
  id: string;
  kind: string;
  name: string;
  date: string | null;
  verdict: string | null;
  names: Array<{ text: string; language: string }>;
}

describeInBrowser(
  `The explorer's CSV in a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`,
  () => {
    beforeAll(async () => {
      if (!browserFound.found) return;
      t = await startBundleServer();
      browser = await launchBrowser(browserFound.executable);
      page = await newPage(browser, offsite);
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('downloads each shown node with its date, verdict and names in other languages as the API gives them', async () => {
      await openExplorer(page, t.server.url, VIEW);
      const shown = await drawn(page);
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-nodes')]);
      const csv = Papa.parse<Record<string, string>>((await downloaded(file)).toString('utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.errors).toEqual([]);
      expect(csv.data.map((r) => r['id']).sort()).toEqual(shown.nodes);

      const api = await t.graphql<{ graph: { nodes: ApiNode[] } }>(
        '{ graph(limit: 500, linkLimit: 0) { nodes { id kind name date verdict names { text language } } } }',
      );
      const byId = new Map(api.data!.graph.nodes.map((n) => [n.id, n]));
      const rows = csv.data.map((r) => ({ row: r, node: byId.get(r['id']!)! }));
      const languages = [...new Set(rows.flatMap(({ node }) => node.names.map((n) => n.language)))].sort();
      expect(csv.meta.fields).toEqual([...FIRST_FIELDS, 'date', 'verdict', ...languages.map((l) => `name_${l}`)]);
      for (const { row, node } of rows) {
        const namesIn = (language: string): string =>
          node.names
            .filter((n) => n.language === language)
            .map((n) => n.text)
            .join(' | ');
        expect(row).toEqual({
          ...row,
          kind: node.kind,
          name: node.name,
          date: node.date ?? '',
          verdict: node.verdict ?? '',
          ...Object.fromEntries(languages.map((l) => [`name_${l}`, namesIn(l)])),
        });
      }

      // The view holds every case: each dated kind, a verdict, and names in two languages.
      const filled = (column: string): Set<string> =>
        new Set(rows.filter(({ row }) => row[column] !== '').map(({ node }) => node.kind));
      expect(filled('date')).toEqual(new Set(['PLAN', 'SOURCE', 'EVIDENCE', 'ASSESSMENT']));
      expect(filled('verdict')).toEqual(new Set(['ASSESSMENT']));
      expect(languages).toEqual(expect.arrayContaining(['zh-Hans', 'zh-Hant']));
      expect(offsite).toEqual([]);
    });
  },
);
