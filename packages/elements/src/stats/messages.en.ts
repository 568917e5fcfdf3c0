/** English messages of `<motcua-stats>`, typed by the Vietnamese catalogue. */
import type { StatsMessages } from './messages.js';

export const en: StatsMessages = {
  title: 'Dossier processing results',
  period: (from, to) => `From ${from} to ${to}`,
  received: 'Dossiers received',
  settled: 'Settled',
  onTime: 'Settled on time or early',
  overdue: 'Overdue',
  inProgress: 'In progress, within the time limit',
  onTimeOf: (n) => `of ${n} settled dossiers`,
  early: 'Early',
  onDay: 'On time',
  late: 'Late',
  noRate: 'Nothing settled yet',
  beside: (name) => `${name}:`,
  empty: 'No dossiers in this period.',
  monthly: 'By month',
  legendReceived: 'Received',
  chart: (scope, from, to, peak, peakMonth) =>
    `Bar chart of dossiers received and settled (early, on time, late) each month in ${scope}, from ${from} to ${to}. ` +
    `Busiest month: ${peakMonth}, ${peak} dossiers received. The table below has the figures.`,
  table: 'Show the figures as a table',
  month: 'Month',
  onTimeRate: 'On time or early',
  partial: (month, to) => `${month} is not over: figures up to ${to}.`,
};
