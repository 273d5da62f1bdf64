import type { Selection } from '../model/Selection';
import { CENTER_TABS, type CenterTab, type Theme } from './uiStore';

/**
 * What the URL hash keeps: the selection and the view (centre tab, theme),
 * never anything from the image itself beyond ids, paths and addresses.
 */
export interface HashState {
  selection: Selection | null;
  tab: CenterTab | null;
  theme: Theme | null;
}

/** Reads a hash such as `#tab=hex&sel=property&f=0x23a000&n=%2Fmemblock&p=preserved-data`; unknown or broken parts are ignored. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const tab = params.get('tab');
  const theme = params.get('theme');
  return {
    selection: selectionOf(params),
    tab: CENTER_TABS.includes(tab as CenterTab) ? (tab as CenterTab) : null,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}

/** The hash for a state: `#` + parameters, or '' when there is nothing to keep. */
export function formatHash(state: HashState): string {
  const params = new URLSearchParams();
  if (state.tab) params.set('tab', state.tab);
  if (state.theme) params.set('theme', state.theme);
  const selection = state.selection;
  if (selection) {
    params.set('sel', selection.kind);
    switch (selection.kind) {
      case 'fragment':
        params.set('f', selection.fragment);
        break;
      case 'node':
        params.set('f', selection.fragment);
        params.set('n', selection.node);
        break;
      case 'property':
        params.set('f', selection.fragment);
        params.set('n', selection.node);
        params.set('p', selection.property);
        break;
      case 'link':
        params.set('l', selection.link);
        break;
      case 'diagnostic':
        params.set('d', String(selection.index));
        break;
      case 'memory':
        params.set('a', `0x${selection.address.toString(16)}`);
        params.set('len', String(selection.length));
        break;
    }
  }
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

function selectionOf(params: URLSearchParams): Selection | null {
  const f = params.get('f');
  const n = params.get('n');
  const p = params.get('p');
  switch (params.get('sel')) {
    case 'fragment':
      return f === null ? null : { kind: 'fragment', fragment: f };
    case 'node':
      return f === null || n === null ? null : { kind: 'node', fragment: f, node: n };
    case 'property':
      return f === null || n === null || p === null ? null : { kind: 'property', fragment: f, node: n, property: p };
    case 'link': {
      const link = params.get('l');
      return link === null ? null : { kind: 'link', link };
    }
    case 'diagnostic': {
      const index = Number(params.get('d'));
      return Number.isInteger(index) && index >= 0 ? { kind: 'diagnostic', index } : null;
    }
    case 'memory': {
      const address = Number(params.get('a'));
      const length = Number(params.get('len'));
      return Number.isSafeInteger(address) && address >= 0 && Number.isSafeInteger(length) && length > 0
        ? { kind: 'memory', address, length }
        : null;
    }
    default:
      return null;
  }
}
