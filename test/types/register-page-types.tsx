/**
 * Type-level test of the generic web pages (checked by `npm run typecheck`, never run; see register-types.ts): the
 * callbacks of a register's detail page, of a versioned document page and of a one-per-organization page get that
 * register's typed record, so a module page reads its fields without `typeof` guards or casts.
 */
import {
  COMMITMENTS,
  leadershipCommitmentRegister,
} from '../../src/schema/leadership/leadership-commitment.register.js';
import { scopeRegister } from '../../src/schema/scope/scope.register.js';
import { RegisterDetailPage } from '../../src/web/register/register-pages.js';
import type { ContextPath } from '../../src/web/register/register-pages.js';
import { OnePerOrganizationPage } from '../../src/web/versioning/one-per-organization.js';

declare const path: ContextPath;

export const detail = (
  <RegisterDetailPage
    register={leadershipCommitmentRegister}
    path={path}
    canEdit={(r) => {
      // the enum's options, typed (with RegisterRecord this was `unknown`)
      const commitment: (typeof COMMITMENTS)[number] | null = r.commitment;
      return commitment !== 'resources';
    }}
    // a date field is text (or null), known without a guard
    linkFrom={(r) => (r.date?.startsWith('2026') ? ['requirement'] : undefined)}
    canArchive={(r) => {
      // @ts-expect-error an enum field holds only its options
      const wrong: 'policy' | null = r.commitment;
      // @ts-expect-error a misspelt field is no text of the register
      const misspelt: string | null = r.titel;
      return wrong === null && misspelt === null;
    }}
  />
);

export const theOne = (
  <OnePerOrganizationPage org="o" register={scopeRegister} title="" group="" empty={() => null}>
    {(record) => {
      const ref: string = record.ref;
      // @ts-expect-error the scope register has no such field: nothing typed to read
      const missing: number | null = record.likelihood;
      return `${ref}${String(missing)}`;
    }}
  </OnePerOrganizationPage>
);
