/** A sequential of `layers` layers, each of a different output shape, importing from `from`. */
export function longModel(layers: number, from?: string): { source: string; features: number };
