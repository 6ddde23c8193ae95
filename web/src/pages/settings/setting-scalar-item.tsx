import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownSetting, type SettingKind } from './settings-fields';
import type { SettingSchema } from './use-settings-schema';

function timeZoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const names = intl.supportedValuesOf?.('timeZone') ?? [];
  return names.includes('UTC') ? names : ['UTC', ...names];
}

/** Validation rules from the server's schema: required, whole numbers, minimum and maximum. */
export function rulesFor(schema: SettingSchema | undefined, message: (key: 'required' | 'range' | 'integer', values?: Record<string, unknown>) => string): Rule[] {
  if (!schema) return [];
  const rules: Rule[] = [{ required: true, message: message('required') }];
  if (schema.type === 'integer' || schema.type === 'number') {
    const minimum = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (schema.type === 'integer' ? 1 : Number.EPSILON) : undefined);
    rules.push({
      validator: async (_rule, value: unknown) => {
        if (value === null || value === undefined) return;
        if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(message('required'));
        if (schema.type === 'integer' && !Number.isInteger(value)) throw new Error(message('integer'));
        if ((minimum !== undefined && value < minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
          throw new Error(message('range', { minimum: minimum ?? '−∞', maximum: schema.maximum ?? '∞' }));
        }
      },
    });
  }
  return rules;
}

interface SettingScalarItemProps {
  name: string;
  kind: SettingKind | 'other';
  schema: SettingSchema | undefined;
}

/** One scalar setting: label and help from the dictionaries (or the server's description), input and limits from the schema. */
export function SettingScalarItem({ name, kind, schema }: SettingScalarItemProps) {
  const { t } = useTranslation();
  const zones = useMemo(() => (kind === 'timezone' ? timeZoneNames() : []), [kind]);
  const known = isKnownSetting(name);
  const label = known ? t(`settings.fields.${name}.label`) : name;
  const help = known ? t(`settings.fields.${name}.help`) : (schema?.description ?? '');
  const limits =
    schema?.minimum !== undefined || schema?.maximum !== undefined ? t('settings.limits', { minimum: schema?.minimum ?? '−∞', maximum: schema?.maximum ?? '∞' }) : null;
  const defaultText = schema?.default !== undefined && typeof schema.default !== 'object' ? t('settings.defaultValue', { value: String(schema.default) }) : null;
  const extra = [help, limits, defaultText].filter(Boolean).join(' · ');
  const rules = rulesFor(schema, (key, values) => t(`settings.validation.${key}`, values ?? {}));

  if (kind === 'timezone') {
    return (
      <Form.Item name={name} label={label} extra={extra} rules={[...rules, { validator: async (_rule, value: unknown) => { if (typeof value === 'string' && zones.length > 0 && !zones.includes(value)) throw new Error(t('settings.validation.timezone')); } }]}>
        <Select showSearch options={zones.map((zone) => ({ label: zone, value: zone }))} aria-label={label} />
      </Form.Item>
    );
  }
  if (schema?.enum) {
    return (
      <Form.Item name={name} label={label} extra={extra} rules={rules}>
        <Select aria-label={label} options={schema.enum.map((value) => ({ value, label: known && name === 'routing_strategy' ? t(`settings.strategies.${value as 'round_robin'}`, { defaultValue: value }) : value }))} />
      </Form.Item>
    );
  }
  if (schema?.type === 'integer' || schema?.type === 'number') {
    return (
      <Form.Item name={name} label={label} extra={extra} rules={rules}>
        <InputNumber min={schema.minimum} max={schema.maximum} precision={schema.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    );
  }
  if (schema?.type === 'boolean') {
    return (
      <Form.Item name={name} label={label} extra={extra} valuePropName="checked">
        <Switch aria-label={label} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={name} label={label} extra={extra} rules={rules}>
      <Input aria-label={label} />
    </Form.Item>
  );
}
