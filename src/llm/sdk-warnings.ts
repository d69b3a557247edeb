import type { FastifyBaseLogger } from 'fastify';

interface SdkWarningReport {
  warnings: unknown[];
  provider?: string;
  model?: string;
}

declare global {
  // The AI SDK reads this global to decide where its warnings go (false, or a function).
  var AI_SDK_LOG_WARNINGS: false | ((report: SdkWarningReport) => void) | undefined;
}

/**
 * Sends the AI SDK's warnings (unsupported settings and the like) to the platform's log at debug
 * level instead of the console, where they would bypass log shipping and spam every call.
 */
export function routeSdkWarningsTo(logger: FastifyBaseLogger): void {
  globalThis.AI_SDK_LOG_WARNINGS = (report) => {
    logger.debug({ provider: report.provider, model: report.model, warnings: report.warnings }, 'AI SDK warnings');
  };
}
