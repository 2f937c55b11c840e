import { createRequire } from 'node:module';
import type { Role } from '../../schema/auth/roles.js';
import type { EvidenceUploadFields } from '../../schema/evidence/evidence.schema.js';
import type { OrgContext } from '../context.js';
import { EVIDENCE_LINK_KIND } from '../../schema/evidence/evidence.register.js';
import { uploadEvidence } from '../evidence/evidence-upload.service.js';
import { createLink } from '../links/links.service.js';
import { sha256Of } from '../evidence/file-blobs.js';
import { encodePng } from '../util/png-encode.js';

const require = createRequire(import.meta.url);
// pdfmake's server build with its bundled fonts only, as the document exports use it (no URL, no other file).
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Evidence files of the demo: a signed access review (PDF), awareness attendance (CSV), a photo of the badge reader
 * (PNG), scope workshop minutes (text), and the cloud provider's certificate — last year's, expired and superseded
 * by this year's — attached to the actions and the scope statement they prove.
 */
export async function seedEvidence(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const actionId = async (title: string) =>
    (
      await ctx.db
        .selectFrom('actions')
        .select('id')
        .where('orgId', '=', ctx.org.id)
        .where('title', '=', title)
        .executeTakeFirst()
    )?.id;
  const scope = await ctx.db
    .selectFrom('scopes')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .orderBy('createdAt')
    .executeTakeFirst();
  const upload = async (fields: EvidenceUploadFields, fileName: string, content: Buffer) =>
    uploadEvidence(ctx, fields, { content, sha256: sha256Of(content), fileName });
  const attach = (id: string | undefined, type = 'action') => (id ? { attachToType: type, attachToId: id } : {});

  const review = await actionId('Set up the access review for the finance system');
  await upload(
    {
      title: 'Access review of the finance system — signed record',
      description: 'Exported user list with the system owner’s decision per account; three stale accounts removed.',
      collectedOn: inDays(-21),
      validUntil: inDays(70),
      ownerId: ids.isms_manager,
      ...attach(review),
    },
    'access-review-finance-system.pdf',
    await accessReviewPdf(),
  );

  const awareness = await actionId('Run the first information security awareness session');
  await upload(
    {
      title: 'Awareness session attendance',
      description: 'Attendance list exported from the meeting tool.',
      collectedOn: inDays(-5),
      ownerId: ids.contributor,
      ...attach(awareness),
    },
    'awareness-attendance.csv',
    Buffer.from(
      'Name,Team,Attended,Quiz score\nAda Lovelace,Engineering,yes,9/10\nGrace Hopper,Platform,yes,10/10\nAlan Turing,Support,no,\nKatherine Johnson,Finance,yes,8/10\n',
      'utf8',
    ),
  );

  if (scope) {
    await upload(
      {
        title: 'Badge reader at the server room door',
        description: 'Photo taken during the scope walk-through of the Leeds office.',
        collectedOn: inDays(-30),
        ownerId: ids.isms_manager,
        ...attach(scope.id, 'scope'),
      },
      'server-room-badge-reader.png',
      badgeReaderPng(),
    );
    const agree = await actionId('Agree the ISMS scope with top management');
    const minutes = await upload(
      {
        title: 'Scope workshop minutes',
        description: 'Minutes of the second scope workshop with the executive team.',
        collectedOn: inDays(-12),
        ownerId: ids.isms_manager,
        ...attach(scope.id, 'scope'),
      },
      'scope-workshop-minutes.txt',
      Buffer.from(
        'Scope workshop 2 — minutes\n\nPresent: CEO, CTO, ISMS manager.\nDecisions:\n1. PayFlow and its support are in scope.\n2. Marketing website excluded (no personal data).\n3. Manchester office to be added once it opens.\n',
        'utf8',
      ),
    );
    // one file can evidence several records: the minutes also close the scope action
    if (agree)
      await createLink(ctx, {
        fromType: 'evidence',
        fromId: minutes.id,
        toType: 'action',
        toId: agree,
        kind: EVIDENCE_LINK_KIND,
      });

    const certificate = (year: number) =>
      Buffer.from(
        `Cloud provider — ISO/IEC 27001 certificate\nCertificate no. CP-27001-${year}\nValid until 31 December ${year}\nScope: hosting and infrastructure services, all regions.\n`,
        'utf8',
      );
    const old = await upload(
      {
        title: 'Cloud provider ISO/IEC 27001 certificate (last year)',
        description: 'The hosting provider’s certificate, checked at the supplier review.',
        collectedOn: inDays(-380),
        validFrom: inDays(-380),
        validUntil: inDays(-15),
        ownerId: ids.contributor,
        ...attach(scope.id, 'scope'),
      },
      'cloud-provider-certificate-old.txt',
      certificate(new Date().getUTCFullYear() - 1),
    );
    // The old one keeps its expired flag in the history; this year's replaces it where it was attached.
    await upload(
      {
        title: 'Cloud provider ISO/IEC 27001 certificate',
        description: 'Renewed certificate received from the provider.',
        collectedOn: inDays(-14),
        validFrom: inDays(-14),
        validUntil: inDays(350),
        ownerId: ids.contributor,
        supersedes: old.id,
      },
      'cloud-provider-certificate.txt',
      certificate(new Date().getUTCFullYear()),
    );
    // and one more piece, already expired and not yet replaced, so the register shows what needs attention
    await upload(
      {
        title: 'Penetration test summary (previous supplier)',
        description: 'Summary letter of last year’s penetration test; the retest is due.',
        collectedOn: inDays(-400),
        validUntil: inDays(-35),
        ownerId: ids.isms_manager,
      },
      'pentest-summary.txt',
      Buffer.from('Penetration test summary\nNo critical findings; two medium findings fixed and retested.\n', 'utf8'),
    );
  }
}

function accessReviewPdf(): Promise<Buffer> {
  pdfmake.setFonts(fonts);
  const fontFiles = new Set(Object.values(fonts.Roboto));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => fontFiles.has(file));
  const rows = [
    ['Account', 'Role', 'Decision'],
    ['a.lovelace', 'Finance approver', 'Keep'],
    ['g.hopper', 'Read only', 'Keep'],
    ['temp.contractor', 'Finance clerk', 'Remove (contract ended)'],
    ['j.smith', 'Finance clerk', 'Remove (left the company)'],
    ['test.user', 'Administrator', 'Remove (test account)'],
  ];
  return pdfmake
    .createPdf({
      info: { title: 'Access review — finance system', author: 'Example Ltd' },
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      content: [
        { text: 'Access review — finance system', fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
        {
          text: 'Every account was checked with the system owner. Decisions below were carried out the same day.',
          margin: [0, 0, 0, 10],
        },
        { table: { headerRows: 1, widths: ['*', '*', '*'], body: rows } },
        { text: 'Signed: System owner, ISMS manager', margin: [0, 16, 0, 0], italics: true },
      ],
    })
    .getBuffer();
}

/** A small picture of a badge reader (grey box, dark panel, green light) as a PNG. */
function badgeReaderPng(width = 48, height = 64): Buffer {
  const pixel = (x: number, y: number): [number, number, number] => {
    if ((x - 24) ** 2 + (y - 14) ** 2 < 16) return [40, 190, 90];
    if (x > 10 && x < 38 && y > 24 && y < 54) return [45, 55, 70];
    return [205, 210, 215];
  };
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.set(pixel(x, y), (y * width + x) * 3);
  return encodePng(width, height, rgb);
}
