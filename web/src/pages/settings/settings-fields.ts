/**
 * Every setting the page edits, in the order shown, grouped into cards. To add a setting: add one line
 * here and its label and help text in both dictionaries. Limits (minimum, maximum, choices, default)
 * come from the server's own schema (`/openapi.json`), so they never drift. A setting the server has
 * but this list lacks is still shown, as a plain field under "Other", with the server's description.
 */
export const settingGroups = ['routing', 'timeouts', 'health', 'data', 'models', 'prices', 'webhooks'] as const;
export type SettingGroup = (typeof settingGroups)[number];

export type SettingKind = 'number' | 'choice' | 'timezone' | 'model_mappings' | 'prices' | 'webhooks';

export interface SettingField {
  name: string;
  kind: SettingKind;
  group: SettingGroup;
}

export const settingFields = [
  { name: 'routing_strategy', kind: 'choice', group: 'routing' },
  { name: 'max_failover_attempts', kind: 'number', group: 'routing' },
  { name: 'sticky_session_ttl_seconds', kind: 'number', group: 'routing' },
  { name: 'queue_timeout_ms', kind: 'number', group: 'timeouts' },
  { name: 'first_byte_timeout_ms', kind: 'number', group: 'timeouts' },
  { name: 'attempt_timeout_ms', kind: 'number', group: 'timeouts' },
  { name: 'stream_idle_timeout_ms', kind: 'number', group: 'timeouts' },
  { name: 'health_check_interval_seconds', kind: 'number', group: 'health' },
  { name: 'balance_check_interval_seconds', kind: 'number', group: 'health' },
  { name: 'timezone', kind: 'timezone', group: 'data' },
  { name: 'log_retention_days', kind: 'number', group: 'data' },
  { name: 'rollup_retention_days', kind: 'number', group: 'data' },
  { name: 'model_mappings', kind: 'model_mappings', group: 'models' },
  { name: 'prices', kind: 'prices', group: 'prices' },
  { name: 'webhooks', kind: 'webhooks', group: 'webhooks' },
] as const satisfies readonly SettingField[];

export type KnownSettingName = (typeof settingFields)[number]['name'];

export const isKnownSetting = (name: string): name is KnownSettingName => settingFields.some((field) => field.name === name);
