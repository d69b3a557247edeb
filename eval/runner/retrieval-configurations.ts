export type RetrievalMethod = 'sparse' | 'dense' | 'hybrid';

/** One way of searching the knowledge base that the eval scores. */
export interface RetrievalConfiguration {
  name: string;
  method: RetrievalMethod;
  /** Weight of full-text scores in hybrid retrieval; only hybrid configurations set it. */
  sparseWeightage?: number;
  reranking: boolean;
}

/** The hybrid weight the issue asks about, besides the knowledge base's default. */
export const evenSparseWeightage = 0.5;

/**
 * Sparse, dense and hybrid retrieval, each without and with reranking. Hybrid runs at an even
 * weight and at the knowledge base's default weight; when the two coincide it runs once, named
 * as both.
 */
export function retrievalConfigurations(defaultSparseWeightage: number): RetrievalConfiguration[] {
  const hybridWeights =
    defaultSparseWeightage === evenSparseWeightage
      ? [{ weight: evenSparseWeightage, label: `hybrid (sparse ${evenSparseWeightage}, KB default)` }]
      : [
          { weight: evenSparseWeightage, label: `hybrid (sparse ${evenSparseWeightage})` },
          { weight: defaultSparseWeightage, label: `hybrid (sparse ${defaultSparseWeightage}, KB default)` },
        ];
  const bases: Omit<RetrievalConfiguration, 'reranking'>[] = [
    { name: 'sparse', method: 'sparse' },
    { name: 'dense', method: 'dense' },
    ...hybridWeights.map(({ weight, label }) => ({ name: label, method: 'hybrid' as const, sparseWeightage: weight })),
  ];
  return bases.flatMap((base) => [
    { ...base, reranking: false },
    { ...base, name: `${base.name} + rerank`, reranking: true },
  ]);
}
