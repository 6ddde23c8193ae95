import { Form, Input, Radio } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProviderName } from './providers';

interface ProviderCredentialFieldsProps {
  provider: ProviderName;
  editing: boolean;
  /** Kiro only: idc needs a client id and secret. */
  authMethod?: 'social' | 'idc';
  /** What the server says is stored, shown as a placeholder (hints only, never the secret). */
  hints?: Record<string, string | boolean | null | undefined> | null;
}

function secretPlaceholder(t: TFunction, editing: boolean, hint: string | boolean | null | undefined): string | undefined {
  if (!editing) return undefined;
  if (typeof hint === 'string') return t('accountForm.keepHint', { hint });
  return hint === true ? t('accountForm.keepStored') : t('accountForm.keepBlank');
}

/** The credential fields of one provider; secrets are write-only. */
export function ProviderCredentialFields({ provider, editing, authMethod, hints }: ProviderCredentialFieldsProps) {
  const { t } = useTranslation();
  const required = (name: string) => (editing ? [] : [{ required: true, message: t('accountForm.required', { name }) }]);
  const secret = (field: string, label: string, rules: { required: boolean; message: string }[]) => (
    <Form.Item key={field} name={field} label={label} rules={rules}>
      <Input.Password placeholder={secretPlaceholder(t, editing, hints?.[field])} autoComplete="new-password" />
    </Form.Item>
  );
  const region = (
    <Form.Item key="region" name="region" label={t('accountForm.region')} tooltip={t('accountForm.regionHint')}>
      <Input placeholder="us-east-1" />
    </Form.Item>
  );
  switch (provider) {
    case 'amazonq':
      return (
        <>
          {secret('refresh_token', t('accountForm.refreshToken'), required(t('accountForm.refreshToken')))}
          {secret('client_id', t('accountForm.clientId'), required(t('accountForm.clientId')))}
          {secret('client_secret', t('accountForm.clientSecret'), required(t('accountForm.clientSecret')))}
          {region}
        </>
      );
    case 'kiro': {
      const idcRules = authMethod === 'idc' ? required(t('accountForm.idcField')) : [];
      return (
        <>
          {secret('refresh_token', t('accountForm.refreshToken'), required(t('accountForm.refreshToken')))}
          <Form.Item name="auth_method" label={t('accountForm.authMethod')} initialValue="social">
            <Radio.Group options={[{ label: t('accountForm.social'), value: 'social' }, { label: 'IdC', value: 'idc' }]} optionType="button" />
          </Form.Item>
          {secret('client_id', t('accountForm.clientId'), idcRules)}
          {secret('client_secret', t('accountForm.clientSecret'), idcRules)}
          <Form.Item name="profile_arn" label={t('accountForm.profileArn')}>
            <Input placeholder="arn:aws:codewhisperer:…" />
          </Form.Item>
          {region}
        </>
      );
    }
    case 'anthropic':
    case 'openai':
    case 'openai-compatible':
    case 'amp':
      return secret('api_key', t('accountForm.apiKey'), required(t('accountForm.apiKey')));
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}
