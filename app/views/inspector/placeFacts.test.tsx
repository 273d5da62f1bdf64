import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Fragment, FragmentLocation } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { placeFacts } from './placeFacts';

function fragmentAt(location: FragmentLocation): Fragment {
  return {
    id: '0x1847000',
    root: '0x23a000',
    depth: 1,
    location,
    size: 64,
    format: 'fdt',
    compatible: null,
    bytes: new Uint8Array(64),
    content: null,
    user: null,
  };
}

/** The markup of one fact row's value. */
function value(html: string, label: string): string {
  const match = new RegExp(`<dt>${label}</dt><dd>(.*?)</dd>`).exec(html);
  if (!match) throw new Error(`no ${label} row in ${html}`);
  return match[1];
}

const render = (location: FragmentLocation, offset: number) =>
  renderToStaticMarkup(<Facts facts={placeFacts(fragmentAt(location), '0x1847000:/demo1', offset)} />);

describe('placeFacts', () => {
  it('gives path, address and offset rows, in that order', () => {
    const html = render({ kind: 'contiguous', address: 0x1847000, length: 64 }, 0x38);
    expect([...html.matchAll(/<dt>(.*?)<\/dt>/g)].map((match) => match[1])).toEqual(['path', 'address', 'offset']);
  });

  it('shows the path for tests and with a copy button', () => {
    const html = render({ kind: 'contiguous', address: 0x1847000, length: 64 }, 0x38);
    expect(value(html, 'path')).toBe(
      '<span class="mono" data-testid="inspector-path">0x1847000:/demo1</span> <button type="button" class="copy-button" aria-label="Copy path" title="Copy path">copy</button>',
    );
  });

  it('places the offset in a contiguous fragment at its address plus the offset', () => {
    const html = render({ kind: 'contiguous', address: 0x1847000, length: 64 }, 0x38);
    expect(value(html, 'address')).toContain('data-testid="inspector-address">0x1847038</span>');
    expect(value(html, 'address')).toContain('aria-label="Copy address"');
    expect(value(html, 'offset')).toBe(
      '<span class="mono" title="56" data-testid="inspector-offset">0x38</span> in fragment 0x1847000',
    );
  });

  it('places the offset in a page list in the page that holds it', () => {
    const pages: FragmentLocation = { kind: 'pages', pages: [0x5000, 0x9000], pageSize: 0x1000, length: 0x2000 };
    expect(value(render(pages, 0x1008), 'address')).toContain('>0x9008</span>');
    expect(value(render(pages, 0x2008), 'address')).toBe('<span class="dim">no physical memory (unknown)</span>');
  });

  it('says a debugfs file has no physical memory, naming the file', () => {
    const html = render({ kind: 'file', path: 'sub_fdts/LUO', length: 64 }, 0x38);
    expect(value(html, 'address')).toBe('<span class="dim">no physical memory (sub_fdts/LUO)</span>');
    expect(value(html, 'offset')).toContain('>0x38</span> in fragment 0x1847000');
  });
});
