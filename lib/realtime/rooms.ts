// Socket rooms follow the region tree (DESIGN §1): an event about a department reaches the rooms of the
// department, its region and every region above it; a socket joins only the rooms of its user's scope.
// Besides its scope room every socket joins the room of its session and of its user, so ending a session
// (sign-out) or all of a user's (deactivation, a new password) reaches its sockets on every web process.

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

/** A session's sockets, named by the SHA-256 of its token (what Postgres keeps; the token itself is secret). */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;

/** Every socket of a user, whatever session it came with. */
export const userRoom = (userId: number) => `user:${userId}`;
