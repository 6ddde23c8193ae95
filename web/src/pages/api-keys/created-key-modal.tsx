import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a new key once, with a copy button. */
export function CreatedKeyModal({ plaintext, name, onClose }: { plaintext: string | null; name: string; onClose: () => void }) {
  return (
    <Modal title={`Key created: ${name}`} open={plaintext !== null} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>I have copied it</Button>} mask={{ closable: false }}>
      <Alert type="warning" showIcon title="Copy this key now. It is shown only once and cannot be recovered." style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: plaintext ?? '', tooltips: ['Copy', 'Copied'] }} code style={{ wordBreak: 'break-all' }} data-testid="created-key">
        {plaintext}
      </Typography.Paragraph>
    </Modal>
  );
}
