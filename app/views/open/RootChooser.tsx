import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../../state/documentStore';
import { explore } from '../../state/openActions';
import { ExploreOptions } from './ExploreOptions';
import { FdtList } from './FdtList';
import { RootChoiceTable } from './RootChoiceTable';
import { ScanFacts } from './ScanFacts';

/**
 * Several KHO roots were found (a kexec'd machine keeps the old kernel's
 * root beside the new one's): the user picks which tree to look at, with the
 * evidence for each, or decodes every root that ranks positive together.
 */
export function RootChooser() {
  const { scan, plan } = useDocumentStore(useShallow((state) => ({ scan: state.scan, plan: state.plan })));
  if (!scan) return null;
  const decode = (roots: number[]) => explore({ ...plan, listAllFdts: undefined, roots });
  const positive = scan.candidates.filter((candidate) => candidate.rank > 0).map((candidate) => candidate.address);
  return (
    <main className="screen">
      <section className="screen__card" aria-labelledby="chooser-title">
        <h2 id="chooser-title">{title(scan.candidates.length)}</h2>
        <p>
          Pick the tree to explore. The best-ranked root is usually the live one: its own page is preserved by its own
          map, which an older kernel’s leftover root rarely is.
        </p>
        <ScanFacts scan={scan} />
        {scan.candidates.length > 0 && (
          <RootChoiceTable candidates={scan.candidates} onDecode={(address) => decode([address])} />
        )}
        {positive.length > 1 && (
          <p>
            <button type="button" className="button button--primary" onClick={() => decode(positive)}>
              Decode all {positive.length} roots with a positive rank
            </button>
          </p>
        )}
        {scan.listedAllFdts && (
          <>
            <h3 className="section__title">Every FDT at a page start</h3>
            <FdtList fdts={scan.fdts} onDecode={(address) => decode([address])} />
          </>
        )}
        <h3 className="section__title">Something else</h3>
        <ExploreOptions />
      </section>
    </main>
  );
}

function title(candidates: number): string {
  if (candidates === 0) return 'No KHO root found: every FDT in the image';
  return candidates === 1 ? 'One KHO root found' : `${candidates} KHO roots found`;
}
