import type { components } from './generated/sluice-api';

/** Names for the generated response and request shapes the pages use. */
type Schemas = components['schemas'];

export type AccountDto = Schemas['Account'];
export type AccountHistoryDto = Schemas['AccountHistory'];
export type AccountInputDto = Schemas['AccountInput'];
export type ImportResultDto = Schemas['AccountImportResult'];
export type ApiKeyDto = Schemas['ApiKey'];
export type ApiKeyCreateDto = Schemas['ApiKeyCreate'];
export type AuditEntryDto = Schemas['AuditEntry'];
export type MeDto = Schemas['Me'];
export type RequestLogDto = Schemas['RequestLog'];
export type SettingsDto = Schemas['Settings'];
export type OverviewDto = Schemas['UsageOverview'];
export type PeriodTotals = OverviewDto['today'];
export type TimelinePoint = Schemas['UsageTimeline']['data'][number];
export type KeyUsageRow = Schemas['KeyUsage']['data'][number];
export type ModelUsageRow = Schemas['ModelUsage']['data'][number];
export type BudgetsDto = NonNullable<ApiKeyDto['budgets']>;
export type WebhookDto = SettingsDto['webhooks'][number];
export type ModelPriceDto = SettingsDto['prices'][string];
