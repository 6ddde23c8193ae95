import { Alert, App, Button, Input, Modal, Table, Tag, Typography, Upload } from 'antd';
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

/** Text files go as text; anything else (a CLI SQLite database) as base64. */
async function fileToImport(file: File): Promise<{ name: string; content?: string; content_base64?: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binary = bytes.includes(0);
  if (!binary) return { name: file.name, content: new TextDecoder().decode(bytes) };
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return { name: file.name, content_base64: btoa(text) };
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
  /** Credential files people already have (Kiro token + registration, CLI database, kiro.rs, amq2api), sent as they are. */
  const [files, setFiles] = useState<File[]>([]);

  const close = () => {
    setText('');
    setFiles([]);
    setProblem(null);
    setResult(null);
    onClose();
  };

  const send = async () => {
    const parsed = files.length > 0 && !text.trim() ? ({ ok: true, rows: [] } as const) : parseImportText(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      const body = files.length > 0 ? { files: await Promise.all(files.map(fileToImport)), ...(text.trim() ? { text } : {}) } : parsed.rows;
      const answer = await client.send('POST', '/admin/accounts/import', body, importResultSchema);
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
            { title: 'Row', key: 'row', width: 160, render: (_, row) => row.source ?? row.index },
            {
              title: 'Result',
              key: 'ok',
              width: 90,
              render: (_, row) => (row.ok ? <Tag color="green">created</Tag> : <Tag color={row.status === 'duplicate' ? 'gold' : 'red'}>{row.status ?? 'failed'}</Tag>),
            },
            { title: 'Detail', key: 'detail', render: (_, row) => (row.ok ? <Typography.Text code>{row.id}</Typography.Text> : rowError(row)) },
          ]}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            A JSON array of accounts in the same shape as the add form, e.g. {'[{"name":"a","provider":"openai","api_key":"sk-…"}]'}. Each row is checked on its own.
          </Typography.Paragraph>
          <Upload multiple fileList={files.map((file, index) => ({ uid: String(index), name: file.name }))} beforeUpload={(file) => (setFiles((current) => [...current, file]), false)} onRemove={(removed) => setFiles((current) => current.filter((_, index) => String(index) !== removed.uid))}>
            <Button style={{ marginBottom: 12 }}>Add credential files</Button>
          </Upload>
          <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} rows={10} placeholder="[ … ]" style={{ fontFamily: 'monospace' }} aria-label="Accounts JSON" />
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
        </>
      )}
    </Modal>
  );
}
