import { Alert, App, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { importResultSchema, type ImportResultDto } from '../../api/contract/account-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';

type ImportRow = ImportResultDto['results'][number];

/** Parses pasted text into the array the import endpoint takes; a single object is accepted as one row. */
export function parseImportText(text: string): { ok: true; rows: unknown[] } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: 'Paste a JSON array of accounts.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (Array.isArray(parsed)) return parsed.length > 0 ? { ok: true, rows: parsed } : { ok: false, message: 'The array is empty.' };
  if (parsed && typeof parsed === 'object') return { ok: true, rows: [parsed] };
  return { ok: false, message: 'Expected a JSON array of account objects.' };
}

function rowError(row: ImportRow): string {
  if (!row.error) return '';
  return typeof row.error === 'string' ? row.error : row.error.message;
}

/** Bulk import: paste JSON, send it, see a result per row. */
export function AccountImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { client } = useAdminSession();
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
      const answer = await client.send('POST', '/admin/accounts/import', parsed.rows, importResultSchema);
      setResult(answer);
      message.success(`Imported ${answer.created ?? answer.results.filter((row) => row.ok).length} of ${answer.results.length}`);
      onImported();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal title="Import accounts" open={open} onCancel={close} onOk={result ? close : send} okText={result ? 'Done' : 'Import'} confirmLoading={sending} width={720} cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}>
      {result ? (
        <Table<ImportRow>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={result.results}
          columns={[
            { title: 'Row', dataIndex: 'index', width: 60 },
            { title: 'Result', key: 'ok', width: 90, render: (_, row) => (row.ok ? <Tag color="green">created</Tag> : <Tag color="red">failed</Tag>) },
            { title: 'Detail', key: 'detail', render: (_, row) => (row.ok ? <Typography.Text code>{row.id}</Typography.Text> : rowError(row)) },
          ]}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            A JSON array of accounts in the same shape as the add form, e.g. {'[{"name":"a","provider":"openai","api_key":"sk-…"}]'}. Each row is checked on its own.
          </Typography.Paragraph>
          <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} rows={10} placeholder="[ … ]" style={{ fontFamily: 'monospace' }} aria-label="Accounts JSON" />
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
        </>
      )}
    </Modal>
  );
}
