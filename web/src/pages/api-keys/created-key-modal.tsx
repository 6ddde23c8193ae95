import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a new key once, with a copy button. */
export function CreatedKeyModal({ plaintext, name, onClose }: { plaintext: string | null; name: string; onClose: () => void }) {
  return (
    <Modal title={`Key created: ${name}`} open={plaintext !== null} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>I have copied it</Button>} mask={{ closable: false }}>
      <Alert type="warning" showIcon title="Copy this key now. It is shown only once and cannot be recovered." style={{ marginBottom: 16 }} />
      <div data-testid="created-key" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', background: '#f5f5f5', border: '1px solid #e8e8e8', borderRadius: 6, padding: '10px 12px', wordBreak: 'break-all', userSelect: 'all' }}>
        {plaintext}
      </div>
      <Typography.Text copyable={{ text: plaintext ?? '', tooltips: ['Copy the key', 'Copied'] }} style={{ display: 'inline-block', marginTop: 8 }}>
        Copy to clipboard
      </Typography.Text>
    </Modal>
  );
}
