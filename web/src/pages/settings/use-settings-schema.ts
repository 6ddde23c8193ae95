import { useEffect, useState } from 'react';

/** What the server's JSON Schema says about one setting (the parts the form uses). */
export interface SettingSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: string[];
  default?: unknown;
  description?: string;
}

interface OpenApiDocument {
  components?: { schemas?: { Settings?: { properties?: Record<string, SettingSchema> } } };
}

/** The Settings schema from the server's public `/openapi.json`: limits, choices and defaults of each field. */
export async function loadSettingsSchema(fetchFunction: typeof fetch = (input, init) => window.fetch(input, init)): Promise<Record<string, SettingSchema>> {
  const response = await fetchFunction('/openapi.json', { headers: { accept: 'application/json' } });
  if (!response.ok) return {};
  const document = (await response.json()) as OpenApiDocument;
  return document.components?.schemas?.Settings?.properties ?? {};
}

export function useSettingsSchema(): Record<string, SettingSchema> {
  const [schema, setSchema] = useState<Record<string, SettingSchema>>({});
  useEffect(() => {
    let current = true;
    loadSettingsSchema().then(
      (loaded) => current && setSchema(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return schema;
}
