// Monitoring figures computed into the plans' indicators (English).
export const monitoringFiguresEn: Record<string, string> = {
  'monitoringFigures.classPrinted': 'Class {class}',
};
