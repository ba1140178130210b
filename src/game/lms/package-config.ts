// A SCORM package is the built site with one line added to index.html by the packager
// (scripts/build-scorm.ts): <meta name="crisis-lab-package" content='{"lms":"scorm12",...}'>.
// It says that an LMS is expected, and which assignment (scenario, rules, seed) the instructor
// fixed, if any. The plain website has no such line and never looks for an LMS.

export const PACKAGE_META = 'crisis-lab-package';

export interface PackageConfig {
  lms: 'scorm12';
  /** The instructor's assignment as an assignment link's query (`scenario=…&rules=…&seed=…&lock=1`), or null. */
  assignment: string | null;
}

export function readPackageConfig(doc: Pick<Document, 'querySelector'>): PackageConfig | null {
  const content = doc.querySelector(`meta[name="${PACKAGE_META}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    const data = JSON.parse(content) as Partial<PackageConfig>;
    if (data.lms !== 'scorm12') return null;
    return { lms: 'scorm12', assignment: typeof data.assignment === 'string' && data.assignment ? data.assignment : null };
  } catch {
    return null;
  }
}

/** The query an assignment is read from: the package's own, else the page's. */
export function assignmentSearch(config: PackageConfig | null, pageSearch: string): string {
  return config?.assignment ? `?${config.assignment}` : pageSearch;
}
