import { describe, expect, it } from 'vitest';
import { ISMS_RISK_SUGGESTIONS } from './isms-risk-suggestions.js';
import { ismsRiskRegister, ISMS_RISK_CATEGORIES_BY_KIND } from './isms-risk.register.js';

describe('ISMS risk and opportunity suggestions (27003 6.1.1)', () => {
  it('offers risks and opportunities with unique keys and titles', () => {
    const risks = ISMS_RISK_SUGGESTIONS.filter((s) => s.kind === 'risk');
    const opportunities = ISMS_RISK_SUGGESTIONS.filter((s) => s.kind === 'opportunity');
    expect(risks.length).toBeGreaterThanOrEqual(8);
    expect(opportunities.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ISMS_RISK_SUGGESTIONS.map((s) => s.key)).size).toBe(ISMS_RISK_SUGGESTIONS.length);
    expect(new Set(ISMS_RISK_SUGGESTIONS.map((s) => s.title.toLowerCase())).size).toBe(ISMS_RISK_SUGGESTIONS.length);
  });

  it.each(ISMS_RISK_SUGGESTIONS.map((s) => [s.key, s] as const))('%s is a valid record of its kind', (_key, s) => {
    expect(ISMS_RISK_CATEGORIES_BY_KIND[s.kind] as readonly string[]).toContain(s.category);
    const { key: _k, ...values } = s;
    expect(ismsRiskRegister.createSchema.safeParse(values).success).toBe(true);
  });
});
