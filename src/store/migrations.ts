// Versioned migrations. Each runs once, in its own transaction, and is recorded in schema_migrations.
// Append new migrations; never edit one that has shipped.
import type { Db } from './db.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE documents (
  id text PRIMARY KEY,
  file text,
  title text NOT NULL
);

CREATE TABLE regions (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  parent_id integer REFERENCES regions(id),
  level text NOT NULL CHECK (level IN ('省', '市', '区县', '乡镇街道')),
  terrain text CHECK (terrain IN ('山区', '丘陵', '平原')),
  climate text,
  coastal boolean NOT NULL DEFAULT false,
  sources jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE units (
  id serial PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  name text NOT NULL,
  UNIQUE (region_id, name)
);

CREATE TABLE frameworks (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_en text,
  version text NOT NULL,
  basis text,
  max_score numeric,
  pass_score numeric,
  source jsonb,
  builtin boolean NOT NULL DEFAULT false
);

-- One row per numbered item; its parts, variants and tiers are in definition (the engine's input).
CREATE TABLE indicators (
  id serial PRIMARY KEY,
  framework_id text NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  position integer NOT NULL,
  number text NOT NULL,
  name text NOT NULL,
  domain text,
  task text,
  unit text,
  attribute text,
  requirement text,
  points numeric,
  definition jsonb NOT NULL,
  source jsonb,
  UNIQUE (framework_id, number)
);

CREATE TABLE plans (
  id text PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  title text NOT NULL,
  issuer text,
  scope text,
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  base_year integer,
  target_years integer[] NOT NULL,
  document_id text REFERENCES documents(id),
  stated_summaries jsonb NOT NULL DEFAULT '[]',
  stated_projects jsonb,
  builtin boolean NOT NULL DEFAULT false,
  CHECK (period_start <= period_end)
);

CREATE TABLE plan_frameworks (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  framework_id text NOT NULL REFERENCES frameworks(id),
  position integer NOT NULL,
  PRIMARY KEY (plan_id, framework_id)
);

-- part is '' for an item without parts.
CREATE TABLE lead_units (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  unit_id integer NOT NULL REFERENCES units(id),
  position integer NOT NULL,
  PRIMARY KEY (plan_id, indicator_id, part, unit_id)
);

-- A value per indicator (or part), region and period, as printed, with its reading and provenance.
-- region_id leads every large table: the distribution key when PostgreSQL is scaled out.
CREATE TABLE observations (
  region_id integer NOT NULL REFERENCES regions(id),
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
  printed text NOT NULL,
  reading jsonb NOT NULL,
  data_year integer,
  flags text[] NOT NULL DEFAULT '{}',
  footnote jsonb,
  correction jsonb,
  reporting_unit_id integer REFERENCES units(id),
  source jsonb,
  note text,
  origin text NOT NULL DEFAULT 'entry' CHECK (origin IN ('document', 'entry', 'import')),
  plan_id text REFERENCES plans(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, indicator_id, part, year)
);

CREATE TABLE targets (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  year integer NOT NULL,
  printed text NOT NULL,
  source jsonb,
  PRIMARY KEY (plan_id, indicator_id, part, year)
);

-- What the document itself says: status, score, achievability. Kept beside, never over, the engine's.
CREATE TABLE stated_judgements (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('status', 'score', 'achievability')),
  payload jsonb NOT NULL,
  PRIMARY KEY (plan_id, indicator_id, part, kind)
);

-- A person's (or the document's) judgement that settles what the engine cannot compute.
CREATE TABLE confirmations (
  id bigserial PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text,
  year integer NOT NULL,
  status text CHECK (status IN ('met', 'notMet')),
  points numeric,
  confirmed_by text NOT NULL,
  confirmed_at text NOT NULL,
  reason text NOT NULL,
  source jsonb,
  plan_id text REFERENCES plans(id) ON DELETE CASCADE,
  origin text NOT NULL DEFAULT 'entry',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status IS NOT NULL OR points IS NOT NULL)
);

