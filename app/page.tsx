import { redirect } from 'next/navigation';

// The alert wall (监督总览) will live here; until then the region overview is the landing page.
export default function Home() {
  redirect('/regions');
}
