import { AccessDenied } from './_components/access-denied';

// What forbidden() shows (with HTTP 403) for a record beyond the user's region or department.
export default function Forbidden() {
  return <AccessDenied what="记录" />;
}
