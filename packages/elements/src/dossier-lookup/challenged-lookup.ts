import { HttpError, dossiersApi, type DossierView, type LookupOptions, type RequestOptions, type Transport } from '@motcua/sdk';

/**
 * Look a dossier up; when the server answers that this client must first solve a proof-of-work (after
 * repeated misses), load the solver, solve it and look up again with the solution, all in one lookup.
 * `onChallenge` runs when solving starts, so the widget can say what it is waiting for.
 */
export async function challengedLookup(
  transport: Transport,
  code: string,
  options: RequestOptions & LookupOptions & { signal: AbortSignal },
  onChallenge: () => void,
): Promise<DossierView> {
  const api = dossiersApi(transport);
  try {
    return await api.get(code, options);
  } catch (error) {
    if (!(HttpError.is(error) && error.code === 'challenge_required')) throw error;
    onChallenge();
    const { solveLookupChallenge } = await import('./proof-of-work.js');
    const solution = await solveLookupChallenge(transport, options.signal);
    // Not solved in time: the server's answer stands (the widget offers a retry).
    if (!solution) throw error;
    return api.get(code, { ...options, solution });
  }
}
