/** The two HTTP bindings of the same service: the Q CLI's awsJson and the Kiro IDE's restJson. */
export interface AmazonQFlavour {
  provider: 'amazonq' | 'kiro';
  origin: 'CLI' | 'AI_EDITOR';
  chatPath: string;
  contentType: string;
  /** `x-amz-target` of the chat call (awsJson only). */
  chatTarget?: string;
}

export const amazonQFlavours: Record<AmazonQFlavour['provider'], AmazonQFlavour> = {
  amazonq: {
    provider: 'amazonq',
    origin: 'CLI',
    chatPath: '/',
    contentType: 'application/x-amz-json-1.0',
    chatTarget: 'AmazonCodeWhispererStreamingService.GenerateAssistantResponse',
  },
  kiro: {
    provider: 'kiro',
    origin: 'AI_EDITOR',
    chatPath: '/generateAssistantResponse',
    contentType: 'application/json',
  },
};
