import { test, expect } from './support/test';
import { dtcCompile } from './support/dtc';
import { expectExplorer, inspector, openWithPicker, outlineRow } from './support/pageActions';

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
