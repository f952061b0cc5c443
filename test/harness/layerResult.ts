export interface LayerResult {
  passes: number;
  failures: number;
  pending: number;
}
