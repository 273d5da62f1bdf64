import { describe, expect, it } from 'vitest';
import { writeFdt } from '../writeFdt';
import { emptyFdtDocument } from '../FdtDocument';
import { looksLikeDtsSource } from './looksLikeDtsSource';

const text = (s: string) => new TextEncoder().encode(s);

describe('looksLikeDtsSource', () => {
  it('takes DTS text, past comments, blank lines and preprocessor lines', () => {
    expect(looksLikeDtsSource(text('/dts-v1/;\n/ { };\n'))).toBe(true);
    expect(looksLikeDtsSource(text('\ufeff// SPDX-License-Identifier: GPL-2.0\n/*\n * board\n */\n\n/dts-v1/;'))).toBe(
      true,
    );
    expect(looksLikeDtsSource(text('#include <dt-bindings/gpio/gpio.h>\n#include "soc.dtsi"\n/dts-v1/;'))).toBe(true);
    expect(looksLikeDtsSource(text('/ {\n\tmodel = "x";\n};\n'))).toBe(true);
    expect(looksLikeDtsSource(text('/dts-v1/;\n/plugin/;\n'))).toBe(true);
  });

  it('refuses blobs, images and other text', () => {
    expect(looksLikeDtsSource(writeFdt(emptyFdtDocument()))).toBe(false);
    expect(looksLikeDtsSource(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0))).toBe(false);
    expect(looksLikeDtsSource(new Uint8Array(4096))).toBe(false);
    expect(looksLikeDtsSource(text('hello world\n/dts-v1/;'))).toBe(false);
    expect(looksLikeDtsSource(text('/* never closed'))).toBe(false);
    expect(looksLikeDtsSource(text(''))).toBe(false);
  });
});
