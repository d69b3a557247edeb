import type { ExpectedSource } from '../dataset/questions.js';
import type { PassageLocation, RetrievedPassage } from './retrieved-passage.js';

/**
 * Whether a passage comes from an expected source: the same document and, for each field the
 * source gives, the same place. A passage spanning pages or rows matches any page or row in its
 * span; a heading matches any level of the passage's heading path, ignoring case and spacing.
 */
export function matchesExpectedSource(passage: RetrievedPassage, expected: ExpectedSource): boolean {
  if (passage.document !== expected.document) return false;
  const { location } = passage;
  if (expected.page !== undefined && !withinSpan(expected.page, location.page, location.pageEnd)) return false;
  if (expected.sheet !== undefined && location.sheet !== expected.sheet) return false;
  if (expected.row !== undefined && !withinSpan(expected.row, location.row, location.rowEnd)) return false;
  if (expected.heading !== undefined && !hasHeading(location, expected.heading)) return false;
  return true;
}

/** Whether a passage matches any of a question's expected sources. */
export function isRelevant(passage: RetrievedPassage, expectedSources: readonly ExpectedSource[]): boolean {
  return expectedSources.some((expected) => matchesExpectedSource(passage, expected));
}

function withinSpan(wanted: number, first: number | undefined, last: number | undefined): boolean {
  return first !== undefined && wanted >= first && wanted <= (last ?? first);
}

function hasHeading(location: PassageLocation, heading: string): boolean {
  const wanted = foldHeading(heading);
  return (location.headingPath ?? []).some((level) => foldHeading(level) === wanted);
}

function foldHeading(heading: string): string {
  return heading.replace(/\s+/g, ' ').trim().toLowerCase();
}
