/** Security settings; the server reads them from the environment (see README), tests shorten them. */
export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** failed logins for one account within the window before it is throttled */
  maxFailuresPerAccount: number;
  /** failed logins from one IP address within the window before it is throttled */
  maxFailuresPerIp: number;
  throttleWindowMinutes: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 50,
  throttleWindowMinutes: 15,
};
