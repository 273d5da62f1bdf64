import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { rowWindow } from './rowWindow';
import type { RowWindow } from './rowWindow';

/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 12;

/**
 * Tracks the scroll position and height of a scrolling element and returns
 * the rows of a fixed-height list worth rendering, so that lists with
 * hundreds of thousands of rows (big trees, later whole images) stay fast.
 */
export function useRowWindow(viewport: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight);
    const scrolled = () => setScrollTop(element.scrollTop);
    measure();
    scrolled();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', scrolled);
    };
  }, [viewport]);

  return rowWindow(scrollTop, height, count, rowHeight, OVERSCAN);
}
