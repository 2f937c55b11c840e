/**
 * Type-level test: checked by `npm run typecheck` (tsconfig includes test/), never run. Each `@ts-expect-error`
 * line must fail to compile, or tsc reports the directive as unused and the typecheck fails; the lines without one
 * must compile. Together they prove that a register definition yields the static types of its record and bodies.
 */
import type { z } from 'zod';
import { riskRegister, type RiskRecord } from '../../src/schema/risks/risk.register.js';
import { actionRegister, type ActionRecord } from '../../src/schema/actions/action.register.js';
import type { CreateBodyOf, RecordOf, UpdateBodyOf } from '../../src/schema/register/define-register.js';
import type { RiskCreateBody } from '../../src/schema/risks/risks.schema.js';

type RiskFields = typeof riskRegister.fields;
type ActionFields = typeof actionRegister.fields;
declare const risk: RiskRecord;
declare const action: ActionRecord;

// A record has its fields, with their types, and the base columns.
export const likelihood: number | null = risk.likelihood;
export const title: string | null = risk.title;
export const acceptable: boolean | null = risk.acceptable;
export const status: 'identified' | 'assessed' | 'treatment_planned' | 'accepted' | 'closed' | null = risk.status;
export const version: number = risk.version;
export const archivedAt: string | null = risk.archivedAt;
// @ts-expect-error a misspelt field
export const misspelt = risk.likelyhood;
// @ts-expect-error an integer field is not text
export const wrongType: string | null = risk.likelihood;
// @ts-expect-error another register's field
export const foreign = action.likelihood;
// @ts-expect-error an enum field holds only its options
export const widened: 'open' | null = action.status;

// The exported record types are the definitions' record types, and the schema infers them too.
export const same: RecordOf<RiskFields> = risk;
export const inferred: z.infer<typeof riskRegister.recordSchema> = risk;

// Create bodies: required fields (required and without a default) must be there; others may be left out.
export const minimal: CreateBodyOf<ActionFields> = { title: 'Patch the VPN' };
export const full: CreateBodyOf<ActionFields> = { title: 'Patch', status: 'in_progress', ownerId: null };
// @ts-expect-error an unknown field
export const bogus: CreateBodyOf<ActionFields> = { title: 'Patch', bogus: 1 };
// @ts-expect-error a value that is not one of the enum's options
export const wrongOption: CreateBodyOf<ActionFields> = { title: 'Patch', status: 'finished' };
// @ts-expect-error the required title is missing
export const missing: CreateBodyOf<ActionFields> = { status: 'open' };
// @ts-expect-error a read-only field (set by the server) is not part of a body
export const readOnly: CreateBodyOf<ActionFields> = { title: 'Patch', completedAt: '2026-01-01' };
// @ts-expect-error a field with a default can be left out but not cleared
export const clearedDefault: CreateBodyOf<ActionFields> = { title: 'Patch', status: null };
// @ts-expect-error an integer field takes a number
export const textLevel: CreateBodyOf<RiskFields> = { title: 'Flood', likelihood: 'high' };

// Update bodies: everything optional, clearable fields nullable, a required field never null.
export const update: UpdateBodyOf<RiskFields> = { likelihood: 3, description: null, expectedVersion: 2 };
export const empty: UpdateBodyOf<RiskFields> = {};
// @ts-expect-error a required field cannot be cleared
export const clearTitle: UpdateBodyOf<RiskFields> = { title: null };
// @ts-expect-error a misspelt field
export const misspeltUpdate: UpdateBodyOf<RiskFields> = { likelyhood: 3 };

// The zod schemas carry the same types.
export const parsed: CreateBodyOf<ActionFields> = actionRegister.createSchema.parse({ title: 'x' });
// @ts-expect-error the parsed body has no such field
export const parsedBogus = actionRegister.createSchema.parse({ title: 'x' }).bogus;

// A create body extended with more fields (createSchemaWith) keeps the register's fields and adds the new ones.
export const withAssets: RiskCreateBody = { title: 'Flood', likelihood: 2, assetIds: [] };
export const registerPart: CreateBodyOf<RiskFields> = withAssets;
// @ts-expect-error an unknown extra field
export const bogusExtra: RiskCreateBody = { title: 'Flood', assetIdz: [] };
// @ts-expect-error the added field keeps its type
export const wrongExtra: RiskCreateBody = { title: 'Flood', assetIds: 'all' };
// @ts-expect-error the register's fields keep theirs
export const wrongField: RiskCreateBody = { title: 'Flood', likelihood: 'high' };
