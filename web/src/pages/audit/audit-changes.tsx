import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../api/api-types';

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** One audit entry's fields before and after (credentials already redacted by the server). */
export function AuditChanges({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const rows: ChangeRow[] = [...new Set([...Object.keys(before), ...Object.keys(after)])].map((field) => ({ field, before: entry.before ? before[field] : undefined, after: entry.after ? after[field] : undefined }));
  return (
    <div data-testid="audit-changes">
      {rows.length > 0 ? (
        <Table<ChangeRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          tableLayout="fixed"
          columns={[
            { title: t('audit.field'), dataIndex: 'field', width: 180 },
            { title: t('audit.before'), key: 'before', render: (_, row) => <span style={{ wordBreak: 'break-word' }}>{show(row.before)}</span> },
            { title: t('audit.after'), key: 'after', render: (_, row) => <span style={{ wordBreak: 'break-word' }}>{show(row.after)}</span> },
          ]}
        />
      ) : null}
      {entry.request !== null && entry.request !== undefined ? (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('audit.requestBody')} </Typography.Text>
          <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '4px 0 0', fontSize: 12 }}>{JSON.stringify(entry.request)}</pre>
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
