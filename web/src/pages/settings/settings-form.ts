import type { SettingsDto } from '../../api/contract/settings-dto';

export interface PriceRow {
  model: string;
  input: number | null;
  output: number | null;
  cache_read?: number | null;
  cache_write?: number | null;
}

export interface SettingsFormValues {
  model_mappings: { from: string; to: string }[];
  routing_strategy: string;
  prices: PriceRow[];
  log_retention_days: number | null;
  webhooks: { url: string; events: string[]; secret?: string | null }[];
}

/** Settings as the form edits them: records become rows. */
export function settingsToForm(settings: SettingsDto): SettingsFormValues {
  return {
    model_mappings: Object.entries(settings.model_mappings ?? {}).map(([from, to]) => ({ from, to })),
    routing_strategy: settings.routing_strategy ?? 'round_robin',
    prices: Object.entries(settings.prices ?? {}).map(([model, price]) => ({ model, ...price })),
    log_retention_days: settings.log_retention_days ?? 30,
    webhooks: (settings.webhooks ?? []).map((webhook) => ({ url: webhook.url, events: webhook.events ?? [], secret: webhook.secret ?? null })),
  };
}

/** The `PATCH /admin/settings` body: rows become records again; blank rows are dropped. */
export function formToSettingsPatch(values: SettingsFormValues): Record<string, unknown> {
  const modelMappings: Record<string, string> = {};
  for (const row of values.model_mappings ?? []) {
    const from = row?.from?.trim();
    const to = row?.to?.trim();
    if (from && to) modelMappings[from] = to;
  }
  const prices: Record<string, Record<string, number>> = {};
  for (const row of values.prices ?? []) {
    const model = row?.model?.trim();
    if (!model) continue;
    const price: Record<string, number> = { input: row.input ?? 0, output: row.output ?? 0 };
    if (typeof row.cache_read === 'number') price.cache_read = row.cache_read;
    if (typeof row.cache_write === 'number') price.cache_write = row.cache_write;
    prices[model] = price;
  }
  const webhooks = (values.webhooks ?? [])
    .filter((webhook) => webhook?.url?.trim())
    .map((webhook) => {
      const entry: Record<string, unknown> = { url: webhook.url.trim(), events: webhook.events ?? [] };
      if (webhook.secret?.trim()) entry.secret = webhook.secret.trim();
      return entry;
    });
  return {
    model_mappings: modelMappings,
    routing_strategy: values.routing_strategy,
    prices,
    log_retention_days: values.log_retention_days ?? 30,
    webhooks,
  };
}
