import crypto from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadEvidence, type ReceivedFile } from '../../core/evidence/evidence-upload.service.js';
import { downloadEvidenceFile } from '../../core/evidence/evidence-file.service.js';
import { attachmentDisposition } from '../../core/evidence/file-name.js';
import { DomainError, ValidationError } from '../../core/errors.js';
import {
  EVIDENCE_FILE_FIELD,
  EVIDENCE_UPLOAD_FIELDS,
  evidenceUploadFieldsSchema,
  evidenceUploadPolicySchema,
  evidenceUploadResultSchema,
} from '../../schema/evidence/evidence.schema.js';
import {
  DEFAULT_MAX_UPLOAD_MB,
  EVIDENCE_FILE_TYPES,
  EVIDENCE_FILE_TYPE_KEYS,
} from '../../schema/evidence/evidence-types.js';
import type { FieldError } from '../../schema/common/problem.js';
import { orgCtx } from '../plugins/authorize.js';
import { isMissing } from '../plugins/problem.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import type { App } from '../types.js';

const MiB = 1024 * 1024;
const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['evidence'];

/** RAMPART_MAX_UPLOAD_MB (whole MiB, 1–1024), else 25. A bad value stops the server at start rather than surprise later. */
export function maxUploadBytes(env: string | undefined = process.env.RAMPART_MAX_UPLOAD_MB): number {
  if (env === undefined || env.trim() === '') return DEFAULT_MAX_UPLOAD_MB * MiB;
  const mb = Number(env);
  if (!Number.isInteger(mb) || mb < 1 || mb > 1024)
    throw new Error(`RAMPART_MAX_UPLOAD_MB must be a whole number of MiB between 1 and 1024 (got "${env}")`);
  return mb * MiB;
}

/** Documents the multipart body in OpenAPI; the handler reads and checks it while it streams in. */
const uploadBodyDoc = evidenceUploadFieldsSchema.extend({
  [EVIDENCE_FILE_FIELD]: z.string().meta({ format: 'binary', description: 'The file (one per upload)' }),
});

/**
 * Evidence files beyond the register routes (which the registry gives): upload as multipart/form-data, streamed and
 * hashed as it arrives, and download with headers that keep a browser from running anything.
 */
