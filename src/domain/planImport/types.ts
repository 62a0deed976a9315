// What reading a plan document yields, before a person reviews it. Pure types.
//
// The extraction writes the same files the built-in data is made of (src/data/schema.ts, data/README.md):
// a plan file, frameworks, each framework's indicator data, projects and tasks. So an accepted import lands
// through the same loader as the built-in plans, and the import of a seed can be compared field by field
// with the hand-transcribed files in data/. The public JSON (`ecociv import plan --format json`, the HTTP
// API) is a projection of this: src/domain/planImport/json.ts.
import type {
  FrameworkFile,
  IndicatorDataFile,
  PlanFile,
  ProjectsFile,
  TasksFile,
} from '../../data/schema.ts';
import type { DocumentFormat, Place } from './document.ts';

/** What the extraction is told besides the document. */
export interface ExtractContext {
  /** the id sources cite (`source.document`): the seeds' three-digit prefix, or one given to an upload */
  documentId: string;
  /** the built-in frameworks, to recognise a table as one of them */
  builtinFrameworks: FrameworkFile[];
}

export type FindingKind =
  /** a requirement or target phrase the requirement language does not read: listed, never dropped or guessed */
  | 'unknownPhrase'
  /** a value cell that cannot be read as a value (kept as printed) */
  | 'unreadableValue'
  /** a group's stated count or sum differs from its rows */
  | 'subtotalMismatch'
  /** the stated total differs from the rows, or prose states a different total than the table */
  | 'totalMismatch'
  /** an indicator row that matches no item of the framework the table was recognised as */
  | 'unmatchedItem'
  /** an item of the recognised framework that the table does not have */
  | 'missingItem'
  /** a footnote mark with no footnote text found */
  | 'footnoteMissing'
  /** two statements of the document disagree (text against table, counts against marks) */
  | 'inconsistency'
  /** a table whose header the extraction does not understand (left out, named) */
  | 'unknownTable'
  /** something the plan needs that the document does not say (period, base year, region) */
  | 'missingPlanField'
  /** a target stated in prose that matches no indicator */
  | 'unlinkedTarget';

export interface Finding {
  kind: FindingKind;
  /** said in the plan office's words (zh-CN through t()); names the value and what was expected */
  message: string;
  source: Place | null;
}

/** One indicator table read, as a framework and that plan's data for it. */
export interface ExtractedFramework {
  /** the id of the built-in framework the table was recognised as (same items), or null: the plan's own */
  matched: string | null;
  /**
   * The table as a framework file. When `matched` is set this is what the document prints (compared with the
   * built-in one, not stored); otherwise it is a new framework, with a proposed id.
   */
  framework: FrameworkFile;
  /** the plan's data for it: lead units, observations (baseline) with flags and footnotes, targets, stated status */
  data: IndicatorDataFile;
}

/** A target the plan states in running text (e.g. "到2025年，森林覆盖率达到70%以上"). */
export interface ProseTarget {
  /** the quantity as printed */
  name: string;
  year: number | null;
  printed: string;
  /** the indicator it matches, when one does: framework id and number (and part) */
  indicator: { framework: string; number: string; part?: string } | null;
  source: Place;
}

export interface ExtractedPlan {
  document: { id: string; name: string; format: DocumentFormat };
  /** the plan file; `frameworks` lists matched ids and new frameworks' proposed ids */
  plan: PlanFile;
  frameworks: ExtractedFramework[];
  projects: ProjectsFile | null;
  tasks: TasksFile | null;
  proseTargets: ProseTarget[];
  findings: Finding[];
}

/** The plan's facts read from its text (title, region, period, base year, target years, office, issuer). */
export interface PlanInfo {
  title: string | null;
  region: string | null;
  scope?: string;
  issuer?: string;
  period: { start: number; end: number } | null;
  baseYear: number | null;
  targetYears: number[];
  targetYearsSource?: Place;
  office?: { unit: string; printed: string; source: Place };
  /** phases and milestones as printed (建设期（2022—2025年）：…) */
  phases: Array<{ name: string; start: number | null; end: number | null; printed: string; source: Place }>;
}

/** What one part of the extraction gives: its result and what it found along the way. */
export interface PartResult<T> {
  value: T;
  findings: Finding[];
}
