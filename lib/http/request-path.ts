// Set by proxy.ts on every page request, so a server component can send a signed-out visitor to
// /login?next=<the page they asked for>.
export const REQUEST_PATH_HEADER = 'x-dw-path';
