import { describeSigningKeys } from '../../core/signing/signing-keys.service.js';
import { signingKeySchema } from '../../schema/audit/signing-key.js';
import type { App } from '../types.js';

export async function instanceRoutes(app: App) {
  // Public on purpose: an auditor checks an evidence package against it (`rampart verify-package --instance URL`)
  // without an account, and a public key discloses nothing.
  app.get(
    '/api/v1/instance/signing-key',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: "The instance's public signing key (Ed25519) and fingerprint, and the keys it replaced",
        response: { 200: signingKeySchema },
      },
    },
    async () => {
      return describeSigningKeys(app.deps.handle.db, app.deps.signingKey);
    },
  );
}
