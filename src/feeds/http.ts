/** How patient Marsad is with other people's servers. */
export interface FetchPolicy {
  readonly timeoutMs: number;
  /** Further tries after the first, for network errors, timeouts, 429 and 5xx. */
  readonly retries: number;
  /** The first wait between tries; each next wait doubles. */
  readonly backoffMs: number;
  readonly maxBytes: number;
  readonly userAgent: string;
}

export const DEFAULT_POLICY: FetchPolicy = {
  timeoutMs: 20_000,
  retries: 2,
  backoffMs: 1_000,
  maxBytes: 10 * 1024 * 1024,
  userAgent: 'Marsad/0.1 (+https://github.com/marsad; conflict-event observatory)',
};

export interface Fetched {
  readonly status: number;
  /** After redirects. */
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly contentType: string | null;
  readonly body: Buffer;
}

export class FetchError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET with a timeout, retries with exponential backoff on what may pass (network errors, timeouts,
 * 429, 5xx), none on what will not (4xx, redirect loops, oversized bodies). A 304 is an answer, not
 * an error. Throws FetchError with a message fit for the feed's error state.
 */
export async function fetchUrl(url: string, headers: Record<string, string>, policy: FetchPolicy = DEFAULT_POLICY): Promise<Fetched> {
  let lastError = '';
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) await sleep(policy.backoffMs * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'user-agent': policy.userAgent, ...headers }, redirect: 'follow', signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { message?: string; code?: string } }).cause;
      if ((error as Error).name === 'TimeoutError') lastError = `no answer within ${policy.timeoutMs / 1000} s`;
      else if (/redirect/i.test(cause?.message ?? '')) throw new FetchError('too many redirects (a redirect loop?)');
      else lastError = cause?.code ?? cause?.message ?? (error as Error).message;
      continue;
    }
    if (response.status === 429 || response.status >= 500) {
      lastError = `HTTP ${response.status}`;
      await response.body?.cancel();
      continue;
    }
    if (response.status >= 400) {
      await response.body?.cancel();
      throw new FetchError(`HTTP ${response.status}`);
    }
    try {
      const body = response.status === 304 ? Buffer.alloc(0) : await readCapped(response, policy);
      return {
        status: response.status,
        url: response.url || url,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        contentType: response.headers.get('content-type'),
        body,
      };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      lastError = (error as Error).name === 'TimeoutError' ? `no answer within ${policy.timeoutMs / 1000} s` : (error as Error).message;
    }
  }
  throw new FetchError(`${lastError} after ${policy.retries + 1} tries`);
}

async function readCapped(response: Response, policy: FetchPolicy): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > policy.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`the body is over ${policy.maxBytes / 1048576} MB`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Text by the charset the server or the document declares (Arabic sites still serve windows-1256). */
export function decodeBody(fetched: Fetched): string {
  const head = fetched.body.subarray(0, 1024).toString('latin1');
  const charset =
    /charset=["']?([\w-]+)/i.exec(fetched.contentType ?? '')?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(fetched.body);
  } catch {
    return new TextDecoder('utf-8').decode(fetched.body);
  }
}
