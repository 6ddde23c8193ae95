import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMilliseconds } from '../../format/format-milliseconds';

interface TestOutcome {
  ok: boolean;
  latency_ms?: number;
  message?: string;
  [field: string]: unknown;
}

const display = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The account test as a readable result: passed or failed, how long it took, what the upstream said. */
export function AccountTestResult({ result }: { result: TestOutcome }) {
  const { t } = useTranslation();
  const { ok, latency_ms: latency, message, ...rest } = result;
  const extra = Object.entries(rest).filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <div data-testid="account-test-result">
      <Result status={ok ? 'success' : 'error'} title={ok ? t('accounts.testPassed') : t('accounts.testFailed')} subTitle={message} style={{ padding: '8px 0' }} />
      <Descriptions column={1} size="small" bordered>
        {latency !== undefined ? <Descriptions.Item label={t('figures.latency')}>{formatMilliseconds(latency)}</Descriptions.Item> : null}
        {extra.map(([name, value]) => (
          <Descriptions.Item key={name} label={name}>
            <span style={{ wordBreak: 'break-word' }}>{display(value)}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
