/** How the tests find what a fresh clone may lack (the source report, Chromium), and what they say without it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../support/chromium';
import { SOURCE_FILE_NAME, findSourceReport, sourceParagraphs } from '../support/sourceDocument';

describe('Finding the source report', () => {
  it('reads the folder SOURCE_TEXTS_DIR names, numbering non-empty lines as paragraphs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-source-'));
    fs.writeFileSync(path.join(dir, SOURCE_FILE_NAME), 'First.\n\n  Second.  \n(over)\n');
    const found = findSourceReport({ SOURCE_TEXTS_DIR: dir });
    expect(found).toEqual({ found: true, file: path.join(dir, SOURCE_FILE_NAME) });
    expect(sourceParagraphs(path.join(dir, SOURCE_FILE_NAME))).toEqual(['First.', 'Second.', '(over)']);
    fs.rmSync(dir, { recursive: true });
  });

  it('fails loudly when SOURCE_TEXTS_DIR names a folder without the report, rather than skipping', () => {
    expect(() => findSourceReport({ SOURCE_TEXTS_DIR: os.tmpdir() })).toThrow(
      `SOURCE_TEXTS_DIR=${os.tmpdir()}: there is no ${SOURCE_FILE_NAME} in it`,
    );
  });
});

describe('Finding Chromium', () => {
  it('fails loudly when CHROMIUM_PATH names no file, rather than skipping', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'CHROMIUM_PATH=/nonexistent/chromium: no such file',
    );
  });

  it('with CHROMIUM_PATH=none, goes without Chromium even when one is installed, and says so', () => {
    expect(findChromium({ CHROMIUM_PATH: 'none', PATH: '/usr/bin' })).toEqual({
      found: false,
      reason: 'CHROMIUM_PATH=none: the browser tests go without Chromium',
    });
  });

  it('without CHROMIUM_PATH or chromium on PATH, gives the reason the browser tests are skipped', () => {
    expect(findChromium({ PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-')) })).toEqual({
      found: false,
      reason: 'Chromium is not installed: apt-get install chromium, or set CHROMIUM_PATH',
    });
  });
});
