// The big screen (大屏, a 1920×1080 wall display): its dark palette, fixed block heights and refresh interval.

export const BIG = {
  bg: '#0b1d2a',
  panel: '#10293a',
  border: '#1e4358',
  text: '#e6f0f5',
  muted: '#8fa8b8',
  accent: '#3fb37a',
} as const;

/** the assessment and projects are fetched again this often */
export const REFRESH_MS = 60_000;

/** heights (px) of the blocks of a framework column, so refreshed data never moves anything */
export const BIG_HEIGHTS = { header: 96, figure: 112, counts: 84, gauge: 236, unmetRow: 56 } as const;

/** unmet indicators listed per framework; the rest are counted in one line */
export const UNMET_ROWS = 6;