CREATE TABLE project_groups (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position integer NOT NULL,
  number text,
  name text NOT NULL,
  stated jsonb,
  PRIMARY KEY (plan_id, name)
);

CREATE TABLE projects (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position integer NOT NULL,
  number integer,
  group_name text NOT NULL,
  category text,
  sub_category text,
  name text NOT NULL,
  content text,
  investment_wan numeric CHECK (investment_wan >= 0),
  investment_printed text,
  years_printed text,
  year_start integer,
  year_end integer,
  lead_units text[] NOT NULL DEFAULT '{}',
  origin text,
  indicator_names text[] NOT NULL DEFAULT '{}',
  details jsonb NOT NULL DEFAULT '{}',
  source jsonb,
  FOREIGN KEY (plan_id, group_name) REFERENCES project_groups(plan_id, name)
);

CREATE TABLE builtin_data (
  id integer PRIMARY KEY CHECK (id = 1),
  hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 2,
    name: 'key tasks',
    sql: `
-- Key tasks as the plans write them: headings (chapter, section, subsection) and their clauses.
CREATE TABLE tasks (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  parent_id bigint REFERENCES tasks(id) ON DELETE CASCADE,
  position integer NOT NULL,
  depth integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('heading', 'clause')),
  number text,
  title text,
  text text,
  lead_units text[] NOT NULL DEFAULT '{}',
  cooperating_units text[] NOT NULL DEFAULT '{}',
  deadline text,
  indicator_names text[] NOT NULL DEFAULT '{}',
  source jsonb
);
CREATE INDEX tasks_plan ON tasks (plan_id, position);
`,
  },
  {
    version: 3,
    name: 'plan office',
    sql: `ALTER TABLE plans ADD COLUMN office jsonb;`,
  },
  {
    version: 4,
    name: 'drafts',
    sql: `
-- Figures a unit has typed but not submitted: kept as entered, not assessed.
CREATE TABLE drafts (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  unit_name text NOT NULL,
  year integer NOT NULL,
  entries jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, unit_name, year)
);
`,
  },
  {
    version: 5,
    name: 'project and task tracking',
    sql: `
-- Stable keys, so that progress and changes survive a reload of the plan's rows from the document.
ALTER TABLE projects ADD COLUMN key text;
UPDATE projects SET key = COALESCE(number::text, 'P' || position::text);
ALTER TABLE projects ALTER COLUMN key SET NOT NULL;
CREATE UNIQUE INDEX projects_plan_key ON projects (plan_id, key);
ALTER TABLE projects ADD COLUMN township text;
ALTER TABLE tasks ADD COLUMN key text;
UPDATE tasks SET key = 'T' || id::text;
CREATE INDEX tasks_plan_key ON tasks (plan_id, key);

-- Changes to the project list after the plan was issued: the document's rows stay as printed.
CREATE TABLE project_changes (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  project_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('add', 'adjust', 'cancel')),
  fields jsonb NOT NULL DEFAULT '{}',
  reason text NOT NULL CHECK (length(reason) > 0),
  effective_on date NOT NULL,
  recorded_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_changes_plan ON project_changes (plan_id, effective_on, id);

-- A progress report per project and period (month 2024-03 or quarter 2024-Q1).
CREATE TABLE project_progress (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  project_key text NOT NULL,
  period text NOT NULL,
  period_end date NOT NULL,
  investment_period_wan numeric CHECK (investment_period_wan >= 0),
  investment_cumulative_wan numeric NOT NULL CHECK (investment_cumulative_wan >= 0),
  physical_percent numeric CHECK (physical_percent BETWEEN 0 AND 100),
  status text NOT NULL CHECK (status IN ('notStarted', 'underway', 'completed', 'delayed', 'cancelled', 'adjusted')),
  milestones text,
  problems text,
  measures text,
  reporting_unit text,
  reported_by text,
  reported_on date NOT NULL,
  review text NOT NULL DEFAULT 'submitted' CHECK (review IN ('submitted', 'returned', 'accepted')),
  review_comment text,
  returned_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, project_key, period)
);

-- Files attached to a progress report, a task update or a reply to a supervision notice.
CREATE TABLE attachments (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  owner_kind text NOT NULL CHECK (owner_kind IN ('progress', 'taskUpdate', 'reply')),
  owner_id bigint NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id);

-- The annual work plan (年度工作计划): key tasks broken down by unit and year.
CREATE TABLE work_items (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year integer NOT NULL,
  task_key text,
  title text NOT NULL,
  lead_unit text NOT NULL,
  cooperating_units text[] NOT NULL DEFAULT '{}',
  deadline date NOT NULL,
  indicator_names text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'notStarted' CHECK (status IN ('notStarted', 'inProgress', 'done')),
  done_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_items_plan ON work_items (plan_id, year);

CREATE TABLE task_updates (
  id bigserial PRIMARY KEY,
  work_item_id bigint NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('notStarted', 'inProgress', 'done')),
  progress text NOT NULL,
  evidence text,
  reported_by text,
  reported_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 督办: raised for an overdue work item, addressed to its lead unit, answered by it.
CREATE TABLE supervision_notices (
  id bigserial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  work_item_id bigint NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  unit text NOT NULL,
  issued_on date NOT NULL,
  reply_due date NOT NULL,
  message text NOT NULL,
  issued_by text,
  reply text,
  replied_by text,
  replied_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_notices_plan ON supervision_notices (plan_id, work_item_id);

-- Per-plan settings: department assessment weights, reporting cadence.
CREATE TABLE plan_settings (
  plan_id text PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  settings jsonb NOT NULL DEFAULT '{}'
);
`,
  },
  {
    version: 6,
    name: 'accounts, sessions, audit trail, review',
    sql: `
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

-- A role held in a region (and, for a data clerk, for one unit). A null region means every region.
CREATE TABLE user_roles (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'planOffice', 'clerk', 'reviewer', 'leader', 'public')),
  region_id integer REFERENCES regions(id),
  unit_name text,
  CHECK (role <> 'clerk' OR (unit_name IS NOT NULL AND region_id IS NOT NULL))
);
CREATE INDEX user_roles_user ON user_roles (user_id);

-- Sessions: only a hash of the token is kept.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every change: who, when, from where, what, before and after. Append-only.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint,
  actor_name text NOT NULL,
  ip text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  plan_id text,
  region_id integer,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_plan ON audit_log (plan_id, at);
CREATE INDEX audit_log_region ON audit_log (region_id, at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$fn$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Review of entered figures: submitted -> approved, or returned with a comment (and submitted again).
ALTER TABLE observations ADD COLUMN review text NOT NULL DEFAULT 'approved' CHECK (review IN ('submitted', 'approved', 'returned'));
ALTER TABLE observations ADD COLUMN review_comment text;
ALTER TABLE observations ADD COLUMN reviewed_by text;
ALTER TABLE observations ADD COLUMN submitted_by text;

-- A year's assessment published: its figures are locked; a change is a revision with a reason, approved again.
CREATE TABLE publications (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  PRIMARY KEY (plan_id, year)
);
CREATE TABLE observation_revisions (
  id bigserial PRIMARY KEY,
  region_id integer NOT NULL,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  year integer NOT NULL,
  plan_id text REFERENCES plans(id) ON DELETE CASCADE,
  old_printed text NOT NULL,
  new_printed text NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  state text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'returned')),
  submitted_by text NOT NULL,
  reviewed_by text,
  review_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz
);
`,
  },
  {
    version: 7,
    name: 'sign-in guards: failures counted per user name and per address',
    sql: `
-- Failed sign-ins, counted atomically in the database so that every server process shares them: per
-- normalised user name (whether or not the account exists) and per network address. An attempt is
-- counted before its password is checked and given back when it succeeds.
CREATE TABLE sign_in_guards (
  kind text NOT NULL CHECK (kind IN ('name', 'address')),
  key text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);
-- the old per-account counter: the guards above replace it
ALTER TABLE users DROP COLUMN failed_attempts;
ALTER TABLE users DROP COLUMN locked_until;
`,
  },
  {
    version: 8,
    name: 'earlier report dates stated by the plan office, with a reason',
    sql: `
-- A report date earlier than the day it was entered is stated by the plan office with a reason, shown to
-- the reviewer (the audit trail keeps who and when).
ALTER TABLE project_progress ADD COLUMN backdate_reason text;
ALTER TABLE task_updates ADD COLUMN backdate_reason text;
`,
  },
  {
    version: 9,
    name: 'assessment inputs announce their changes (LISTEN/NOTIFY) so that every server forgets what they touch',
    sql: `
-- Every change to what an assessment reads is announced on this schema's channel when it commits, from the
-- server, another server or the command line alike; each server listens and forgets the assessments it
-- touches (src/server/assessmentCache.ts). Payloads: 'r|<region>|<year>' — the figures, confirmations or
-- revisions of that region from that year on changed (a year's assessment reads every earlier year for its
-- trend); '*' — a plan, framework, indicator, target, unit or region changed: forget everything.
CREATE FUNCTION ecociv_readings_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE c record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR c IN SELECT region_id, min(year) AS y FROM changed_new GROUP BY region_id LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR c IN SELECT region_id, min(year) AS y FROM changed_old GROUP BY region_id LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y);
    END LOOP;
  ELSE
    FOR c IN SELECT region_id, min(year) AS y FROM (SELECT region_id, year FROM changed_new UNION ALL SELECT region_id, year FROM changed_old) x GROUP BY region_id LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y);
    END LOOP;
  END IF;
  RETURN NULL;
END $fn$;
CREATE FUNCTION ecociv_structure_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('ecociv_inputs_' || current_schema(), '*');
  RETURN NULL;
END $fn$;
DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['observations', 'confirmations', 'observation_revisions'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_readings_changed()', t || '_notify_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_readings_changed()', t || '_notify_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ecociv_readings_changed()', t || '_notify_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ecociv_structure_changed()', t || '_notify_truncate', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['documents', 'regions', 'units', 'frameworks', 'indicators', 'plans', 'plan_frameworks', 'lead_units', 'targets', 'stated_judgements'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION ecociv_structure_changed()', t || '_notify_change', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ecociv_structure_changed()', t || '_notify_truncate', t);
  END LOOP;
END $do$;
`,
  },
  {
    version: 10,
    name: 'accounts announce their changes, and figures their framework (LISTEN/NOTIFY), so that every server forgets only what they touch',
    sql: `
-- Figures, confirmations and revisions now name their framework too: 'r|<region>|<year>|<framework>' (empty when
-- the indicator is gone), so that a kept assessment recomputes only the framework a change touches.
CREATE OR REPLACE FUNCTION ecociv_readings_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE c record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR c IN SELECT x.region_id, coalesce(i.framework_id, '') AS f, min(x.year) AS y FROM changed_new x LEFT JOIN indicators i ON i.id = x.indicator_id GROUP BY 1, 2 LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y || '|' || c.f);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR c IN SELECT x.region_id, coalesce(i.framework_id, '') AS f, min(x.year) AS y FROM changed_old x LEFT JOIN indicators i ON i.id = x.indicator_id GROUP BY 1, 2 LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y || '|' || c.f);
    END LOOP;
  ELSE
    FOR c IN SELECT x.region_id, coalesce(i.framework_id, '') AS f, min(x.year) AS y
             FROM (SELECT region_id, indicator_id, year FROM changed_new UNION ALL SELECT region_id, indicator_id, year FROM changed_old) x
             LEFT JOIN indicators i ON i.id = x.indicator_id GROUP BY 1, 2 LOOP
      PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'r|' || c.region_id || '|' || c.y || '|' || c.f);
    END LOOP;
  END IF;
  RETURN NULL;
END $fn$;

-- Servers keep sessions between requests (src/server/accessCache.ts). Every change to an account — the user row,
-- their roles, their sessions ended — is announced on the schema's channel when it commits, as 'u|<user id>', so
-- that a signed-out session, a disabled account or a changed role takes effect on every server at once. A new
-- session (signing in) needs no announcement: nothing is kept of a token before it exists.
CREATE FUNCTION ecociv_accounts_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE c record;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP = 'DELETE' THEN
      FOR c IN SELECT DISTINCT id AS u FROM changed_old LOOP PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'u|' || c.u); END LOOP;
    ELSE
      FOR c IN SELECT DISTINCT id AS u FROM changed_new LOOP PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'u|' || c.u); END LOOP;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    FOR c IN SELECT DISTINCT user_id AS u FROM changed_new LOOP PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'u|' || c.u); END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR c IN SELECT DISTINCT user_id AS u FROM changed_old LOOP PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'u|' || c.u); END LOOP;
  ELSE
    FOR c IN SELECT user_id AS u FROM changed_old UNION SELECT user_id FROM changed_new LOOP PERFORM pg_notify('ecociv_inputs_' || current_schema(), 'u|' || c.u); END LOOP;
  END IF;
  RETURN NULL;
END $fn$;
CREATE TRIGGER users_notify_update AFTER UPDATE ON users REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER users_notify_delete AFTER DELETE ON users REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER user_roles_notify_insert AFTER INSERT ON user_roles REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER user_roles_notify_update AFTER UPDATE ON user_roles REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER user_roles_notify_delete AFTER DELETE ON user_roles REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ecociv_accounts_changed();
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION ecociv_structure_changed();
CREATE TRIGGER user_roles_notify_truncate AFTER TRUNCATE ON user_roles FOR EACH STATEMENT EXECUTE FUNCTION ecociv_structure_changed();
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION ecociv_structure_changed();
`,
  },
  {
    version: 11,
    name: 'readings as typed columns beside the printed text',
    sql: `
-- The reading in force (a documented correction's when there is one, else the printed value's) as typed
-- columns, so that a status needs no JSON: derived by the database from the jsonb, for the rows already
-- there (this migration) and for every later write by any path (generated columns cannot be written, so
-- they cannot disagree with the jsonb). The jsonb and the printed text stay: provenance and display use them.
-- JSON has no infinity: an open interval's end is stored in the jsonb as '+inf' / '-inf' (src/store/reading.ts),
-- which float8 reads as ±Infinity.
-- A composite value (完成上级规定的考核任务；98.1（保持稳定）) has value_kind 'composite' and its pieces in
-- value_pieces (still jsonb: the only rows whose status needs JSON; null for every other row).
CREATE FUNCTION ecociv_value_in_force(reading jsonb, correction jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN COALESCE(correction->'reading'->'value', reading->'value');
ALTER TABLE observations
  -- number, state, trend, done, undone, absent, none or composite (the engine's Value kinds)
  ADD COLUMN value_kind text GENERATED ALWAYS AS (ecociv_value_in_force(reading, correction)->>'kind') STORED,
  -- a number's interval: 98.3 is [98.3, 98.3]; 大于70 is (70, +Infinity); 接近100 is [95, 100]
  ADD COLUMN value_lo float8 GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'lo')::float8) STORED,
  ADD COLUMN value_hi float8 GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'hi')::float8) STORED,
  ADD COLUMN value_lo_open boolean GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'loOpen')::boolean) STORED,
  ADD COLUMN value_hi_open boolean GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'hiOpen')::boolean) STORED,
  -- a trend's direction, or the trend printed beside a number (98.1（保持稳定）)
  ADD COLUMN value_trend text GENERATED ALWAYS AS (ecociv_value_in_force(reading, correction)->>'trend') STORED,
  -- a state's level: 0 未开展/未制定 … 4 有效/全面实施
  ADD COLUMN value_level smallint GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'level')::smallint) STORED,
  -- the word as printed (a state's, a done's, an absence's, no data's), or a trend's subject (面积)
  ADD COLUMN value_word text GENERATED ALWAYS AS (COALESCE(ecociv_value_in_force(reading, correction)->>'word', ecociv_value_in_force(reading, correction)->>'subject')) STORED,
  -- a trend that is an estimate (预估下降)
  ADD COLUMN value_estimated boolean GENERATED ALWAYS AS ((ecociv_value_in_force(reading, correction)->>'estimated')::boolean) STORED,
  -- a composite's pieces, as the engine's Values
  ADD COLUMN value_pieces jsonb GENERATED ALWAYS AS (CASE WHEN ecociv_value_in_force(reading, correction)->>'kind' = 'composite' THEN ecociv_value_in_force(reading, correction)->'parts' END) STORED;
`,
  },
  {
    version: 12,
    name: 'monitoring: stations, sections, hourly air data, water samples, links to indicators, computed figures',
    sql: `
-- Monitoring stations (air), water sections and drinking-water sources of a region, from the platform's list
-- or typed in the web. code is the platform's code (or the name when a list has none); counts_from/counts_to
-- bound the dates a station counts towards the region's statistics (a station moved or added mid-year).
CREATE TABLE stations (
  id serial PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('air', 'water', 'drinking')),
  code text NOT NULL CHECK (length(code) > 0),
  name text NOT NULL CHECK (length(name) > 0),
  -- 国控 national, 省控 provincial, 市控 municipal, 县控 county
  level text CHECK (level IN ('national', 'provincial', 'municipal', 'county')),
  -- water: river, lake or reservoir (GB 3838's evaluation differs); the waterbody's name (阿蓬江)
  waterbody text CHECK (waterbody IN ('river', 'lake', 'reservoir')),
  water_name text,
  -- water: the section's target class, 1 = Ⅰ … 5 = Ⅴ
  target_class smallint CHECK (target_class BETWEEN 1 AND 5),
  township text,
  longitude float8 CHECK (longitude BETWEEN -180 AND 180),
  latitude float8 CHECK (latitude BETWEEN -90 AND 90),
  counts_from date,
  counts_to date,
  -- where the row came from: { file, sheet?, row } or { user }
  source jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, kind, code)
);

-- One file read into the store: the provenance every hour, day and sample points back to.
CREATE TABLE monitoring_imports (
  id serial PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('stations', 'air-hours', 'air-days', 'water')),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  rows integer NOT NULL,
  first_at timestamp,
  last_at timestamp,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- Hourly air concentrations, hour = the start of the hour in Beijing time (the hour 00:00–01:00 is 00:00).
-- µg/m³, CO mg/m³; null = missing or marked invalid by the platform (the mark kept in marks: { "PM2.5": "H" }).
CREATE TABLE air_hours (
  station_id integer NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
  hour timestamp NOT NULL,
  so2 real, no2 real, co real, o3 real, pm10 real, pm25 real,
  marks jsonb,
  import_id integer NOT NULL REFERENCES monitoring_imports(id),
  PRIMARY KEY (station_id, hour)
);

-- Daily air values as a platform publishes them (24-hour means; O3 the daily maximum 8-hour mean), for
-- stations whose hours are not held. Days computed from air_hours are not stored here.
CREATE TABLE air_days (
  station_id integer NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
  day date NOT NULL,
  so2 real, no2 real, co real, o3_8h real, pm10 real, pm25 real,
  marks jsonb,
  import_id integer NOT NULL REFERENCES monitoring_imports(id),
  PRIMARY KEY (station_id, day)
);

-- Water samples of a section or source: { "pH": 7.6, "DO": 8.1, "CODMn": 2.3, … } in mg/L (pH without unit,
-- fecal coliform per L), the parameter names of src/domain/waterClass.ts.
CREATE TABLE water_samples (
  station_id integer NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
  sampled_on date NOT NULL,
  sample_values jsonb NOT NULL,
  marks jsonb,
  import_id integer NOT NULL REFERENCES monitoring_imports(id),
  PRIMARY KEY (station_id, sampled_on)
);

-- Which statistic of which stations feeds which indicator of a plan, set once by the plan office.
CREATE TABLE monitoring_links (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  statistic text NOT NULL,
  station_ids integer[] NOT NULL,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, indicator_id, part)
);

-- The latest figure computed for a linked indicator and year, kept whatever the observation holds: when a
-- person's figure is there, it stays, and both are shown with their difference.
CREATE TABLE computed_figures (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  part text NOT NULL DEFAULT '',
  year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
  region_id integer NOT NULL REFERENCES regions(id),
  statistic text NOT NULL,
  -- null when the data is not enough (provenance says why): the figure is then 无数据, never 0
  value float8,
  printed text NOT NULL,
  provenance jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, indicator_id, part, year)
);

ALTER TABLE observations DROP CONSTRAINT observations_origin_check;
ALTER TABLE observations ADD CONSTRAINT observations_origin_check CHECK (origin IN ('document', 'entry', 'import', 'computed'));
`,
  },
  // version 13 is reserved for another branch (issue #16's monitoring part); each version is applied on its own
  {
    version: 13,
    name: 'pollution sources, outlets, devices, permitted limits; HJ 212 source data (by month) and the packet log',
    sql: `
-- The pollution-source registry (issue #16): an enterprise of a region, its outlets, the data-acquisition
-- devices (数采仪, by MN) at each outlet and the pollutants each outlet is permitted to discharge.
CREATE TABLE pollution_sources (
  id serial PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions(id),
  name text NOT NULL CHECK (length(name) > 0),
  -- 统一社会信用代码 (GB 32100-2015: 18 characters)
  credit_code text NOT NULL CHECK (length(credit_code) > 0),
  address text,
  township text,
  grid text,
  responsible_unit text,
  -- where the row came from: { file, sheet, row } or { user }
  source jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, credit_code)
);

CREATE TABLE outlets (
  id serial PRIMARY KEY,
  source_id integer NOT NULL REFERENCES pollution_sources(id) ON DELETE CASCADE,
  -- 废气 gas, 废水 water
  kind text NOT NULL CHECK (kind IN ('gas', 'water')),
  code text NOT NULL CHECK (length(code) > 0),
  name text NOT NULL CHECK (length(name) > 0),
  source jsonb,
  UNIQUE (source_id, code)
);

-- A data-acquisition device. password: the HJ 212 PW, a shared secret the device sends in clear in every
-- packet, so it is stored as given. deviations: what the operator allowed this device against the standard
-- (src/domain/hj212.ts Deviation); deviation_grants: who allowed each, when and why (also in the audit).
CREATE TABLE devices (
  id serial PRIMARY KEY,
  outlet_id integer NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
  mn text NOT NULL UNIQUE CHECK (length(mn) > 0),
  password text NOT NULL,
  edition text NOT NULL DEFAULT 'HJ 212-2017' CHECK (edition IN ('HJ/T 212-2005', 'HJ 212-2017', 'HJ 212-2025')),
  deviations text[] NOT NULL DEFAULT '{}',
  deviation_grants jsonb NOT NULL DEFAULT '[]',
  source jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A pollutant an outlet is permitted to discharge, with the limit of the discharge permit (排污许可证).
-- averaging: 'hour' (小时均值) or 'day' (日均值).
CREATE TABLE outlet_pollutants (
  outlet_id integer NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
  code text NOT NULL CHECK (length(code) > 0),
  name text,
  limit_value float8,
  unit text,
  averaging text NOT NULL CHECK (averaging IN ('hour', 'day')),
  permit_number text,
  source jsonb,
  PRIMARY KEY (outlet_id, code, averaging)
);

-- Values received from devices, one row per device, command and data time — the key packets are deduplicated
-- by: cn 2011 real-time, 2051 minute, 2061 hourly, 2031 daily. pollutants: per pollutant code (a34013, w01018 …)
-- its values as HJ 212 names them, { "rtd", "avg", "min", "max", "cou", "zsRtd", "zsAvg", "zsMin", "zsMax" (折算,
-- converted to the reference oxygen content), "flag" (the data mark, HJ 212-2017 §6.6.4 表8) }. One row per packet
-- rather than per pollutant: a minute packet of 8 pollutants is one row, not 8 (a batch writes in an eighth of
-- the time). data_time: the packet's DataTime, the device's clock (Beijing time). Partitioned by month of
-- data_time (on both engines: PGlite supports declarative partitioning); the writer makes a month's partition
-- before it inserts (src/store/sourceData.ts). No foreign key: a device's data outlives a registry edit, and
-- the check would cost a look-up per row.
CREATE TABLE source_data (
  device_id integer NOT NULL,
  region_id integer NOT NULL,
  cn smallint NOT NULL CHECK (cn IN (2011, 2051, 2061, 2031)),
  data_time timestamp NOT NULL,
  pollutants jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, cn, data_time)
) PARTITION BY RANGE (data_time);

-- Every packet the gateway received: accepted, duplicate (acknowledged, stored once) or refused, with why
-- (the codes of checkPacket and the gateway's own: unknownDevice, password, …), the first 2 KB of its bytes.
CREATE TABLE packet_log (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL,
  remote text,
  mn text,
  cn text,
  device_id integer,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'refused')),
  reasons text[] NOT NULL DEFAULT '{}',
  deviations text[] NOT NULL DEFAULT '{}',
  size integer NOT NULL,
  bytes bytea NOT NULL
);
CREATE INDEX packet_log_received ON packet_log (received_at);
CREATE INDEX packet_log_mn ON packet_log (mn, received_at);

-- Settings of the monitoring stream (retention: { "months": 36 }).
CREATE TABLE source_data_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 14,
    name: "what a plan's prose states about its own tables (figures, item counts), for the consistency check",
    sql: `ALTER TABLE plans ADD COLUMN IF NOT EXISTS statements jsonb NOT NULL DEFAULT '[]';`,
  },
  {
    version: 15,
    name: 'alarms of pollution sources and the rules that dispatch them as work items',
    sql: `
-- An alarm (issue #16, early warning): a condition found in a device's data (src/domain/alarms.ts), lasting while
-- it is open. One open alarm per device, pollutant ('' for the device as a whole) and kind: the unique index is the
-- deduplication. state: raised 产生 → acknowledged 确认 → handling 处置 → closed 关闭; history: each step with who,
-- when and the note. figures: the finding's figures; reason: said in words when it was last seen. work_item_id:
-- the work item it was dispatched as (null when no rule applied: said in dispatch_note).
CREATE TABLE alarms (
  id bigserial PRIMARY KEY,
  device_id integer NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  pollutant text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('exceedance', 'stuck', 'zero', 'negative', 'outOfRange', 'silent', 'lowTransmission')),
  state text NOT NULL DEFAULT 'raised' CHECK (state IN ('raised', 'acknowledged', 'handling', 'closed')),
  raised_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  figures jsonb NOT NULL,
  reason text NOT NULL,
  history jsonb NOT NULL DEFAULT '[]',
  clear_candidate boolean NOT NULL DEFAULT false,
  work_item_id bigint REFERENCES work_items(id) ON DELETE SET NULL,
  dispatch_note text
);
CREATE UNIQUE INDEX alarms_open ON alarms (device_id, pollutant, kind) WHERE state <> 'closed';
CREATE INDEX alarms_raised ON alarms (raised_at);

-- Who gets an alarm's work item: per plan (the work plan it lands in) and kind ('*' any kind). assignee:
-- 'responsibleUnit' (the source's 责任单位), 'grid' (its 网格), or 'unit' with unit_name. deadline_days: days
-- from the alarm to the item's deadline. Edited by the plan office; each change audited.
CREATE TABLE alarm_rules (
  plan_id text NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('*', 'exceedance', 'stuck', 'zero', 'negative', 'outOfRange', 'silent', 'lowTransmission')),
  assignee text NOT NULL CHECK (assignee IN ('responsibleUnit', 'grid', 'unit')),
  unit_name text,
  deadline_days integer NOT NULL CHECK (deadline_days BETWEEN 1 AND 365),
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, kind),
  CHECK (assignee <> 'unit' OR length(unit_name) > 0)
);
`,
  },
];

/** Bring the schema up to date. Safe to call on every start, by several processes at once. */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // serialise concurrent starters on a server
      await tx.query('SELECT pg_advisory_xact_lock(771001)');
      const r = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (r.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
