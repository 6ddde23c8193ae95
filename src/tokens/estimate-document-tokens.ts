import type { DocumentPart } from '../core/chat-request.js';
import { countTextTokens } from './count-text-tokens.js';

/**
 * Anthropic's PDF guide: each page costs its text (typically 1,500–3,000 tokens) plus a page image.
 * We charge 3,000 per page, a deliberate over- rather than under-estimate.
 */
export const tokensPerPdfPage = 3000;
/** When no page objects are visible (compressed object streams), assume one page per this many bytes. */
const bytesPerPageGuess = 60_000;

function countPdfPages(bytes: Buffer): number {
  const pages = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return pages > 0 ? pages : Math.max(1, Math.ceil(bytes.length / bytesPerPageGuess));
}

export function estimateDocumentTokens(document: DocumentPart): number {
  const source = document.source;
  const title = document.title ? countTextTokens(document.title) : 0;
  switch (source.kind) {
    case 'text':
      return title + countTextTokens(source.text);
    case 'url':
      return title + tokensPerPdfPage;
    case 'base64': {
      const bytes = Buffer.from(source.data, 'base64');
      if (source.mediaType.startsWith('text/')) return title + countTextTokens(bytes.toString('utf8'));
      return title + countPdfPages(bytes) * tokensPerPdfPage;
    }
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}
