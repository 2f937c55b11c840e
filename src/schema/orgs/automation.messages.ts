/** Messages of the automation accounts page (merged into the catalog in i18n/messages/en.ts). */
export const automationMessages = {
  'nav.automationAccounts': 'Automation accounts',
  'automation.title': 'Automation accounts',
  'automation.lead':
    'Accounts for integrations, CI jobs and scripts that act as no person. Each has a role and works only through API tokens an administrator issues for it.',
  'automation.empty':
    'No automation accounts yet. Add one for each integration, CI pipeline or script that acts in this organization as no person: it gets a role (never administrator), never signs in, and works only through the API tokens you issue for it. What it does is recorded under its own name in the audit trail.',
  'automation.name': 'Name',
  'automation.role': 'Role',
  'automation.createdAt': 'Created',
  'automation.activeTokens': 'Active tokens',
  'automation.add': 'Add an automation account',
  'automation.addHelp':
    'Name it after what uses it, e.g. “CI pipeline” or “SIEM export”. Give it the least role it needs: an automation account is never an administrator.',
  'automation.addSubmit': 'Add account',
  'automation.added': 'Automation account “{name}” added. Issue a token for it to use it.',
  'automation.issue': 'Issue a token',
  'automation.issueFor': 'Issue a token for {name}',
  'automation.issueLabel': 'Issue a token for {name}',
  'automation.issueHelp':
    'The token acts as {name}, with its role. It is listed and revoked with the other API tokens.',
  'automation.issueSubmit': 'Issue token',
  'automation.tokensLink': 'See and revoke tokens on the API tokens page.',
  'tokens.kindAutomation': 'automation',
} as const;
