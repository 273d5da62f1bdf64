import { useState } from 'react';
import type { FormEvent } from 'react';
import { formatHex } from '../../format/formatHex';
import { parseAddress } from '../../format/parseAddress';
import { useDocumentStore } from '../../state/documentStore';
import { explore } from '../../state/openActions';

/** Page sizes of the architectures with KHO (x86 and most arm64: 4 KiB; arm64 also 16 and 64 KiB). */
const PAGE_SIZES = [4096, 16384, 65536];

/**
 * Other ways to find the tree: decode a root at an address the user knows
 * (from the kernel log or /sys/kernel/debug/kho), scan with another page
 * size, or for a raw dump say which physical address its first byte is.
 */
export function ExploreOptions() {
  const image = useDocumentStore((state) => state.image);
  const plan = useDocumentStore((state) => state.plan);
  const [root, setRoot] = useState('');
  const [base, setBase] = useState(plan.base === undefined ? '' : formatHex(plan.base));
  const [pageSize, setPageSize] = useState(plan.pageSize ?? image?.pageSize ?? 4096);
  const [error, setError] = useState<string | null>(null);
  if (!image?.hasMemory) return null;

  const decodeRoot = (event: FormEvent) => {
    event.preventDefault();
    const address = parseAddress(root);
    if (address === null) {
      setError(`“${root}” is not an address: write it as 0x… hex or as a decimal number.`);
      return;
    }
    explore({ ...plan, listAllFdts: undefined, roots: [address] });
  };
  const rescan = (event: FormEvent) => {
    event.preventDefault();
    const start = base.trim() === '' ? undefined : parseAddress(base);
    if (start === null) {
      setError(`“${base}” is not an address: write it as 0x… hex or as a decimal number.`);
      return;
    }
    explore({ ...plan, roots: undefined, pageSize, base: start });
  };

  return (
    <div className="explore-options">
      <form className="explore-options__form" onSubmit={decodeRoot} aria-label="Give a root address">
        <label htmlFor="root-address">Root address</label>
        <input
          id="root-address"
          className="input mono"
          placeholder="0x23a000"
          value={root}
          onChange={(event) => setRoot(event.target.value)}
        />
        <button type="submit" className="button">
          Decode this root
        </button>
      </form>
      <form className="explore-options__form" onSubmit={rescan} aria-label="Scan with other settings">
        <label htmlFor="page-size">Page size</label>
        <select
          id="page-size"
          className="input"
          value={pageSize}
          onChange={(event) => setPageSize(Number(event.target.value))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size / 1024} KiB
            </option>
          ))}
        </select>
        {image.container === 'raw' && (
          <>
            <label htmlFor="raw-base">File starts at</label>
            <input
              id="raw-base"
              className="input mono"
              placeholder="0x0"
              value={base}
              onChange={(event) => setBase(event.target.value)}
            />
          </>
        )}
        <button type="submit" className="button">
          Scan again
        </button>
      </form>
      {error && (
        <p className="explore-options__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
