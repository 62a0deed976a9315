// Key tasks: every heading and clause is the text of the line it cites, and the task chapters are complete.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { TaskNode, TasksFile } from '../../src/data/schema.ts';
import { DATA_DIR, lineAt, seed } from './seed-text.ts';

const BOOKMARK = /\[bookmark: [^\]]*\]/g;

function tasksOf(plan: string): TasksFile {
  return parse(readFileSync(join(DATA_DIR, 'plans', plan, 'tasks.yaml'), 'utf8')) as TasksFile;
}

function walk(nodes: TaskNode[], fn: (n: TaskNode) => void): void {
  for (const n of nodes) {
    fn(n);
    walk(n.tasks ?? [], fn);
  }
}

describe.each([
  ['wushan-demo-county', '001', 134],
  ['qianjiang-apeng-two-mountains', '000', 50],
])('key tasks of %s', (plan, doc, clauseCount) => {
  const file = tasksOf(plan);
  const s = seed(doc);

  it('every heading stands on its line with its number and title', () => {
    walk(file.tasks, (n) => {
      expect(n.source.document).toBe(doc);
      const line = lineAt(s, n.source.line).replace(BOOKMARK, '');
      expect(line, `line ${n.source.line}`).toContain(n.number);
      expect(line, `line ${n.source.line}`).toContain(n.title);
    });
  });

  it('every clause is its line, word for word (title。text)', () => {
    let clauses = 0;
    const lines = new Set<number>();
    walk(file.tasks, (n) => {
      for (const c of n.clauses ?? []) {
        clauses++;
        const line = lineAt(s, c.source.line).replace(BOOKMARK, '').trim();
        expect(c.title ? `${c.title}。${c.text}` : c.text, `line ${c.source.line}`).toBe(line);
        expect(lines.has(c.source.line), `line ${c.source.line} cited twice`).toBe(false);
        lines.add(c.source.line);
        if (c.deadline) expect(line).toContain(c.deadline);
      }
    });
    expect(clauses).toBe(clauseCount);
  });
});
