import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-versions-approvals-scope.js';
import * as m0003 from './0003-context.js';
import * as m0004 from './0004-leadership.js';
import * as m0005 from './0005-assets.js';
import * as m0006 from './0006-isms-risks.js';
import * as m0007 from './0007-risk-register.js';
import * as m0008 from './0008-evidence.js';
import * as m0009 from './0009-controls.js';
import * as m0010 from './0010-documents.js';
import * as m0011 from './0011-classification-scheme.js';
import * as m0012 from './0012-one-per-organization-indexes.js';
import * as m0013 from './0013-audit-checkpoints.js';
import * as m0014 from './0014-login-throttle-invitations.js';
import * as m0015 from './0015-risk-owner-since.js';
import * as m0016 from './0016-automation-accounts.js';
import * as m0017 from './0017-list-order-indexes.js';
import * as m0018 from './0018-nonconformities.js';
import * as m0019 from './0019-internal-audit.js';
import * as m0020 from './0020-audit-findings-raised.js';
import * as m0021 from './0021-nonconformity-due-date.js';
import * as m0022 from './0022-objectives.js';
import * as m0023 from './0023-measures.js';
import * as m0024 from './0024-job-leases.js';
import * as m0025 from './0025-management-review.js';
import * as m0026 from './0026-party-feedback.js';
import * as m0027 from './0027-risk-results.js';
import * as m0028 from './0028-review-list-indexes.js';

/** Ordered list of migrations. Append only; never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-versions-approvals-scope': m0002,
  '0003-context': m0003,
  '0004-leadership': m0004,
  '0005-assets': m0005,
  '0006-isms-risks': m0006,
  '0007-risk-register': m0007,
  '0008-evidence': m0008,
  '0009-controls': m0009,
  '0010-documents': m0010,
  '0011-classification-scheme': m0011,
  '0012-one-per-organization-indexes': m0012,
  '0013-audit-checkpoints': m0013,
  '0014-login-throttle-invitations': m0014,
  '0015-risk-owner-since': m0015,
  '0016-automation-accounts': m0016,
  '0017-list-order-indexes': m0017,
  '0018-nonconformities': m0018,
  '0019-internal-audit': m0019,
  '0020-audit-findings-raised': m0020,
  '0021-nonconformity-due-date': m0021,
  '0022-objectives': m0022,
  '0023-measures': m0023,
  '0024-job-leases': m0024,
  '0025-management-review': m0025,
  '0026-party-feedback': m0026,
  '0027-risk-results': m0027,
  '0028-review-list-indexes': m0028,
};
