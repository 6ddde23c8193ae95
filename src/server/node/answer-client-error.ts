import type { Duplex } from 'node:stream';

/** What each parser failure means to the client; anything unknown is a plain 400. */
function describeClientError(code: string | undefined): { status: number; reason: string; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'Request Header Fields Too Large', message: 'The request headers are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', message: 'The request was not received in time.' };
    default:
      return { status: 400, reason: 'Bad Request', message: 'The request is not valid HTTP.' };
  }
}

/**
 * The server's 'clientError' handler: Node's default answers an oversized header with a bare 431
 * and no body. This writes the status with a short JSON error (OpenAI's shape, which every SDK
 * reads) and closes the connection. A socket that is already gone is just destroyed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, reason, message } = describeClientError(error.code);
  const body = JSON.stringify({ error: { message, type: 'invalid_request_error', code: reason.toLowerCase().replaceAll(' ', '_') } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
