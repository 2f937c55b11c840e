import { isUniqueViolation } from '../../db/dialect.js';
import {
  CATALOG_PARTS,
  STARTER_THREATS,
  STARTER_VULNERABILITIES,
  type CatalogStartingSetResult,
} from '../../schema/risks/threat-catalog.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { insertRecord } from '../register/register.service.js';
import { threatsModule, vulnerabilitiesModule } from './threats.module.js';
import { inOrgTransaction } from '../transaction.js';

/**
 * Loads the project's starting threat and vulnerability catalogs into the organization, in one transaction with
 * one audit event (plus each record's own). Idempotent by key: an entry the organization already got, even renamed,
 * rewritten or archived, is never added again, so loading twice creates nothing the second time.
 */
export async function addStartingCatalog(
  ctx: OrgContext,
  parts: readonly (typeof CATALOG_PARTS)[number][] = CATALOG_PARTS,
): Promise<CatalogStartingSetResult> {
  try {
    return await inOrgTransaction(ctx, async (trx) => {
      const keysOf = async (table: 'threats' | 'vulnerabilities') =>
        new Set(
          (
            await trx
              .selectFrom(table)
              .select('starterKey')
              .where('orgId', '=', ctx.org.id)
              .where('starterKey', 'is not', null)
              .execute()
          ).map((r) => r.starterKey!),
        );
      const haveThreats = await keysOf('threats');
      const haveVulnerabilities = await keysOf('vulnerabilities');

      const threats: string[] = [];
      if (parts.includes('threats')) {
        for (const t of STARTER_THREATS) {
          if (haveThreats.has(t.key)) continue;
          const rec = await insertRecord(ctx, trx, threatsModule, {
            name: t.name,
            group: t.group,
            origin: t.origin,
            description: t.description,
            affectsConfidentiality: t.c,
            affectsIntegrity: t.i,
            affectsAvailability: t.a,
            starterKey: t.key,
          });
          threats.push(rec.ref);
        }
      }
      const vulnerabilities: string[] = [];
      if (parts.includes('vulnerabilities')) {
        for (const v of STARTER_VULNERABILITIES) {
          if (haveVulnerabilities.has(v.key)) continue;
          const rec = await insertRecord(ctx, trx, vulnerabilitiesModule, {
            name: v.name,
            group: v.group,
            description: v.description,
            starterKey: v.key,
          });
          vulnerabilities.push(rec.ref);
        }
      }
      if (threats.length || vulnerabilities.length) {
        await recordAudit(trx, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          ip: ctx.ip,
          entityType: 'threat',
          event: { type: 'threat_catalog.starting_set_added', payload: { threats, vulnerabilities } },
        });
      }
      const known = (have: Set<string>, all: readonly { key: string }[]) => all.filter((x) => have.has(x.key)).length;
      return {
        threats: { created: threats.length, existing: known(haveThreats, STARTER_THREATS) },
        vulnerabilities: {
          created: vulnerabilities.length,
          existing: known(haveVulnerabilities, STARTER_VULNERABILITIES),
        },
      };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('Someone else loaded the starting catalog at the same moment; reload to see it');
    throw err;
  }
}
