import type { OfflineKnowledge } from '../../src/llm/offline/offline-knowledge.js';

/** A small outdoor shop's FAQ and policy passages, as retrieval would hand them to the responder. */
export const northwindKnowledge: OfflineKnowledge = {
  agentName: 'Ava',
  organisationName: 'Northwind Outfitters',
  examples: [
    { question: 'What are your opening hours?', answer: 'Our stores are open Monday to Saturday, 9am to 6pm, and closed on Sundays.' },
    { question: 'Do you ship internationally?', answer: 'Yes, we ship to over 40 countries. International delivery takes 7 to 14 business days.' },
    { question: 'How do I reset my password?', answer: 'Click "Forgot password" on the sign-in page and follow the link we email you.' },
  ],
  passages: [
    {
      id: 'returns-policy#1',
      title: 'Returns and refunds policy',
      location: 'section 1',
      url: 'https://northwind.example/returns',
      text:
        'Northwind accepts returns of unused items within 30 days of delivery. Items must be in their original packaging.\n' +
        'Refunds are issued to the original payment method within 5 business days after we receive the return. ' +
        'Opened electronics can only be exchanged, not refunded.',
    },
    {
      id: 'warranty#2',
      title: 'Warranty',
      location: 'page 2',
      text:
        'All tents and backpacks carry a two-year warranty against manufacturing defects. ' +
        'The warranty does not cover normal wear and tear or damage caused by misuse. ' +
        'To make a warranty claim, email support@northwind.example with your order number and photos of the defect.',
    },
    {
      id: 'membership#1',
      title: 'Northwind Club',
      text:
        'Northwind Club membership costs $25 per year. Members get free standard shipping on all orders and 10% off full-price items. ' +
        'You can cancel your membership at any time from your account settings. It stays active until the end of the paid year.',
    },
  ],
};
