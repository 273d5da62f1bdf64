import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopRevealing } from './rowWindow';

describe('rowWindow', () => {
  it('covers the viewport plus the overscan, clamped to the list', () => {
    expect(rowWindow(0, 100, 1000, 20, 3)).toEqual({ start: 0, end: 8 });
    expect(rowWindow(200, 100, 1000, 20, 3)).toEqual({ start: 7, end: 18 });
    expect(rowWindow(19_900, 100, 1000, 20, 3)).toEqual({ start: 992, end: 1000 });
  });

  it('renders nothing for an empty list or before the first measure', () => {
    expect(rowWindow(0, 100, 0, 20, 3)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(0, 0, 10, 20, 3)).toEqual({ start: 0, end: 3 });
  });
});

describe('scrollTopRevealing', () => {
  it('scrolls only as far as needed', () => {
    expect(scrollTopRevealing(5, 0, 200, 20)).toBe(0);
    expect(scrollTopRevealing(12, 0, 200, 20)).toBe(60);
    expect(scrollTopRevealing(2, 100, 200, 20)).toBe(40);
  });
});
