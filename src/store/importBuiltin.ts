// Put the built-in data (data/*.yaml, validated by the loader) into the store, in one transaction.
// Runs on start when the files changed; rows entered by people (origin 'entry') are kept.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { leafContexts, leafKey, type FrameworkDef } from '../domain/assess.ts';
import { parseValue } from '../domain/phrase.ts';
import type { Catalog } from '../data/load.ts';
import type { TaskNode } from '../data/schema.ts';
import type { Db, Queryable } from './db.ts';
import { encodeReading } from './reading.ts';
import { SYSTEM_ACTOR } from '../auth/roles.ts';
import { writeAudit } from './audit.ts';

/** Bump when the reading of printed values changes, so stored readings are redone. */
export const READING_VERSION = 2;
/** Bump when the way built-in rows are stored changes (e.g. new key columns), so they are reloaded. */
export const LAYOUT_VERSION = 2;

export function hashDataDir(dir: string): string {
  const h = createHash('sha256');
  h.update(`reading:${READING_VERSION}\nlayout:${LAYOUT_VERSION}\n`);
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.yaml')) {
        h.update(p.slice(dir.length));
        h.update(readFileSync(p));
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** The hash of the built-in files the store holds; null before the first load. */
export async function builtinHash(db: Queryable): Promise<string | null> {
  const r = await db.query<{ hash: string }>('SELECT hash FROM builtin_data WHERE id = 1');
  return r.rows[0]?.hash ?? null;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Returns true when it loaded, false when the store already had these files. */
export async function syncBuiltinData(db: Db, catalog: Catalog, hash: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(771002)');
    const current = await tx.query<{ hash: string }>('SELECT hash FROM builtin_data WHERE id = 1');
    if (current.rows[0]?.hash === hash) return false;
    await loadCatalog(tx, catalog);
    await writeAudit(tx, SYSTEM_ACTOR, { action: 'builtin.load', entity: 'builtin_data', entityId: 1, before: current.rows[0] ? { hash: current.rows[0].hash } : null, after: { hash, plans: catalog.plans.map((p) => p.plan.id), frameworks: catalog.frameworks.map((f) => f.id) } });
    await tx.query(
      `INSERT INTO builtin_data (id, hash) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, loaded_at = now()`,
      [hash],
    );
    return true;
  });
}

