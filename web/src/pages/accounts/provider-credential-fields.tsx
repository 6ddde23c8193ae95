import { Form, Input, Radio } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProviderName } from './providers';

interface ProviderCredentialFieldsProps {
  provider: ProviderName;
  editing: boolean;
  /** Kiro only: idc needs a client id and secret; api_key needs only the key. */
  authMethod?: 'social' | 'idc' | 'api_key';
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
  const idcKind = (
    <Form.Item key="idc_kind" name="idc_kind" label={t('accountForm.signIn')} tooltip={t('accountForm.signInHint')}>
      <Radio.Group
        options={[
          { label: t('accountForm.builderId'), value: 'builder_id' },
          { label: t('accountForm.identityCenter'), value: 'enterprise' },
        ]}
        optionType="button"
      />
    </Form.Item>
  );
  const profileArn = (
    <Form.Item key="profile_arn" name="profile_arn" label={t('accountForm.profileArn')}>
      <Input placeholder="arn:aws:codewhisperer:…" />
    </Form.Item>
  );
  const authRegion = (
    <Form.Item key="auth_region" name="auth_region" label={t('accountForm.authRegion')} tooltip={t('accountForm.authRegionHint')}>
      <Input placeholder={t('accountForm.sameAsRegion')} />
    </Form.Item>
  );
  switch (provider) {
    case 'amazonq':
      return (
        <>
          {secret('refresh_token', t('accountForm.refreshToken'), required(t('accountForm.refreshToken')))}
          {secret('client_id', t('accountForm.clientId'), required(t('accountForm.clientId')))}
          {secret('client_secret', t('accountForm.clientSecret'), required(t('accountForm.clientSecret')))}
          {idcKind}
          {profileArn}
          {region}
          {authRegion}
        </>
      );
    case 'kiro': {
      const idcRules = authMethod === 'idc' ? required(t('accountForm.idcField')) : [];
      const authMethods = [
        { label: t('accountForm.social'), value: 'social' },
        { label: 'IdC', value: 'idc' },
        { label: t('accountForm.kiroApiKey'), value: 'api_key' },
      ];
      return (
        <>
          <Form.Item name="auth_method" label={t('accountForm.authMethod')} initialValue="social">
            <Radio.Group options={authMethods} optionType="button" />
          </Form.Item>
          {authMethod === 'api_key' ? (
            secret('api_key', t('accountForm.kiroApiKeyField'), required(t('accountForm.apiKey')))
          ) : (
            <>
              {secret('refresh_token', t('accountForm.refreshToken'), required(t('accountForm.refreshToken')))}
              {secret('client_id', t('accountForm.clientId'), idcRules)}
              {secret('client_secret', t('accountForm.clientSecret'), idcRules)}
              {authMethod === 'idc' ? idcKind : null}
            </>
          )}
          {profileArn}
          {region}
          {authMethod === 'idc' ? authRegion : null}
        </>
      );
    }
    case 'anthropic':
    case 'openai':
    case 'openai-compatible':
    case 'amp':
    case 'gemini':
      return secret('api_key', t('accountForm.apiKey'), required(t('accountForm.apiKey')));
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}
