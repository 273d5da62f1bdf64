import { kexecChainElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, screenshot } from './support/pageActions';
import { expect, test } from './support/test';

test('a kexec chain: each root shows its role and evidence; compare incoming with outgoing from the roots menu', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'chain.elf', bytes: kexecChainElf() });
  await expect(page.getByRole('heading', { name: '3 KHO roots found' })).toBeVisible();
  await page.getByRole('button', { name: /Decode all 3 roots/ }).click();
  await expectExplorer(page);

  await page.getByTestId('roots-button').click();
  const menu = page.getByRole('dialog', { name: 'Roots' });
  const row = (address: string) => menu.getByRole('listitem').filter({ hasText: address });
  await expect(row('0x300000').getByTestId('root-role')).toHaveText('outgoing');
  await expect(row('0x200000').getByTestId('root-role')).toHaveText('incoming (consumed)');
  await expect(row('0x100000').getByTestId('root-role')).toHaveText('stale');
  await expect(row('0x200000').getByTestId('root-role')).toHaveAttribute(
    'title',
    /preserves nothing: its pages are zeroed/,
  );
  await screenshot(page, 'kexec-chain-roots');

  // The root inspector shows the role with its evidence.
  await row('0x200000').getByRole('button', { name: '0x200000' }).click();
  const facts = inspector(page).getByTestId('root-facts');
  await expect(facts.getByTestId('root-role')).toHaveText('incoming (consumed)');
  await expect(facts.getByTestId('root-role-evidence')).toContainText('kexec-metadata: kexec #2 since cold boot');

  // What survived the hop: B's tree against C's.
  await page.getByTestId('roots-button').click();
  await menu.getByTestId('compare-incoming').click();
  const panel = page.getByTestId('compare-panel');
  await expect(panel.getByTestId('compare-summary')).toContainText('The trees differ', { timeout: 30_000 });
  const list = panel.getByTestId('compare-list');
  await expect(list).toContainText('root 0x200000');
  await expect(list).toContainText('root 0x300000');
  // kho_test is new in C's tree (B only restored it).
  await expect(list).toContainText('kho_test');
  await screenshot(page, 'kexec-chain-compare');
});

test('the palette offers the same comparison', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'chain.elf', bytes: kexecChainElf() });
  await page.getByRole('button', { name: /Decode all 3 roots/ }).click();
  await expectExplorer(page);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('incoming');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare-panel').getByTestId('compare-summary')).toContainText('The trees differ', {
    timeout: 30_000,
  });
});

test('the compatibility panel lists the outgoing tree’s formats and answers for a chosen release', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'chain.elf', bytes: kexecChainElf() });
  await page.getByRole('button', { name: /Decode all 3 roots/ }).click();
  await expectExplorer(page);
  await page.getByTestId('roots-button').click();
  await page
    .getByRole('dialog', { name: 'Roots' })
    .getByRole('listitem')
    .filter({ hasText: '0x300000' })
    .getByRole('button', { name: '0x300000' })
    .click();
  const panel = inspector(page).getByTestId('compat-panel');
  const items = panel.getByTestId('compat-items');
  await expect(items.getByRole('row', { name: /kho-v4/ })).toContainText('root 0x300000 compatible');
  await expect(items.getByRole('row', { name: /luo-v5/ })).toContainText('7.2 to 7.3 (newest catalogued)');
  // Only the outgoing tree counts: the consumed roots' blobs are not listed.
  await expect(items).not.toContainText('0x200000');

  await panel.getByLabel('Target release').selectOption('7.3');
  await expect(panel.getByTestId('compat-answer')).toHaveText('yes');
  await panel.getByLabel('Target release').selectOption('6.19');
  const answer = panel.getByTestId('compat-answer');
  await expect(answer.locator('strong')).toHaveText('no');
  await expect(answer).toContainText('kho-v4 (root 0x300000 compatible): first read by 7.2');
  await screenshot(page, 'compat-panel');
});

test('a consumed root’s problems are notes labelled with its role, in the diagnostics panel, the badges and the inspector', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'chain.elf', bytes: kexecChainElf() });
  await page.getByRole('button', { name: /Decode all 3 roots/ }).click();
  await expectExplorer(page);

  // Judged as `khoscope check` judges by default: the outgoing tree is clean, the consumed trees' problems expected.
  const panel = page.getByTestId('diagnostics');
  await expect(panel.getByTestId('diagnostic-counts')).toContainText('0 errors');
  await expect(panel.getByTestId('diagnostic-counts')).toContainText('1 warning');
  // The one warning is the outgoing root's own (this test image's RAM stops short of its reserve-mem region).
  const own = panel.locator('[data-code="map-problem"]');
  await expect(own).toContainText('0x300000');
  await expect(own.getByTestId('expected-in')).toHaveCount(0);
  // B's LUO blob was freed by C and its page reused: strictly an error, here a note of the incoming root.
  const incoming = panel.locator('[data-code="bad-magic"]').filter({ hasText: '0x203000' });
  await expect(incoming.getByRole('img')).toHaveAttribute('aria-label', 'info');
  await expect(incoming.getByTestId('expected-in')).toHaveText('incoming (consumed) root 0x200000');
  await expect(incoming.getByTestId('expected-in')).toHaveAttribute('title', /Judged strictly .* this is an error/);
  await expect(incoming).toContainText('luo_ser compatible is');
  // A's, one hop older: a note of the stale root.
  const stale = panel.locator('[data-code="bad-magic"]').filter({ hasText: '0x103000' });
  await expect(stale.getByTestId('expected-in')).toHaveText('stale root 0x100000');
  await expect(panel.locator('[data-code="not-preserved"]').first().getByTestId('expected-in')).toBeVisible();

  // Selected, its place shows the note in full, with the role, and the card's badge says where it is expected.
  await incoming.click();
  const here = inspector(page).getByTestId('diagnostics-here');
  await expect(here.getByTestId('expected-in')).toHaveText('incoming (consumed) root 0x200000');
  await expect(here).toContainText('expected in 0x200000, the incoming root');
  await expect(here).toContainText('strictly an error');
  const badge = page.locator('[data-card="0x203000"] .graph-badge').first();
  await expect(badge).toHaveClass(/graph-badge--info/);
  await expect(badge).toHaveClass(/graph-badge--expected/);
  await expect(badge).toHaveAttribute('aria-label', /worst info, expected in the incoming \(consumed\) root 0x200000/);
  await screenshot(page, 'kexec-chain-expected-notes');
});
