import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DecodeTable, type DecodeButton } from './DecodeTable';

interface Row {
  at: number;
  name: string;
}

const ROWS: Row[] = [
  { at: 0x23a000, name: 'kho-v4' },
  { at: 0x400000, name: 'kho-v2' },
];

function table(button: DecodeButton, onDecode: (address: number) => void = () => {}, className?: string) {
  return (
    <DecodeTable
      testId="picks"
      className={className}
      rows={ROWS}
      address={(row) => row.at}
      headers={['address', 'compatible']}
      cells={(row) => (
        <>
          <td>{row.at}</td>
          <td className="mono">{row.name}</td>
        </>
      )}
      button={button}
      onDecode={onDecode}
    />
  );
}

/** Every `<button>` element in a rendered tree (DecodeTable has no hooks, so calling it gives its whole tree). */
function buttons(node: ReactNode): ReactElement<{ onClick: () => void; 'aria-label': string }>[] {
  if (Array.isArray(node)) return node.flatMap(buttons);
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  if (node.type === 'button') return [node as ReactElement<{ onClick: () => void; 'aria-label': string }>];
  return buttons(node.props.children);
}

describe('DecodeTable', () => {
  it('heads the row cells with their column names and the decode column with a header only screen readers get', () => {
    const html = renderToStaticMarkup(
      table({ text: 'Decode', label: (address) => `Decode the root at ${address}` }, undefined, 'roots-table'),
    );
    expect(html).toMatch(
      /^<table class="table roots-table" data-testid="picks"><thead><tr><th scope="col">address<\/th><th scope="col">compatible<\/th><th scope="col"><span class="visually-hidden">decode<\/span><\/th><\/tr><\/thead>/,
    );
  });

  it('gives each row its address as data-root, its own cells, then the decode button named for that address', () => {
    const html = renderToStaticMarkup(table({ text: 'Decode', label: (address) => `Decode the root at ${address}` }));
    expect(html).toContain('<table class="table" data-testid="picks">');
    expect(html).toContain(
      '<tr data-root="0x23a000"><td>2334720</td><td class="mono">kho-v4</td><td><button type="button" class="button" aria-label="Decode the root at 0x23a000">Decode</button></td></tr>',
    );
    expect(html).toContain('<tr data-root="0x400000"><td>4194304</td><td class="mono">kho-v2</td>');
  });

  it('makes the button small when asked', () => {
    const html = renderToStaticMarkup(
      table({ text: 'Decode as root', label: (address) => `Decode the FDT at ${address} as a root`, small: true }),
    );
    expect(html).toContain(
      '<button type="button" class="button button--small" aria-label="Decode the FDT at 0x400000 as a root">Decode as root</button>',
    );
  });

  it("decodes the row's own address when its button is pressed", () => {
    const onDecode = vi.fn();
    const element = table({ text: 'Decode', label: (address) => `Decode the root at ${address}` }, onDecode);
    const found = buttons(DecodeTable(element.props));
    expect(found.map((button) => button.props['aria-label'])).toEqual([
      'Decode the root at 0x23a000',
      'Decode the root at 0x400000',
    ]);
    found[1].props.onClick();
    expect(onDecode).toHaveBeenCalledWith(0x400000);
    found[0].props.onClick();
    expect(onDecode.mock.calls).toEqual([[0x400000], [0x23a000]]);
  });
});
