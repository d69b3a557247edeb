import { startOpenAiWireServer } from '../../test/helpers/openai-wire-server.js';

// An OpenAI-compatible upstream that answers every chat completion at once, streamed.
const server = await startOpenAiWireServer({
  apiKey: 'sk-bench-upstream',
  defaultText: 'We are open from nine to five on weekdays, and from ten to four on Saturdays.',
});
process.stdout.write(`READY ${new URL(server.baseUrl).port}\n`);
