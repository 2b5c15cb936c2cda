/**
 * What belongs to a project in a result: its parcels, the bonds issued for it (a rollover bond
 * counts under the bond it rolls over), its project account. A bond without a project speaks for
 * every parcel, as the engine's coverage does.
 */
import type { BondReport } from '../funding-report';
import type { ParcelRow, Result } from '../report';
import type { Text } from '../model';

export interface ProjectScope {
  readonly id: string | null;
  readonly name: Text;
  readonly parcels: readonly ParcelRow[];
  /** Bonds issued for the project (originals; rollovers are followed through `rolloverOf`). */
  readonly bonds: readonly BondReport[];
  readonly account: string | null;
  readonly coverageRatio: string | null;
  readonly available: string;
  readonly debtService: string;
}

export function projectScopes(result: Result): ProjectScope[] {
  const originals = result.bonds.filter((b) => !b.rolloverOf);
  const scopes: ProjectScope[] = result.projects.map((p) => ({
    id: p.id,
    name: p.name,
    parcels: result.parcels.filter((x) => p.parcels.includes(x.id)),
    bonds: originals.filter((b) => b.project === p.id),
    account: result.accounts.some((a) => a.id === `project:${p.id}`) ? `project:${p.id}` : null,
    coverageRatio: p.coverageRatio,
    available: p.available,
    debtService: p.debtService,
  }));
  const loose = originals.filter((b) => !b.project);
  if (loose.length > 0) {
    scopes.push({ id: null, name: { zh: '全部宗地', en: 'All parcels' }, parcels: result.parcels, bonds: loose, account: null, coverageRatio: loose.length === 1 ? loose[0].coverageRatio : null, available: loose[0].available, debtService: loose[0].debtService });
  }
  return scopes;
}