export async function evidenceRoutes(app: App) {
  const maxBytes = maxUploadBytes();
  // Scoped to these routes: nowhere else does the API accept multipart bodies.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 20,
      parts: 24,
      fieldNameSize: 100,
      fieldSize: 100 * 1024,
      headerPairs: 100,
    },
  });

  app.get(
    '/api/v1/orgs/:org/evidence/upload-policy',
    {
      config: { permission: 'evidence.read' },
      schema: {
        tags,
        summary: 'What an upload may be: the size limit and the accepted file types',
        params: orgParams,
        response: { 200: evidenceUploadPolicySchema },
      },
    },
    async () => ({
      maxBytes,
      fileTypes: EVIDENCE_FILE_TYPE_KEYS.map((key) => ({
        key,
        mediaType: EVIDENCE_FILE_TYPES[key].mediaType,
        extensions: [...EVIDENCE_FILE_TYPES[key].extensions],
      })),
    }),
  );

  app.post(
    '/api/v1/orgs/:org/evidence/upload',
    {
      config: { permission: 'evidence.create' },
      // The body is a stream read by the handler; only the path goes through the schema validator.
      validatorCompiler: (route) =>
        route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never),
      schema: {
        tags,
        summary: `Upload a file as evidence (multipart/form-data: the file in "${EVIDENCE_FILE_FIELD}", then title and the optional fields); stored once per organization by SHA-256; optionally attached to a record or superseding older evidence in the same transaction. Size limit: RAMPART_MAX_UPLOAD_MB (default ${DEFAULT_MAX_UPLOAD_MB} MiB), else 413`,
        consumes: ['multipart/form-data'],
        params: orgParams,
        body: uploadBodyDoc,
        response: { 201: evidenceUploadResultSchema },
      },
    },
    async (request, reply) => {
      const { fields, file } = await readUpload(request, maxBytes);
      const parsed = evidenceUploadFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        throw new ValidationError(
          parsed.error.issues.flatMap((i): FieldError[] =>
            i.code === 'unrecognized_keys'
              ? i.keys.map((k) => ({ field: `body.${k}`, message: 'Unknown field' }))
              : [
                  {
                    field: ['body', ...i.path].join('.'),
                    message: i.code === 'invalid_type' && isMissing(fields, i.path) ? 'Required' : i.message,
                  },
                ],
          ),
        );
      }
      return reply.code(201).send(await uploadEvidence(orgCtx(request), parsed.data, file));
    },
  );

  // After the app-wide security headers (route hooks run after the instance's), so this stricter policy wins.
  const sandboxed = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (reply.statusCode === 200) reply.header('content-security-policy', "default-src 'none'; sandbox");
  };
  app.get(
    '/api/v1/orgs/:org/evidence/:id/file',
    {
      onSend: sandboxed,
      config: { permission: 'evidence.read' },
      schema: {
        tags,
        summary: 'Download the file of an evidence record (always as an attachment; audited as evidence.downloaded)',
        params: idParams,
        response: {
          200: fileResponse('application/octet-stream', 'The file as uploaded (sent with its own content type)'),
        },
      },
    },
    async (request, reply) => {
      const file = await downloadEvidenceFile(orgCtx(request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cross-origin-resource-policy', 'same-origin')
        .header('etag', `"sha256-${file.sha256}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .send(file.content);
    },
  );
}

/**
 * Reads the multipart body: text fields as strings, the one file into memory while its SHA-256 is computed. Every
 * problem (no file, two files, a file over the limit, a field too long or repeated, a broken body) is a 4xx that
 * names the field, raised before anything is written.
 */
async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: ReceivedFile }> {
  if (!request.isMultipart())
    throw new DomainError(
      'unsupported-media-type',
      415,
      `Send the file as multipart/form-data with the file in the "${EVIDENCE_FILE_FIELD}" field`,
    );
  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  const errors: FieldError[] = [];
  try {
    for await (const part of request.parts()) {
      const field = `body.${part.fieldname}`;
      if (part.type === 'file') {
        if (part.fieldname !== EVIDENCE_FILE_FIELD) {
          await drain(part.file);
          errors.push({ field, message: `Only the "${EVIDENCE_FILE_FIELD}" field may carry a file` });
          continue;
        }
        const hash = crypto.createHash('sha256');
        const chunks: Buffer[] = [];
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          hash.update(chunk);
          chunks.push(chunk);
        }
        if (part.file.truncated)
          throw new DomainError(
            'payload-too-large',
            413,
            `The file is larger than the upload limit of ${Math.round(maxBytes / MiB)} MiB`,
            [{ field: 'body.file', message: `Larger than ${Math.round(maxBytes / MiB)} MiB` }],
          );
        file = { content: Buffer.concat(chunks), sha256: hash.digest('hex'), fileName: part.filename ?? '' };
        continue;
      }
      const value = part.value;
      if (part.fieldnameTruncated) errors.push({ field: 'body', message: 'A field name is too long' });
      else if (typeof value !== 'string') errors.push({ field, message: 'Must be text' });
      else if (part.valueTruncated) errors.push({ field, message: 'Too long' });
      else if (value.includes('\u0000')) errors.push({ field, message: 'Must not contain NUL characters' });
      else if (part.fieldname in fields) errors.push({ field, message: 'Given more than once' });
      else if (
        value !== '' ||
        !(EVIDENCE_UPLOAD_FIELDS as string[]).includes(part.fieldname) ||
        part.fieldname === 'title'
      )
        fields[part.fieldname] = value;
    }
  } catch (err) {
    throw multipartProblem(err);
  }
  if (!file) errors.push({ field: 'body.file', message: 'Required: the file to keep as evidence' });
  if (errors.length) throw new ValidationError(errors);
  return { fields, file: file! };
}

async function drain(stream: AsyncIterable<unknown>) {
  for await (const _ of stream) {
    // discard
  }
}

/** Errors of the multipart parser as problems; ours pass through. */
function multipartProblem(err: unknown): Error {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new DomainError('payload-too-large', 413, 'The file is larger than the upload limit', [
      { field: 'body.file', message: 'Too large' },
    ]);
  if (code === 'FST_FILES_LIMIT')
    return new ValidationError([{ field: 'body.file', message: 'Send one file per upload' }]);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new ValidationError([{ field: 'body', message: 'Too many fields' }]);
  if (code === 'FST_PROTO_VIOLATION')
    return new ValidationError([{ field: 'body', message: 'A field name is not allowed' }]);
  return new ValidationError([{ field: 'body', message: 'The multipart body is malformed or incomplete' }]);
}
