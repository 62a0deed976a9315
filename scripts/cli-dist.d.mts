// Types of scripts/cli-dist.mjs, for the tests.
export const ROOT: string;
export const SRC: string;
export const DIST: string;
export const STAMP: string;
export function sourceStamp(dir?: string): Record<string, string>;
export function distIsCurrent(src?: string, dist?: string): boolean;
