import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, buildUser, PASSWORD } from '../helpers/factories.js';
import { caller, signIn } from '../helpers/http.js';

describe.each(DIALECTS)('changing your own password on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('needs the current password, keeps this session, signs out the others', async () => {
    const user = await buildUser(env.handle);
    const here = await signIn(env.app, user.email, PASSWORD);
    const elsewhere = await signIn(env.app, user.email, PASSWORD);

    const wrong = await here.post('/api/v1/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password-1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.currentPassword', message: 'Not your current password' }]);
    const weak = await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.json().errors[0].field).toBe('body.newPassword');

    expect(
      (await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-password-1' }))
        .statusCode,
    ).toBe(204);
    expect((await here.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(signIn(env.app, user.email, PASSWORD)).rejects.toThrow(/401/);
    await signIn(env.app, user.email, 'a-brand-new-password-1');
  });

  it('is refused with an API token', async () => {
    const org = await buildOrg(env.app, env.handle);
    const token = (await org.as.contributor.post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'bot' })).json()
      .token as string;
    const bot = caller(env.app, { authorization: `Bearer ${token}` });
    expect(
      (await bot.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-password-2' }))
        .statusCode,
    ).toBe(403);
  });
});
