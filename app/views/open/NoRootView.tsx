import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../../state/documentStore';
import { explore } from '../../state/openActions';
import { ExploreOptions } from './ExploreOptions';
import { DtsSourceView } from './DtsSourceView';
import { ScanFacts } from './ScanFacts';

/**
 * The image opened but no KHO root turned up: what the scan covered, and
 * what to try (list every FDT, give the address, another page size). A DTS
 * text file gets its own screen: it needs compiling, not another scan.
 */
export function NoRootView() {
  const { scan, plan, label, image } = useDocumentStore(
    useShallow((state) => ({ scan: state.scan, plan: state.plan, label: state.label, image: state.image })),
  );
  if (!scan) return null;
  if (image?.dtsSource) return <DtsSourceView label={label ?? image.name} />;
  return (
    <main className="screen">
      <section className="screen__card screen__card--warning" role="alert" aria-labelledby="no-root-title">
        <h2 id="no-root-title">No KHO root found in {label}</h2>
        <p>
          The {image?.detail ?? 'image'} opened fine, but no page of it starts with a flattened device tree whose{' '}
          <code>compatible</code> is <code>kho-vN</code>, and no <code>KHOANCH1</code> anchor chain was found. The dump
          may be from a kernel booted without <code>kho=on</code>, taken before anything was preserved, written with
          another page size, or the root may sit where the scan does not look.
        </p>
        <ScanFacts scan={scan} />
        <h3 className="section__title">What to try</h3>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => explore({ ...plan, roots: undefined, listAllFdts: true })}
          >
            List every FDT
          </button>{' '}
          <span className="dim">
            shows every device tree at a page start, whatever its compatible, each decodable as a root.
          </span>
        </p>
        <ExploreOptions />
      </section>
    </main>
  );
}
