import { test, expect } from './support/test';
import { screenshot } from './support/pageActions';

test('the start screen explains the page, lists the demos and promises that nothing leaves the machine', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('khoscope');
  await expect(page.getByText('See the Kexec HandOver (KHO) tree inside a memory image')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open an image', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open a folder', exact: true })).toBeVisible();
  await expect(
    page.getByText(
      'Images are read locally, in this tab. Nothing is uploaded; the page makes no network requests beyond its own files.',
    ),
  ).toBeVisible();
  // Each demo once, with its paragraph: the shipped seed example replaces the one the page can build.
  const seed = page.getByTestId('demo-seed-example');
  await expect(seed.getByRole('heading')).toHaveText("The seed's worked example");
  await expect(seed).toContainText('kho-v1 top level at 0x40000000');
  await expect(page.getByTestId('demo-seed')).toHaveCount(0);
  // Descriptions speak to the reader, not of the repository's files.
  await expect(page.locator('.gallery')).not.toContainText(/\.dts\b|\.md\b|app\//);
  await expect(page.getByTestId('demo-fdt-demo')).toContainText('lone .dtb');
  await screenshot(page, 'start-light');
});

test('the theme follows the system and the switch overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'start-dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  // The user's choice wins over later system changes.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(245, 246, 248)');
});
