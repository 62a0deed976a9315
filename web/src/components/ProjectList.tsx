// The searchable, filterable project list with its detail drawer.
import { useMemo, useRef, useState } from 'react';
import type { Project } from '../api/types.ts';
import { NO_PROJECT_FILTERS, filterProjects, type ProjectFilters } from '../lib/projects.ts';
import { ProjectDrawer } from './ProjectDrawer.tsx';
import { ProjectsTable } from './ProjectsTable.tsx';
import { ProjectsToolbar } from './ProjectsToolbar.tsx';

export function ProjectList({ projects }: { projects: Project[] }) {
  const [filters, setFilters] = useState<ProjectFilters>(NO_PROJECT_FILTERS);
  const [selected, setSelected] = useState<Project | undefined>();
  const [open, setOpen] = useState(false);
  const lastRow = useRef<HTMLElement | null>(null);
  const shown = useMemo(() => filterProjects(projects, filters), [projects, filters]);

  const onOpen = (p: Project, row: HTMLElement) => {
    lastRow.current = row;
    setSelected(p);
    setOpen(true);
  };

  return (
    <div>
      <ProjectsToolbar projects={projects} filters={filters} onChange={setFilters} shown={shown.length} />
      <ProjectsTable projects={shown} onOpen={onOpen} />
      <ProjectDrawer project={selected} open={open} onClose={() => setOpen(false)} afterClose={() => lastRow.current?.focus()} />
    </div>
  );
}
