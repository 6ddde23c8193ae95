import type { AccountDto } from '../../accounts/account-dto.js';
import { toAccountDto } from '../../accounts/account-dto.js';
import type { AppContext } from '../../context.js';
import { NotImplementedError } from '../../core/errors/not-implemented-error.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { App } from '../../server/app-env.js';
import type { AccountRow } from '../../store/repositories/account-repository.js';
import {
  accountBalanceRoute,
  createAccountRoute,
  deleteAccountRoute,
  getAccountRoute,
  listAccountsRoute,
  patchAccountRoute,
  testAccountRoute,
} from './account-routes.js';
import { registerAccountImportRoute } from './account-import-route.js';

/** 501 for a hook another part of Sluice provides but this build has not wired. */
const notWired = (feature: string) => new NotImplementedError(`${feature} is not available in this build yet.`);

export function registerAccountRoutes(app: App, context: AppContext): void {
  const service = context.accountAdmin;
  const dtos = async (rows: AccountRow[]): Promise<AccountDto[]> => {
    const live = (await context.accountLiveStates?.(rows.map((row) => row.id))) ?? new Map();
    return rows.map((row) => toAccountDto(row, live.get(row.id)));
  };
  const dto = async (row: AccountRow): Promise<AccountDto> => (await dtos([row]))[0]!;
  const requireAccount = (id: string) => {
    if (!context.accounts.get(id)) throw new NotFoundError(`No account with id ${id}.`);
  };

  app.openapi(listAccountsRoute, async (c) => c.json({ data: await dtos(await service.list()) }, 200));

  app.openapi(createAccountRoute, async (c) => {
    const row = await service.create(c.req.valid('json'));
    c.get('logger').info({ accountId: row.id, provider: row.provider }, 'account created');
    return c.json(await dto(row), 201);
  });

  registerAccountImportRoute(app, context);

  app.openapi(getAccountRoute, async (c) => c.json(await dto(await service.get(c.req.valid('param').id)), 200));

  app.openapi(patchAccountRoute, async (c) => {
    const row = await service.update(c.req.valid('param').id, c.req.valid('json'));
    c.get('logger').info({ accountId: row.id }, 'account updated');
    return c.json(await dto(row), 200);
  });

  app.openapi(deleteAccountRoute, async (c) => {
    const { id } = c.req.valid('param');
    await service.remove(id);
    c.get('logger').info({ accountId: id }, 'account deleted');
    return c.body(null, 204);
  });

  app.openapi(testAccountRoute, async (c) => {
    const { id } = c.req.valid('param');
    requireAccount(id);
    if (!context.accountTester) throw notWired('Account testing');
    return c.json(await context.accountTester.test(id), 200);
  });

  app.openapi(accountBalanceRoute, async (c) => {
    const { id } = c.req.valid('param');
    requireAccount(id);
    if (!context.balances) throw notWired('Balance checking');
    const balance = await context.balances.fetch(id);
    return c.json({ balance: balance ? { ...balance } : null }, 200);
  });
}
