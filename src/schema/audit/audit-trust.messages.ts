/** Words of the audit trail's anchoring (signed checkpoints) and of the instance signing key. */
export const auditTrustMessages = {
  'audit.anchored':
    'Anchored up to event no. {seq} by a checkpoint signed on {when}: events up to it cannot have been rewritten or removed without the instance key.',
  'audit.unanchoredTail':
    'Events after no. {seq} ({count}) come after the last signed checkpoint: they are only checked for consistency until the next one (within a minute).',
  'audit.notAnchored':
    'No signed checkpoint yet: the chain is only checked for consistency. The server signs the chain every minute.',
  'audit.formerKeys':
    'Some checkpoints are signed by other (former) keys of this installation: {keys}. They match the chain but anchor nothing.',
  'audit.signingKey': 'Instance signing key',
  'audit.signingKeyHelp':
    'Evidence packages and audit checkpoints are signed with this key (Ed25519). Give its fingerprint to auditors: rampart verify-package FILE --key FINGERPRINT.',
  'audit.signingKeyFingerprint': 'Fingerprint (SHA-256)',
  'audit.signingKeyFormer': 'Former keys',
  'audit.signingKeyPublic': 'Public key (Ed25519, PEM)',
} as const;
