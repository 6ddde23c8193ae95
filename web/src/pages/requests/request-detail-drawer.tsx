import { Alert, Descriptions, Drawer, Tag } from 'antd';
import type { RequestLogDto } from '../../api/contract/request-log-dto';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatMilliseconds } from '../../format/format-milliseconds';

/** Everything logged about one request: tokens by kind, cost, latency, time to first token, error. */
export function RequestDetailDrawer({ request, onClose }: { request: RequestLogDto | null; onClose: () => void }) {
  return (
    <Drawer title="Request" open={request !== null} onClose={onClose} size={Math.min(520, window.innerWidth)}>
      {request ? (
        <>
          {request.status === 'error' ? (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={request.error_type ?? 'error'} description={request.error_message ?? undefined} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Time">{formatDateTime(request.created_at)}</Descriptions.Item>
            <Descriptions.Item label="Request id">{request.id}</Descriptions.Item>
            <Descriptions.Item label="Status">
              <Tag color={request.status === 'success' ? 'green' : 'red'}>{request.status}</Tag> HTTP {request.http_status ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Key">{request.api_key_name ?? request.api_key_id ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Account">{request.account_name ?? request.account_id ?? '—'} {request.provider ? <Tag>{request.provider}</Tag> : null}</Descriptions.Item>
            <Descriptions.Item label="Model">{request.requested_model ?? '—'}{request.upstream_model && request.upstream_model !== request.requested_model ? ` → ${request.upstream_model}` : ''}</Descriptions.Item>
            <Descriptions.Item label="Format">{request.client_format ?? '—'}{request.stream ? ' (stream)' : ''}</Descriptions.Item>
            <Descriptions.Item label="Input tokens">{formatCount(request.input_tokens)}</Descriptions.Item>
            <Descriptions.Item label="Output tokens">{formatCount(request.output_tokens)}</Descriptions.Item>
            <Descriptions.Item label="Cache read tokens">{formatCount(request.cache_read_tokens)}</Descriptions.Item>
            <Descriptions.Item label="Cache write tokens">{formatCount(request.cache_write_tokens)}</Descriptions.Item>
            {request.credits ? <Descriptions.Item label="Credits">{request.credits}</Descriptions.Item> : null}
            <Descriptions.Item label="Cost">{formatCost(request.cost)}</Descriptions.Item>
            <Descriptions.Item label="Latency">{formatMilliseconds(request.latency_ms)}</Descriptions.Item>
            <Descriptions.Item label="Time to first token">{formatMilliseconds(request.ttft_ms)}</Descriptions.Item>
            <Descriptions.Item label="Client">{request.client_ip ?? '—'}{request.user_agent ? ` · ${request.user_agent}` : ''}</Descriptions.Item>
          </Descriptions>
        </>
      ) : null}
    </Drawer>
  );
}
