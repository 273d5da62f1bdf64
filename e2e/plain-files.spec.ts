import { test, expect } from './support/test';
import { dtcCompile, dtcDecompile } from './support/dtc';
import { dropFiles, expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

/** A board's device tree, as a kernel developer has them by the hundred: nothing KHO about it. */
const BOARD_DTS = `/dts-v1/;
/ {
	model = "Acme Widget Board rev B";
	compatible = "acme,widget-b", "acme,widget";
	#address-cells = <1>;
	#size-cells = <1>;
	memory@80000000 {
		device_type = "memory";
		reg = <0x80000000 0x10000000>;
	};
};
`;

test('a plain .dtb made with dtc is named by its file and titled by its model, never "KHO root"', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'widget-b.dtb', bytes: dtcCompile(BOARD_DTS) });
  await expectExplorer(page);
  // Outline row, roots menu, graph card and breadcrumb all say the same.
  await expect(outlineRow(page, 'widget-b.dtb')).toBeVisible();
  await expect(page.getByTestId('roots-button')).toHaveText('widget-b.dtb');
  const card = page.locator('.gcard[data-card="dtb"]');
  await expect(card.locator('.gcard__path')).toHaveText('Acme Widget Board rev B');
  await expect(page.getByText('KHO root', { exact: true })).toHaveCount(0);
  await expect(inspector(page).getByTestId('root-facts')).toContainText('Device tree');
  await outlineRow(page, 'memory@80000000').click();
  await expect(page.getByTestId('breadcrumb')).toContainText('widget-b.dtb');
  await expect(page.getByTestId('breadcrumb')).not.toContainText('root dtb');
});

test('a .dts text file dropped says it is DTS source, gives the dtc command, and opens compiled', async ({ page }) => {
  await page.goto('/');
  const source = `// SPDX-License-Identifier: GPL-2.0\n${BOARD_DTS}`;
  await dropFiles(page, page.getByRole('heading', { level: 1 }), [
    { name: 'widget-b.dts', bytes: Buffer.from(source) },
  ]);
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading', { level: 2 })).toHaveText('widget-b.dts is device-tree source (DTS) text');
  await expect(screen.getByTestId('dtc-command')).toHaveText('dtc -I dts -O dtb -o widget-b.dtb widget-b.dts');
  await expect(screen).not.toContainText('No KHO root');
  await expect(page.getByTestId('image-kind')).toHaveText('device-tree source text');
  await screenshot(page, 'dts-source-screen');
  await screen.getByRole('button', { name: 'Open it compiled' }).click();
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText('widget-b.dtb');
  await expect(outlineRow(page, 'widget-b.dtb')).toBeVisible();
  await expect(page.locator('.gcard[data-card="dtb"] .gcard__path')).toHaveText('Acme Widget Board rev B');
  // Compiled as dtc compiles it: the DTS tab (dtc's -O dts of the blob, plus comments) matches dtc's round trip.
  await page.keyboard.press('s');
  await expect(page.getByTestId('dts-text')).toContainText('model = "Acme Widget Board rev B";');
  const shown = (await page.getByTestId('dts-text').textContent()) ?? '';
  const bare = shown.replace(/^\/\* fragment .*\*\/\n/, '').replace(/ \/\* [^\n]*\*\/$/gm, '');
  expect(bare).toBe(dtcDecompile(dtcCompile(source)));
});

test('a .dts that does not compile says where and why, as the parser found it', async ({ page }) => {
  await page.goto('/');
  const broken = '/dts-v1/;\n/ {\n\tmodel = "x"\n};\n';
  await openWithPicker(page, 'Open an image', { name: 'broken.dts', bytes: Buffer.from(broken) });
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading', { level: 2 })).toHaveText('broken.dts is device-tree source (DTS) text');
  await screen.getByRole('button', { name: 'Open it compiled' }).click();
  await expect(screen.getByTestId('dts-compile-problem')).toContainText("line 4, column 1: expected ';'");
  // A syntax error is no check dtc -f skips: nothing to force.
  await expect(screen.getByRole('button', { name: 'Open anyway (like dtc -f)' })).toHaveCount(0);
});

test('a .dts that dtc refuses without -f says why, opens anyway when forced, and shows the tree as dtc -f compiles it', async ({
  page,
}) => {
  await page.goto('/');
  const refused =
    '/dts-v1/;\n/ {\n\tmodel = "Forced board";\n\twidget {\n\t\tname = "gadget";\n\t};\n' +
    '\talpha@1 {\n\t\tphandle = <0x01>;\n\t};\n\tbeta@2 {\n\t\tphandle = <0x01>;\n\t};\n};\n';
  await dropFiles(page, page.getByRole('heading', { level: 1 }), [{ name: 'forced.dts', bytes: Buffer.from(refused) }]);
  const screen = page.getByRole('alert');
  await screen.getByRole('button', { name: 'Open it compiled' }).click();
  await expect(screen.getByTestId('dts-compile-problem')).toContainText(
    "line 5, column 3: property 'name' of /widget is not the node's base name 'widget'",
  );
  await screen.getByRole('button', { name: 'Open anyway (like dtc -f)' }).click();
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText('forced.dtb');
  await expect(outlineRow(page, 'beta@2')).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByTestId('dts-text')).toContainText('name = "gadget";');
  const shown = (await page.getByTestId('dts-text').textContent()) ?? '';
  const bare = shown.replace(/^\/\* fragment .*\*\/\n/, '').replace(/ \/\* [^\n]*\*\/$/gm, '');
  expect(bare).toBe(dtcDecompile(dtcCompile(refused, ['-f']), ['-f']));
});
