// Socket rooms follow the region tree (DESIGN §1): an event about a department reaches the rooms of the
// department, its region and every region above it; a socket joins only the rooms of its user's scope.

export const regionRoom = (regionCode: string) => `region:${regionCode}`;
export const departmentRoom = (departmentId: number) => `dept:${departmentId}`;

/** Rooms an event must reach: the department's room and one per region on the path '320000.320100.320105'. */
export function roomsForSubject(regionPath: string, departmentId: number | null): string[] {
  const rooms = regionPath.split('.').map(regionRoom);
  if (departmentId !== null) rooms.push(departmentRoom(departmentId));
  return rooms;
}

/** The single room a user listens on: a department user hears only their department. */
export function roomForScope(scope: { regionCode: string; departmentId: number | null }): string {
  return scope.departmentId !== null ? departmentRoom(scope.departmentId) : regionRoom(scope.regionCode);
}
