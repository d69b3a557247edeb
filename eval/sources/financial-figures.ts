/** The spreadsheet's file name in `eval/documents/`, as questions cite it. */
export const financialFiguresFileName = 'tidewell-financial-figures.xlsx';

/** One worksheet: a header row (Excel row 1) and data rows (Excel rows 2, 3, ...). */
export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

type Region = 'EMEA' | 'Americas' | 'Asia-Pacific';

/** Revenue (GBP m), units shipped and gross margin (%) per year and region. */
const regionalResults: Record<number, Record<Region, [number, number, number]>> = {
  2020: { EMEA: [16.1, 2410, 51.0], Americas: [9.2, 1330, 49.5], 'Asia-Pacific': [4.2, 640, 47.8] },
  2021: { EMEA: [17.8, 2620, 51.4], Americas: [10.4, 1480, 50.2], 'Asia-Pacific': [5.0, 760, 48.1] },
  2022: { EMEA: [20.3, 2950, 52.0], Americas: [12.1, 1690, 50.9], 'Asia-Pacific': [6.5, 940, 48.9] },
  2023: { EMEA: [22.4, 3180, 53.0], Americas: [13.6, 1860, 51.6], 'Asia-Pacific': [7.7, 1090, 49.8] },
  2024: { EMEA: [24.1, 3320, 55.9], Americas: [14.9, 1980, 54.6], 'Asia-Pacific': [9.6, 1310, 51.7] },
};

export const financialFiguresSheets: SheetData[] = [
  {
    name: 'Revenue by region',
    header: ['Year', 'Region', 'Revenue (GBP m)', 'Units shipped', 'Gross margin (%)'],
    rows: Object.entries(regionalResults).flatMap(([year, regions]) =>
      Object.entries(regions).map(([region, [revenue, units, margin]]) => [Number(year), region, revenue, units, margin]),
    ),
  },
  {
    name: 'Price list 2025',
    header: ['SKU', 'Product', 'List price (GBP)', 'Lead time (weeks)', 'Warranty (months)'],
    rows: [
      ['TW-S4-STD', 'SondeLine S4 multiparameter sonde', 8450, 4, 24],
      ['TW-S2-CMP', 'SondeLine S2 compact sonde', 3950, 3, 24],
      ['TW-TC-BUOY', 'TideCast data buoy', 21600, 10, 24],
      ['TW-HH-GW', 'Harbour Hub cellular gateway', 1280, 2, 12],
      ['TW-DO-CAP', 'Optical dissolved oxygen membrane cap', 165, 1, 6],
      ['TW-CAL-SVC', 'Factory calibration service', 420, 2, 3],
      ['TW-CT-EXT', 'CareTide extended warranty (three extra years)', 1150, 0, 36],
      ['TW-CC-STD', 'CalderCloud Standard, per station per year', 540, 0, 12],
      ['TW-CC-PRO', 'CalderCloud Professional, per station per year', 960, 0, 12],
    ],
  },
  {
    name: 'Headcount',
    header: ['Year', 'Engineering', 'Manufacturing', 'Sales and marketing', 'Customer support', 'Administration', 'Total'],
    rows: [
      [2022, 96, 131, 47, 35, 30, 339],
      [2023, 109, 138, 52, 40, 32, 371],
      [2024, 128, 146, 58, 44, 36, 412],
    ],
  },
];
