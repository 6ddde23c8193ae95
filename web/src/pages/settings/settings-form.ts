import type { SettingsDto } from '../../api/api-types';

export interface PriceRow {
  model: string;
  input: number | null;
  output: number | null;
  cache_read?: number | null;
  cache_write?: number | null;
}

export interface WebhookRow {
  url: string;
  events: string[];
  secret?: string | null;
}

/** Settings as the form edits them: records become rows; every other field is kept as it is. */
export interface SettingsFormValues {
  model_mappings: { from: string; to: string }[];
  prices: PriceRow[];
  webhooks: WebhookRow[];
  [scalar: string]: unknown;
}

type SettingsLike = Partial<Pick<SettingsDto, 'model_mappings' | 'prices' | 'webhooks'>> & Record<string, unknown>;

export function settingsToForm(settings: SettingsLike): SettingsFormValues {
  const { model_mappings: mappings, prices, webhooks, ...scalars } = settings;
  return {
    ...scalars,
    model_mappings: Object.entries(mappings ?? {}).map(([from, to]) => ({ from, to })),
    prices: Object.entries(prices ?? {}).map(([model, price]) => ({ model, ...price })),
    webhooks: (webhooks ?? []).map((webhook) => ({ url: webhook.url, events: [...webhook.events], secret: webhook.secret ?? null })),
  };
}

/** The `PATCH /admin/settings` body: rows become records again; blank rows are dropped; scalars as edited. */
export function formToSettingsPatch(values: SettingsFormValues): Record<string, unknown> {
  const { model_mappings: mappingRows, prices: priceRows, webhooks: webhookRows, ...scalars } = values;
  const modelMappings: Record<string, string> = {};
  for (const row of mappingRows ?? []) {
    const from = row?.from?.trim();
    const to = row?.to?.trim();
    if (from && to) modelMappings[from] = to;
  }
  const prices: Record<string, Record<string, number>> = {};
  for (const row of priceRows ?? []) {
    const model = row?.model?.trim();
    if (!model) continue;
    const price: Record<string, number> = { input: row.input ?? 0, output: row.output ?? 0 };
    if (typeof row.cache_read === 'number') price.cache_read = row.cache_read;
    if (typeof row.cache_write === 'number') price.cache_write = row.cache_write;
    prices[model] = price;
  }
  const webhooks = (webhookRows ?? [])
    .filter((webhook) => webhook?.url?.trim())
    .map((webhook) => {
      const entry: Record<string, unknown> = { url: webhook.url.trim(), events: webhook.events ?? [] };
      if (webhook.secret?.trim()) entry.secret = webhook.secret.trim();
      return entry;
    });
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(scalars)) if (value !== undefined && value !== null && value !== '') kept[name] = value;
  return { ...kept, model_mappings: modelMappings, prices, webhooks };
}
