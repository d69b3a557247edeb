import type { TestApp } from './test-app.js';

/** A private OpenAI-compatible provider of the given user's, for chatbots that name a real provider. */
export async function createTestProvider(t: TestApp, token: string): Promise<string> {
  const response = await t.request('POST', '/api/v1/llm-providers', {
    token,
    body: { name: 'Test provider', type: 'openai-compatible', apiEndpoint: 'https://llm.example.test/v1' },
  });
  if (response.status !== 201) throw new Error(`provider not created: ${response.text}`);
  return response.body.data.llmProvider.id as string;
}
