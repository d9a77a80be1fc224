export {
  CLI_CSV_LIMITS,
  CsvInputError,
  dataActCsvGrid,
  type CsvInput,
  type CsvLimits,
  type CsvRefusal,
  type DataActSheet,
} from './fileCsv';
export { withDataActCsvs, type DataActCsvs } from './withCsvs';
