// A section or subsection of the key tasks with what it contains, in document order.
import { Typography } from 'antd';
import type { TaskNode } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { headingText } from '../lib/tasks.ts';
import { TaskClause } from './TaskClause.tsx';

/** Clauses in a list, headings as titles, in the order the plan gives them. */
export function TaskChildren({ nodes, query }: { nodes: TaskNode[]; query: string }) {
  const runs: { clauses?: TaskNode[]; heading?: TaskNode }[] = [];
  for (const n of nodes) {
    const last = runs[runs.length - 1];
    if (n.kind === 'clause') {
      if (last?.clauses) last.clauses.push(n);
      else runs.push({ clauses: [n] });
    } else runs.push({ heading: n });
  }
  return (
    <>
      {runs.map((r, i) =>
        r.clauses ? (
          <ul key={i} className="ecociv-clauses">
            {r.clauses.map((c, k) => (
              <TaskClause key={k} node={c} query={query} />
            ))}
          </ul>
        ) : r.heading ? (
          <TaskSection key={i} node={r.heading} query={query} />
        ) : null,
      )}
    </>
  );
}

export function TaskSection({ node, query }: { node: TaskNode; query: string }) {
  const { t } = useI18n();
  const level = node.depth <= 1 ? 4 : 5;
  return (
    <section style={{ marginInlineStart: node.depth >= 2 ? 12 : 0, marginTop: 12 }}>
      <Typography.Title level={level} style={{ margin: '0 0 4px', fontSize: level === 4 ? 16 : 15 }}>
        {headingText(node, t)}
      </Typography.Title>
      <TaskChildren nodes={node.tasks} query={query} />
    </section>
  );
}
