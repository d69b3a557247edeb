import type { PdfPage } from '../pdf/pdf-writer.js';

/** The PDF's file name in `eval/documents/`, as questions cite it. */
export const annualReportFileName = 'tidewell-annual-report-2024.pdf';
export const annualReportTitle = 'Tidewell Instruments Annual Report 2024';

/**
 * The annual report's text, one entry per page. Each page carries facts no other page states,
 * so questions can require a specific page.
 */
export const annualReportPages: PdfPage[] = [
  [
    { kind: 'title', text: annualReportTitle },
    { kind: 'paragraph', text: 'Measuring the water the world depends on. Registered office: 9 Marrow Quay, Port Calder, PC4 2LW, Scotland. Company number SC418207.' },
    { kind: 'heading', text: "Chair's statement" },
    { kind: 'paragraph', text: 'It is my privilege to introduce the results of a year in which Tidewell Instruments grew faster than at any time since it was founded by Magnus Tidewell in 2003. Group revenue reached £48.6 million, an increase of 11.2 percent on the £43.7 million reported for 2023.' },
    { kind: 'paragraph', text: 'We ended the year with 412 employees, up from 371, and in March 2024 we opened our first office in Asia, in Singapore, to serve customers across the Asia-Pacific region from the same time zone.' },
    { kind: 'paragraph', text: 'The board recommends a final dividend of 6.4 pence per ordinary share, bringing the total dividend for the year to 9.1 pence. Subject to approval at the annual general meeting, the final dividend will be paid on 20 June 2025 to shareholders on the register on 23 May 2025.' },
    { kind: 'paragraph', text: 'Dame Helen Oduya, Chair' },
  ],
  [
    { kind: 'heading', text: "Chief Executive's review" },
    { kind: 'paragraph', text: 'The defining event of 2024 was the launch of the SondeLine S4 multiparameter sonde in June. Customers had asked for a sonde that could stay in the water for a full season, and the S4 does exactly that. We shipped 1,870 S4 units in its first seven months, well ahead of our plan of 1,400.' },
    { kind: 'paragraph', text: 'In September we signed the largest contract in our history: a five-year monitoring agreement with the Nordfjord Water Authority worth £7.2 million, covering 140 river and fjord monitoring stations in western Norway.' },
    { kind: 'paragraph', text: 'Our order backlog at 31 December 2024 stood at £19.3 million, compared with £12.8 million a year earlier, which gives us good visibility of revenue for 2025.' },
    { kind: 'paragraph', text: 'CalderCloud, our hosted data platform, passed 2,600 paying subscriptions during the year. Recurring software and service revenue now makes up 17 percent of group revenue.' },
    { kind: 'paragraph', text: 'Ingrid Solberg-Mackay, Chief Executive Officer' },
  ],
  [
    { kind: 'heading', text: 'Financial review' },
    { kind: 'paragraph', text: 'Gross margin improved to 54.8 percent from 52.1 percent, helped by the higher share of sonde sales and by lower freight costs in the second half. Operating profit rose to £6.9 million, an operating margin of 14.2 percent.' },
    { kind: 'paragraph', text: 'We invested £5.1 million in research and development, equal to 10.5 percent of revenue. Capital expenditure was £2.3 million, most of it on a second calibration line at the Port Calder factory.' },
    { kind: 'subheading', text: 'Revenue by region' },
    { kind: 'paragraph', text: 'Europe, the Middle East and Africa remained our largest market at £24.1 million. The Americas contributed £14.9 million and Asia-Pacific £9.6 million; Asia-Pacific was the fastest-growing region, up 24.7 percent.' },
    { kind: 'subheading', text: 'Cash and financing' },
    { kind: 'paragraph', text: 'Net cash at the year end was £12.4 million. The group has no bank borrowings and an undrawn revolving credit facility of £10 million with Caledonian Merchant Bank, available until August 2027.' },
    { kind: 'paragraph', text: 'Tomasz Weir, Chief Financial Officer' },
  ],
  [
    { kind: 'heading', text: 'Sustainability' },
    { kind: 'paragraph', text: 'Our scope 1 and 2 greenhouse gas emissions fell by 18 percent to 1,140 tonnes of carbon dioxide equivalent. Since October 2024 the Port Calder factory has run entirely on renewable electricity, supplied under a ten-year agreement with the Glenraddie community wind farm.' },
    { kind: 'paragraph', text: 'We have committed to reach net zero across scopes 1, 2 and 3 by 2035. In 2024 we recycled or reused 86 percent of our manufacturing waste, and we took back 310 retired instruments from customers for refurbishment or recycling.' },
    { kind: 'paragraph', text: 'Colleagues gave 640 hours of volunteer time to the Calder Estuary restoration project, planting seagrass and surveying oyster beds alongside the Port Calder Marine Trust.' },
  ],
  [
    { kind: 'heading', text: 'Principal risks' },
    { kind: 'paragraph', text: 'Supply of components. The optical membranes used in our dissolved oxygen sensors come from a single supplier, Vantor Optics. We hold nine months of stock and are qualifying a second supplier, with approval expected in the third quarter of 2025.' },
    { kind: 'paragraph', text: 'Currency. About 58 percent of revenue is invoiced in currencies other than sterling, mainly euros and US dollars. We hedge up to 70 percent of forecast foreign currency receipts for the following twelve months.' },
    { kind: 'paragraph', text: 'Information security. As more customers rely on CalderCloud, a breach could harm them and us. The platform achieved ISO/IEC 27001 certification in November 2024 and is tested twice a year by an independent penetration testing firm.' },
  ],
  [
    { kind: 'heading', text: 'Governance' },
    { kind: 'paragraph', text: 'The board has seven directors: the chair, two executive directors and four independent non-executive directors. The audit committee is chaired by Priya Lindqvist, a chartered accountant and former finance director of a listed engineering group.' },
    { kind: 'paragraph', text: 'The annual general meeting will be held at 11:00 on 14 May 2025 at the Port Calder Maritime Hall. Shareholders who cannot attend may vote by proxy until 11:00 on 12 May 2025.' },
    { kind: 'heading', text: 'Outlook' },
    { kind: 'paragraph', text: 'With a record order book, the board expects revenue for 2025 of between £53 million and £55 million. We plan to recruit 45 engineers during 2025 and to begin production of the TideCast Mini buoy in the autumn.' },
  ],
];
