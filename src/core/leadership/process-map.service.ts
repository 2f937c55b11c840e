import type { ProcessMap } from '../../schema/leadership/process-map.schema.js';
import type { OrgContext } from '../context.js';

/** A diagram beyond this many boxes is no longer readable; the list remains for larger sets. */
const MAP_LIMIT = 300;

/** Every current process and every current interaction between two current processes, for the diagram. */
export async function getProcessMap(ctx: OrgContext): Promise<ProcessMap> {
  const processes = await ctx.db
    .selectFrom('ismsProcesses')
    .select(['id', 'ref', 'name', 'status', 'ownerId', 'clauses'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .orderBy('ref')
    .limit(MAP_LIMIT)
    .execute();
  const ids = new Set(processes.map((p) => p.id));
  const interactions = await ctx.db
    .selectFrom('processInteractions')
    .select(['id', 'ref', 'fromProcessId', 'toProcessId', 'flows', 'description'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .orderBy('ref')
    .limit(MAP_LIMIT * 4)
    .execute();
  return { processes, interactions: interactions.filter((i) => ids.has(i.fromProcessId) && ids.has(i.toProcessId)) };
}
