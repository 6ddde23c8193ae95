import type { AccountDto } from '../../api/api-types';

/** Case-insensitive match of the search text against an account's name, provider, status, id and last error. */
export function matchesSearch(account: Pick<AccountDto, 'id' | 'name' | 'provider' | 'status' | 'last_error'>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [account.name, account.provider, account.status, account.id, account.last_error ?? ''].some((value) => value.toLowerCase().includes(needle));
}
