import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, outlineRow } from './support/pageActions';

test('without a shipped manifest the seed demo is built in the page and decodes to its four fragments with big-endian page lists', async ({
  page,
}) => {
  // As a dev server answers a file that is not there: its index page.
  await page.route('**/demos/index.json', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo: Seed worked example' }).click();
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText('Seed worked example');
  await expect(page.getByTestId('image-kind')).toHaveText('memory image built in the page');
  for (const name of ['root 0x40000000', '0x40000000', 'memblock', 'gpu@0x100000000', 'n1', 'n2'])
    await expect(outlineRow(page, name)).toBeVisible();
  // node1's page list: two pages that are not contiguous, read big-endian, and why.
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('node1');
  await page.getByRole('option', { name: /node1/ }).first().click();
  await page.getByRole('treeitem', { name: 'kho,recursive-fdt' }).filter({ hasText: '0x40003000' }).click();
  const link = inspector(page).getByTestId('link-facts');
  await expect(link).toContainText('0x40003000');
  await expect(link).toContainText('0x40005000');
  await expect(link.getByTestId('link-order')).toHaveText('big-endian');
  await expect(link.getByTestId('link-order-reason')).toContainText(
    'big-endian: every address is a page inside the image',
  );
  await link.getByRole('button', { name: 'Follow' }).click();
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x40003000');
  await expect(inspector(page).getByTestId('inspector-pages')).toHaveText(/0x40003000\s*0x40005000/);
});

test('the device tree demo opens as a lone DTB: one fragment, and its DTS', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo: Device tree demo' }).click();
  await expectExplorer(page);
  await expect(page.getByTestId('image-kind')).toHaveText('lone device tree blob');
  await expect(outlineRow(page, 'root khoscope-demo.dtb')).toBeVisible();
  await expect(outlineRow(page, 'gpu@0x100000000')).toBeVisible();
  await page.getByRole('tab', { name: 'DTS' }).click();
  await expect(page.getByTestId('dts-text')).toContainText('gpu-subnode1-v1');
});

test('the gallery lists the demos of public/demos/index.json and opens their files like dropped ones', async ({
  page,
}) => {
  // Served by the app itself (same origin); the manifest and image are made here as another engineer will ship them.
  const image = mainlineElf();
  await page.route('**/demos/index.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify([
        {
          id: 'mainline',
          title: 'Mainline kho-v4',
          description: 'A kho-v4 tree with a dangling child.',
          file: 'mainline.elf',
        },
      ]),
    }),
  );
  await page.route('**/demos/mainline.elf', (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(image) }),
  );
  await page.goto('/');
  const card = page.getByTestId('demo-mainline');
  await expect(card).toContainText('A kho-v4 tree with a dangling child.');
  // The built-in demos stay after the listed ones.
  await expect(page.getByRole('listitem').filter({ has: page.getByTestId('demo-seed') })).toBeVisible();
  await card.getByRole('button', { name: 'Open the demo: Mainline kho-v4' }).click();
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText('mainline.elf');
  await expect(outlineRow(page, 'root 0x23a000')).toBeVisible();
});

test('the URL that npm start prints (?demo=kho-v4) lands on the shipped kho-v4 demo', async ({ page }) => {
  await page.goto('/?demo=kho-v4');
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText('kho-v4.elf');
  for (const name of ['memblock', 'LUO', 'kho_test', 'kexec-metadata'])
    await expect(outlineRow(page, name).first()).toBeVisible();
});

test('every demo that public/demos/index.json ships opens into the explorer (the broken one through the root chooser)', async ({
  page,
  request,
}) => {
  const manifest = (await (await request.get('/demos/index.json')).json()) as {
    id: string;
    title: string;
    file: string;
  }[];
  expect(manifest.map((demo) => demo.id)).toEqual([
    'seed-example',
    'anchored-root',
    'kho-v1',
    'linux-7-3',
    'kho-v4',
    'broken',
  ]);
  for (const demo of manifest) {
    await page.goto('/');
    await page.getByRole('button', { name: `Open the demo: ${demo.title}` }).click();
    if (demo.id === 'broken') {
      // Several candidate roots, some of them damaged: the user picks one.
      await expect(page.getByRole('heading', { name: /KHO roots found/ })).toBeVisible();
      await page
        .getByRole('button', { name: /^Decode the root at / })
        .first()
        .click();
    }
    await expectExplorer(page);
    await expect(page.getByTestId('file-name')).toHaveText(demo.file);
  }
});
