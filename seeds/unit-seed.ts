// One pilot unit's structural demo data, composed without a database: its departments and its
// catalog, with each department's domains taken from the entries it is responsible for.
import { PILOT_UNITS, type PilotUnit } from './geography';
import { buildUnitCatalog, type CatalogEntrySeed } from './catalog';
import { buildUnitDepartments, DOMAINS, type DepartmentSeed, type Domain } from './departments';
import { profileOf, type UnitProfile } from './unit-profiles';

export interface UnitSeed {
  unit: PilotUnit;
  profile: UnitProfile;
  departments: DepartmentSeed[];
  entries: CatalogEntrySeed[];
}

export function buildUnitSeed(unit: PilotUnit): UnitSeed {
  const departments = buildUnitDepartments(unit);
  const entries = buildUnitCatalog(unit, departments);
  const withDomains = departments.map((department) => {
    const owned = new Set<Domain>(entries.filter((e) => e.departmentCode === department.code).map((e) => e.domain));
    const domains = DOMAINS.filter((d) => owned.has(d));
    return { ...department, domains: domains.length > 0 ? domains : (['other'] as Domain[]) };
  });
  return { unit, profile: profileOf(unit), departments: withDomains, entries };
}

export function buildPilotUnitSeeds(): UnitSeed[] {
  return PILOT_UNITS.map(buildUnitSeed);
}
