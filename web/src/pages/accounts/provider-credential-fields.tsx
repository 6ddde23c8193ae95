import { Form, Input, Radio } from 'antd';
import type { ProviderName } from '../../api/contract/account-dto';

interface ProviderCredentialFieldsProps {
  provider: ProviderName;
  editing: boolean;
  /** Kiro only: idc needs a client id and secret; api_key needs only the key. */
  authMethod?: 'social' | 'idc' | 'api_key';
  /** What the server says is stored, shown as a placeholder (hints only, never the secret). */
  hints?: Record<string, string | boolean | null> | null;
}

function secretPlaceholder(editing: boolean, hint: string | boolean | null | undefined): string | undefined {
  if (!editing) return undefined;
  if (typeof hint === 'string') return `${hint} (leave blank to keep)`;
  return hint === true ? 'stored (leave blank to keep)' : 'leave blank to keep';
}

/** The credential fields of one provider; secrets are write-only. */
export function ProviderCredentialFields({ provider, editing, authMethod, hints }: ProviderCredentialFieldsProps) {
  const required = (name: string) => (editing ? [] : [{ required: true, message: `${name} is required` }]);
  const secret = (field: string, label: string, rules: { required: boolean; message: string }[]) => (
    <Form.Item key={field} name={field} label={label} rules={rules}>
      <Input.Password placeholder={secretPlaceholder(editing, hints?.[field])} autoComplete="new-password" />
    </Form.Item>
  );
  const region = (
    <Form.Item key="region" name="region" label="Region" tooltip="Default us-east-1">
      <Input placeholder="us-east-1" />
    </Form.Item>
  );
  const idcKind = (
    <Form.Item key="idc_kind" name="idc_kind" label="Sign-in" tooltip="An IAM Identity Center (Enterprise) login looks up its own profile ARN">
      <Radio.Group options={[{ label: 'Builder ID', value: 'builder_id' }, { label: 'Identity Center', value: 'enterprise' }]} optionType="button" />
    </Form.Item>
  );
  const profileArn = (
    <Form.Item key="profile_arn" name="profile_arn" label="Profile ARN">
      <Input placeholder="arn:aws:codewhisperer:…" />
    </Form.Item>
  );
  const authRegion = (
    <Form.Item key="auth_region" name="auth_region" label="Sign-in region" tooltip="The Identity Center region, when it differs from the region">
      <Input placeholder="same as region" />
    </Form.Item>
  );
  switch (provider) {
    case 'amazonq':
      return (
        <>
          {secret('refresh_token', 'Refresh token', required('Refresh token'))}
          {secret('client_id', 'Client ID', required('Client ID'))}
          {secret('client_secret', 'Client secret', required('Client secret'))}
          {idcKind}
          {profileArn}
          {region}
          {authRegion}
        </>
      );
    case 'kiro': {
      const idcRules = authMethod === 'idc' ? required('Needed for IdC sign-in; it') : [];
      const authMethods = [
        { label: 'Social', value: 'social' },
        { label: 'IdC', value: 'idc' },
        { label: 'Kiro API key', value: 'api_key' },
      ];
      return (
        <>
          <Form.Item name="auth_method" label="Auth method" initialValue="social">
            <Radio.Group options={authMethods} optionType="button" />
          </Form.Item>
          {authMethod === 'api_key' ? (
            secret('api_key', 'API key (ksk_…)', required('API key'))
          ) : (
            <>
              {secret('refresh_token', 'Refresh token', required('Refresh token'))}
              {secret('client_id', 'Client ID', idcRules)}
              {secret('client_secret', 'Client secret', idcRules)}
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
      return secret('api_key', 'API key', required('API key'));
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}
