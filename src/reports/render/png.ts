// SVG charts as PNG for Word. Chromium draws them when it is there (PdfPrinter.rasterize, about 50 ms a chart);
// without a browser resvg does, with the installed Noto CJK font — correct but slow, as it reads the 19 MB font
// collection again for every run of text (about 0.1–0.4 s a chart).
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { CHART_FONT } from './charts.ts';

/** Turns a document's chart SVGs into PNGs. */
export type Rasterize = (svgs: string[]) => Promise<Buffer[]>;

// Where Debian (fonts-noto-cjk) and other distributions put the font; one file loads much faster than every
// system font.
const FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
];

let fontFiles: string[] | undefined;

export function svgToPng(svg: string, scale = 2): Buffer {
  fontFiles ??= FONT_FILES.filter((f) => existsSync(f)).slice(0, 1);
  const font = fontFiles.length > 0 ? { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT } : { loadSystemFonts: true, defaultFontFamily: CHART_FONT };
  return new Resvg(svg, { font, fitTo: { mode: 'zoom', value: scale }, background: '#ffffff' }).render().asPng();
}

export const rasterizeWithResvg: Rasterize = async (svgs) => svgs.map((s) => svgToPng(s));
