// Settle an indicator the engine cannot decide: the store checks the entry, the assessment of the year
// says whether the indicator is open to a judgement, and the store saves it beside the computed result.
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import type { Db } from '../store/db.ts';
import { checkConfirmation, saveConfirmation, type ConfirmationEntry } from '../store/recordConfirmation.ts';
import { assessPlan } from './assessPlan.ts';

export type { ConfirmationEntry };

export async function recordConfirmation(db: Db, e: ConfirmationEntry, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const checked = await checkConfirmation(db, e, actor);
  const assessment = await assessPlan(db, e.plan, e.year);
  const item = assessment.frameworks.find((f) => f.id === e.framework)?.results.find((r) => r.number === e.number);
  await saveConfirmation(db, checked, item, actor);
}
