// The key-task tree: counting clauses, keeping only the clauses a search finds (with the headings above
// them), and how a heading's number joins its title.
import type { TaskNode } from '../api/types.ts';
import type { Translate } from '../i18n/index.tsx';

export function countClauses(nodes: TaskNode[]): number {
  return nodes.reduce((n, x) => n + (x.kind === 'clause' ? 1 : 0) + countClauses(x.tasks), 0);
}

function matches(node: TaskNode, q: string): boolean {
  return [node.title, node.text, node.deadline, ...node.leadUnits, ...node.cooperatingUnits].some(
    (s) => s !== null && s.toLowerCase().includes(q),
  );
}

/** The tree with only the clauses whose text (or title, deadline, units) contains the query. */
export function filterTasks(nodes: TaskNode[], query: string): TaskNode[] {
  const q = query.trim().toLowerCase();
  if (q === '') return nodes;
  const out: TaskNode[] = [];
  for (const n of nodes) {
    const tasks = filterTasks(n.tasks, q);
    if ((n.kind === 'clause' && matches(n, q)) || countClauses(tasks) > 0) out.push({ ...n, tasks });
  }
  return out;
}

// 一、二、… take 、; （一） and (1) need nothing; 第三章 and the like a space
const LIST_NUMBER = /^[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u96f6\u3007\d]+$/;
const PAREN_NUMBER = /[)\uff09]$/;

export function headingText(node: Pick<TaskNode, 'number' | 'title'>, t: Translate): string {
  const title = node.title ?? '';
  if (!node.number) return title;
  if (!title) return node.number;
  if (PAREN_NUMBER.test(node.number)) return t('tasksPage.numberedParen', { number: node.number, title });
  if (LIST_NUMBER.test(node.number)) return t('tasksPage.numberedList', { number: node.number, title });
  return t('tasksPage.numbered', { number: node.number, title });
}
