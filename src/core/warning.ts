/** Something a converter could not express and dropped instead of failing the request. */
export interface ConversionWarning {
  feature: string;
  detail: string;
}
