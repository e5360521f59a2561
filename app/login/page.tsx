// /login – sign-in page (zh-CN). Already signed in → straight on to ?next= or the role's landing page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { landingPathFor } from '../../lib/auth/roles';
import { safeNextPath, SESSION_ENDED_REASON } from '../../lib/auth/safe-next-path';
import { getCurrentUser } from '../_server/current-user';
import { LoginForm } from './login-form';
import styles from './login.module.css';

export const metadata: Metadata = { title: '登录 · 政务公开在线监督预警平台' };
export const dynamic = 'force-dynamic';

const CAPABILITIES = [
  { title: '目录执行实时监测', detail: '对照政务公开事项目录，逐条核对公开时限、内容要素和渠道' },
  { title: '临期超期自动预警', detail: '按工作日历计算期限，临期、超期、严重超期分级推送' },
  { title: '投诉办理闭环跟踪', detail: '受理、派单、签收、办理、答复、回访、办结全程留痕' },
  { title: '考核评估有据可查', detail: '部门、岗位按月评分，每一项扣分均可追溯到具体事实' },
];

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, reason } = await searchParams;
  const nextPath = safeNextPath(typeof next === 'string' ? next : null);
  // a live page whose session ended sent the user here (app/_client/realtime-provider.tsx)
  const isSessionEnded = reason === SESSION_ENDED_REASON;
  // a database outage must not take the sign-in page down with it: show the form, the API will answer 503
  const current = await getCurrentUser().catch(() => null);
  if (current) redirect(nextPath ?? landingPathFor(current.user.role));

  return (
    <div className={styles.page}>
      <header className={styles.strip}>
        <div className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">
            政
          </span>
          <div>
            <div className={styles.productName}>政务公开在线监督预警平台</div>
            <div className={styles.productSub}>政府信息公开 · 全程监督 · 实时预警</div>
          </div>
        </div>
      </header>

      <main className={styles.main}>
        <div className={styles.panel}>
          <section className={styles.intro} aria-label="平台简介">
            <h1 className={styles.introTitle}>让每一项公开都按时、完整、可追溯</h1>
            <p className={styles.introLead}>
              依据《中华人民共和国政府信息公开条例》，面向各级政务公开办、分管领导、投诉处理人员和部门联络员。
            </p>
            <ul className={styles.capabilities}>
              {CAPABILITIES.map((item) => (
                <li key={item.title}>
                  <span className={styles.capabilityTitle}>{item.title}</span>
                  <span className={styles.capabilityDetail}>{item.detail}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className={styles.card} aria-label="用户登录">
            <h2 className={styles.cardTitle}>用户登录</h2>
            <p className={styles.cardSub}>请使用本单位分配的账号登录</p>
            <LoginForm nextPath={nextPath} isSessionEnded={isSessionEnded} />
            <p className={styles.cardHint}>忘记密码或账号被停用，请联系本级政务公开办系统管理员。</p>
          </section>
        </div>
      </main>

      <footer className={styles.footer}>
        本系统仅供授权工作人员使用，所有操作均记录在案 · 群众投诉请访问
        <Link href="/public/complaint" prefetch={false}>网上投诉</Link>，申请政府信息公开请访问
        <Link href="/public/request" prefetch={false}>依申请公开</Link>
      </footer>
    </div>
  );
}
