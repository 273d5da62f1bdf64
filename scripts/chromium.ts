/**
 * How khoscope runs Debian's Chromium, for the e2e suite (playwright.config.ts)
 * and the browser benchmarks alike: Playwright's own browser downloads are not
 * available, and without the background-networking flags Chromium tries to
 * reach hosts this machine cannot.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
