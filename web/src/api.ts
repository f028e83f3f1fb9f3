export interface VersionInfo {
  name: string;
  version: string;
}

function isVersionInfo(value: unknown): value is VersionInfo {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['name'] === 'string' && typeof record['version'] === 'string';
}

// The version is decoration: any failure yields null and the footer simply omits it.
export async function fetchVersion(): Promise<VersionInfo | null> {
  try {
    const response = await fetch('/api/v1/version', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isVersionInfo(body) ? body : null;
  } catch {
    return null;
  }
}
