import type { FieldError } from '../../../schema/common/problem.js';

/** One refusal of the independence check, as the server names it (`PRC-2: owner (auditor <id>)`). */
export interface IndependenceConflict {
  field: string;
  objectRef: string;
  /** `owner`, or `assigned to ROLE-3` */
  reason: string;
  auditorId: string | null;
}

const LINE = /^(.+?): (.+?) \(auditor ([^)]+)\)$/;

/**
 * The conflicts a 409 of the independence check lists, one per field error (`{objectRef}: {reason} (auditor
 * {id})`). The problem has no structured form of them, so the message is read; a message of another shape is
 * no conflict (the caller then shows the error as it came).
 */
export function independenceConflicts(errors: readonly FieldError[]): IndependenceConflict[] {
  const out: IndependenceConflict[] = [];
  for (const e of errors) {
    const m = LINE.exec(e.message);
    if (m) out.push({ field: e.field.replace(/^body\./, ''), objectRef: m[1]!, reason: m[2]!, auditorId: m[3]! });
  }
  return out;
}

/** What the object is, from the field the refusal names: the team and scope concern ISMS processes. */
export function objectNoun(field: string): 'process' | 'control' | 'record' {
  return field === 'members' || field === 'processIds' ? 'process' : field === 'controlId' ? 'control' : 'record';
}
