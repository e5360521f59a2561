import { describe, expect, it } from 'vitest';
import { roomForScope, roomsForSubject, sessionRoom, userRoom } from './rooms';

describe('socket rooms', () => {
  it('delivers an event to the department and every region above it', () => {
    expect(roomsForSubject('320000.320100.320105', 7)).toEqual([
      'region:320000',
      'region:320100',
      'region:320105',
      'dept:7',
    ]);
  });

  it('keeps a county supervisor out of a sibling county', () => {
    const jianye = roomForScope({ regionCode: '320105', departmentId: null });
    expect(roomsForSubject('320000.320200.320211', 9)).not.toContain(jianye);
  });

  it('puts a department user in their department room only', () => {
    expect(roomForScope({ regionCode: '320105', departmentId: 3 })).toBe('dept:3');
  });

  it('names session and user rooms apart from every scope room', () => {
    const scopeRooms = [...roomsForSubject('320000.320100.320105', 7), roomForScope({ regionCode: '320105', departmentId: null })];
    const hash = 'a'.repeat(64);
    expect(sessionRoom(hash)).toBe(`session:${hash}`);
    expect(userRoom(7)).toBe('user:7');
    expect(scopeRooms).not.toContain(userRoom(7));
    expect(scopeRooms).not.toContain(sessionRoom(hash));
  });
});
