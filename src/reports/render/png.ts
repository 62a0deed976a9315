// SVG charts as PNG for Word (resvg, no browser needed), with the installed Noto CJK font.
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { CHART_FONT } from './charts.ts';

// Where Debian (fonts-noto-cjk) and other distributions put the font; loading one file is twice as fast as
// loading every system font.
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
