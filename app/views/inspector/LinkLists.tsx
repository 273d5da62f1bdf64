import type { Link } from '../../../core/kho';
import { FoldedList } from '../../components/FoldedList';
import { Section } from '../../components/Section';
import { pathText } from '../../explore/pathText';
import { SelectLink } from './SelectLink';

/** Links that reach a fragment and links that leave it, each selectable (long lists folded). */
export function LinkLists({ into, outOf }: { into: readonly Link[]; outOf: readonly Link[] }) {
  return (
    <>
      {into.length > 0 && (
        <Section title="Reached from" testId="links-in">
          <FoldedList
            className="plain-list"
            items={into}
            render={(link) => (
              <li key={link.id}>
                <SelectLink selection={{ kind: 'link', link: link.id }}>
                  {pathText(link.from.fragment, link.from.node, link.from.property || undefined)}
                </SelectLink>
              </li>
            )}
          />
        </Section>
      )}
      {outOf.length > 0 && (
        <Section title="Links out" testId="links-out">
          <FoldedList
            className="plain-list"
            items={outOf}
            render={(link) => (
              <li key={link.id}>
                <SelectLink selection={{ kind: 'link', link: link.id }}>
                  {link.from.node}
                  {link.from.property ? ` ${link.from.property}` : ''} → {link.to ?? 'not followed'}
                </SelectLink>
              </li>
            )}
          />
        </Section>
      )}
    </>
  );
}
