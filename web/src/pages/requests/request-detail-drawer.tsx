import { Alert, Descriptions, Drawer, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestLogDto } from '../../api/api-types';
import { KeyName } from '../api-keys/key-name';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatMilliseconds } from '../../format/format-milliseconds';

/** Everything logged about one request: tokens by kind, cost, latency, time to first token, error. */
export function RequestDetailDrawer({ request, onClose }: { request: RequestLogDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer title={t('requests.request')} open={request !== null} onClose={onClose} size={Math.min(520, window.innerWidth)}>
      {request ? (
        <>
          {request.status === 'error' ? (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={request.error_type ?? t('requests.error')} description={request.error_message ?? undefined} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('requests.time')}>{formatDateTime(request.created_at)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.requestId')}>{request.id}</Descriptions.Item>
            <Descriptions.Item label={t('requests.status')}>
              <Tag color={request.status === 'success' ? 'green' : 'red'}>{request.status}</Tag> HTTP {request.http_status ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.key')}><KeyName row={request} /></Descriptions.Item>
            <Descriptions.Item label={t('requests.account')}>{request.account_name ?? request.account_id ?? '—'} {request.provider ? <Tag>{request.provider}</Tag> : null}</Descriptions.Item>
            <Descriptions.Item label={t('figures.model')}>{request.requested_model ?? '—'}{request.upstream_model && request.upstream_model !== request.requested_model ? ` → ${request.upstream_model}` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('requests.format')}>{request.client_format}{request.stream ? ` (${t('requests.stream')})` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('requests.inputTokens')}>{formatCount(request.input_tokens)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.outputTokens')}>{formatCount(request.output_tokens)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.cacheReadTokens')}>{formatCount(request.cache_read_tokens)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.cacheWriteTokens')}>{formatCount(request.cache_write_tokens)}</Descriptions.Item>
            {request.credits ? <Descriptions.Item label={t('requests.credits')}>{request.credits}</Descriptions.Item> : null}
            <Descriptions.Item label={t('figures.cost')}>{formatCost(request.cost)}</Descriptions.Item>
            <Descriptions.Item label={t('figures.latency')}>{formatMilliseconds(request.latency_ms)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.ttft')}>{formatMilliseconds(request.ttft_ms)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.client')}>{request.client_ip ?? '—'}{request.user_agent ? ` · ${request.user_agent}` : ''}</Descriptions.Item>
          </Descriptions>
        </>
      ) : null}
    </Drawer>
  );
}
