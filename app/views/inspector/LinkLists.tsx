import type { Link } from '../../../core/kho';
import { Section } from '../../components/Section';
import { pathText } from '../../explore/pathText';
import { SelectLink } from './SelectLink';

/** Links that reach a fragment and links that leave it, each selectable. */
export function LinkLists({ into, outOf }: { into: readonly Link[]; outOf: readonly Link[] }) {
  return (
    <>
      {into.length > 0 && (
        <Section title="Reached from" testId="links-in">
          <ul className="plain-list">
            {into.map((link) => (
              <li key={link.id}>
                <SelectLink selection={{ kind: 'link', link: link.id }}>
                  {pathText(link.from.fragment, link.from.node, link.from.property || undefined)}
                </SelectLink>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {outOf.length > 0 && (
        <Section title="Links out" testId="links-out">
          <ul className="plain-list">
            {outOf.map((link) => (
              <li key={link.id}>
                <SelectLink selection={{ kind: 'link', link: link.id }}>
                  {link.from.node}
                  {link.from.property ? ` ${link.from.property}` : ''} → {link.to ?? 'not followed'}
                </SelectLink>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
