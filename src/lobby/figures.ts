/**
 * The gap wall's figures: only numbers the seed essays state, each with the
 * phrase it comes from (checked against the seed text by a test) and the
 * seed's file name as its caption.
 */

/** One bar of a chart. A range draws from `value` to `valueHigh`. */
export interface FigureBar {
  label: string;
  value: number;
  valueHigh?: number;
  /** How the number is written on the bar, e.g. "$100 B". */
  text: string;
}

/** One chart on the wall. */
export interface Figure {
  id: string;
  title: string;
  /** Seed file the numbers come from. */
  seed: string;
  /** Phrases quoted verbatim from the seed, one per number. */
  quotes: string[];
  unit: string;
  /** 'each': bars are in different units, each scaled to its own high value. @default 'shared' */
  scale?: 'shared' | 'each';
  bars: FigureBar[];
  /** One line under the chart. */
  note: string;
}

/** The figures, left to right. */
export const FIGURES: readonly Figure[] = [
  {
    id: 'money',
    title: 'Where the money went',
    seed: '000_5a51dffbae3720f6.txt (AI) · 003_f3eac69968c55060.txt (metaverse)',
    quotes: ['$100 billion in investment in 2024 alone', 'cost $83.5 billion'],
    unit: 'US$ billion',
    bars: [
      { label: 'AI investment, 2024', value: 100, text: '$100 B' },
      { label: "Meta's metaverse dream", value: 83.5, text: '$83.5 B' },
    ],
    note: 'One year of AI investment outweighs the whole metaverse bet.',
  },
  {
    id: 'latency',
    title: 'How fast a world must answer',
    seed: '002_ebf2af2c4dbba261.txt',
    quotes: ['sub-20ms latency for presence', 'under 50ms for reactive behaviors', 'under 200ms for dialogue'],
    unit: 'ms, at most',
    bars: [
      { label: 'Presence', value: 20, text: '< 20 ms' },
      { label: 'Reactive behaviour', value: 50, text: '< 50 ms' },
      { label: 'Dialogue', value: 200, text: '< 200 ms' },
    ],
    note: 'A headset frame at 90 Hz has 11.1 ms: see this device\u2019s numbers on the right.',
  },
  {
    id: 'ai-cost',
    title: 'What an AI character costs',
    seed: '002_ebf2af2c4dbba261.txt',
    quotes: ['$0.01-0.03 per thousand tokens', '10,000-50,000 tokens per hour', '$5-15 per user-hour'],
    unit: 'as the essay states',
    scale: 'each',
    bars: [
      { label: 'US$ per 1,000 tokens', value: 0.01, valueHigh: 0.03, text: '$0.01–0.03' },
      { label: 'Thousand tokens per user-hour', value: 10, valueHigh: 50, text: '10k–50k' },
      { label: 'US$ per user-hour', value: 5, valueHigh: 15, text: '$5–15' },
    ],
    note: 'Compute cost per user-hour, for meaningfully interactive experiences.',
  },
  {
    id: 'data-gap',
    title: 'The physical-data gap',
    seed: '003_f3eac69968c55060.txt',
    quotes: ['exceeding 99%', 'hundreds of petabytes'],
    unit: '% of the physical interaction data needed',
    bars: [
      { label: 'Missing', value: 99, text: '> 99 %' },
      { label: 'Collected', value: 1, text: '< 1 %' },
    ],
    note: 'Embodied AI needs hundreds of petabytes; real scenes like this twin are where it comes from.',
  },
  {
    id: 'robots',
    title: 'Robots already sorting medicine',
    seed: '003_f3eac69968c55060.txt',
    quotes: ['over ten pharmacies in Beijing', '24-hour medication sorting', 'orders for 100 robots'],
    unit: 'count',
    bars: [
      { label: 'Beijing pharmacies (24 h sorting)', value: 10, text: '> 10' },
      { label: 'Robots ordered for front warehouses', value: 100, text: '100' },
    ],
    note: 'This warehouse is a twin of such a front warehouse.',
  },
  {
    id: 'verdict',
    title: "The market's verdict on a bet",
    seed: '001_1b396eb44a0ead1c.txt',
    quotes: ['fell by more than 15% after hours'],
    unit: '% change in Meta\u2019s share price',
    bars: [{ label: 'After hours, on higher spending', value: 15, text: '−15 %' }],
    note: 'Capital spending without visible returns is punished fast.',
  },
];
