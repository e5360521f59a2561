// Shared by the banner (a client component, which sets it) and the layout (which reads it): a constant
// exported from a 'use client' module would reach the server as a client reference, not a string.
/** Set when someone closes the calendar banner; the layout leaves the banner out while it names the same year. */
export const CALENDAR_BANNER_COOKIE = 'dw_calendar_banner_closed';
