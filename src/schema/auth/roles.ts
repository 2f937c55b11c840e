import { z } from 'zod';

/** Roles a member holds in one organization. Order is from most to least privileged. */
export const ROLES = ['admin', 'isms_manager', 'contributor', 'auditor', 'approver', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
