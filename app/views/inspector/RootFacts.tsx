import type { KhoRoot } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { Section } from '../../components/Section';
import { RoleBadge } from '../roles/RoleBadge';
import { MapSummary } from './MapSummary';
import { SelectLink } from './SelectLink';

const HOW: Record<string, string> = {
  'page-scan': 'found by the page scan',
  anchor: 'found through a KHOANCH1 anchor chain',
  given: 'given by address',
  debugfs: 'the debugfs fdt file',
  dtb: 'the lone DTB',
};

/** What makes a fragment a root: its version, how it was found and ranked, its anchor chain and its map. */
export function RootFacts({ root, title, pageSize }: { root: KhoRoot; title: string; pageSize: number }) {
  const version = root.version;
  return (
    <>
      <Section title={title} testId="root-facts">
        <Facts
          facts={[
            ['compatible', <span className="mono">{root.compatible ?? 'unreadable'}</span>],
            [
              'rules',
              version
                ? `kho-v${version.rules}${version.known ? '' : ` (v${version.version} is newer than khoscope knows)`}`
                : undefined,
            ],
            [
              'components',
              version && Object.keys(version.components).length > 0
                ? Object.entries(version.components)
                    .map(([name, v]) => `${name}-v${v}`)
                    .join(', ')
                : undefined,
            ],
            ['role', root.role && <RoleBadge role={root.role} />],
            ['found', HOW[root.how] ?? root.how],
            ['rank', root.rank === null ? undefined : String(root.rank)],
          ]}
        />
        {root.role && root.role.evidence.length > 0 && (
          <ul className="plain-list dim" data-testid="root-role-evidence">
            {root.role.evidence.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Section>
      {root.anchorChain && (
        <Section title="Anchor chain (KHOANCH1)">
          <Facts
            facts={[
              [
                'anchor pages',
                <span className="address-list">
                  {root.anchorChain.anchorPages.map((page, i) => (
                    <SelectLink key={i} selection={{ kind: 'memory', address: page, length: pageSize }}>
                      <Hex value={page} />
                    </SelectLink>
                  ))}
                </span>,
              ],
              ['FDT size', String(root.anchorChain.fdtSize)],
              ['FDT pages', `${root.anchorChain.pages.length}`],
            ]}
          />
        </Section>
      )}
      {root.map && <MapSummary map={root.map} />}
    </>
  );
}
