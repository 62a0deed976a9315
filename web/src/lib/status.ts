// Status and achievability vocabularies: order, colours, and matching the plan's own wording.
import type { AchievabilityClass, Status } from '../api/types.ts';
import zhCN from '../i18n/parts/common.zh-CN.ts';

export const STATUSES: readonly Status[] = ['met', 'notMet', 'indeterminate', 'noData', 'notApplicable'];
export const CLASSES: readonly AchievabilityClass[] = ['stable', 'expected', 'uncertain', 'difficult'];

/** antd Tag colours */
export const STATUS_TAG_COLOR: Record<Status, string> = {
  met: 'green',
  notMet: 'red',
  indeterminate: 'orange',
  noData: '#8c8c8c',
  notApplicable: 'default',
};

/** text colours for the counts */
export const STATUS_TEXT_COLOR: Record<Status, string> = {
  met: '#389e0d',
  notMet: '#cf1322',
  indeterminate: '#d46b08',
  noData: '#8c8c8c',
  notApplicable: 'rgba(0, 0, 0, 0.88)',
};

export const CLASS_TAG_COLOR: Record<AchievabilityClass, string> = {
  stable: 'green',
  expected: 'cyan',
  uncertain: 'orange',
  difficult: 'red',
};

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

/** The plan documents write classes in Chinese (稳定达标 …): match them against the zh-CN labels. */
export function classKeyOf(stated: string): AchievabilityClass | undefined {
  return CLASSES.find((c) => c === stated || zhCN[`class.${c}`] === stated);
}

/** Binding (约束性) indicators, as the frameworks write the attribute. */
export function isBinding(attribute: string | null): boolean {
  return attribute === zhCN['attribute.binding'];
}

/** the same, for dark backgrounds (the big screen) */
export const STATUS_DARK_COLOR: Record<Status, string> = {
  met: '#73d13d',
  notMet: '#ff4d4f',
  indeterminate: '#ffa940',
  noData: '#8c8c8c',
  notApplicable: '#a6b4bf',
};

export const CLASS_DARK_COLOR: Record<AchievabilityClass, string> = {
  stable: '#73d13d',
  expected: '#36cfc9',
  uncertain: '#ffa940',
  difficult: '#ff4d4f',
};
