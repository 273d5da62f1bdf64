import { create } from 'zustand';

/** The two colour themes. */
export type Theme = 'light' | 'dark';

/** The views of the centre panel. */
export type CenterTab = 'graph' | 'hex' | 'memmap' | 'dts' | 'compare';

/** Every centre tab, in tab order. */
export const CENTER_TABS: readonly CenterTab[] = ['graph', 'hex', 'memmap', 'dts', 'compare'];

/** The UI store: look and feel, panels, overlays and the search query. */
export interface UiState {
  theme: Theme;
  /** True until the user picks a theme: until then the page follows the system setting. */
  themeFollowsSystem: boolean;
  activeTab: CenterTab;
  diagnosticsOpen: boolean;
  helpOpen: boolean;
  /** The command palette (Ctrl+K). */
  paletteOpen: boolean;
  /** The inspector's "About this" explanations (`a`). */
  aboutOpen: boolean;
  /** Presentation mode: larger text, high contrast, side panels hidden, the tour step as a caption. */
  presenting: boolean;
  /** The root list of an open graph (switch to another root). */
  rootsOpen: boolean;
  searchQuery: string;
  /** Index of the highlighted search result. */
  searchActive: number;
  /** Whether the results list under the search box is shown. */
  searchOpen: boolean;

  /** The system colour scheme changed; followed only while the user has not chosen. */
  systemThemeChanged(theme: Theme): void;
  /** The user flipped the theme switch. */
  toggleTheme(): void;
  /** A theme chosen elsewhere (the URL): counts as the user's choice. */
  chooseTheme(theme: Theme): void;
  setActiveTab(tab: CenterTab): void;
  setDiagnosticsOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setPaletteOpen(open: boolean): void;
  setAboutOpen(open: boolean): void;
  setPresenting(on: boolean): void;
  setRootsOpen(open: boolean): void;
  /** New query text: the first result becomes active and the list opens. */
  setSearchQuery(query: string): void;
  setSearchActive(index: number): void;
  setSearchOpen(open: boolean): void;
  /** Esc: closes whatever overlay is open; returns whether one was. */
  closeOverlays(): boolean;
}

/** Reads the system colour scheme where there is one (browsers), light elsewhere (unit tests). */
export function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Look-and-feel state: small, changes on user gestures only. */
export const useUiStore = create<UiState>()((set, get) => ({
  theme: systemTheme(),
  themeFollowsSystem: true,
  activeTab: 'graph',
  diagnosticsOpen: true,
  helpOpen: false,
  paletteOpen: false,
  aboutOpen: true,
  presenting: false,
  rootsOpen: false,
  searchQuery: '',
  searchActive: 0,
  searchOpen: false,

  systemThemeChanged(theme) {
    if (get().themeFollowsSystem) set({ theme });
  },

  toggleTheme() {
    set({ theme: get().theme === 'dark' ? 'light' : 'dark', themeFollowsSystem: false });
  },

  chooseTheme(theme) {
    set({ theme, themeFollowsSystem: false });
  },

  setActiveTab(tab) {
    set({ activeTab: tab });
  },

  setDiagnosticsOpen(open) {
    set({ diagnosticsOpen: open });
  },

  setHelpOpen(open) {
    set({ helpOpen: open });
  },

  setPaletteOpen(open) {
    set({ paletteOpen: open });
  },

  setAboutOpen(open) {
    set({ aboutOpen: open });
  },

  setPresenting(on) {
    set({ presenting: on });
  },

  setRootsOpen(open) {
    set({ rootsOpen: open });
  },

  setSearchQuery(query) {
    set({ searchQuery: query, searchActive: 0, searchOpen: query.trim() !== '' });
  },

  setSearchActive(index) {
    set({ searchActive: index });
  },

  setSearchOpen(open) {
    set({ searchOpen: open });
  },

  closeOverlays() {
    const { helpOpen, paletteOpen, rootsOpen, searchOpen } = get();
    if (!helpOpen && !paletteOpen && !rootsOpen && !searchOpen) return false;
    set({ helpOpen: false, paletteOpen: false, rootsOpen: false, searchOpen: false });
    return true;
  },
}));
