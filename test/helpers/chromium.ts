import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's Chromium, installed with apt when missing (CI starts from a fresh machine);
 * Playwright's own browser downloads are never used.
 */
export function ensureChromium(): string {
  if (fs.existsSync(chromiumPath)) return chromiumPath;
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]): void => {
    execFileSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium']);
  if (!fs.existsSync(chromiumPath)) throw new Error(`apt-get installed chromium, but ${chromiumPath} is not there`);
  return chromiumPath;
}

/** A headless Chromium with a fresh profile and no background traffic (this machine's network is closed). */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewright-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