async function loadCatalog(tx: Queryable, catalog: Catalog): Promise<void> {
  // Regions: parents first.
  const regionIds = new Map<string, number>();
  const pending = [...catalog.regions];
  while (pending.length > 0) {
    const idx = pending.findIndex((r) => !r.parent || regionIds.has(r.parent));
    const r = pending.splice(idx, 1)[0]!;
    const sources = {
      ...(r.terrainSource ? { terrain: r.terrainSource } : {}),
      ...(r.climateSource ? { climate: r.climateSource } : {}),
      ...(r.coastalSource ? { coastal: r.coastalSource } : {}),
    };
    const row = await tx.query<{ id: number }>(
      `INSERT INTO regions (name, parent_id, level, terrain, climate, coastal, sources)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (name) DO UPDATE SET parent_id = EXCLUDED.parent_id, level = EXCLUDED.level,
         terrain = EXCLUDED.terrain, climate = EXCLUDED.climate, coastal = EXCLUDED.coastal, sources = EXCLUDED.sources
       RETURNING id`,
      [r.name, r.parent ? regionIds.get(r.parent) : null, r.level, r.terrain ?? null, r.climate ?? null, r.coastal, json(sources)],
    );
    regionIds.set(r.name, row.rows[0]!.id);
  }

  // Frameworks and their items. Items are upserted by number so that ids (and people's entries) survive.
  const indicatorIds = new Map<string, number>(); // `${framework}:${number}`
  for (const fw of catalog.frameworks) {
    await tx.query(
      `INSERT INTO frameworks (id, name, name_en, version, basis, max_score, pass_score, source, builtin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, true)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, version = EXCLUDED.version,
         basis = EXCLUDED.basis, max_score = EXCLUDED.max_score, pass_score = EXCLUDED.pass_score,
         source = EXCLUDED.source, builtin = true`,
      [fw.id, fw.name, fw.nameEn ?? null, fw.version, fw.basis ?? null, fw.scoring?.maxScore ?? null, fw.scoring?.passScore ?? null, json(fw.source)],
    );
    const numbers: string[] = [];
    for (const [position, item] of fw.indicators.entries()) {
      numbers.push(item.number);
      const row = await tx.query<{ id: number }>(
        `INSERT INTO indicators (framework_id, position, number, name, domain, task, unit, attribute, requirement, points, definition, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)
         ON CONFLICT (framework_id, number) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name,
           domain = EXCLUDED.domain, task = EXCLUDED.task, unit = EXCLUDED.unit, attribute = EXCLUDED.attribute,
           requirement = EXCLUDED.requirement, points = EXCLUDED.points, definition = EXCLUDED.definition, source = EXCLUDED.source
         RETURNING id`,
        [fw.id, position, item.number, item.name, item.domain ?? null, item.task ?? null, item.unit ?? null, item.attribute ?? null, item.requirement ?? null, item.points ?? null, json(item), json(item.source)],
      );
      indicatorIds.set(`${fw.id}:${item.number}`, row.rows[0]!.id);
    }
    await tx.query('DELETE FROM indicators WHERE framework_id = $1 AND NOT (number = ANY($2::text[]))', [fw.id, numbers]);
  }

  // Plans: the document's rows are replaced whole.
  for (const loaded of catalog.plans) {
    const p = loaded.plan;
    await tx.query(
      `INSERT INTO documents (id, file, title) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, title = EXCLUDED.title`,
      [p.document.id, p.document.file, p.document.title],
    );
    const regionId = regionIds.get(p.region)!;
    const statedProjects = loaded.projects ? { ...loaded.projects.stated, ...(loaded.projects.statedProse ? { prose: loaded.projects.statedProse } : {}) } : null;
    await tx.query(
      `INSERT INTO plans (id, region_id, title, issuer, scope, period_start, period_end, base_year, target_years, document_id, stated_summaries, stated_projects, office, statements, builtin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::int[], $10, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, true)
       ON CONFLICT (id) DO UPDATE SET region_id = EXCLUDED.region_id, title = EXCLUDED.title, issuer = EXCLUDED.issuer,
         scope = EXCLUDED.scope, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
         base_year = EXCLUDED.base_year, target_years = EXCLUDED.target_years, document_id = EXCLUDED.document_id,
         stated_summaries = EXCLUDED.stated_summaries, stated_projects = EXCLUDED.stated_projects, office = EXCLUDED.office, statements = EXCLUDED.statements, builtin = true`,
      [p.id, regionId, p.title, p.issuer ?? null, p.scope ?? null, p.period.start, p.period.end, p.baseYear ?? null, p.targetYears, p.document.id, json(p.statedSummaries ?? []), json(statedProjects), json(p.office), json(p.statements ?? [])],
    );
    for (const table of ['plan_frameworks', 'lead_units', 'targets', 'stated_judgements', 'tasks', 'projects', 'project_groups']) {
      await tx.query(`DELETE FROM ${table} WHERE plan_id = $1`, [p.id]);
    }
    await tx.query(`DELETE FROM observations WHERE plan_id = $1 AND origin = 'document'`, [p.id]);
    await tx.query(`DELETE FROM confirmations WHERE plan_id = $1 AND origin = 'document'`, [p.id]);
    for (const [position, fwId] of p.frameworks.entries()) {
      await tx.query('INSERT INTO plan_frameworks (plan_id, framework_id, position) VALUES ($1, $2, $3)', [p.id, fwId, position]);
    }
    const unitIds = new Map<string, number>();
    const unitId = async (name: string): Promise<number> => {
      const known = unitIds.get(name);
      if (known !== undefined) return known;
      const row = await tx.query<{ id: number }>(
        `INSERT INTO units (region_id, name) VALUES ($1, $2)
         ON CONFLICT (region_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [regionId, name],
      );
      unitIds.set(name, row.rows[0]!.id);
      return row.rows[0]!.id;
    };
    for (const data of loaded.indicatorData) {
      const fw = catalog.frameworks.find((f) => f.id === data.framework)!;
      const contexts = leafContexts(fw as unknown as FrameworkDef);
      for (const entry of data.entries) {
        const indicatorId = indicatorIds.get(`${fw.id}:${entry.number}`)!;
        const part = entry.part ?? '';
        const ctx = contexts.get(leafKey(entry.number, entry.part))!;
        for (const [position, name] of (entry.leadUnits ?? []).entries()) {
          await tx.query(
            'INSERT INTO lead_units (plan_id, indicator_id, part, unit_id, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
            [p.id, indicatorId, part, await unitId(name), position],
          );
        }
        for (const o of entry.observations ?? []) {
          const reading = parseValue(o.printed, ctx);
          const correction = o.correction ? { ...o.correction, reading: JSON.parse(encodeReading(parseValue(o.correction.printed, ctx))) as unknown } : null;
          await tx.query(
            `INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, data_year, flags, footnote, correction, source, origin, plan_id)
             VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::text[], $9::jsonb, $10::jsonb, $11::jsonb, 'document', $12)`,
            [regionId, indicatorId, part, o.year, o.printed, encodeReading(reading), o.dataYear ?? null, [...new Set([...(o.flags ?? []), ...reading.flags])], json(o.footnote), json(correction), json(o.source), p.id],
          );
        }
        for (const tg of entry.targets ?? []) {
          await tx.query(
            'INSERT INTO targets (plan_id, indicator_id, part, year, printed, source) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
            [p.id, indicatorId, part, tg.year, tg.printed, json(tg.source)],
          );
        }
        const stated: Array<[string, unknown]> = [
          ['status', entry.statedStatus],
          ['score', entry.statedScore],
          ['achievability', entry.statedAchievability],
        ];
        for (const [kind, payload] of stated) {
          if (!payload) continue;
          await tx.query(
            'INSERT INTO stated_judgements (plan_id, indicator_id, part, kind, payload) VALUES ($1, $2, $3, $4, $5::jsonb)',
            [p.id, indicatorId, part, kind, json(payload)],
          );
        }
      }
    }
    for (const c of loaded.confirmations) {
      await tx.query(
        `INSERT INTO confirmations (region_id, indicator_id, part, year, status, points, confirmed_by, confirmed_at, reason, source, plan_id, origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, 'document')`,
        [regionId, indicatorIds.get(`${c.framework}:${c.number}`)!, c.part ?? null, c.year, c.status ?? null, c.points ?? null, c.by, c.at, c.reason, json(c.source), p.id],
      );
    }
    if (loaded.tasks) await insertTasks(tx, p.id, loaded.tasks.tasks);
    if (loaded.projects) {
      for (const [position, g] of loaded.projects.groups.entries()) {
        await tx.query(
          'INSERT INTO project_groups (plan_id, position, number, name, stated) VALUES ($1, $2, $3, $4, $5::jsonb)',
          [p.id, position, String(g.number), g.name, json(g.stated)],
        );
      }
      for (const [position, pr] of loaded.projects.projects.entries()) {
        const details = {
          ...(pr.categoryInherited ? { categoryInherited: true } : {}),
          ...(pr.subCategoryInherited ? { subCategoryInherited: true } : {}),
        };
        await tx.query(
          `INSERT INTO projects (plan_id, position, number, group_name, category, sub_category, name, content, investment_wan,
             investment_printed, years_printed, year_start, year_end, lead_units, origin, indicator_names, details, source, key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16::text[], $17::jsonb, $18::jsonb, $19)`,
          [p.id, position, pr.number ?? null, pr.group, pr.category ?? null, pr.subCategory ?? null, pr.name, pr.content ?? null,
            pr.investmentWan, pr.investmentPrinted ?? null, pr.years?.printed ?? null, pr.years?.start ?? null, pr.years?.end ?? null,
            pr.leadUnits ?? [], pr.origin ?? null, pr.indicators ?? [], json(details), json(pr.source), projectKey(pr.number, position)],
        );
      }
    }
  }
}

/** A project's stable key: its printed number, else its place in the list. */
export function projectKey(number: number | null | undefined, position: number): string {
  return number != null ? String(number) : `P${position + 1}`;
}

/** Tasks in document order: headings, then their clauses, then their sub-headings. */
async function insertTasks(tx: Queryable, planId: string, nodes: TaskNode[]): Promise<void> {
  let position = 0;
  // A task's stable key is the line it starts on (unique within the plan's document).
  const used = new Set<string>();
  const keyOf = (source: { line?: number } | undefined): string => {
    const base = source?.line !== undefined ? `L${source.line}` : `T${position}`;
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    return key;
  };
  const walk = async (list: TaskNode[], parentId: string | null, depth: number): Promise<void> => {
    for (const node of list) {
      const row = await tx.query<{ id: string }>(
        `INSERT INTO tasks (plan_id, parent_id, position, depth, kind, number, title, source, key)
         VALUES ($1, $2, $3, $4, 'heading', $5, $6, $7::jsonb, $8) RETURNING id`,
        [planId, parentId, position++, depth, node.number, node.title, json(node.source), keyOf(node.source)],
      );
      const id = row.rows[0]!.id;
      for (const c of node.clauses ?? []) {
        await tx.query(
          `INSERT INTO tasks (plan_id, parent_id, position, depth, kind, title, text, lead_units, cooperating_units, deadline, indicator_names, source, key)
           VALUES ($1, $2, $3, $4, 'clause', $5, $6, $7::text[], $8::text[], $9, $10::text[], $11::jsonb, $12)`,
          [planId, id, position++, depth + 1, c.title ?? null, c.text, c.leadUnits ?? [], c.cooperatingUnits ?? [], c.deadline ?? null, c.indicators ?? [], json(c.source), keyOf(c.source)],
        );
      }
      await walk(node.tasks ?? [], id, depth + 1);
    }
  };
  await walk(nodes, null, 0);
}
