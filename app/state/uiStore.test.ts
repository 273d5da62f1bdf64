import { describe, expect, it } from 'vitest';
import { useUiStore } from './uiStore';

const store = () => useUiStore.getState();

describe('uiStore', () => {
  it('follows the system theme until the user picks one', () => {
    expect(store().theme).toBe('light');
    store().systemThemeChanged('dark');
    expect(store().theme).toBe('dark');
    store().toggleTheme();
    expect(store()).toMatchObject({ theme: 'light', themeFollowsSystem: false });
    store().systemThemeChanged('dark');
    expect(store().theme).toBe('light');
    store().chooseTheme('dark');
    expect(store()).toMatchObject({ theme: 'dark', themeFollowsSystem: false });
  });

  it('switches tabs and panels', () => {
    store().setActiveTab('hex');
    expect(store().activeTab).toBe('hex');
    store().setDiagnosticsOpen(false);
    expect(store().diagnosticsOpen).toBe(false);
  });

  it('starts a new query at its first result with the list open, and closes the list for an empty one', () => {
    store().setSearchActive(7);
    store().setSearchQuery('0x1847000');
    expect(store()).toMatchObject({ searchQuery: '0x1847000', searchActive: 0, searchOpen: true });
    store().setSearchQuery('  ');
    expect(store().searchOpen).toBe(false);
  });

  it('Esc closes whatever overlay is open and reports whether there was one', () => {
    store().setHelpOpen(true);
    store().setRootsOpen(true);
    expect(store().closeOverlays()).toBe(true);
    expect(store()).toMatchObject({ helpOpen: false, rootsOpen: false, searchOpen: false });
    expect(store().closeOverlays()).toBe(false);
  });
});
