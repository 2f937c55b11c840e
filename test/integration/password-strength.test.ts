import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildUser, PASSWORD, writeCounts } from '../helpers/factories.js';
import { anonymous, signIn } from '../helpers/http.js';

/** Common, breached and personal passwords are refused wherever a password is set (zxcvbn score 3 at least). */
describe.each(DIALECTS)('password strength on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('first-run setup refuses a repeated, a common and an e-mail password, naming the field and why, writing nothing', async () => {
    const anon = anonymous(env.app);
    const before = await writeCounts(env.handle);
    const base = { email: 'first.admin@example.test', name: 'Ada Lovelace', organizationName: 'Acme' };
    for (const [password, why] of [
      ['aaaaaaaaaaaa', /repeated/i],
      ['Password1234', /common/i],
      ['first.admin@example.test', /e-mail/i],
      ['AdaLovelace1234', /personal/i],
    ] as const) {
      const res = await anon.post('/api/v1/setup', { ...base, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors, password).toEqual([{ field: 'body.password', message: expect.stringMatching(why) }]);
    }
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('changing your own password refuses a weak new one on body.newPassword and keeps the old one', async () => {
    const user = await buildUser(env.handle, { name: 'Grace Hopper' });
    const me = await signIn(env.app, user.email, PASSWORD);
    for (const newPassword of ['aaaaaaaaaaaa', user.email, 'gracehopper12']) {
      const res = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().errors[0].field).toBe('body.newPassword');
    }
    await signIn(env.app, user.email, PASSWORD);
  });
});
