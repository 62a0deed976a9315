// Monitoring figures computed into the plans' indicators (ecociv monitoring link / links / compute): printed
// words, refusals and the provenance in words.
export const monitoringFiguresZhCN: Record<string, string> = {
  'monitoringFigures.classPrinted': '{class}类',
};
