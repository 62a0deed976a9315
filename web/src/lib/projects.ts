// The project list's filters (group, lead unit, year, a search over name and content) and the projects that
// serve an indicator. Only presentation: counts and sums are the API's roll-ups.
import type { Project } from '../api/types.ts';

export interface ProjectFilters {
  search: string;
  group: string | undefined;
  lead: string | undefined;
  year: number | undefined;
}

export const NO_PROJECT_FILTERS: ProjectFilters = { search: '', group: undefined, lead: undefined, year: undefined };

/** A project runs in a year when the year falls within its printed span. */
export function runsIn(p: Project, year: number): boolean {
  if (p.yearStart === null) return false;
  return year >= p.yearStart && year <= (p.yearEnd ?? p.yearStart);
}

export function filterProjects(projects: Project[], f: ProjectFilters): Project[] {
  const q = f.search.trim().toLowerCase();
  return projects.filter(
    (p) =>
      (q === '' || p.name.toLowerCase().includes(q) || (p.content ?? '').toLowerCase().includes(q)) &&
      (f.group === undefined || p.group === f.group) &&
      (f.lead === undefined || p.leadUnits.includes(f.lead)) &&
      (f.year === undefined || runsIn(p, f.year)),
  );
}

/** Every year some project runs in, in order. */
export function projectYears(projects: Project[]): number[] {
  const years = new Set<number>();
  for (const p of projects) {
    if (p.yearStart === null) continue;
    for (let y = p.yearStart; y <= (p.yearEnd ?? p.yearStart); y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Projects whose 对应创建指标 name the indicator (or one of its parts), or whose own name contains it. */
export function projectsServing(projects: Project[], names: string[]): Project[] {
  const wanted = names.filter((n) => n.trim() !== '');
  return projects.filter((p) => wanted.some((n) => p.indicators.includes(n) || p.name.includes(n)));
}

/** A stable key for a project row (numbers are missing in some plans). */
export function projectKey(p: Project, index: number): string {
  return `${p.group}-${p.number ?? 'x'}-${index}`;
}
