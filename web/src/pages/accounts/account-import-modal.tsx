import { Alert, App, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { i18n } from '../../i18n/i18n';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';

type ImportRow = ImportResultDto['results'][number];

/** Parses pasted text into the array the import endpoint takes; a single object is accepted as one row. */
export function parseImportText(text: string): { ok: true; rows: unknown[] } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: i18n.t('accountImport.pasteArray') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: i18n.t('accountImport.notJson', { message: error instanceof Error ? error.message : String(error) }) };
  }
  if (Array.isArray(parsed)) return parsed.length > 0 ? { ok: true, rows: parsed } : { ok: false, message: i18n.t('accountImport.empty') };
  if (parsed && typeof parsed === 'object') return { ok: true, rows: [parsed] };
  return { ok: false, message: i18n.t('accountImport.expectedArray') };
}

function rowError(row: ImportRow): string {
  return row.ok ? '' : (row.error ?? '');
}

/** Bulk import: paste JSON, send it, see a result per row. */
export function AccountImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultDto | null>(null);
  const [sending, setSending] = useState(false);

  const close = () => {
    setText('');
    setProblem(null);
    setResult(null);
    onClose();
  };

  const send = async () => {
    const parsed = parseImportText(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      const answer = await unwrap(api.POST('/admin/accounts/import', { body: parsed.rows as never }));
      setResult(answer);
      message.success(t('accountImport.imported', { created: answer.created, total: answer.results.length }));
      onImported();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal title={t('accountImport.title')} open={open} onCancel={close} onOk={result ? close : send} okText={result ? t('common.done') : t('accounts.import')} cancelText={t('common.cancel')} confirmLoading={sending} width={720} cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}>
      {result ? (
        <Table<ImportRow>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={result.results}
          columns={[
            { title: t('accountImport.row'), dataIndex: 'index', width: 60 },
            { title: t('accountImport.result'), key: 'ok', width: 90, render: (_, row) => (row.ok ? <Tag color="green">{t('accountImport.created')}</Tag> : <Tag color="red">{t('accountImport.failed')}</Tag>) },
            { title: t('accountImport.detail'), key: 'detail', render: (_, row) => (row.ok ? <Typography.Text code>{row.id}</Typography.Text> : rowError(row)) },
          ]}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('accountImport.intro')} <Typography.Text code>{'[{"name":"a","provider":"openai","api_key":"sk-…"}]'}</Typography.Text>
          </Typography.Paragraph>
          <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} rows={10} placeholder="[ … ]" style={{ fontFamily: 'monospace' }} aria-label={t('accountImport.jsonLabel')} />
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
        </>
      )}
    </Modal>
  );
}
