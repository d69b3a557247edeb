import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const version = 'v1';

/** A widget visitor: an anonymous person who talks to one chatbot from one browser. */
export interface Visitor {
  chatbotId: string;
  visitorId: string;
}

/**
 * Signed visitor tokens. The widget keeps one in localStorage and sends it back, so a visitor
 * finds their conversations after a reload; nothing is stored server-side until they write. A
 * token names one chatbot, so it is worthless with another chatbot's key. The signing key is
 * derived from the platform's secret key and used for nothing else.
 */
export class VisitorTokens {
  private readonly signingKey: Buffer;

  constructor(secretKey: string) {
    this.signingKey = createHmac('sha256', secretKey).update('docent widget visitor tokens').digest();
  }

  issue(chatbotId: string): { token: string; visitor: Visitor } {
    const visitor = { chatbotId, visitorId: randomBytes(16).toString('base64url') };
    return { token: this.sign(visitor), visitor };
  }

  /** The visitor a token names, or undefined when it is malformed, forged or for another chatbot. */
  verify(token: string, chatbotId: string): Visitor | undefined {
    const [tokenVersion, tokenChatbotId, visitorId, signature, ...rest] = token.split('.');
    if (tokenVersion !== version || !tokenChatbotId || !visitorId || !signature || rest.length > 0) return undefined;
    const visitor = { chatbotId: tokenChatbotId, visitorId };
    const expected = Buffer.from(this.sign(visitor));
    const actual = Buffer.from(token);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    return tokenChatbotId === chatbotId ? visitor : undefined;
  }

  private sign(visitor: Visitor): string {
    const payload = `${version}.${visitor.chatbotId}.${visitor.visitorId}`;
    return `${payload}.${createHmac('sha256', this.signingKey).update(payload).digest('base64url')}`;
  }
}
