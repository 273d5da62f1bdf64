/** The images the worker can build itself, without any file. */
export type BuiltDemoId = 'seed' | 'fdt-demo';

/** Where a gallery demo's image comes from: built by the worker, or a file served with the app (public/demos/). */
export type DemoSource = { kind: 'built'; demo: BuiltDemoId } | { kind: 'file'; file: string };

/** One entry of the start screen's demo gallery. */
export interface GalleryDemo {
  id: string;
  title: string;
  /** One paragraph: what the image shows and what to look at. */
  description: string;
  source: DemoSource;
  /** A built demo the app also ships as a file under this id: listed only when the manifest lacks it. */
  shippedAs?: string;
}

/**
 * Demos that need no file, so the gallery is never empty: the seed's worked
 * example built at run time from core/build (listed only when the
 * manifest does not ship it as `seed-example`), and the device tree demo
 * (the same example as one flat tree, compiled from app/demo/demo.dts).
 */
export const BUILTIN_DEMOS: readonly GalleryDemo[] = [
  {
    id: 'seed',
    title: 'Seed worked example',
    description:
      'The recursive-FDT design proposed for KHO as a real memory image, built in this tab: a kho-v1 root at 0x40000000 whose memblock and gpu nodes link, by big-endian page lists, to their own fragments, and a gpu subnode spread over two pages that are not contiguous. Look at how each link says which byte order it was read in and why.',
    source: { kind: 'built', demo: 'seed' },
    shippedAs: 'seed-example',
  },
  {
    id: 'fdt-demo',
    title: 'Device tree demo',
    description:
      'The same example joined into one flat device tree, written as DTS source, compiled in the page by khoscope’s own DTS parser and FDT writer and opened as a lone .dtb. Without memory behind it the page lists stay unfollowed: a lone DTB shows one fragment.',
    source: { kind: 'built', demo: 'fdt-demo' },
  },
];
